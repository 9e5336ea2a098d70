// ESLint (flat config) with typescript-eslint's type-checked rules, on the whole tree; zero warnings
// (`npm run lint`, run by tools/test.sh). Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/', 'dist/', 'portal/dist/', '.cache/', '.nx/', 'data/', 'coverage/', 'bench/scratch/'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed parameters and destructured leftovers are deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Nest's class-validator DTOs and module classes are classes by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      // Fire-and-forget must be spelled `void promise`; a forgotten await is a bug.
      '@typescript-eslint/no-floating-promises': 'error',
      // Template literals with numbers and booleans read fine in messages.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
    },
  },
  {
    // Tests: jest's expect.any()/objectContaining() return `any` by design; handing them to matchers is fine.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/*.compose-spec.ts', '**/*.fixtures.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain CommonJS scripts (tools, jest config) run by Node: no type information, Node's globals.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        jest: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  // Tool configs outside every tsconfig (portal/vite.config.mts): linted without type information.
  { files: ['**/*.mts'], extends: [tseslint.configs.disableTypeChecked] },
);
