// Lint: typescript-eslint's recommended rules, plus the process boundary:
// the renderer may import from src-main only the contract and the error codes
// (both free of Node), and nothing in src-main may import from the renderer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The packages loaded at their first use, not at start-up: require()d there alone.
    files: ['src-main/system/first-use-packages.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['bin/**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^node:', message: 'The renderer has no Node: ask the core through the contract.' },
          { regex: '(^|/)src-main/(?!ipc/contract$|errors/error-codes$|errors/warning-codes$)', message: 'The renderer may import only the contract and the error and warning codes from src-main.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: 'src-renderer', message: 'The main process never imports renderer code.' }] }],
    },
  },
);
