import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ['error', { patterns }];
const electronAndUi = [
  { group: ['electron', 'electron/*'], message: 'The core and the contract stay free of Electron.' },
  {
    group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@mantine/*', '@tanstack/*'],
    message: 'No UI code outside the renderer.',
  },
  { regex: '^\\.{1,2}/(.*/)?renderer(/|$)', message: 'Nothing imports renderer code.' },
];
// Regexes over relative paths, so that a package such as @mantine/core is not mistaken for our core.
const ours = (folders) => `^\\.{1,2}/(.*/)?(${folders})(/|$)`;
const shells = [{ regex: ours('main|host|cli|preload'), message: 'The core knows no shell.' }];
const nodeBuiltins = [
  {
    group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'],
    message: 'The renderer and the contract run without Node.',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'migrations/**', '.zhurnal-demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['src/core/**'], rules: { 'no-restricted-imports': restrict([...electronAndUi, ...shells]) } },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        ...electronAndUi,
        ...shells,
        ...nodeBuiltins,
        { regex: ours('core'), message: 'The contract does not depend on the core.' },
      ]),
    },
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-imports': restrict([
        ...nodeBuiltins,
        { group: ['electron'], message: 'The renderer reaches main only through window.api.' },
        { regex: ours('core|main|host|cli'), message: 'The renderer talks to the contract, not to the core.' },
      ]),
    },
  },
  {
    files: ['src/host/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'The host and the CLI run without Electron.' },
        { group: ['**/renderer/**'], message: 'Nothing imports renderer code.' },
      ]),
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
