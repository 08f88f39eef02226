// @vitest-environment node
// src/core/openapi/generated.ts is committed (a fresh clone type-checks with no generation step); this test
// keeps it what `npm run generate` writes from spec/agora-v1.yaml, so the document and the types cannot drift.
import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import { generatedPath, generateOpenApiTypes } from '../../scripts/generateOpenApiTypes.js'

it('the committed types are what `npm run generate` writes from the document', async () => {
  const committed = await readFile(generatedPath, 'utf8')
  // On a mismatch: run `npm run generate` and commit src/core/openapi/generated.ts with the document.
  expect(committed === (await generateOpenApiTypes())).toBe(true)
}, 60_000)
