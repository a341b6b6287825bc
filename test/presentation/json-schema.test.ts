import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { criterionOrder, DBI_FRAMEWORKS, DTI_FRAMEWORKS, safeScoreDbi, safeScoreDti } from '../../src/index.js';
import { inputJsonSchema } from '../../src/schema.js';
import { main } from '../../src/presentation/cli/main.js';

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
