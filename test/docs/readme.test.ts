// Every TypeScript block in the README compiles, as written, against the package's own entry points: the README
// cannot drift from the code. Each ```ts / ```tsx block is a module of its own, so each must carry its imports.
// A block whose first line names an app's file (`// app/session.ts`) is that file: other named blocks of the same
// README section may import it (`import { readSession } from './session'`), checked as an app's tsconfig does
// (bundler resolution, like examples/next's); every other block is checked as a Node ESM module (NodeNext).
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')

/** The fenced blocks whose language is ts or tsx, with the line they start on, their section and the file they name. */
function typescriptBlocks(markdown: string) {
  const blocks: { language: 'ts' | 'tsx'; code: string; line: number; section: number; file: string | undefined }[] = []
  // A fence may be indented (a block inside a list item): the same indentation is taken off every line.
  const fence = /^( *)```(tsx?)[^\n]*\n([\s\S]*?)^\1```/gm
  for (const match of markdown.matchAll(fence)) {
    const indent = match[1] ?? ''
    const code = (match[3] ?? '').replace(new RegExp(`^${indent}`, 'gm'), '')
    const before = markdown.slice(0, match.index)
    const line = before.split('\n').length
    const section = before.match(/^## /gm)?.length ?? 0
    // `// app/page.tsx` alone on the first line (a path with the block's extension) names the file.
    const file = new RegExp(`^// (\\S+\\.${match[2]})\\n`).exec(code)?.[1]
    blocks.push({ language: match[2] as 'ts' | 'tsx', code, line, section, file })
  }
  return blocks
}

// What a consumer imports, mapped to the source of each entry (so no build is needed to run this test).
const entryPoints: Record<string, string[]> = {
  'agora-auth': ['src/index.ts'],
  'agora-auth/core': ['src/core.ts'],
  'agora-auth/server': ['src/server.ts'],
  'agora-auth/server/node': ['src/serverNode.ts'],
  'agora-auth/testing': ['src/testing.ts'],
}

const blocks = typescriptBlocks(readme)

it('the README has TypeScript blocks to check', () => {
  expect(blocks.length).toBeGreaterThan(0)
})

// The few Next.js APIs the README uses (`next` is installed only in examples/next): see next-stubs.d.ts.
const nextStubs = join(root, 'test/docs/next-stubs.d.ts')

const nodeOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  // Each block is a module even without an import: no block sees another's top-level names.
  moduleDetection: ts.ModuleDetectionKind.Force,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  baseUrl: root,
  paths: entryPoints,
}
// An app's files (Next.js, Vite) resolve as a bundler does: `./session` without an extension.
const appOptions: ts.CompilerOptions = { ...nodeOptions, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }

type Block = (typeof blocks)[number]

/** The README-relative problems of compiling `files` (virtual paths → blocks) as one program. */
function compile(files: Map<string, Block>, options: ts.CompilerOptions): string[] {
  const host = ts.createCompilerHost(options)
  const { getSourceFile, fileExists, readFile, directoryExists } = host
  host.fileExists = (path) => files.has(path) || fileExists.call(host, path)
  // Resolution looks into a folder only if it exists: the blocks' folders exist only here.
  const isBlockFolder = (path: string) => [...files.keys()].some((file) => file.startsWith(`${path}/`))
  host.directoryExists = (path) => isBlockFolder(path) || (directoryExists?.call(host, path) ?? true)
  host.readFile = (path) => files.get(path)?.code ?? readFile.call(host, path)
  host.getSourceFile = (path, language, ...rest) => {
    const block = files.get(path)
    return block ? ts.createSourceFile(path, block.code, language) : getSourceFile.call(host, path, language, ...rest)
  }
  const program = ts.createProgram([...files.keys(), nextStubs], options, host)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((diagnostic) => diagnostic.file && files.has(diagnostic.file.fileName))
    .map((diagnostic) => {
      const block = files.get(diagnostic.file!.fileName)!
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      return `README.md:${block.line + 1 + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
    })
}

it('no two blocks of a section name the same file', () => {
  const named = blocks.filter((block) => block.file).map((block) => `section ${block.section}: ${block.file}`)
  expect(named.filter((name, index) => named.indexOf(name) !== index)).toEqual([])
})

it('every TypeScript block in the README compiles against the package', { timeout: 180_000 }, () => {
  const modules = new Map<string, Block>()
  const appFiles = new Map<string, Block>()
  blocks.forEach((block, index) => {
    if (block.file) appFiles.set(join(root, `.readme-blocks/section${block.section}`, block.file), block)
    else modules.set(join(root, `.readme-blocks/block${index}.${block.language}`), block)
  })
  expect([...compile(modules, nodeOptions), ...(appFiles.size ? compile(appFiles, appOptions) : [])]).toEqual([])
})
