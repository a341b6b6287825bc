/**
 * `inputJsonSchema(framework, { draft })`: draft 2020-12 (the default) and draft-07 (Fastify's Ajv,
 * most validators in other languages) describe the same inputs, for every bundled framework and
 * every framework file of the tests; a main indicator that is listed but not scored (`smartCity`)
 * is not an input of either.
 */
import Ajv from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS, criterionOrder, isValidationError, safeScoreDti, type Framework, type ValidationError } from '../../src/index.js';
import { defineFramework, inputJsonSchema } from '../../src/schema.js';
import { readFrameworkJson } from '../frameworks/load.js';

const files = ['dbi-questionnaire', 'dbi-questionnaire-fictional', 'dbi-mean-na', 'dbi-sectors', 'dbi-weighted', 'dti-fictional'];
const frameworks: Framework[] = [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS, ...files.map((f) => defineFramework(readFrameworkJson(`${f}.json`)))];

/** Keywords whose meaning is the same in draft-07 and draft 2020-12 (the array form of `items` is not among them). */
const SAME_IN_BOTH = new Set([
  '$schema', '$id', 'title', 'description', 'type', 'properties', 'required', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not',
  'const', 'enum', 'minimum', 'maximum', 'pattern', 'maxLength', 'items', 'uniqueItems', 'maxItems', 'contains', 'if', 'then',
]);

function keywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => keywords(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [k, v] of Object.entries(schema)) {
      out.add(k);
      if (k === 'properties') Object.values(v as object).forEach((s) => keywords(s, out));
      else if (k === 'items') expect(Array.isArray(v), 'items is a schema, never a list').toBe(false);
      if (k !== 'properties' && k !== 'const' && k !== 'enum' && k !== 'required') keywords(v, out);
    }
  }
  return out;
}

describe('inputJsonSchema drafts', () => {
  it.each(frameworks.map((f) => [f.id, f] as const))('%s: draft-07 and 2020-12 differ only in $schema, with keywords that mean the same in both', (_id, f) => {
    const modern = inputJsonSchema(f);
    const seven = inputJsonSchema(f, { draft: '07' });
    expect(modern.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(seven.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect({ ...seven, $schema: 'x' }).toEqual({ ...modern, $schema: 'x' });
    expect([...keywords(modern)].filter((k) => !SAME_IN_BOTH.has(k))).toEqual([]);
    // and each compiles in its validator's strict mode
    expect(() => new Ajv({ strict: true }).compile(seven)).not.toThrow();
    expect(() => new Ajv2020({ strict: true }).compile(modern)).not.toThrow();
  });

  it('the two validators agree on valid and invalid inputs', () => {
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
    const cases: [string, unknown[]][] = [
      ['dti-province-2022', [{ points }, { points: { ...points, awareness: 101 } }, { points: { ...points, awareness: '101' } }, { values: { ...points } }, { points, values: points }, {}, { points: { ...points, smartCity: 0 } }]],
      ['dbi-2021-sme', [{ answers }, { answers: { ...answers, '3.2.4': 7 } }, { answers: { ...answers, '2.1.1': 12 } }, { answers: { ...answers, '1.1.1': '4' } }, { answers: { ...answers, extra: 1 } }, {}]],
    ];
    for (const [id, inputs] of cases) {
      const seven = new Ajv({ strict: true }).compile(inputJsonSchema(id, { draft: '07' }));
      const modern = new Ajv2020({ strict: true }).compile(inputJsonSchema(id));
      for (const input of inputs) expect(seven(input), `${id} ${JSON.stringify(input).slice(0, 80)}`).toBe(modern(input));
    }
  });
});

describe('unscored main indicators', () => {
  it('smartCity (listed in 922, maximum 0) is no input key of the schema, in points or values', () => {
    const schema = inputJsonSchema('dti-province-2022') as unknown as { anyOf: { properties: Record<string, { properties: Record<string, unknown> }> }[] };
    for (const branch of schema.anyOf) {
      const [mode] = Object.keys(branch.properties);
      expect(Object.keys(branch.properties[mode!]!.properties)).toEqual(['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety']);
    }
    const validate = new Ajv2020({ strict: true }).compile(schema);
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    expect(validate({ points })).toBe(true);
    expect(validate({ points: { ...points, smartCity: 0 } })).toBe(false);
    // scoring still reads a table that lists it (0 points at most): the schema is the stricter of the two
    expect(safeScoreDti('dti-province-2022', { points: { ...points, smartCity: 0 } } as never).success).toBe(true);
  });
});

describe('options', () => {
  it('refuses an unknown draft or option with the library\'s own error', () => {
    for (const [options, path] of [[{ draft: '04' }, 'options.draft'], [{ drafts: '07' }, 'options.drafts'], [null, 'options']] as const) {
      try {
        inputJsonSchema('dti-province-2022', options as never);
        expect.unreachable();
      } catch (e) {
        expect(isValidationError(e)).toBe(true);
        expect((e as ValidationError).issues[0]!.pathString).toBe(path);
      }
    }
  });
});
