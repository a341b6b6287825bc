/**
 * The hand-written input checks on the scoring path report exactly what the zod schemas report
 * (paths, codes, messages, parameters, order), on arbitrary inputs around each framework's keys.
 * One deliberate difference: a `points`/`values`/`answers` that is not an object is `invalid_type`
 * (the zod mapping called it `missing_key`, as zod does not pass the value on).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS } from '../../src/index.js';
import { dtiInputSchema, overrideDbiPillarMaxima } from '../../src/schema.js';
import { dtiInputIssues, dtiInputUnits } from '../../src/assessment/dti-input.js';
import { compileDbi, dbiInputIssues, itemsOf } from '../../src/assessment/dbi-input.js';
import { dbiZodSchema } from '../../src/assessment/dbi-input-schema.js';
import { fromZodError } from '../../src/assessment/issues.js';
import { makeIssue, type ValidationIssue } from '../../src/errors.js';
import type { DbiFramework } from '../../src/framework/schema.js';

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2, max: 30 }) },
  fc.double({ min: -1, max: 300, noNaN: true }),
  fc.constantFrom(0.5, 1, 0, 0.12345, 41.6, '41.6', ' 3 ', '3', '1e3', 'abc', '', null, undefined, Number.NaN, Infinity, -0, 10n, true, {}, [], '0.00001'),
);

function record(keys: readonly string[]) {
  return fc
    .tuple(fc.subarray([...keys]), fc.array(fc.constantFrom('zzz', '__proto__', 'toString', '7.1.1', 'Awareness'), { maxLength: 2 }), fc.array(value, { minLength: keys.length + 2, maxLength: keys.length + 2 }))
    .map(([known, extra, values]) => {
      const out: Record<string, unknown> = {};
      [...known, ...extra].forEach((k, i) => Object.defineProperty(out, k, { value: values[i], enumerable: true, writable: true, configurable: true }));
      return out;
    });
}

const notAnObject = fc.constantFrom(5, null, [], 'x', true);

function zodCompatible(issues: readonly ValidationIssue[], containers: readonly string[]): ValidationIssue[] {
  return issues.map((i) => (i.code === 'invalid_type' && i.path.length === 1 && containers.includes(String(i.path[0])) ? makeIssue(i.path, 'missing_key', { key: i.path[0] }) : i));
}

describe('DTI input checks without zod', () => {
  it.each(DTI_FRAMEWORKS.map((f) => [f.id, f] as const))('%s: the same issues as dtiInputSchema', (_id, framework) => {
    const keys = dtiInputUnits(framework).map((u) => u.id);
    const part = fc.oneof({ weight: 4, arbitrary: record(keys) }, notAnObject, fc.constant(undefined));
    const input = fc.record({ points: part, values: part, extra: fc.oneof(fc.constant(undefined), value) }, { requiredKeys: [] })
      .map((o) => Object.fromEntries(Object.entries(o).filter(([k, v]) => k !== 'extra' || v !== undefined)));
    fc.assert(fc.property(input, (x) => {
      const parsed = dtiInputSchema(framework).safeParse(x);
      const expected = parsed.success ? [] : fromZodError(parsed.error, [], framework.id);
      expect(zodCompatible(dtiInputIssues(framework, x), ['points', 'values'])).toEqual(expected);
    }), { numRuns: 1_500 });
  });
});

describe('DBI input checks without zod', () => {
  const scorable: DbiFramework[] = DBI_FRAMEWORKS.map((f) =>
    f.pillars.some((p) => p.max === null) ? overrideDbiPillarMaxima(f, Object.fromEntries(f.pillars.map((p) => [p.id, 10]))) : f);
  it.each(scorable.map((f) => [f.id, f] as const))('%s: the same issues as the zod schema', (_id, framework) => {
    const c = compileDbi(framework);
    const keys = itemsOf(framework).map((i) => i.id);
    const input = fc.oneof(
      { weight: 6, arbitrary: fc.record({ answers: fc.oneof({ weight: 5, arbitrary: record(keys) }, notAnObject) }) },
      fc.record({ answers: record(keys), extra: value }),
      fc.constant({}),
    );
    fc.assert(fc.property(input, (x) => {
      const parsed = dbiZodSchema(c).safeParse(x);
      const expected = parsed.success ? [] : fromZodError(parsed.error, [], framework.id);
      expect(zodCompatible(dbiInputIssues(c, x), ['answers'])).toEqual(expected);
    }), { numRuns: 1_000 });
  });
});
