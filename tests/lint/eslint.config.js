// ESLint flat config for the whole repository, run from package.json as
//   eslint --config tests/lint/eslint.config.js --max-warnings 0 .
// With --config, ESLint resolves `files`/`ignores` against the working directory, not this file's folder,
// so every block below gets the repository root as an explicit basePath: the patterns mean the same thing
// whatever directory ESLint is started from (the unit test in tests/unit/lint-rules.test.ts relies on it).
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import svelteParser from 'svelte-eslint-parser';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// Why document text must never reach an HTML parser: the atlas renders transcribed archive documents,
// quotes and passages; any of them may contain "<", and parsing them as markup is an XSS hole under any CSP.
const NO_HTML = 'Document text must never be parsed as HTML';

/** no-restricted-syntax entries for every JS/TS/Svelte file. */
const htmlSinks = [
  {
    selector: "CallExpression[callee.property.name='setHTML'], CallExpression[callee.property.value='setHTML']",
    message: `${NO_HTML}: Popup.setHTML parses its argument as markup. Use popup.setText(...) or popup.setDOMContent(node) with text set through textContent.`,
  },
  {
    selector:
      "AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/], AssignmentExpression > MemberExpression.left[property.value=/^(innerHTML|outerHTML)$/]",
    message: `${NO_HTML}: assigning innerHTML/outerHTML parses the string as markup. Use textContent, or build nodes with document.createElement and Svelte text interpolation.`,
  },
  {
    selector:
      "CallExpression[callee.property.name='insertAdjacentHTML'], CallExpression[callee.property.value='insertAdjacentHTML']",
    message: `${NO_HTML}: insertAdjacentHTML parses its argument as markup. Use insertAdjacentText, or create the element and set its textContent.`,
  },
  {
    selector: "CallExpression[callee.name='eval']",
    message: 'eval runs a string as code (an injection hole, and blocked by the page CSP): parse data with JSON.parse or call the function directly.',
  },
  {
    selector: "NewExpression[callee.name='Function'], CallExpression[callee.name='Function']",
    message: 'new Function(...) runs a string as code (an injection hole, and blocked by the page CSP): write the function in source instead.',
  },
];

/** Extra entries for Svelte components and rune modules (.svelte.ts). */
const RUNES = '/^(state|derived|effect|props|bindable|inspect|host)$/';
// Only top-level bindings matter: Svelte resolves "$name" against the component's (or module's) top scope.
const TOP = ':matches(Program, SvelteScriptElement, ExportNamedDeclaration)';
const RUNE_SHADOW =
  'A top-level binding or prop named like a Svelte 5 rune (state, derived, effect, props, ...) can turn "$state(...)" etc. into a store subscription to it instead of the rune (such a prop once broke at run time and svelte-check did not flag it): rename it.';
const svelteOnly = [
  {
    selector: "SvelteMustacheTag[kind='raw']",
    message: `${NO_HTML}: {@html ...} renders its value as markup. Use Svelte text interpolation {value}, which escapes it.`,
  },
  {
    selector: [
      `${TOP} > VariableDeclaration > VariableDeclarator > Identifier.id[name=${RUNES}]`,
      `${TOP} > VariableDeclaration > VariableDeclarator > ObjectPattern > Property > Identifier.value[name=${RUNES}]`,
      `${TOP} > VariableDeclaration > VariableDeclarator > ObjectPattern > Property > AssignmentPattern > Identifier.left[name=${RUNES}]`,
      `${TOP} > VariableDeclaration > VariableDeclarator > ArrayPattern > Identifier[name=${RUNES}]`,
      `${TOP} > :matches(FunctionDeclaration, ClassDeclaration) > Identifier.id[name=${RUNES}]`,
      `ImportDeclaration > * > Identifier.local[name=${RUNES}]`,
    ].join(', '),
    message: RUNE_SHADOW,
  },
];

// Layer boundaries (STYLE.md "Layers you can see in the folders"). ESLint replaces a rule's options in a later block
// rather than merging them, so each block below lists every restriction that holds in its folders, and the more
// specific folders come later.
const ONLY_MAP_TOUCHES_MAPLIBRE = {
  regex: '^maplibre-gl(/|$)',
  message: 'maplibre-gl may only be imported in src/lib/map (the one owner of the map) and src/bench: ask the renderer (src/lib/map/renderer.ts) for what you need instead.',
};
const NO_NODE_IN_BROWSER = {
  regex: '^node:',
  message: 'node:* modules exist only at build time: import them in src/build or tests, and give browser code the finished data instead.',
};
const NO_BUILD_ONLY_CORPUS = {
  regex: '(^|/)corpus/(load|schema|yaml-file|documents|derive)(\\.ts)?$',
  allowTypeImports: true,
  message: 'corpus/load, schema, yaml-file, documents and derive run at build time (YAML, JSON Schema, the whole derivation): the UI and state get the derived data; import its types from src/lib/atlas/contract.ts.',
};
const GEO_WITHOUT_CORPUS = {
  regex: '(^|/)corpus/',
  message: 'src/lib/geo is geometry only and may not import src/lib/corpus: put the shape it needs in src/lib/geo/shapes.ts and let the corpus use it.',
};
const CONTRACT_AT_THE_BOTTOM = {
  regex: '(^|/)(corpus|state|kiosk|map|i18n|figure|export|address|ui)/',
  message: 'src/lib/atlas is the published contract every layer builds on: it may not import the layers above it (corpus, state, kiosk, map, ...). Move the shape it needs into src/lib/atlas and let that layer import it from there.',
};
const KIOSK_BELOW_STATE = {
  regex: '(^|/)state/',
  message: 'src/lib/kiosk may not import src/lib/state (the atlas state builds on the kiosk, not the other way round): take what it needs as a parameter, or from src/lib/address or src/lib/atlas.',
};
const restrictImports = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
const layers = [
  { name: 'atlas/layers-browser', files: ['src/**'], rules: restrictImports(ONLY_MAP_TOUCHES_MAPLIBRE, NO_NODE_IN_BROWSER) },
  { name: 'atlas/layers-map', files: ['src/lib/map/**', 'src/bench/**'], rules: restrictImports(NO_NODE_IN_BROWSER) },
  { name: 'atlas/layers-build', files: ['src/build/**'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  { name: 'atlas/layers-ui-state', files: ['src/ui/**', 'src/lib/state/**'], rules: restrictImports(ONLY_MAP_TOUCHES_MAPLIBRE, NO_NODE_IN_BROWSER, NO_BUILD_ONLY_CORPUS) },
  { name: 'atlas/layers-contract', files: ['src/lib/atlas/**'], rules: restrictImports(ONLY_MAP_TOUCHES_MAPLIBRE, NO_NODE_IN_BROWSER, CONTRACT_AT_THE_BOTTOM) },
  { name: 'atlas/layers-kiosk', files: ['src/lib/kiosk/**'], rules: restrictImports(ONLY_MAP_TOUCHES_MAPLIBRE, NO_NODE_IN_BROWSER, KIOSK_BELOW_STATE) },
  { name: 'atlas/layers-geo', files: ['src/lib/geo/**'], rules: restrictImports(ONLY_MAP_TOUCHES_MAPLIBRE, NO_NODE_IN_BROWSER, GEO_WITHOUT_CORPUS) },
];

const configs = defineConfig(
  {
    name: 'atlas/ignores',
    ignores: ['node_modules/', 'dist/', 'static/data/', '.tmp/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs['flat/recommended'],
  {
    name: 'atlas/svelte-typescript',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parser: svelteParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
    },
  },
  {
    name: 'atlas/typescript',
    files: ['**/*.ts', '**/*.svelte'],
    rules: {
      // TypeScript and svelte-check already report undefined names, and no-undef does not know DOM type names (EventListener).
      'no-undef': 'off',
      // A leading underscore marks a binding kept on purpose (e.g. `const { names: _names, ...rest } = feature`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    name: 'atlas/globals-browser',
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'atlas/globals-node',
    files: ['src/build/**', 'tests/**', 'vite.config.ts', '**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'atlas/security',
    rules: {
      'svelte/no-at-html-tags': 'error',
      'no-restricted-syntax': ['error', ...htmlSinks],
      'no-restricted-properties': [
        'error',
        {
          object: 'document',
          property: 'write',
          message: `${NO_HTML}: document.write parses its argument as markup. Create elements and set their textContent.`,
        },
        {
          object: 'document',
          property: 'writeln',
          message: `${NO_HTML}: document.writeln parses its argument as markup. Create elements and set their textContent.`,
        },
      ],
    },
  },
  {
    name: 'atlas/security-svelte',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...htmlSinks, ...svelteOnly],
    },
  },
  ...layers,
);

export default configs.map((config) => ({ ...config, basePath: repoRoot }));
