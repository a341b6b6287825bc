/**
 * The cohort summary accumulated one scored result at a time: what `summarize` computes over an
 * array and what `vndi summary` computes over a file read in chunks, by one implementation (two
 * copies had drifted: the command line summed a weighted framework's percentages as plain points).
 *
 * Figures are exact: points are integers in units of the framework's scale (`factor`), so sums,
 * means (half-up to 2 decimals, the exact string beside) and quartiles are computed on integers.
 * Quartiles interpolate linearly between order statistics (R type 7, NumPy's default, Excel's
 * QUARTILE.INC).
 *
 * Memory is bounded per group by what its figures need. A median and quartiles need the values
 * themselves, so a group keeps, per result, its total, each pillar's points and its level, as
 * scaled integers in one typed array (2 bytes a figure on the bundled criterion-level frameworks;
 * 8 on a framework with weights, "not applicable", sectors or percentage bands, whose points have no
 * fixed scale and whose mean percentage is the mean of the results' own). A
 * group that grows past the size of a histogram of its framework's scale (dbi-2021-sme: 321 totals,
 * 326 pillar points and 7 level slots, 2.6 KB, reached at its 163rd result) becomes that histogram,
 * whose size no further result changes. A framework without a fixed scale keeps every value:
 * 8 bytes × (pillars + 2) per result. The whole cohort's figures are merged from the groups at the
 * end. Group keys are compared in their canonical form (see {@link canonicalText}): spellings that
 * differ only invisibly (NFC/NFD, repeated or non-breaking spaces) are one group, written in NFC.
 */
import { formatUnits, ratioHalfUp, ratioString } from '../arithmetic/scaled.js';
import * as X from '../arithmetic/decimal.js';
import { compileDbi } from '../assessment/dbi-input.js';
import { inspectDbiResult } from '../assessment/dbi-result-check.js';
import { compareCodePoints, num, throwIfAny, type Path } from '../assessment/check.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import type { DbiFramework } from '../framework/schema.js';
import { extendedResult, type DbiResult } from '../score/score-dbi.js';
import { recordFramework, recordedFramework } from '../score/provenance.js';
import { canonicalText } from './text-key.js';

/** Summary statistics of one measure. */
export interface Stats {
  /** How many results the figures rest on; 0 (every figure 0) for a group with none. */
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
  /**
   * Results in the group. A registered group with none assessed is listed with count 0: its
   * statistics are all 0 (read them with the count), its coverage 0 with the full shortfall.
   */
  readonly count: number;
  /** Enterprises per level (`none` where the framework gives no level). */
  readonly levels: Readonly<Record<string, number>>;
  /** Share (0–1, 4 decimals) of enterprises at or above each level (empty for a group with no results). */
  readonly atOrAbove: Readonly<Record<string, number>>;
  readonly total: Stats;
  /** Mean percent of the maximum, 2 decimals (0 for a group with no results). */
  readonly meanPercent: number;
  readonly pillars: Readonly<Record<string, Stats>>;
  readonly coverage?: Coverage;
}

/** The result of `summarize`. */
export interface CohortSummary {
  readonly framework: string;
  readonly groups: readonly GroupSummary[];
  readonly overall: GroupSummary;
}

/** How results are grouped and measured against the registered enterprises. */
export interface CohortOptions<E> {
  /** A field of each entry, several fields, or a function giving the group key. */
  readonly groupBy?: string | readonly string[] | ((entry: E) => string);
  /** Registered enterprises per group key (for coverage). */
  readonly registered?: Readonly<Record<string, number>>;
  /** Target coverage share, e.g. 0.5 for "50% of SMEs assessed". */
  readonly target?: number;
}

/**
 * A result held as scaled units (the command line's batch path holds rows so, without a result
 * object): the total's and each pillar's units and the level code (−1 for none).
 *
 * @internal
 */
export interface ScaledResult {
  readonly compiled: { readonly framework: DbiFramework };
  readonly totalUnits: number;
  readonly levelCode: number;
  pillarUnits(p: number): number;
  /** The whole result (built on demand): what a framework beyond fixed maxima is summarised from. */
  readonly result: DbiResult;
}

// a framework's scale above this many units is not held as histograms (none of the bundled ones)
const HISTOGRAM_LIMIT = 20_000;
// "not applicable" in a value array (scaled points are never negative)
const NOT_APPLICABLE = -1;

type Values = Uint16Array | Int32Array | Float64Array;

interface Group {
  readonly key: string;
  /** The key's parts when grouping by several fields. */
  readonly parts: readonly string[] | null;
  count: number;
  /** Value mode: per result `stride` figures (total, pillars, level slot), `count` results used. */
  values: Values | null;
  /** Histogram mode: the total's histogram, each pillar's, then the level slots, back to back. */
  hist: Int32Array | null;
  /** The sum of the results' exact percentages (frameworks beyond the 1970 model). */
  percentSum: X.Exact | null;
}

/** Per framework: its scale, and where each measure sits in a group's histogram. */
interface Shape {
  readonly framework: DbiFramework;
  /** Weights, "not applicable", sectors: no fixed maxima, percentages averaged, values kept. */
  readonly general: boolean;
  readonly factor: number;
  readonly decimals: number;
  /** The total's maximum in units (0 where not fixed). */
  readonly maxUnits: number;
  readonly pillarCount: number;
  readonly levelIds: readonly number[];
  readonly levelSlots: number;
  /** Figures per result in value mode: total, pillars, level slot. */
  readonly stride: number;
  /** Whether groups turn into histograms, after how many results, and the histogram's layout. */
  readonly histogram: boolean;
  readonly histogramAfter: number;
  /** Offsets of the total (0), each pillar, the level slots and the end in a histogram. */
  readonly offsets: Int32Array;
  readonly makeValues: (length: number) => Values;
}

function shapeOf(framework: DbiFramework): Shape {
  const general = extendedResult(framework);
  const c = general ? null : compileDbi(framework);
  const decimals = (c ?? compileDbi(framework)).decimals;
  const factor = c ? c.factor : 10 ** decimals;
  const maxUnits = c ? c.totalMaxUnits : 0;
  const pillarCount = framework.pillars.length;
  const levelIds = framework.levels.map((l) => l.level);
  const levelSlots = Math.max(0, ...levelIds) + 2;
  const stride = pillarCount + 2;
  const offsets = new Int32Array(pillarCount + 3);
  offsets[1] = maxUnits + 1;
  for (let p = 0; p < pillarCount; p++) offsets[p + 2] = offsets[p + 1]! + (c ? c.pillarMaxUnits[p]! : 0) + 1;
  offsets[pillarCount + 2] = offsets[pillarCount + 1]! + levelSlots;
  const histogram = c !== null && maxUnits <= HISTOGRAM_LIMIT;
  const small = c !== null && maxUnits < 0xffff && levelSlots < 0xffff;
  const bytes = general ? 8 : small ? 2 : 4;
  const makeValues = general || !(maxUnits < 2 ** 31) ? (n: number) => new Float64Array(n) : small ? (n: number) => new Uint16Array(n) : (n: number) => new Int32Array(n);
  // a group keeps its values while they take less room than its histogram would
  const histogramAfter = histogram ? Math.max(1, Math.floor((offsets[pillarCount + 2]! * 4) / (stride * bytes))) : Infinity;
  return { framework, general, factor, decimals, maxUnits, pillarCount, levelIds, levelSlots, stride, histogram, histogramAfter, offsets, makeValues };
}

/** The largest count accepted: share computations stay exact in safe integers (count × 10^4 < 2^53). */
const MAX_COUNT = /* @__PURE__ */ Math.floor(Number.MAX_SAFE_INTEGER / 10_000);

/**
 * The streaming cohort summary: results are added one at a time (in any order, grouped as the
 * options say), and `finish` gives the {@link CohortSummary}, identical to `summarize` over the same
 * entries. Results must come from one framework (or versions of it with the same maxima).
 *
 * @internal
 */
export class CohortAccumulator<E extends object = { readonly result: DbiResult }> {
  private shape: Shape | undefined;
  private frameworkId = '';
  private readonly groups = new Map<string, Group>();
  /** Keys as given that are not canonical → their group. */
  private readonly aliases = new Map<string, Group>();
  private readonly fields: readonly string[] | null;
  private readonly keyOf: ((entry: E) => string) | null;
  private readonly registered: ReadonlyMap<string, number> | undefined;
  private readonly registeredTotal: number | undefined;
  private scratch: Float64Array = new Float64Array(0);
  private percent: X.Exact | null = null;
  private lastResult: DbiResult | undefined;
  private added = 0;

  /** `options` must have been checked (see `summarize`). */
  constructor(private readonly options: CohortOptions<E> = {}) {
    const g = options.groupBy;
    this.fields = typeof g === 'string' ? [g] : Array.isArray(g) ? (g as readonly string[]) : null;
    this.keyOf = typeof g === 'function' ? (g as (entry: E) => string) : null;
    if (options.registered) {
      const reg = new Map<string, number>();
      const spelled = new Map<string, string>();
      let total = 0;
      for (const [key, count] of Object.entries(options.registered)) {
        const k = canonicalText(key);
        const before = spelled.get(k);
        if (before !== undefined) {
          throw new ValidationError([makeIssue(['options', 'registered', key], 'duplicate_id', { id: k, first: JSON.stringify(before) }, 'Two registered keys differ only in Unicode form or spacing: they are one group.')]);
        }
        spelled.set(k, key);
        reg.set(k, count);
        total += count;
      }
      this.registered = reg;
      this.registeredTotal = total;
    }
  }

  /** The framework of the results so far (undefined before the first). */
  get framework(): DbiFramework | undefined {
    return this.shape?.framework;
  }

  /** Whether a result of this framework can join the results so far. */
  accepts(framework: DbiFramework): boolean {
    const s = this.shape;
    return s === undefined || framework === s.framework || (framework.id === this.frameworkId && sameMaxima(framework, s.framework));
  }

  /** Adds one entry `{ result, …fields }` (checked as `summarize` checks it; `index` names it in errors). */
  add(entry: E, index = this.added): void {
    const e = entry as E & { readonly result: DbiResult };
    const r = e?.result;
    if (r !== this.lastResult || r === undefined) {
      // results are often shared between entries; check each distinct one once in a row. A result
      // this process scored is sound as it stands (and frozen): its recorded framework is enough
      const issues: ValidationIssue[] = [];
      const recorded = r !== null && typeof r === 'object' ? recordedFramework(r) : undefined;
      const f = recorded !== undefined && recorded.kind === 'dbi' ? recorded : inspectEntry(e, index, issues);
      throwIfAny(issues);
      this.use(f!, ['entries', index, 'result', 'framework', 'id'], r.framework.id);
      this.lastResult = r;
    }
    let group: Group;
    const fields = this.fields;
    if (fields === null) {
      if (this.keyOf) {
        const k = this.keyOf(entry);
        if (typeof k !== 'string') throw new ValidationError([makeIssue(['options', 'groupBy'], 'invalid_type', { expected: `string (returned for entries.${index})`, received: k })]);
        group = this.groupOf(k, null);
      } else group = this.groupOf('all', null);
    } else if (fields.length === 1) {
      const v = (e as Record<string, unknown>)[fields[0]!];
      group = this.groupOf(typeof v === 'string' ? v : keyPart(v, ['entries', index, fields[0]!]), null);
    } else {
      const parts = fields.map((f) => keyPart((e as Record<string, unknown>)[f], ['entries', index, f]));
      group = this.groupOf(parts.join(' / '), parts);
    }
    this.fromResult(r);
    this.push(group);
  }

  /**
   * Adds a result under a group key as given (the values of the `groupBy` fields, in order), with
   * the result or its scaled units. The caller has checked that the framework is {@link accepts}ed.
   */
  addKeyed(key: readonly string[], result: DbiResult | ScaledResult): void {
    const framework = 'compiled' in result ? result.compiled.framework : ((recordedFramework(result) as DbiFramework | undefined) ?? undefined);
    if (this.shape === undefined || (framework !== undefined && framework !== this.shape.framework)) {
      if (framework === undefined) throw new ValidationError([makeIssue(['result'], 'invalid_type', { expected: 'a result scored by this library' })]);
      this.use(framework, ['result', 'framework', 'id'], framework.id);
    }
    const group = this.fields === null || key.length === 0 ? this.groupOf('all', null) : key.length === 1 ? this.groupOf(key[0]!, null) : this.groupOf(key.join(' / '), key);
    // a framework whose maxima vary by result ("n/a", sectors) or whose percentage is not the sum's
    // (mean, weighted) is summarised from the results themselves, as summarize does
    if ('compiled' in result && !this.shape!.general) this.fromScaled(result);
    else this.fromResult('compiled' in result ? result.result : result);
    this.push(group);
  }

  /** The summary of every result added (and of each registered group with none). */
  finish(): CohortSummary {
    const { framework, overall, groups } = this.summaries();
    return recordFramework<CohortSummary>({ framework, groups: [...groups], overall }, this.shape!.framework);
  }

  /**
   * The summary, group by group: the whole cohort's figures at once, and each group's computed as
   * it is read, so that a caller that writes a row per group and lets it go (a table of 600,000
   * districts) never holds every group's statistics together.
   */
  summaries(): { readonly framework: string; readonly overall: GroupSummary; readonly groups: Iterable<GroupSummary> } {
    const s = this.shape;
    if (s === undefined) throw new ValidationError([makeIssue(['entries'], 'missing_input', { fields: ['entries'] }, 'summarize needs at least one scored entry.')]);
    // every registered group appears, also with no result
    if (this.registered && (this.fields !== null || this.keyOf !== null)) {
      for (const key of this.registered.keys()) if (!this.groups.has(key)) this.groups.set(key, this.newGroup(key, this.fields && this.fields.length > 1 ? splitKey(key, this.fields.length) : null));
    }
    const groups = [...this.groups.values()].sort((a, b) => compareCodePoints(a.key, b.key));
    const merged = this.merged(groups);
    const overallSummary = this.summary(merged, {});
    const total = this.registeredTotal;
    const overall = total === undefined ? overallSummary : { ...overallSummary, coverage: coverageOf(merged.count, total, this.options.target, ['options', 'registered']) };
    const each = function* (this: CohortAccumulator<E>): Generator<GroupSummary> {
      for (const g of groups) yield this.summary(g, this.keysOf(g), this.registered?.get(g.key), ['options', 'registered', g.key]);
    }.bind(this);
    return { framework: this.frameworkId, overall, groups: { [Symbol.iterator]: each } };
  }

  // ------------------------------------------------------------------ adding

  private use(f: DbiFramework, path: Path, id: string): void {
    if (this.shape === undefined) {
      this.shape = shapeOf(f);
      this.frameworkId = f.id;
      this.scratch = new Float64Array(this.shape.stride);
      return;
    }
    if (id !== this.frameworkId || (f !== this.shape.framework && !sameMaxima(f, this.shape.framework))) {
      throw new ValidationError([makeIssue(path, 'invalid_option', { received: id, allowed: [this.frameworkId] }, 'summarize takes results of one framework; summarize each framework apart.')]);
    }
  }

  private groupOf(given: string, parts: readonly string[] | null): Group {
    let g = this.groups.get(given) ?? this.aliases.get(given);
    if (g !== undefined) return g;
    const canonicalParts = parts ? parts.map(canonicalText) : null;
    const key = canonicalParts ? canonicalParts.join(' / ') : canonicalText(given);
    g = this.groups.get(key);
    if (g === undefined) this.groups.set(key, (g = this.newGroup(key, canonicalParts)));
    if (key !== given) this.aliases.set(given, g);
    return g;
  }

  private newGroup(key: string, parts: readonly string[] | null): Group {
    return { key, parts, count: 0, values: null, hist: null, percentSum: this.shape!.general ? X.zero() : null };
  }

  /** The figures of a result into the scratch row: total, pillars, level slot. */
  private fromResult(r: DbiResult): void {
    const s = this.shape!;
    const row = this.scratch;
    const factor = s.factor;
    row[0] = Math.round(r.total * factor);
    const pillars = r.pillars;
    if (factor === 1 && !s.general) {
      // integral points (every criterion-level framework): the points are the units
      for (let p = 0; p < s.pillarCount; p++) row[p + 1] = pillars[p]!.points | 0;
    } else {
      for (let p = 0; p < s.pillarCount; p++) row[p + 1] = pillars[p]!.notApplicable ? NOT_APPLICABLE : Math.round(pillars[p]!.points * factor);
    }
    row[s.pillarCount + 1] = r.level === null ? 0 : r.level + 1;
    if (s.general) this.percent = X.exact(r.exact.percent);
  }

  private fromScaled(r: ScaledResult): void {
    const s = this.shape!;
    const row = this.scratch;
    row[0] = r.totalUnits;
    for (let p = 0; p < s.pillarCount; p++) row[p + 1] = r.pillarUnits(p);
    row[s.pillarCount + 1] = r.levelCode < 0 ? 0 : r.levelCode + 1;
  }

  private push(g: Group): void {
    const s = this.shape!;
    const row = this.scratch;
    this.added++;
    if (g.percentSum !== null) g.percentSum = X.add(g.percentSum, this.percent!);
    const hist = g.hist;
    if (hist !== null) {
      const o = s.offsets;
      hist[row[0]!]!++;
      for (let p = 0; p < s.pillarCount; p++) hist[o[p + 1]! + row[p + 1]!]!++;
      hist[o[s.pillarCount + 1]! + row[s.pillarCount + 1]!]!++;
      g.count++;
      return;
    }
    const stride = s.stride;
    let values = g.values;
    const at = g.count * stride;
    if (values === null || at + stride > values.length) {
      const grown = s.makeValues(Math.max(stride, Math.min(2 * (values?.length ?? 0), (s.histogram ? s.histogramAfter : Infinity) * stride) || stride));
      if (values !== null) grown.set(values);
      g.values = values = grown;
    }
    for (let k = 0; k < stride; k++) values[at + k] = row[k]!;
    g.count++;
    if (g.count >= s.histogramAfter) this.toHistogram(g);
  }

  private toHistogram(g: Group): void {
    const s = this.shape!;
    const o = s.offsets;
    const hist = new Int32Array(o[s.pillarCount + 2]!);
    this.countInto(hist, g.values!, g.count);
    g.hist = hist;
    g.values = null;
  }

  /** Counts `count` results held as values into a histogram. */
  private countInto(hist: Int32Array, v: Values, count: number): void {
    const s = this.shape!;
    const o = s.offsets;
    for (let i = 0; i < count; i++) {
      const at = i * s.stride;
      hist[v[at]!]!++;
      for (let p = 0; p < s.pillarCount; p++) hist[o[p + 1]! + v[at + p + 1]!]!++;
      hist[o[s.pillarCount + 1]! + v[at + s.pillarCount + 1]!]!++;
    }
  }

  // ------------------------------------------------------------------ figures

  /** The whole cohort as one group: a histogram where the framework has them, else every value. */
  private merged(groups: readonly Group[]): Group {
    const s = this.shape!;
    const all: Group = { key: 'all', parts: null, count: 0, values: null, hist: null, percentSum: s.general ? X.zero() : null };
    let n = 0;
    for (const g of groups) {
      n += g.count;
      if (all.percentSum !== null) all.percentSum = X.add(all.percentSum, g.percentSum!);
    }
    all.count = n;
    if (s.histogram) {
      const o = s.offsets;
      const hist = new Int32Array(o[s.pillarCount + 2]!);
      for (const g of groups) {
        if (g.hist) for (let i = 0; i < hist.length; i++) hist[i]! += g.hist[i]!;
        else if (g.values) this.countInto(hist, g.values, g.count);
      }
      all.hist = hist;
    } else {
      const values = s.makeValues(n * s.stride);
      let at = 0;
      for (const g of groups) {
        if (g.values === null) continue;
        values.set(g.values.subarray(0, g.count * s.stride), at);
        at += g.count * s.stride;
      }
      all.values = values;
    }
    return all;
  }

  private keysOf(g: Group): Record<string, string> {
    const fields = this.fields;
    if (fields === null) return { group: g.key };
    // Object.fromEntries defines own properties, so a field named `__proto__` stays an ordinary key
    if (fields.length === 1) return Object.fromEntries([[fields[0]!, g.key]]);
    return g.parts && g.parts.length === fields.length ? Object.fromEntries(fields.map((f, i) => [f, g.parts![i]!])) : { group: g.key };
  }

  private summary(g: Group, keys: Record<string, string>, registered?: number, path: Path = []): GroupSummary {
    const s = this.shape!;
    const count = g.count;
    const levelSlots = new Int32Array(s.levelSlots);
    const measures: Stats[] = [];
    let totalSum = 0;
    if (g.hist !== null) {
      const o = s.offsets;
      for (let m = 0; m <= s.pillarCount; m++) {
        const h = g.hist.subarray(o[m]!, o[m + 1]!);
        const sum = histogramSum(h);
        if (m === 0) totalSum = sum;
        measures.push(histogramStats(h, count, sum, s.factor, s.decimals));
      }
      levelSlots.set(g.hist.subarray(o[s.pillarCount + 1]!, o[s.pillarCount + 2]!));
    } else {
      const v = g.values;
      const column = new Float64Array(count);
      for (let m = 0; m <= s.pillarCount; m++) {
        let n = 0;
        let sum = 0;
        for (let i = 0; i < count; i++) {
          const x = v![i * s.stride + m]!;
          if (x === NOT_APPLICABLE) continue;
          column[n++] = x;
          sum += x;
        }
        const sorted = column.subarray(0, n).sort();
        if (m === 0) totalSum = sum;
        measures.push(sortedStats(sorted, sum, s.factor, s.decimals));
      }
      for (let i = 0; i < count; i++) levelSlots[v![i * s.stride + s.pillarCount + 1]!]!++;
    }
    const { levels, atOrAbove } = levelTallies(s.levelIds, levelSlots, count);
    return {
      key: g.key,
      keys,
      count,
      levels,
      atOrAbove,
      total: measures[0]!,
      meanPercent: count === 0 ? 0 : g.percentSum !== null ? X.toRoundedNumber(X.divide(g.percentSum, count), 2) : ratioHalfUp(totalSum * 100, count * s.maxUnits, 2),
      pillars: Object.fromEntries(s.framework.pillars.map((p, i) => [p.id, measures[i + 1]!])),
      ...(registered === undefined ? {} : { coverage: coverageOf(count, registered, this.options.target, path) }),
    };
  }
}

/** A key given as one string split back into its parts (a registered key of several fields). */
function splitKey(key: string, n: number): string[] | null {
  const parts = key.split(' / ');
  return parts.length === n ? parts : null;
}

/** A group key part: strings as they are, finite numbers and booleans as text, absent as ''. */
function keyPart(v: unknown, path: Path): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  throw new ValidationError([makeIssue(path, 'invalid_type', { expected: 'string, finite number or boolean (a group key)', received: v })]);
}

/** Checks one entry and its result; returns the result's framework when both are sound. */
function inspectEntry(e: unknown, i: number, issues: ValidationIssue[]): DbiFramework | undefined {
  if (typeof e !== 'object' || e === null) {
    issues.push(makeIssue(['entries', i], 'invalid_type', { expected: 'object { result }', received: e }));
    return undefined;
  }
  return inspectDbiResult((e as { result?: unknown }).result, ['entries', i, 'result'], issues);
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

/**
 * A group's count per level (slot 0 of `slots` counts results without a level: `none`) and, when
 * every result has a level, the share at or above each level.
 */
function levelTallies(levelIds: readonly number[], slots: ArrayLike<number>, count: number): { levels: Record<string, number>; atOrAbove: Record<string, number> } {
  const levels: Record<string, number> = {};
  for (const l of levelIds) levels[String(l)] = slots[l + 1]!;
  const none = slots[0]!;
  if (none > 0) levels.none = none;
  const atOrAbove: Record<string, number> = {};
  if (none === 0 && count > 0) {
    let cumulative = 0;
    for (const l of [...levelIds].reverse()) {
      cumulative += levels[String(l)] ?? 0;
      atOrAbove[String(l)] = ratioHalfUp(cumulative, count, 4);
    }
  }
  return { levels, atOrAbove };
}

/** The sum of the values a histogram counts (value v counted h[v] times; exact below 2^53). */
function histogramSum(h: Int32Array): number {
  let sum = 0;
  for (let v = 1; v < h.length; v++) sum += v * h[v]!;
  return sum;
}

/** Mean, quartiles and extremes of scaled-integer values, given their k-th order statistic. */
function statsOf(orderStat: (k: number) => number, count: number, sum: number, factor: number, decimals: number): Stats {
  if (count === 0) return { count, mean: 0, median: 0, q1: 0, q3: 0, min: 0, max: 0, exact: { mean: '0', sum: '0' } };
  // type-7 quantile at p = q/4: position h = (n − 1)·q/4, interpolate between floor and ceil
  const quantile = (q: number) => {
    const n = (count - 1) * q;
    const lo = Math.floor(n / 4);
    const frac = n % 4;
    const a = orderStat(lo);
    const b = frac === 0 ? a : orderStat(lo + 1);
    return (4 * a + frac * (b - a)) / (4 * factor);
  };
  return {
    count,
    mean: ratioHalfUp(sum, count * factor, 2),
    median: quantile(2),
    q1: quantile(1),
    q3: quantile(3),
    min: orderStat(0) / factor,
    max: orderStat(count - 1) / factor,
    exact: { mean: ratioString(sum, count * factor), sum: formatUnits(sum, decimals) },
  };
}

function sortedStats(sorted: Float64Array, sum: number, factor: number, decimals: number): Stats {
  return statsOf((k) => sorted[k]!, sorted.length, sum, factor, decimals);
}

function histogramStats(h: Int32Array, count: number, sum: number, factor: number, decimals: number): Stats {
  return statsOf((k) => {
    let seen = 0;
    for (let v = 0; v < h.length; v++) {
      seen += h[v]!;
      if (seen > k) return v;
    }
    return h.length - 1;
  }, count, sum, factor, decimals);
}

/** Coverage with `assessed` and `target` checked; `registered` checked here, reported at `path`. @internal */
export function coverageOf(assessed: number, registered: number, target: number | undefined, path: Path): Coverage {
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

export { MAX_COUNT };
