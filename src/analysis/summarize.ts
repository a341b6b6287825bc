/**
 * The province-wide picture: scored enterprises grouped by any key (sector, district, size, year),
 * with counts, the level distribution, mean / median / quartiles of the total and of each pillar,
 * shares at or above each level, and coverage against the registered enterprises.
 *
 * Statistics are exact: points are integers in units of the framework's scale, so sums, means
 * (rounded half-up to 2 decimals, exact string beside) and quartiles are computed without floats.
 * Quartiles use linear interpolation between order statistics (R type 7, NumPy's default, Excel's
 * QUARTILE.INC). The figures come from the one cohort accumulator (cohort.ts) that `vndi summary`
 * streams a file through: a group keeps its values while they are few (quartiles need them) and a
 * histogram of the framework's scale once they are many, so a million results summarize in one pass
 * and memory follows the groups, not the results.
 */
import { readOnce } from '../assessment/snapshot.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { custom, num, obj, optional, record, throwIfAny, isArray } from '../assessment/check.js';
import type { DbiResult } from '../score/score-dbi.js';
import { CohortAccumulator, MAX_COUNT, coverageOf, type CohortOptions, type CohortSummary, type Coverage } from './cohort.js';

export type { CohortSummary, Coverage, GroupSummary, Stats } from './cohort.js';

/** How `summarize` groups and measures. */
export type SummarizeOptions<E> = CohortOptions<E>;

const optionsCheck = /* @__PURE__ */ obj({
  groupBy: optional(
    custom<string | readonly string[] | ((entry: never) => string)>((value, path, issues) => {
      if (typeof value === 'string' || typeof value === 'function') return;
      if (isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')) return;
      issues.push(makeIssue(path, 'invalid_type', { expected: 'field name, non-empty array of field names, or function', received: value }));
    }),
  ),
  registered: optional(record(num({ integer: true, min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / 10_000) }))),
  target: optional(num({ min: 0, max: 1 })),
});

/**
 * Summarizes scored enterprises, grouped by any key.
 *
 * Group keys that differ only invisibly (Unicode NFC or NFD, repeated, leading or non-breaking
 * spaces, zero-width characters) are one group, keyed in NFC; so are the keys of `registered`. With
 * `registered` and a `groupBy`, every registered group is listed, also one with no entry (count 0,
 * coverage 0 with the full shortfall). Memory grows with the groups, not the entries: a group keeps
 * its values (2 bytes a figure on the bundled frameworks) until a histogram of the framework's scale
 * is smaller, and a framework with weights, "not applicable", sectors or percentage bands keeps 8 bytes a
 * figure.
 *
 * @example
 * ```ts
 * import rows from 'vn-digital-index/fixtures/dbi-sme-daklak';
 * // the 60 sample self-assessments, by district, against "50% of registered SMEs assessed"
 * const entries = rows.map((e) => ({ district: e.district, result: scoreDbi(e.framework, { answers: e.answers }) }));
 * const s = summarize(entries, { groupBy: 'district', registered: { 'Buôn Hồ': 43 }, target: 0.5 });
 * s.groups[0]; // { key: 'Buôn Hồ', count: 10, levels: { '0': 0, '1': 0, '2': 3, '3': 4, '4': 3, '5': 0 }, total: { mean: 177.3, median: 168.5, … }, coverage: { share: 0.2326, shortfall: 12, … }, … }
 * ```
 */
export function summarize<E extends { readonly result: DbiResult }>(entries: readonly E[], options: SummarizeOptions<E> = {}): CohortSummary {
  entries = readOnce(entries, ['entries']);
  options = readOnce(options, ['options']);
  if (!isArray(entries)) throw new ValidationError([makeIssue(['entries'], 'invalid_type', { expected: 'array', received: entries })]);
  const issues: ValidationIssue[] = [];
  optionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  if (entries.length === 0) throw new ValidationError([makeIssue(['entries'], 'missing_input', { fields: ['entries'] }, 'summarize needs at least one scored entry.')]);
  const acc = new CohortAccumulator<E>(options);
  for (let i = 0; i < entries.length; i++) acc.add(entries[i]!, i);
  return acc.finish();
}

const countCheck = /* @__PURE__ */ num({ integer: true, min: 0, max: MAX_COUNT });
const targetCheck = /* @__PURE__ */ optional(num({ min: 0, max: 1 }));

/**
 * Coverage of assessments against registered enterprises, and the shortfall to a target share.
 *
 * @example
 * ```ts
 * coverage(120, 400, 0.5); // { assessed: 120, registered: 400, share: 0.3, target: 0.5, meetsTarget: false, shortfall: 80 }
 * ```
 */
export function coverage(assessed: number, registered: number, target?: number): Coverage {
  const issues: ValidationIssue[] = [];
  countCheck(assessed, ['assessed'], issues);
  targetCheck(target, ['target'], issues);
  throwIfAny(issues);
  return coverageOf(assessed, registered, target, ['registered']);
}

