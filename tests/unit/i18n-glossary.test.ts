import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { es } from '../../src/lib/i18n/es.ts';
import { glossaryProblems, SPANISH_GLOSSARY } from '../../src/lib/i18n/glossary.ts';

// Every Spanish field a curator writes (name_es, branch_es, note_es, originator_es, language_es), by file.
function spanishCuratorFields(): Array<{ where: string; text: string }> {
  const found: Array<{ where: string; text: string }> = [];
  const walk = (value: unknown, where: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key.endsWith('_es') && typeof v === 'string') found.push({ where: `${where}.${key}`, text: v });
        else walk(v, `${where}.${key}`);
      }
  };
  const files = ['places.yaml', 'routes.yaml', ...readdirSync('geodata/claims').map((f) => join('claims', f))];
  for (const file of files) walk(parseYaml(readFileSync(join('geodata', file), 'utf8')), file);
  for (const file of readdirSync('geodata/documents')) {
    const text = readFileSync(join('geodata/documents', file), 'utf8');
    walk(parseYaml(text.split('\n---\n')[0]!.replace(/^---\n/, '')), join('documents', file));
  }
  return found;
}

describe('the Spanish glossary (one term per concept)', () => {
  it('finds a rejected word, naming the term to use and why', () => {
    expect(glossaryProblems('Llévese este pasaje: escanee el código')).toEqual([
      { word: 'pasaje', use: 'fragmento', why: '"pasaje" is also a travel ticket, on a map of trips' },
    ]);
    expect(glossaryProblems('Copiar la cita').map((p) => p.use)).toEqual(['referencia']);
    expect(glossaryProblems('Preparando la figura…').map((p) => p.use)).toEqual(['imagen']);
    expect(glossaryProblems('Origen de los documentos falsos').map((p) => p.use)).toEqual(['documentación falsa']);
  });

  it('leaves alone the words that only contain a rejected one, and the documents’ English quoted «like this»', () => {
    expect(glossaryProblems('Citado por el memorando; pasajero; configuración')).toEqual([]);
    expect(glossaryProblems('El memorando dice «the figure of the cita»')).toEqual([]);
  });

  it('is followed by every Spanish message of the interface', () => {
    const problems = Object.entries(es).flatMap(([key, text]) => glossaryProblems(text).map((p) => `${key}: "${p.word}" → "${p.use}" (${p.why})`));
    expect(problems).toEqual([]);
  });

  it('is followed by every Spanish field the curators write', () => {
    const fields = spanishCuratorFields();
    expect(fields.length).toBeGreaterThan(50);
    const problems = fields.flatMap(({ where, text }) => glossaryProblems(text).map((p) => `${where}: "${p.word}" → "${p.use}"`));
    expect(problems).toEqual([]);
  });

  it('gives each concept one term, and never rejects a term it uses', () => {
    const terms = SPANISH_GLOSSARY.map((e) => e.term);
    expect(new Set(terms).size).toBe(terms.length);
    for (const term of terms) expect(glossaryProblems(term), term).toEqual([]);
  });
});
