import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';

// The project's lint config (the one `npm run lint` uses), applied to small in-memory snippets.
const root = fileURLToPath(new URL('../..', import.meta.url));
const configFile = fileURLToPath(new URL('../lint/eslint.config.js', import.meta.url));

const NO_HTML = 'Document text must never be parsed as HTML';
const MESSAGES = {
  atHtml: `${NO_HTML}: {@html ...} renders its value as markup. Use Svelte text interpolation {value}, which escapes it.`,
  setHTML: `${NO_HTML}: Popup.setHTML parses its argument as markup. Use popup.setText(...) or popup.setDOMContent(node) with text set through textContent.`,
  innerHTML: `${NO_HTML}: assigning innerHTML/outerHTML parses the string as markup. Use textContent, or build nodes with document.createElement and Svelte text interpolation.`,
  insertAdjacentHTML: `${NO_HTML}: insertAdjacentHTML parses its argument as markup. Use insertAdjacentText, or create the element and set its textContent.`,
  // no-restricted-properties puts its own sentence in front of the configured message.
  documentWrite: `'document.write' is restricted from being used. ${NO_HTML}: document.write parses its argument as markup. Create elements and set their textContent.`,
  eval: 'eval runs a string as code (an injection hole, and blocked by the page CSP): parse data with JSON.parse or call the function directly.',
  runeShadow:
    'A top-level binding or prop named like a Svelte 5 rune (state, derived, effect, props, ...) can turn "$state(...)" etc. into a store subscription to it instead of the rune (such a prop once broke at run time and svelte-check did not flag it): rename it.',
  newFunction: 'new Function(...) runs a string as code (an injection hole, and blocked by the page CSP): write the function in source instead.',
};

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: configFile });
});

const lint = async (code: string, filePath: string): Promise<Linter.LintMessage[]> => {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  return result!.messages;
};
// The security rules' errors (the snippets may also trip unrelated rules, e.g. an unused parameter).
const SECURITY_RULES = ['no-restricted-syntax', 'no-restricted-properties', 'svelte/no-at-html-tags'];
const errors = (messages: Linter.LintMessage[]) =>
  messages.filter((m) => m.severity === 2 && SECURITY_RULES.includes(m.ruleId ?? '')).map((m) => ({ ruleId: m.ruleId, message: m.message }));

const component = (markup: string) => `<script lang="ts">
  interface Props {
    passage: string;
  }
  let { passage }: Props = $props();
</script>

${markup}
`;
const mapModule = (body: string) => `import type { Popup } from 'maplibre-gl';

export function show(popup: Popup, el: HTMLElement, passage: string, quote: string): void {
  ${body}
}
`;

describe('lint rules against rendering document text as HTML', () => {
  it('rejects {@html} in a component, with the explanation, and Svelte\'s own rule fires too', async () => {
    const found = errors(await lint(component('<p>{@html passage}</p>'), 'src/ui/Example.svelte'));
    expect(found).toContainEqual({ ruleId: 'no-restricted-syntax', message: MESSAGES.atHtml });
    expect(found.map((m) => m.ruleId)).toContain('svelte/no-at-html-tags');
  });

  it.each([
    { sink: 'popup.setHTML', code: 'popup.setHTML(passage);', message: MESSAGES.setHTML },
    { sink: 'innerHTML assignment', code: 'el.innerHTML = quote;', message: MESSAGES.innerHTML },
    { sink: 'outerHTML assignment', code: 'el.outerHTML += quote;', message: MESSAGES.innerHTML },
    { sink: 'insertAdjacentHTML', code: "el.insertAdjacentHTML('beforeend', quote);", message: MESSAGES.insertAdjacentHTML },
    { sink: 'eval', code: 'eval(quote);', message: MESSAGES.eval },
    { sink: 'new Function', code: 'new Function(quote)();', message: MESSAGES.newFunction },
  ])('rejects $sink in TypeScript, with the explanation', async ({ code, message }) => {
    expect(errors(await lint(mapModule(code), 'src/lib/map/example.ts'))).toEqual([{ ruleId: 'no-restricted-syntax', message }]);
  });

  it('rejects document.write', async () => {
    expect(errors(await lint(mapModule('document.write(passage + quote);'), 'src/lib/map/example.ts'))).toEqual([
      { ruleId: 'no-restricted-properties', message: MESSAGES.documentWrite },
    ]);
  });

  it('rejects the same sinks inside a component script', async () => {
    const code = component('<p>{passage}</p>').replace('</script>', '  export const show = (popup: { setHTML(html: string): void }) => popup.setHTML(passage);\n</script>');
    expect(errors(await lint(code, 'src/ui/Example.svelte'))).toContainEqual({ ruleId: 'no-restricted-syntax', message: MESSAGES.setHTML });
  });

  it('accepts text interpolation and setText / textContent', async () => {
    expect(await lint(component('<p>{passage}</p>'), 'src/ui/Example.svelte')).toEqual([]);
    expect(await lint(mapModule('popup.setText(passage);\n  el.textContent = quote;'), 'src/lib/map/example.ts')).toEqual([]);
  });
});

describe('lint rule against bindings that shadow Svelte 5 runes', () => {
  it('rejects a prop named like a rune', async () => {
    const code = `<script lang="ts">
  let { state }: { state: string } = $props();
</script>

<p>{state}</p>
`;
    expect(errors(await lint(code, 'src/ui/Example.svelte'))).toEqual([{ ruleId: 'no-restricted-syntax', message: MESSAGES.runeShadow }]);
  });

  it('leaves function parameters and inner variables alone', async () => {
    const code = `<script lang="ts">
  let count = $state(0);
  function apply(state: { count: number }) {
    const effect = state.count;
    count = effect;
  }
</script>

<button onclick={() => apply({ count: count + 1 })}>{count}</button>
`;
    expect(await lint(code, 'src/ui/Example.svelte')).toEqual([]);
  });
});

describe('lint config coverage', () => {
  it.each(['src/main.ts', 'src/ui/App.svelte', 'src/lib/state/filters.svelte.ts', 'tests/unit/quote.test.ts', 'vite.config.ts'])('lints %s', async (path) => {
    expect(await eslint.isPathIgnored(path)).toBe(false);
  });

  it.each(['node_modules/svelte/src/index-client.js', 'dist/assets/index.js', 'static/data/probe.js', '.tmp/probe/assets/index.js', 'test-results/probe.js'])(
    'ignores %s',
    async (path) => {
      expect(await eslint.isPathIgnored(path)).toBe(true);
    },
  );

  it('applies its file patterns to the repository, whatever the working directory', async () => {
    const fromSrc = new ESLint({ cwd: fileURLToPath(new URL('../../src/', import.meta.url)), overrideConfigFile: configFile });
    const config = await fromSrc.calculateConfigForFile('main.ts');
    expect(config.languageOptions.globals).toHaveProperty('window');
  });
});

describe('lint rules for the layer boundaries', () => {
  const MESSAGE = {
    maplibre: 'maplibre-gl may only be imported in src/lib/map (the one owner of the map) and src/bench: ask the renderer (src/lib/map/renderer.ts) for what you need instead.',
    node: 'node:* modules exist only at build time: import them in src/build or tests, and give browser code the finished data instead.',
    buildOnlyCorpus:
      'corpus/load, schema, yaml-file, documents and derive run at build time (YAML, JSON Schema, the whole derivation): the UI and state get the derived data; import its types from src/lib/atlas/contract.ts.',
    geoCorpus: 'src/lib/geo is geometry only and may not import src/lib/corpus: put the shape it needs in src/lib/geo/shapes.ts and let the corpus use it.',
    contract:
      'src/lib/atlas is the published contract every layer builds on: it may not import the layers above it (corpus, state, kiosk, map, ...). Move the shape it needs into src/lib/atlas and let that layer import it from there.',
    kioskState:
      'src/lib/kiosk may not import src/lib/state (the atlas state builds on the kiosk, not the other way round): take what it needs as a parameter, or from src/lib/address or src/lib/atlas.',
  };
  // The rule prints the import's source in front of the configured message.
  const restricted = (source: string, message: string) => ({ ruleId: '@typescript-eslint/no-restricted-imports', message: `'${source}' import is restricted from being used by a pattern. ${message}` });
  const importErrors = (messages: Linter.LintMessage[]) =>
    messages.filter((m) => m.severity === 2 && m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => ({ ruleId: m.ruleId, message: m.message }));
  const module = (line: string) => `${line}\n\nexport const used = [probe];\n`;
  const svelte = (line: string) => `<script lang="ts">\n  ${line}\n  const shown = String(probe);\n</script>\n\n<p>{shown}</p>\n`;

  it.each([
    { where: 'a component', file: 'src/ui/Example.svelte', code: svelte("import { Map as probe } from 'maplibre-gl';"), source: 'maplibre-gl' },
    { where: 'state', file: 'src/lib/state/example.ts', code: module("import { Map as probe } from 'maplibre-gl';"), source: 'maplibre-gl' },
    { where: 'the corpus', file: 'src/lib/corpus/example.ts', code: module("import probe from 'maplibre-gl/dist/maplibre-gl.css?url';"), source: 'maplibre-gl/dist/maplibre-gl.css?url' },
    { where: 'geo', file: 'src/lib/geo/example.ts', code: module("import type { LngLat as probe } from 'maplibre-gl';"), source: 'maplibre-gl' },
  ])('rejects maplibre-gl in $where ($file)', async ({ file, code, source }) => {
    expect(importErrors(await lint(code, file))).toEqual([restricted(source, MESSAGE.maplibre)]);
  });

  it.each(['src/lib/map/example.ts', 'src/bench/example.ts'])('allows maplibre-gl in %s', async (file) => {
    expect(importErrors(await lint(module("import { Map as probe } from 'maplibre-gl';"), file))).toEqual([]);
  });

  it.each(['src/ui/Example.svelte', 'src/lib/map/example.ts', 'src/lib/corpus/example.ts', 'src/lib/geo/example.ts', 'src/lib/state/example.ts', 'src/main.ts', 'src/bench/example.ts'])(
    'rejects node:* in %s',
    async (file) => {
      const line = "import { readFileSync as probe } from 'node:fs';";
      expect(importErrors(await lint(file.endsWith('.svelte') ? svelte(line) : module(line), file))).toEqual([restricted('node:fs', MESSAGE.node)]);
    },
  );

  it.each(['src/build/example.ts', 'tests/unit/example.test.ts'])('allows node:* in %s', async (file) => {
    expect(importErrors(await lint(module("import { readFileSync as probe } from 'node:fs';"), file))).toEqual([]);
  });

  it.each([
    { file: 'src/ui/Example.svelte', code: svelte("import { loadCorpus as probe } from '../lib/corpus/load.ts';"), source: '../lib/corpus/load.ts' },
    { file: 'src/ui/Example.svelte', code: svelte("import { deriveAtlas as probe } from '../lib/corpus/derive.ts';"), source: '../lib/corpus/derive.ts' },
    { file: 'src/lib/state/example.ts', code: module("import { validators as probe } from '../corpus/schema.ts';"), source: '../corpus/schema.ts' },
    { file: 'src/lib/state/example.ts', code: module("import { parseYamlFile as probe } from '../corpus/yaml-file.ts';"), source: '../corpus/yaml-file.ts' },
    { file: 'src/lib/state/example.svelte.ts', code: module("import { parseDocumentFile as probe } from '../corpus/documents.ts';"), source: '../corpus/documents.ts' },
  ])('rejects a value import of $source from $file', async ({ file, code, source }) => {
    expect(importErrors(await lint(code, file))).toEqual([restricted(source, MESSAGE.buildOnlyCorpus)]);
  });

  it('lets the UI and state import types from those modules, and values from the pure corpus modules', async () => {
    expect(importErrors(await lint(svelte("import type { Journey as probe } from '../lib/corpus/derive.ts';"), 'src/ui/Example.svelte'))).toEqual([]);
    expect(importErrors(await lint(module("import { paragraphsOf as probe } from '../corpus/passage.ts';"), 'src/lib/state/example.ts'))).toEqual([]);
    expect(importErrors(await lint(module("import { deriveAtlas as probe } from '../lib/corpus/derive.ts';"), 'src/build/example.ts'))).toEqual([]);
  });

  it.each([
    { code: module("import type { PlaceRecord as probe } from '../corpus/types.ts';"), source: '../corpus/types.ts' },
    { code: module("import { textOffsets as probe } from '../corpus/offsets.ts';"), source: '../corpus/offsets.ts' },
  ])('rejects $source (even a type) in geo', async ({ code, source }) => {
    expect(importErrors(await lint(code, 'src/lib/geo/example.ts'))).toEqual([restricted(source, MESSAGE.geoCorpus)]);
  });

  it('leaves the corpus free to use geo', async () => {
    expect(importErrors(await lint(module("import { boundsOf as probe } from '../geo/bounds.ts';"), 'src/lib/corpus/example.ts'))).toEqual([]);
  });

  it.each([
    { code: module("import type { PlaceRecord as probe } from '../corpus/types.ts';"), source: '../corpus/types.ts' },
    { code: module("import type { Mention as probe } from '../corpus/mentions.ts';"), source: '../corpus/mentions.ts' },
    { code: module("import type { AtlasState as probe } from '../state/atlas.svelte.ts';"), source: '../state/atlas.svelte.ts' },
    { code: module("import type { KioskConfig as probe } from '../kiosk/config.ts';"), source: '../kiosk/config.ts' },
    { code: module("import type { MapData as probe } from '../map/renderer.ts';"), source: '../map/renderer.ts' },
  ])('rejects $source (even a type) in the contract', async ({ code, source }) => {
    expect(importErrors(await lint(code, 'src/lib/atlas/example.ts'))).toEqual([restricted(source, MESSAGE.contract)]);
  });

  it('lets the contract use geo, and every layer use the contract', async () => {
    expect(importErrors(await lint(module("import type { Bounds as probe } from '../geo/bounds.ts';"), 'src/lib/atlas/example.ts'))).toEqual([]);
    for (const file of ['src/lib/corpus/example.ts', 'src/lib/state/example.ts', 'src/lib/kiosk/example.ts', 'src/lib/map/example.ts']) {
      expect(importErrors(await lint(module("import { PUBLISHED_FILES as probe } from '../atlas/contract.ts';"), file))).toEqual([]);
    }
  });

  it.each([
    { code: module("import { siteAddress as probe } from '../state/page-address.ts';"), source: '../state/page-address.ts' },
    { code: module("import type { AtlasState as probe } from '../state/atlas.svelte.ts';"), source: '../state/atlas.svelte.ts' },
  ])('rejects $source (even a type) in the kiosk', async ({ code, source }) => {
    expect(importErrors(await lint(code, 'src/lib/kiosk/example.ts'))).toEqual([restricted(source, MESSAGE.kioskState)]);
  });

  it('lets the kiosk use the address and the state use the kiosk', async () => {
    expect(importErrors(await lint(module("import { siteAddress as probe } from '../address/page-address.ts';"), 'src/lib/kiosk/example.ts'))).toEqual([]);
    expect(importErrors(await lint(module("import { DEFAULT_KIOSK_CONFIG as probe } from '../kiosk/config.ts';"), 'src/lib/state/example.svelte.ts'))).toEqual([]);
  });

  it.each(['src/lib/atlas/example.ts', 'src/lib/kiosk/example.ts'])('keeps maplibre-gl and node:* out of %s', async (file) => {
    expect(importErrors(await lint(module("import { Map as probe } from 'maplibre-gl';"), file))).toEqual([restricted('maplibre-gl', MESSAGE.maplibre)]);
    expect(importErrors(await lint(module("import { readFileSync as probe } from 'node:fs';"), file))).toEqual([restricted('node:fs', MESSAGE.node)]);
  });
});
