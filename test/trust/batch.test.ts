import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, NotScorableError, criterionOrder, getFramework, scoreDbi, scoreDbiBatch, ValidationError, type DbiCriterion, type DbiFramework } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { readFrameworkJson } from '../frameworks/load.js';

const sme = getFramework('dbi-2021-sme') as DbiFramework;
const order = criterionOrder(sme);
const strategy = order.indexOf('2.1.1');

function rowAnswers(a: ArrayLike<number>, r: number, ids: readonly string[]) {
  return Object.fromEntries(ids.map((id, c) => [id, a[r * ids.length + c]!]));
}

function expectSameAsObjectPath(framework: DbiFramework, a: Uint8Array | Float64Array) {
  const ids = criterionOrder(framework);
  const batch = scoreDbiBatch(framework, a);
  const P = framework.pillars.length;
  for (let r = 0; r < batch.rows; r++) {
    const one = scoreDbi(framework, { answers: rowAnswers(a, r, ids) });
    expect(batch.valid[r]).toBe(1);
    expect(batch.total[r]).toBe(one.total);
    expect(batch.level[r]).toBe(one.level ?? -1);
    for (let p = 0; p < P; p++) {
      expect(batch.pillarPoints[r * P + p]).toBe(one.pillars[p]!.points);
      expect(batch.pillarLevel[r * P + p]).toBe(one.pillars[p]!.level ?? -1);
    }
  }
}

describe('scoreDbiBatch agrees with scoreDbi on every row (differential, random data)', () => {
  it('Uint8Array, SME set', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 60, maxLength: 60 }), { minLength: 1, maxLength: 40 }), (rows) => {
        const a = new Uint8Array(rows.length * 60);
        rows.forEach((row, r) => row.forEach((v, c) => (a[r * 60 + c] = c === strategy ? v * 5 : v)));
        expectSameAsObjectPath(sme, a);
      }),
      { numRuns: 60 },
    );
  });

  it('Uint8Array, SME set, rows spread over every level (answers clustered around a maturity)', () => {
    const seen = new Set<number>();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 60, maxLength: 60 })), { minLength: 1, maxLength: 30 }), (rows) => {
        const a = new Uint8Array(rows.length * 60);
        rows.forEach(([m, noise], r) => noise.forEach((d, c) => {
          const v = Math.min(5, Math.max(0, m + d));
          a[r * 60 + c] = c === strategy ? v * 5 : v;
        }));
        expectSameAsObjectPath(sme, a);
        scoreDbiBatch(sme, a).level.forEach((l) => seen.add(l));
      }),
      { numRuns: 80 },
    );
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('Float64Array, SME set and pillar-level frameworks (decimals)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 120, maxLength: 120 }), (values) => {
        const a = Float64Array.from(values, (v, i) => (i % 60 === strategy ? v * 5 : v));
        expectSameAsObjectPath(sme, a);
      }),
      { numRuns: 40 },
    );
    const large = getFramework('dbi-2021-large') as DbiFramework;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8500 }), { minLength: 12, maxLength: 12 }), (cents) => {
        const a = Float64Array.from(cents, (v) => v / 100);
        expectSameAsObjectPath(large, a);
      }),
      { numRuns: 40 },
    );
  });

  it('reports invalid rows by index and leaves them unscored', () => {
    const a = new Uint8Array(60 * 3).fill(2);
    for (let r = 0; r < 3; r++) a[r * 60 + strategy] = 10;
    a[60 + 5] = 9; // row 1, criterion order[5]
    a[120 + strategy] = 12; // row 2, not on the 0–25 by 5 scale
    const b = scoreDbiBatch('dbi-2021-sme', a);
    expect(Array.from(b.valid)).toEqual([1, 0, 0]);
    expect(b.invalid).toEqual([
      { row: 1, column: 5, criterion: order[5], value: 9, code: 'out_of_range' },
      { row: 2, column: strategy, criterion: '2.1.1', value: 12, code: 'not_on_scale' },
    ]);
    expect(b.level[1]).toBe(-1);
    expect(b.total[0]).toBe(128);
    const f = Float64Array.from(a);
    f[5] = Number.NaN;
    f[6] = 2.5;
    expect(scoreDbiBatch('dbi-2021-sme', f).invalid[0]).toMatchObject({ row: 0, column: 5, code: 'not_a_number' });
  });

  it('rejects an array that is not a whole number of rows, or not a typed array', () => {
    expect(() => scoreDbiBatch('dbi-2021-sme', new Uint8Array(61))).toThrow(ValidationError);
    expect(() => scoreDbiBatch('dbi-2021-sme', [1, 2] as never)).toThrow(ValidationError);
  });

  it('gives −1 levels where the framework has no level rule', () => {
    const large = DBI_FRAMEWORKS.find((f) => f.id === 'dbi-2021-large')!;
    const b = scoreDbiBatch(large, new Uint8Array([100, 60, 70, 55, 44, 42]));
    expect(b.level[0]).toBe(-1);
    expect(b.total[0]).toBe(371);
  });
});

/**
 * The batch path is one path of the one model: on every bundled framework, and on questionnaire
 * frameworks (test/frameworks/dbi-*.json: options, "n/a" as NaN, sector parts one batch per sector,
 * mean and weighted aggregation, level conditions), each row gives what scoreDbi gives for the
 * assessment whose answers' points the row holds.
 */
describe('scoreDbiBatch agrees with scoreDbi on every bundled framework and on questionnaire frameworks (differential)', () => {
  it.each(DBI_FRAMEWORKS.map((f) => [f.id, f] as const))('%s: random points, or the same NotScorableError', (_id, f) => {
    const scorable = (() => {
      try {
        return criterionOrder(f) && scoreDbiBatch(f, new Uint8Array(0)) && true;
      } catch (e) {
        expect(e).toBeInstanceOf(NotScorableError);
        expect(() => scoreDbi(f, { answers: {} })).toThrow(NotScorableError);
        return false;
      }
    })();
    if (!scorable) return;
    const ids = criterionOrder(f);
    const maxima = f.inputLevel === 'pillar' ? f.pillars.map((p) => p.max!) : ids.map(() => 5);
    fc.assert(
      fc.property(fc.array(fc.tuple(...maxima.map((m) => fc.integer({ min: 0, max: m * 100 }))), { minLength: 1, maxLength: 10 }), (rows) => {
        const values = rows.map((row) => row.map((v, c) => (f.inputLevel === 'pillar' ? v / 100 : ids[c] === '2.1.1' && f.id === 'dbi-2021-sme' ? Math.floor(v / 100) * 5 : Math.floor(v / 100))));
        expectSameAsObjectPath(f, Float64Array.from(values.flat()));
      }),
      { numRuns: 20 },
    );
  });

  const files = readdirSync(new URL('../frameworks/', import.meta.url)).filter((n) => n.startsWith('dbi-') && n.endsWith('.json'));
  it.each(files)('%s: the points of random answers, row by row', (name) => {
    const f = defineDbiFramework(readFrameworkJson(name));
    const sectors: (string | undefined)[] = f.sectors ? [...f.sectors.map((s) => s.id), ...(f.sectorRules?.unlistedSector === 'common-part-only' ? ['dich-vu'] : [])] : [undefined];
    for (const sector of sectors) {
      const list = criteriaOf(f, sector);
      fc.assert(
        fc.property(fc.array(fc.tuple(...list.map((c) => fc.constantFrom(...answersOf(c)))), { minLength: 1, maxLength: 8 }), (rows) => {
          const scored = rows.flatMap((values) => {
            const input = { ...(sector === undefined ? {} : { sector }), answers: Object.fromEntries(list.map((c, i) => [c.id, values[i]])) };
            try {
              const one = scoreDbi(f, input as never);
              // the points of each answer: listed in a questionnaire's result; the answers themselves where they are points
              return [{ one, points: one.criteria ? one.criteria.map((c) => (c.points === null ? Number.NaN : c.points)) : (values as number[]) }];
            } catch {
              return []; // every criterion "n/a": nothing to score (the batch marks such a row invalid)
            }
          });
          if (scored.length === 0) return;
          const points = Float64Array.from(scored.flatMap((r) => r.points));
          const batch = scoreDbiBatch(f, points, sector === undefined ? undefined : { sector });
          expect(batch.invalid).toEqual([]);
          const P = f.pillars.length;
          scored.forEach(({ one }, r) => {
            expect(batch.total[r]).toBe(one.total);
            expect(batch.level[r]).toBe(one.level ?? -1);
            for (let p = 0; p < P; p++) {
              expect(batch.pillarPoints[r * P + p]).toBe(one.pillars[p]!.points);
              expect(batch.pillarLevel[r * P + p]).toBe(one.pillars[p]!.level ?? -1);
            }
          });
        }),
        { numRuns: 40, seed: 3 },
      );
    }
  });
});

function criteriaOf(f: DbiFramework, sector: string | undefined): DbiCriterion[] {
  return f.pillars.flatMap((p) => {
    const part = p.sectorSpecific ? f.sectors!.find((s) => s.id === sector) : p;
    return part ? [...(part.criteria ?? []), ...part.components.flatMap((c) => c.criteria)] : [];
  });
}

/** Valid answers of one criterion ("n/a" often, where allowed). */
function answersOf(c: DbiCriterion): unknown[] {
  const na = c.notApplicable ? ['n/a', 'n/a'] : [];
  const a = c.answer;
  if (!a) return [...na, ...(c.scale!.kind === 'steps' ? c.scale!.values : [c.scale!.min, c.scale!.max, Number(((c.scale!.min + c.scale!.max) / 3).toFixed(c.scale!.decimals))])];
  if (a.kind === 'single') return [...na, ...a.options.map((o) => o.id)];
  if (a.kind === 'multiple') return [...na, [], ...a.options.map((o) => [o.id]), a.options.filter((o) => !o.exclusive).map((o) => o.id)];
  return [...na, a.min, a.max, ...a.thresholds.map((t) => t.from).filter((x) => x >= a.min && x <= a.max)];
}
