import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { criterionOrder, DBI_FRAMEWORKS, DTI_FRAMEWORKS, safeScoreDbi, safeScoreDti } from '../../src/index.js';
import { inputJsonSchema } from '../../src/schema.js';
import { main } from '../../src/presentation/cli/main.js';
import { runCli } from '../helpers.js';

// a fresh validator per schema: every schema has its own $id
const ajv = { compile: (schema: object) => new Ajv2020({ strict: false, allErrors: true }).compile(schema) };
const valid = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 10 : 3]));

describe('JSON Schema of inputs', () => {
  it('vndi schema dbi-2021-sme prints a schema that accepts a valid input and rejects invalid ones', async () => {
    let out = '';
    const w = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
    try {
      expect(await main(['schema', 'dbi-2021-sme'])).toBe(0);
    } finally {
      process.stdout.write = w;
    }
    const validate = ajv.compile(JSON.parse(out));
    expect(validate({ answers: valid })).toBe(true);
    expect(validate({ answers: { ...valid, '1.1.1': '4' } })).toBe(true);
    expect(validate({ answers: { ...valid, '3.2.4': 7 } })).toBe(false);
    expect(validate({ answers: { ...valid, '2.1.1': 12 } })).toBe(false);
    const { '6.1.7': _omit, ...missing } = valid;
    expect(validate({ answers: missing })).toBe(false);
    expect(validate({ answers: { ...valid, extra: 1 } })).toBe(false);
    expect(validate({})).toBe(false);
  });

  it('vndi schema --draft 07 prints the draft-07 schema of inputJsonSchema, which draft-07 validators compile; 2020-12 is the default', async () => {
    for (const id of ['dbi-2021-sme', 'dti-province-2022']) {
      const seven = await runCli(['schema', id, '--draft', '07']);
      expect(seven.code).toBe(0);
      expect(JSON.parse(seven.out)).toEqual(inputJsonSchema(id, { draft: '07' }));
      expect(JSON.parse(seven.out).$schema).toBe('http://json-schema.org/draft-07/schema#');
      // Ajv's default class is draft-07 (what Fastify uses)
      expect(() => new Ajv({ strict: false }).compile(JSON.parse(seven.out))).not.toThrow();
      const twenty = await runCli(['schema', id, '--draft', '2020-12']);
      expect(JSON.parse(twenty.out)).toEqual(inputJsonSchema(id, { draft: '2020-12' }));
      expect(twenty.out).toBe((await runCli(['schema', id])).out);
    }
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse((await runCli(['schema', 'dbi-2021-sme', '--draft', '07'])).out));
    expect(validate({ answers: valid })).toBe(true);
    expect(validate({ answers: { ...valid, '2.1.1': 12 } })).toBe(false);
  });

  it('vndi schema --draft with another value: exit 2, one bilingual line naming the values', async () => {
    for (const bad of ['7', 'draft-07', '2019-09', '']) {
      const r = await runCli(['schema', 'dbi-2021-sme', '--draft', bad]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(`vndi: --draft phải là 2020-12 hoặc 07, nhận "${bad}" / --draft must be 2020-12 or 07, got "${bad}" (vndi --help)\n`);
    }
  });

  it('agrees with the library on DTI inputs (points xor values)', () => {
    const validate = ajv.compile(inputJsonSchema(DTI_FRAMEWORKS[1]!));
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    const cases = [
      { points },
      { points: { ...points, awareness: 101 } },
      { values: { ...points } },
      { values: Object.fromEntries(Object.keys(points).map((k) => [k, 0.5])) },
      { points, values: points },
      {},
    ];
    for (const c of cases) expect(validate(c)).toBe(safeScoreDti('dti-province-2022', c as never).success);
  });

  it('compiles for every framework and agrees with scoreDbi on the SME set', () => {
    for (const f of [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS]) expect(() => ajv.compile(inputJsonSchema(f))).not.toThrow();
    for (const v of [0, 1, 5, 6, -1, 2.5, '3', 'x']) {
      const input = { answers: { ...valid, '1.1.1': v } };
      expect(ajv.compile(inputJsonSchema(DBI_FRAMEWORKS[0]!))(input)).toBe(safeScoreDbi('dbi-2021-sme', input as never).success);
    }
  });
});
