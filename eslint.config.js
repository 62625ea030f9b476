import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import { builtinModules } from 'node:module';
import { layerElements, layerPolicies } from './eslint.layers.js';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// The house rules (../shared/DESIGN.md), enforced rather than remembered:
// - only the desktop host (src/main/host/desktop/) and the preload may import `electron`;
// - src/shared is plain TypeScript: no Node, no DOM, no Electron;
// - the renderer never touches Node or Electron; it talks to the API client only;
// - every room imports only the layers below it (eslint.layers.js);
// - src/main takes node:fs and node:util from platform/ (their ESM facades cost every command's start).
export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/**',
      'resources/sample/**',
      'bench/.data/**',
      '.ci-out/**',
      '.venv-py/**',
      '.venv-gradio/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': layerElements,
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', policies: layerPolicies }],
      // One idea per file: a file that outgrows this is holding two.
      'max-lines': ['error', { max: 300 }],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/host/desktop/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only the desktop host (src/main/host/desktop/) may import electron.',
            },
            {
              name: 'node:fs',
              allowTypeImports: true,
              message:
                "Use `fs` from platform/node-fs.ts: node:fs's ESM facade loads the stream classes at start.",
            },
            {
              name: 'node:util',
              allowTypeImports: true,
              message:
                "Use platform/node-util.ts: node:util's ESM facade opens process.stderr (and loads net) under Node 24.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/shared is host-neutral.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'src/shared must not import Node modules.' })),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the API client, never to electron.' },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer never touches Node or the disk.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: nodeBuiltins.map((name) => ({ name, message: 'The preload exposes the typed API only.' })) },
      ],
    },
  },
);
