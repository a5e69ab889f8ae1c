// Flat config: the recommended rules plus the layering of docs/ARCHITECTURE.md, enforced per top folder with
// no-restricted-imports and below the top folders with the sub-layer table of scripts/eslintLayers.mjs
// (scripts/layering.test.ts proves each layer's forbidden imports are reported).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/eslintLayers.mjs';

const NODE_BUILTINS = {
  group: ['node:*', ...builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `${name}/*`])],
  message: 'Node built-ins are not available in this layer.',
};
const NATIVE_AND_DESKTOP = [
  { name: 'better-sqlite3-multiple-ciphers', message: 'Only db/ talks to SQLite.' },
  { name: 'electron', message: 'Only electron/ uses Electron.' },
];
const UI = ['react', 'react-dom', 'antd'].map((name) => ({ name, message: 'UI libraries belong in renderer/.' }));

/** Relative imports that reach into one of our top-level folders, e.g. `../../db/paths.js`. */
function folders(names, message) {
  return { regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message };
}

function layer(files, { paths = [], patterns = [] }) {
  return {
    files,
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
}

const DB_OUTSIDE = folders(['host', 'electron', 'renderer', 'cli', 'server'], 'db/ imports only core/.');

const NODE_GLOBALS = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', '__dirname', '__filename', 'module', 'require'].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'coverage/', '.rounds-dev/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // `_name` marks a deliberately unused parameter (callbacks with fixed signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  layer(['core/**/*.{ts,tsx}'], {
    paths: [...NATIVE_AND_DESKTOP, ...UI],
    patterns: [NODE_BUILTINS, folders(['db', 'host', 'electron', 'renderer', 'cli', 'server'], 'core/ imports nothing of ours.')],
  }),
  layer(['db/**/*.ts'], {
    paths: [NATIVE_AND_DESKTOP[1], ...UI],
    patterns: [DB_OUTSIDE],
  }),
  layer(['renderer/**/*.{ts,tsx}'], {
    paths: NATIVE_AND_DESKTOP,
    patterns: [NODE_BUILTINS, folders(['db', 'host', 'electron', 'cli', 'server'], 'renderer/ reaches data only through the app API (core/).')],
  }),
  layer(['server/**/*.ts'], {
    paths: [NATIVE_AND_DESKTOP[1], ...UI],
    patterns: [folders(['db', 'host', 'electron', 'renderer', 'cli'], 'server/ is the team sync server: it imports only core/ (the protocol and the entity schemas).')],
  }),
  // Inside core/, db/ and renderer/: the sub-layer table of scripts/eslintLayers.mjs (test support may
  // reach anything, like tests).
  {
    files: ['core/**/*.{ts,tsx}', 'db/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/testFixture.ts', '**/fixtures.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/ordered': 'error' },
  },
  ...['electron', 'host', 'cli'].map((folder) =>
    layer([`${folder}/**/*.ts`], { patterns: [folders(['renderer'], `${folder}/ must not import the renderer.`)] }),
  ),
);
