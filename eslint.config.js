// ESLint (flat config) with typescript-eslint: chosen over Biome because the house rules below need
// `no-restricted-syntax` selectors (assignments in arrow bodies, one-letter names), which Biome cannot express.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** The mechanical half of "write code for people" (see ../shared/design.md): what a minifier does, we don't. */
const readableSource = {
  'no-sequences': ['error', { allowInParentheses: false }],
  'no-void': ['error', { allowAsStatement: true }],
  // An empty block needs a comment saying why (ESLint counts a comment as content).
  'no-empty': ['error', { allowEmptyCatch: false }],
  'no-restricted-syntax': [
    'error',
    { selector: 'ArrowFunctionExpression > AssignmentExpression.body', message: 'No assignment as an arrow body: write a block.' },
    { selector: 'VariableDeclarator > Identifier.id[name=/^[a-zA-Z]$/]', message: 'Name it: one-letter names only in tiny lambdas.' },
    { selector: 'FunctionDeclaration > Identifier.params[name=/^[a-zA-Z]$/]', message: 'Name it: one-letter names only in tiny lambdas.' },
    { selector: 'CatchClause > Identifier.param[name=/^[a-zA-Z]$/]', message: 'Name the error.' },
  ],
}

export default tseslint.config(
  { ignores: ['dist/**', 'storybook-static/**', 'node_modules/**', '**/node_modules/**', 'examples/*/.next/**', '**/*.d.ts', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  { files: ['src/**/*.{ts,tsx}', 'stories/**/*.{ts,tsx}'], rules: readableSource },
  {
    files: ['test/**/*.{ts,tsx}', 'examples/**/*.{ts,tsx}', 'scripts/**/*.{ts,js}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
)
