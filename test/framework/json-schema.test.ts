import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, SCHEMA_PATH, docWithReference, schemaFileText } from '../../scripts/framework-schema.js';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS, scoreDbi } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';

const committed = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/, uri: /^https?:\/\/\S+$/ } });
const validate = ajv.compile(committed);
const file = <T>(f: T): any => JSON.parse(JSON.stringify(f));

describe('the published JSON Schema of the framework format', () => {
  it('is the one the script generates from the zod schemas (run `npm run framework-schema`)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaFileText());
  });

  it('is published in the package (files and exports)', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { files: string[]; exports: Record<string, unknown> };
    expect(pkg.files).toContain('schema/framework.schema.json');
    expect(pkg.exports['./framework.schema.json']).toBe('./schema/framework.schema.json');
  });

  it.each([...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].map((f) => [f.id, f] as const))('accepts the JSON of %s', (_id, f) => {
    const ok = validate(file(f));
    expect(ok, JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a "$schema" key', () => {
    expect(validate({ $schema: committed.$id, ...file(DBI_FRAMEWORKS[0]) })).toBe(true);
  });

  it.each([
    ['a misspelt kind', (f: any) => { f.kind = 'DBI'; }],
    ['a pillar maximum of 0', (f: any) => { f.pillars[0].max = 0; }],
    ['a misspelt field', (f: any) => { f.pillars[0].maxx = 5; }],
    ['a missing field', (f: any) => { delete f.levels; }],
    ['a bad date', (f: any) => { f.legalBasis.date = '13/12/2021'; }],
    ['a criterion id with a space (ids are letters and digits joined by . _ -)', (f: any) => { f.pillars[0].components[0].criteria[0].id = 'câu 1'; }],
    ['a level rule of unknown kind', (f: any) => { f.levelRule.kind = 'bands'; }],
  ])('rejects %s', (_name, mutate) => {
    const f = file(DBI_FRAMEWORKS.find((x) => x.id === 'dbi-2021-sme'));
    mutate(f);
    expect(validate(f)).toBe(false);
  });
});

describe('docs/framework-format.md', () => {
  it('holds the reference the script generates from the schema (run `npm run framework-schema`)', () => {
    const page = readFileSync(DOC_PATH, 'utf8');
    expect(page).toBe(docWithReference(page));
    expect(page).toContain('| `totalMax` |');
    expect(page).toContain('### DbiAnswerOption');
  });
});

describe('the examples of docs/framework-format.md', () => {
  const page = readFileSync(DOC_PATH, 'utf8');
  const blocks = [...page.matchAll(/```json(?:[ \t][^\n]*)?\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as unknown);
  const files = ['dbi-questionnaire', 'dbi-mean-na', 'dbi-weighted', 'dbi-sectors', 'dbi-level-caps', 'dbi-questionnaire-998'].map((n) =>
    JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${n}.json`), 'utf8')) as unknown);
  const parts: string[] = [];
  const walk = (v: unknown) => {
    parts.push(JSON.stringify(v));
    if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  files.forEach(walk);

  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  it('every complete example is a valid framework; every fragment is taken from a tested framework file', () => {
    for (const block of blocks) {
      if ((block as { kind?: unknown }).kind === 'dbi') expect(() => defineDbiFramework(block)).not.toThrow();
      else expect(parts, JSON.stringify(block)).toContain(JSON.stringify(block));
    }
  });

  it('the complete example scores as the page says: level 1 with pillars at 100% and 60%', () => {
    const f = defineDbiFramework(blocks.find((b) => (b as { kind?: unknown }).kind === 'dbi'));
    const r = scoreDbi(f, { answers: { '1.1.1': 5, '1.1.2': 5, '2.1.1': 3, '2.1.2': 3 } });
    expect(r.pillars.map((p) => [p.percent, p.level])).toEqual([[100, 2], [60, 1]]);
    expect(r).toMatchObject({ total: 16, level: 1 });
  });
});
