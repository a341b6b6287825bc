/**
 * Fuzzing defineFramework and the general DBI path: any input gives a framework or result, or the
 * library's own error; never another exception, never NaN or Infinity in a result, nothing mutated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, NotScorableError, ValidationError, criterionOrder, safeScoreDbi, type DbiCriterion } from '../../src/index.js';
import { defineDbiFramework, safeDefineFramework } from '../../src/schema.js';
import { mutate } from '../helpers.js';

const read = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'frameworks', `${name}.json`), 'utf8')) as Record<string, unknown>;
const files = ['dbi-questionnaire', 'dbi-mean-na', 'dbi-weighted', 'dbi-sectors'].map(read);
const nasty = fc.oneof(
  fc.constantFrom(0, -1, 0.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, '', 'n/a', 'none', 'email', '__proto__', null, true, [], {}, ['none', 'email'], ['email', 'email'], [1], 'x'.repeat(1000)),
  fc.double(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.constantFrom('email', 'social', 'app', 'chatbot', 'none', 'pos', 'ecommerce', 'booking', 'x'), { maxLength: 4 }),
);

function finite(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  if (v && typeof v === 'object') return Object.values(v).every(finite);
  return true;
}


describe('fuzz: defineFramework', () => {
  it('any mutation of a valid file gives a framework or a ValidationError', () => {
    const sources = [...files, ...DBI_FRAMEWORKS.map((f) => JSON.parse(JSON.stringify(f)) as Record<string, unknown>)];
    fc.assert(fc.property(fc.nat(sources.length - 1), fc.array(fc.nat(40), { minLength: 1, maxLength: 7 }), nasty, (i, pick, value) => {
      const data = mutate(sources[i], pick, value);
      const before = JSON.stringify(data);
      let r;
      try {
        r = safeDefineFramework(data);
      } catch (e) {
        throw new Error(`threw ${(e as Error).name}: ${(e as Error).message}`);
      }
      if (!r.success) expect(r.error).toBeInstanceOf(ValidationError);
      expect(JSON.stringify(data)).toBe(before);
    }), { numRuns: 1500 });
  });
});

describe('fuzz: scoreDbi on questionnaire, n/a, weighted and sector frameworks', () => {
  const frameworks = files.map((f) => defineDbiFramework(f));
  const ids = ['1.1.1', '1.1.2', '1.2.1', '2.1.1', '2.1.2', '2.1.3', '7.1.1', '7.1.2'];
  it('gives a finite result or the library\'s own error', () => {
    fc.assert(fc.property(
      fc.nat(frameworks.length - 1),
      fc.dictionary(fc.constantFrom(...ids, '__proto__', 'x'), nasty, { maxKeys: 9 }),
      fc.constantFrom(undefined, 'retail', 'tourism', 'mining', 3),
      (i, answers, sector) => {
        const input = sector === undefined ? { answers } : { sector, answers };
        const before = JSON.stringify(input);
        let r;
        try {
          r = safeScoreDbi(frameworks[i]!, input as never);
        } catch (e) {
          throw new Error(`threw ${(e as Error).name}: ${(e as Error).message}`);
        }
        if (r.success) expect(finite(r.data)).toBe(true);
        else expect(r.error instanceof ValidationError).toBe(true); // NotScorableError is a ValidationError too
        expect(JSON.stringify(input)).toBe(before);
      },
    ), { numRuns: 3000 });
  });
});

describe('fuzz: valid answers drawn from each framework', () => {
  const frameworks = files.map((f) => defineDbiFramework(f));
  /** A generator of valid answers to one criterion, from its definition. */
  function answerOf(c: DbiCriterion): fc.Arbitrary<unknown> {
    const na = c.notApplicable ? [fc.constant('n/a')] : [];
    if (c.scale) {
      const s = c.scale;
      return fc.oneof(...na, s.kind === 'steps' ? fc.constantFrom(...s.values) : fc.integer({ min: s.min * 10 ** s.decimals, max: s.max * 10 ** s.decimals }).map((n) => n / 10 ** s.decimals));
    }
    const a = c.answer!;
    if (a.kind === 'single') return fc.oneof(...na, fc.constantFrom(...a.options.map((o) => o.id)));
    if (a.kind === 'multiple') {
      const free = a.options.filter((o) => !o.exclusive).map((o) => o.id);
      const alone = a.options.filter((o) => o.exclusive).map((o) => [o.id]);
      return fc.oneof(...na, fc.subarray(free), ...(alone.length ? [fc.constantFrom(...alone)] : []));
    }
    const f = 10 ** a.decimals;
    return fc.oneof(...na, fc.integer({ min: Math.ceil(a.min * f), max: Math.floor(a.max * f) }).map((n) => n / f), fc.constantFrom(...a.thresholds.map((t) => t.from)));
  }
  it('every result has finite figures, percentages within 0–100 and points within the maxima', () => {
    for (const f of frameworks) {
      const sectors = f.sectors ? f.sectors.map((s) => s.id) : [undefined];
      for (const sector of sectors) {
        const components = f.pillars.flatMap((p) => (p.sectorSpecific ? f.sectors!.find((s) => s.id === sector)!.components : p.components));
        const criteria = components.flatMap((c) => c.criteria);
        expect(criteria.map((c) => c.id)).toEqual(criterionOrder(f, sector ? { sector } : undefined));
        fc.assert(fc.property(fc.tuple(...criteria.map(answerOf)), (values) => {
          const answers = Object.fromEntries(criteria.map((c, k) => [c.id, values[k]]));
          const r = safeScoreDbi(f, (sector ? { sector, answers } : { answers }) as never);
          if (!r.success) {
            // only when every criterion is n/a
            expect(Object.values(answers).every((v) => v === 'n/a') || r.error instanceof ValidationError && r.error.issues[0]!.code === 'invalid_option').toBe(true);
            return;
          }
          expect(finite(r.data)).toBe(true);
          expect(r.data.percent).toBeGreaterThanOrEqual(0);
          expect(r.data.percent).toBeLessThanOrEqual(100);
          expect(r.data.total).toBeLessThanOrEqual(r.data.max);
          for (const p of r.data.pillars) {
            expect(p.points).toBeLessThanOrEqual(p.max);
            expect(p.percent).toBeLessThanOrEqual(100);
          }
          if (r.data.level !== null) expect(f.levels.map((l) => l.level)).toContain(r.data.level);
        }), { numRuns: 500 });
      }
    }
  });
});
