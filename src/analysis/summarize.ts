/**
 * The province-wide picture: scored enterprises grouped by any key (sector, district, size, year),
 * with counts, the level distribution, mean / median / quartiles of the total and of each pillar,
 * shares at or above each level, and coverage against the registered enterprises.
 *
 * Statistics are exact: points are integers in units of the framework's scale, so sums, means
 * (rounded half-up to 2 decimals, exact string beside) and quartiles are computed without floats.
 * Quartiles use linear interpolation between order statistics (R type 7, NumPy's default, Excel's
 * QUARTILE.INC). Groups are held as histograms where the scale is small (all bundled criterion-level
 * frameworks), so a million results summarize in one pass.
 */
import { readOnce } from '../assessment/snapshot.js';
import { formatUnits, ratioHalfUp, ratioString } from '../arithmetic/scaled.js';
import { compileDbi } from '../assessment/dbi-input.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { compareCodePoints, custom, num, obj, optional, record, throwIfAny, type Path, isArray } from '../assessment/check.js';
import { inspectDbiResult } from '../assessment/dbi-result-check.js';

import type { DbiResult } from '../score/score-dbi.js';
import { extendedResult } from '../score/score-dbi.js';
import { recordFramework, recordedFramework } from '../score/provenance.js';
import * as X from '../arithmetic/decimal.js';
import type { DbiFramework } from '../framework/schema.js';

/** Summary statistics of one measure. */
export interface Stats {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  readonly min: number;
  readonly max: number;
  readonly exact: { readonly mean: string; readonly sum: string };
}

/** Coverage of assessments against registered enterprises. */
export interface Coverage {
  readonly assessed: number;
  readonly registered: number;
  /** assessed / registered, 4 decimals. */
  readonly share: number;
  readonly target: number | null;
  readonly meetsTarget: boolean | null;
  /** How many more assessments reach the target (0 when met). */
  readonly shortfall: number | null;
}

/** One group of a cohort. */
export interface GroupSummary {
  /** The group's key (values joined by " / " when grouping by several keys); `all` for the whole cohort. */
  readonly key: string;
  readonly keys: Readonly<Record<string, string>>;
  readonly count: number;
  /** Enterprises per level (`none` where the framework gives no level). */
  readonly levels: Readonly<Record<string, number>>;
  /** Share (0–1, 4 decimals) of enterprises at or above each level. */
  readonly atOrAbove: Readonly<Record<string, number>>;
  readonly total: Stats;
  /** Mean percent of the maximum, 2 decimals. */
  readonly meanPercent: number;
  readonly pillars: Readonly<Record<string, Stats>>;
  readonly coverage?: Coverage;
}

export interface SummarizeOptions<E> {
  /** A field of each entry, several fields, or a function giving the group key. */
  readonly groupBy?: string | readonly string[] | ((entry: E) => string);
  /** Registered enterprises per group key (for coverage). */
  readonly registered?: Readonly<Record<string, number>>;
  /** Target coverage share, e.g. 0.5 for "50% of SMEs assessed". */
  readonly target?: number;
}

/** The result of {@link summarize}. */
export interface CohortSummary {
  readonly framework: string;
  readonly groups: readonly GroupSummary[];
  readonly overall: GroupSummary;
}

interface Acc {
  key: string;
  keys: Record<string, string>;
  count: number;
  /** Enterprises per level: index level + 1; index 0 counts results without a level. */
  levels: Int32Array;
  totalSum: number;
  /** Sum of the results' exact percentages (frameworks beyond the 1970 model). */
  percentSum: X.Exact;
  /**
   * Histogram mode: the total's histogram and every pillar's, back to back in one array (pillar p
   * at `pillarOffset[p]`), so that one entry touches one allocation.
   */
  hist: Int32Array | null;
  total: Int32Array | number[];
  pillarSums: Float64Array;
  pillars: (Int32Array | number[])[];
}

const HISTOGRAM_LIMIT = 20_000;

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

/** A group key part: strings as they are, finite numbers and booleans as text, absent as ''. */
function keyPart(v: unknown, path: Path): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  throw new ValidationError([makeIssue(path, 'invalid_type', { expected: 'string, finite number or boolean (a group key)', received: v })]);
}

function own(o: Readonly<Record<string, number>> | undefined, key: string): number | undefined {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/**
 * Summarizes scored enterprises, grouped by any key.
 *
 * @example
 * ```ts
 * const entries = enterprises.map((e) => ({ district: e.district, result: scoreDbi('dbi-2021-sme', e) }));
 * const s = summarize(entries, { groupBy: 'district', registered: { 'Buôn Hồ': 40 }, target: 0.5 });
 * s.groups[0]; // { key: 'Buôn Hồ', count: 9, levels: { '1': 2, '2': 5, '3': 2 }, total: { mean: 131.44, median: 128, … }, coverage: { share: 0.225, shortfall: 11 } }
 * ```
 */
export function summarize<E extends { readonly result: DbiResult }>(entries: readonly E[], options: SummarizeOptions<E> = {}): CohortSummary {
  entries = readOnce(entries, ['entries']);
  options = readOnce(options, ['options']);
  if (!isArray(entries)) throw new ValidationError([makeIssue(['entries'], 'invalid_type', { expected: 'array', received: entries })]);
  const issues: ValidationIssue[] = [];
  optionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  const first = entries[0];
  if (first === undefined) throw new ValidationError([makeIssue(['entries'], 'missing_input', { fields: ['entries'] }, 'summarize needs at least one scored entry.')]);
  const firstFramework = inspectEntry(first, 0, issues);
  throwIfAny(issues);
  const frameworkId = (first.result as DbiResult).framework.id;
  // a framework beyond the 1970 model ("n/a", sectors, mean or weighted aggregation) has no fixed
  // maxima: its points are summed from arrays, "n/a" pillars left out, and the mean percentage is
  // the mean of the results' own percentages
  const general = extendedResult(firstFramework!);
  const c = general ? null : compileDbi(firstFramework!);
  const decimals = (c ?? compileDbi(firstFramework!)).decimals;
  const factor = c ? c.factor : 10 ** decimals;
  const maxUnits = c ? c.totalMaxUnits : 0;
  const histogram = c !== null && maxUnits <= HISTOGRAM_LIMIT;
  const framework = firstFramework!;
  const pillarCount = framework.pillars.length;
  const levelSlots = Math.max(0, ...framework.levels.map((l) => l.level)) + 2;
  const groupBy = options.groupBy;
  const fields = typeof groupBy === 'string' ? [groupBy] : isArray(groupBy) ? (groupBy as readonly string[]) : null;
  const single = fields && fields.length === 1 ? fields[0]! : null;
  const keyOf = typeof groupBy === 'function' ? (groupBy as (e: E) => string) : null;

  const pillarOffset = new Int32Array(pillarCount + 1);
  pillarOffset[0] = maxUnits + 1;
  for (let p = 0; p < pillarCount && c; p++) pillarOffset[p + 1] = pillarOffset[p]! + c.pillarMaxUnits[p]! + 1;
  const newAcc = (key: string, keys: Record<string, string>): Acc => {
    if (!histogram) {
      return { key, keys, count: 0, levels: new Int32Array(levelSlots), totalSum: 0, percentSum: X.zero(), hist: null, total: [], pillarSums: new Float64Array(pillarCount), pillars: framework.pillars.map(() => []) };
    }
    const hist = new Int32Array(pillarOffset[pillarCount]!);
    return {
      key, keys, count: 0, levels: new Int32Array(levelSlots), totalSum: 0, percentSum: X.zero(), hist,
      total: hist.subarray(0, maxUnits + 1),
      pillarSums: new Float64Array(pillarCount),
      pillars: framework.pillars.map((_, p) => hist.subarray(pillarOffset[p]!, pillarOffset[p + 1]!)),
    };
  };
  const groups = accumulate(entries, {
    frameworkId, firstFramework: firstFramework!, general, factor, pillarCount, pillarOffset, single, keyOf, fields, newAcc,
  }, issues);

  if (histogram) {
    for (const g of groups.values()) {
      g.totalSum = histogramSum(g.total as Int32Array);
      for (let p = 0; p < pillarCount; p++) g.pillarSums[p] = histogramSum(g.pillars[p] as Int32Array);
    }
  }

  // the whole cohort, merged from the groups
  const overall = newAcc('all', {});
  for (const g of groups.values()) {
    overall.count += g.count;
    overall.totalSum += g.totalSum;
    overall.percentSum = X.add(overall.percentSum, g.percentSum);
    for (let l = 0; l < levelSlots; l++) overall.levels[l]! += g.levels[l]!;
    mergeInto(overall.total, g.total);
    for (let p = 0; p < pillarCount; p++) {
      overall.pillarSums[p]! += g.pillarSums[p]!;
      mergeInto(overall.pillars[p]!, g.pillars[p]!);
    }
  }

  const levelIds = framework.levels.map((l) => l.level);
  const finish = (acc: Acc): GroupSummary => {
    const { levels, atOrAbove } = levelTallies(levelIds, acc.levels, acc.count);
    const reg = own(options.registered, acc.key);
    return {
      key: acc.key,
      keys: acc.keys,
      count: acc.count,
      levels,
      atOrAbove,
      total: stats(acc.total, acc.count, acc.totalSum, factor, decimals),
      meanPercent: general
        ? X.toRoundedNumber(X.divide(acc.percentSum, acc.count), 2)
        : ratioHalfUp(acc.totalSum * 100, acc.count * maxUnits, 2),
      pillars: Object.fromEntries(framework.pillars.map((p, i) => {
        const values = acc.pillars[i]!;
        return [p.id, stats(values, Array.isArray(values) ? values.length : acc.count, acc.pillarSums[i]!, factor, decimals)];
      })),
      ...(reg === undefined ? {} : { coverage: coverageOf(acc.count, reg, options.target, ['options', 'registered', acc.key]) }),
    };
  };
  const totalRegistered = options.registered ? Object.values(options.registered).reduce((a, b) => a + b, 0) : undefined;
  const overallSummary = finish(overall);
  return recordFramework<CohortSummary>({
    framework: frameworkId,
    groups: [...groups.values()].sort((a, b) => compareCodePoints(a.key, b.key)).map(finish),
    overall: totalRegistered === undefined ? overallSummary : { ...overallSummary, coverage: coverageOf(overall.count, totalRegistered, options.target, ['options', 'registered']) },
  }, framework);
}

/** What the one pass over the entries needs (see {@link accumulate}). */
interface Pass<E> {
  readonly frameworkId: string;
  readonly firstFramework: DbiFramework;
  readonly general: boolean;
  readonly factor: number;
  readonly pillarCount: number;
  readonly pillarOffset: Int32Array;
  readonly single: string | null;
  readonly keyOf: ((entry: E) => string) | null;
  readonly fields: readonly string[] | null;
  readonly newAcc: (key: string, keys: Record<string, string>) => Acc;
}

/**
 * The one pass over the entries: checks each distinct result and adds it to its group. Kept apart
 * from `summarize`, with no closure over its locals, so that they stay in registers: a variable a
 * closure captures is read from the heap on every use (summarize bench, issue #5).
 */
function accumulate<E extends { readonly result: DbiResult }>(entries: readonly E[], pass: Pass<E>, issues: ValidationIssue[]): Map<string, Acc> {
  const { frameworkId, firstFramework, general, factor, pillarCount, pillarOffset, single, keyOf, fields, newAcc } = pass;
  const groups = new Map<string, Acc>();
  let lastResult: DbiResult | undefined;

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const r = e?.result;
    if (r !== lastResult || r === undefined) {
      // results are often shared between entries; check each distinct one once in a row. A result
      // this process scored is sound as it stands (and frozen): its recorded framework is enough
      const recorded = r !== null && typeof r === 'object' ? recordedFramework(r) : undefined;
      const f = recorded !== undefined && recorded.kind === 'dbi' ? recorded : inspectEntry(e, i, issues);
      throwIfAny(issues);
      if (r.framework.id !== frameworkId || (f !== firstFramework && !sameMaxima(f!, firstFramework))) {
        throw new ValidationError([makeIssue(['entries', i, 'result', 'framework', 'id'], 'invalid_option', { received: r.framework.id, allowed: [frameworkId] }, 'summarize takes results of one framework; summarize each framework apart.')]);
      }
      lastResult = r;
    }
    let key: string;
    if (single !== null) {
      const v = (e as Record<string, unknown>)[single];
      key = typeof v === 'string' ? v : keyPart(v, ['entries', i, single]);
    } else if (keyOf) {
      const k = keyOf(e);
      if (typeof k !== 'string') throw new ValidationError([makeIssue(['options', 'groupBy'], 'invalid_type', { expected: `string (returned for entries.${i})`, received: k })]);
      key = k;
    } else if (fields) key = joinedKey(e, i, fields);
    else key = 'all';
    let acc = groups.get(key);
    if (!acc) {
      acc = newAcc(key, fields ? keysOf(e, i, fields) : { group: key });
      groups.set(key, acc);
    }
    const totalUnits = Math.round(r.total * factor);
    acc.count++;
    acc.levels[r.level === null ? 0 : r.level + 1]!++;
    const pillars = r.pillars;
    const hist = acc.hist;
    if (hist !== null) {
      // sums are derived from the histograms once, after the pass
      hist[totalUnits]!++;
      if (factor === 1) {
        // integral points (every criterion-level framework): the points are the units
        for (let p = 0; p < pillarCount; p++) hist[pillarOffset[p]! + (pillars[p]!.points | 0)]!++;
      } else {
        for (let p = 0; p < pillarCount; p++) hist[pillarOffset[p]! + Math.round(pillars[p]!.points * factor)]!++;
      }
    } else {
      acc.totalSum += totalUnits;
      (acc.total as number[]).push(totalUnits);
      if (general) acc.percentSum = X.add(acc.percentSum, X.exact(r.exact.percent));
      for (let p = 0; p < pillarCount; p++) {
        if (pillars[p]!.notApplicable) continue;
        const u = Math.round(pillars[p]!.points * factor);
        acc.pillarSums[p]! += u;
        (acc.pillars[p] as number[]).push(u);
      }
    }
  }
  return groups;
}

/** The group key of an entry grouped by several fields: their values joined by " / ". */
function joinedKey(e: object, i: number, fields: readonly string[]): string {
  return fields.map((f) => keyPart((e as Record<string, unknown>)[f], ['entries', i, f])).join(' / ');
}

/** A group's `keys`: each field's value. Object.fromEntries defines own properties, so a field named `__proto__` stays an ordinary key. */
function keysOf(e: object, i: number, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, keyPart((e as Record<string, unknown>)[f], ['entries', i, f])]));
}

/** Whether two versions of a framework score on the same maxima (so their results share histograms). */
function sameMaxima(a: DbiFramework, b: DbiFramework): boolean {
  if (extendedResult(a) || extendedResult(b)) {
    // no fixed maxima: the same questions, sectors and aggregation
    const shape = (f: DbiFramework) => JSON.stringify([f.pillars, f.sectors, f.aggregation, f.levels.map((l) => l.level)]);
    return shape(a) === shape(b);
  }
  const ca = compileDbi(a);
  const cb = compileDbi(b);
  return ca.factor === cb.factor && ca.pillarMaxUnits.length === cb.pillarMaxUnits.length && ca.pillarMaxUnits.every((u, i) => u === cb.pillarMaxUnits[i]);
}

/** Checks one entry and its result; returns the result's framework when both are sound. */
function inspectEntry(e: unknown, i: number, issues: ValidationIssue[]): DbiFramework | undefined {
  if (typeof e !== 'object' || e === null) {
    issues.push(makeIssue(['entries', i], 'invalid_type', { expected: 'object { result }', received: e }));
    return undefined;
  }
  return inspectDbiResult((e as { result?: unknown }).result, ['entries', i, 'result'], issues);
}

/** Σ value × count over a histogram indexed by value (exact: integers far below 2^53). */
/**
 * A group's count per level (slot 0 of `slots` counts results without a level: `none`) and, when
 * every result has a level, the share at or above each level.
 *
 * @internal
 */
export function levelTallies(levelIds: readonly number[], slots: ArrayLike<number>, count: number): { levels: Record<string, number>; atOrAbove: Record<string, number> } {
  const levels: Record<string, number> = {};
  for (const l of levelIds) levels[String(l)] = slots[l + 1]!;
  const none = slots[0]!;
  if (none > 0) levels.none = none;
  const atOrAbove: Record<string, number> = {};
  if (none === 0) {
    let cumulative = 0;
    for (const l of [...levelIds].reverse()) {
      cumulative += levels[String(l)] ?? 0;
      atOrAbove[String(l)] = ratioHalfUp(cumulative, count, 4);
    }
  }
  return { levels, atOrAbove };
}

/** The sum of the values a histogram counts (value v counted h[v] times). @internal */
export function histogramSum(h: Int32Array): number {
  let sum = 0;
  for (let v = 1; v < h.length; v++) sum += v * h[v]!;
  return sum;
}

function mergeInto(target: Int32Array | number[], source: Int32Array | number[]): void {
  if (Array.isArray(target)) for (const v of source as number[]) (target as number[]).push(v);
  else for (let v = 0; v < source.length; v++) (target as Int32Array)[v]! += (source as Int32Array)[v]!;
}

/** Order statistic k (0-based) of a histogram or a sorted array. */
function orderStat(values: Int32Array | number[], k: number, sorted: number[] | null): number {
  if (sorted) return sorted[k]!;
  const h = values as Int32Array;
  let seen = 0;
  for (let v = 0; v < h.length; v++) {
    seen += h[v]!;
    if (seen > k) return v;
  }
  return h.length - 1;
}

/**
 * Mean, quartiles and extremes of a histogram or an array of scaled-integer values.
 *
 * @internal
 */
export function stats(values: Int32Array | number[], count: number, sum: number, factor: number, decimals: number): Stats {
  if (count === 0) return { count, mean: 0, median: 0, q1: 0, q3: 0, min: 0, max: 0, exact: { mean: '0', sum: '0' } };
  const sorted = Array.isArray(values) ? [...values].sort((a, b) => a - b) : null;
  // type-7 quantile at p = q/4: position h = (n − 1)·q/4, interpolate between floor and ceil
  const quantile = (q: number) => {
    const num = (count - 1) * q;
    const lo = Math.floor(num / 4);
    const frac = num % 4;
    const a = orderStat(values, lo, sorted);
    const b = frac === 0 ? a : orderStat(values, lo + 1, sorted);
    return (4 * a + frac * (b - a)) / (4 * factor);
  };
  return {
    count,
    mean: ratioHalfUp(sum, count * factor, 2),
    median: quantile(2),
    q1: quantile(1),
    q3: quantile(3),
    min: orderStat(values, 0, sorted) / factor,
    max: orderStat(values, count - 1, sorted) / factor,
    exact: { mean: ratioString(sum, count * factor), sum: formatUnits(sum, decimals) },
  };
}

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

/** The largest count accepted: share computations stay exact in safe integers (count × 10^4 < 2^53). */
const MAX_COUNT = /* @__PURE__ */ Math.floor(Number.MAX_SAFE_INTEGER / 10_000);
const countCheck = /* @__PURE__ */ num({ integer: true, min: 0, max: MAX_COUNT });
const targetCheck = /* @__PURE__ */ optional(num({ min: 0, max: 1 }));

/** Coverage with `assessed` and `target` checked; `registered` checked here, reported at `path`. */
function coverageOf(assessed: number, registered: number, target: number | undefined, path: Path): Coverage {
  const issues: ValidationIssue[] = [];
  num({ integer: true, min: 1, max: MAX_COUNT })(registered, path, issues);
  throwIfAny(issues);
  // ceil(target × registered) exactly: target has at most a few decimals
  const needed = target === undefined ? null : Math.ceil(Math.round(target * registered * 1e9) / 1e9);
  return {
    assessed,
    registered,
    share: ratioHalfUp(assessed, registered, 4),
    target: target ?? null,
    meetsTarget: needed === null ? null : assessed >= needed,
    shortfall: needed === null ? null : Math.max(0, needed - assessed),
  };
}
