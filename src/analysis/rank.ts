/**
 * Ranking as dti.gov.vn ranks: descending, ties decided at a declared precision (default the
 * published 4 decimals), tied units share a rank and the next rank is skipped (competition
 * ranking, "1-2-2-4"). Dense and ordinal ranking are available; missing scores rank last, flagged.
 *
 * A rank is certain only when every unit of the ranking universe has a value. Where some have none
 * (a missing score, or units of the universe not among the entries), each rank carries its bounds:
 * the best rank it could have (every unit without a value below it) and the worst (every one above
 * it), and a rank change carries the range those bounds allow.
 */
import { readPlain, unreadableIssue } from '../assessment/snapshot.js';
import { compareDigits, decimalDigits, roundDigits, scaledInteger, type DecimalDigits } from '../arithmetic/decimal-string.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { checkNumeric } from '../assessment/numeric.js';
import {
  arrayOf, duplicateIds, either, func, num, nullable, obj, oneOf, optional, sameType, str, throwIfAny,
  type Equal, type Infer, isArray,
} from '../assessment/check.js';

/** One thing to rank. `score` `null`/`undefined` means missing: ranked last and flagged. */
export interface RankEntry {
  readonly id: string;
  readonly score: number | string | null | undefined;
}

/**
 * A ranked entry. `rank` is the rank among the entries with a value (`null` for a missing score);
 * where units of the universe have no value it is only the best possible rank: read `best`,
 * `worst` and `certain`.
 */
export interface Ranked {
  readonly id: string;
  readonly score: number | string | null;
  readonly rank: number | null;
  /** Whether another entry shares this rank. */
  readonly tied: boolean;
  readonly missing: boolean;
  /**
   * The best rank the entry could have if the units without a value had one: `rank` (every one
   * below it). For a missing entry, 1.
   */
  readonly best: number;
  /**
   * The worst rank it could have: `rank` plus the number of units without a value (every one above
   * it). For a missing entry, the size of the universe.
   */
  readonly worst: number;
  /** `true` only when every unit of the universe has a value (`best === worst === rank`). */
  readonly certain: boolean;
}

export type RankMethod = 'competition' | 'dense' | 'ordinal';

export interface RankOptions {
  /** `competition` (1, 2, 2, 4; default, as dti.gov.vn), `dense` (1, 2, 2, 3) or `ordinal` (1, 2, 3, 4). */
  readonly method?: RankMethod;
  /**
   * Decimals at which two scores count as equal, after half-up rounding (default 4, the published
   * DTI precision), or `exact` to compare unrounded.
   */
  readonly precision?: number | 'exact';
  /** `desc` (higher is better, default) or `asc`. */
  readonly order?: 'desc' | 'asc';
  /**
   * For `ordinal`: orders entries whose scores tie; default keeps input order (stable).
   * Return a negative number when `a` ranks before `b`.
   */
  readonly tieBreaker?: (a: RankEntry, b: RankEntry) => number;
  /**
   * The number of units in the ranking universe (e.g. 63 provinces), where the entries do not list
   * every one: the units not listed have no value, and widen every rank's bounds as a missing
   * score does. At least the number of entries; default: the entries are the universe.
   */
  readonly universe?: number;
}

/** The checks of {@link RankOptions}, shared with the functions that take rank options. */
export const rankOptionsShape = {
  method: optional(oneOf(['competition', 'dense', 'ordinal'] as const)),
  precision: optional(
    either<number, 'exact'>('integer 0…8 or "exact"', [(x) => typeof x === 'number', num({ integer: true, min: 0, max: 8 })], [(x) => typeof x === 'string', oneOf(['exact'] as const)]),
  ),
  order: optional(oneOf(['desc', 'asc'] as const)),
  tieBreaker: optional(func<(a: RankEntry, b: RankEntry) => number>()),
  universe: optional(num({ integer: true, min: 0 })),
};
const rankOptionsCheck = /* @__PURE__ */ obj(rankOptionsShape);
/* @__PURE__ */ sameType<Equal<Infer<typeof rankOptionsCheck>, RankOptions>>();

const SAFE_PACK = 2 ** 53;

/** Half-up rounding of a finite number to an integer key at `decimals`, exact on decimal ties. */
function roundedKey(x: number, factor: number, decimals: number): number {
  const k = x * factor;
  const frac = k - Math.floor(k);
  // The float product is within |k|·2^-52 of the exact one; away from a .5 tie the nearest integer
  // is therefore the exact half-up rounding.
  if (Math.abs(frac - 0.5) > Math.max(1e-6, Math.abs(k) * 1e-12)) return Math.round(k);
  // near a tie: decide on the exact decimal value
  return scaledInteger(roundDigits(decimalDigits(x)!, decimals), decimals);
}

/** The last numeral read by {@link readNumeral}: its digits as one integer, and its decimals. */
let numeralDigits = 0;
let numeralDecimals = 0;

/**
 * Reads a plain numeral (`"41.60"`, `"-3"`, a number by its shortest form) into a safe integer and
 * its decimals, trailing zeros dropped, left in `numeralDigits` / `numeralDecimals` (no object per
 * call: this runs once per entry). `false` for an exponent or more digits than a safe integer
 * holds (the comparator path takes those).
 */
function readNumeral(score: number | string): boolean {
  if (typeof score === 'number' && Number.isSafeInteger(score)) {
    numeralDigits = score === 0 ? 0 : score;
    numeralDecimals = 0;
    return true;
  }
  const text = typeof score === 'number' ? String(score) : score.trim();
  let k = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 || text.charCodeAt(0) === 43) {
    negative = text.charCodeAt(0) === 45;
    k = 1;
  }
  let m = 0;
  let seen = false;
  let decimals = -1;
  let zeros = 0; // trailing zeros after the point, not yet counted in m
  for (; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) {
      if (decimals >= 0) return false;
      decimals = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    seen = true;
    if (decimals >= 0) {
      decimals++;
      if (d === 0) {
        zeros++;
        continue;
      }
      m = m * 10 ** (zeros + 1) + d;
      zeros = 0;
    } else m = m * 10 + d;
    // every step is exact while m stays below 2^53
    if (m >= 2 ** 53) return false;
  }
  if (!seen) return false;
  numeralDigits = negative && m !== 0 ? -m : m;
  numeralDecimals = decimals < 0 ? 0 : decimals - zeros;
  return true;
}

/**
 * An integer key per entry (by index; missing scores skipped), read from the digits: rounded
 * half-up at `precision`, or at the largest number of decimals present for exact ranking.
 * `undefined` when a score does not read as a plain numeral or a key would not be a safe integer.
 */
function digitKeys(scores: readonly Score[], precision: number | 'exact'): Float64Array | undefined {
  const n = scores.length;
  const digits = new Float64Array(n);
  const decimals = new Uint8Array(n);
  let most = 0;
  for (let i = 0; i < n; i++) {
    const score = scores[i];
    if (score === null || score === undefined) continue;
    if (!readNumeral(score) || numeralDecimals > 255) return undefined;
    digits[i] = numeralDigits;
    decimals[i] = numeralDecimals;
    if (numeralDecimals > most) most = numeralDecimals;
  }
  const scale = precision === 'exact' ? most : precision;
  if (scale > 15) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const m = digits[i]!;
    const dec = decimals[i]!;
    let key: number;
    if (dec <= scale) key = m * 10 ** (scale - dec);
    else {
      // half-up (away from zero on a tie) at `scale` decimals, on exact integers
      const div = 10 ** (dec - scale);
      const a = Math.abs(m);
      let q = Math.floor(a / div);
      if (2 * (a - q * div) >= div) q += 1;
      key = m < 0 ? -q : q;
    }
    if (!Number.isSafeInteger(key)) return undefined;
    keys[i] = key === 0 ? 0 : key;
  }
  return keys;
}

/**
 * Orders present entries best first on integer keys (scores rounded at the precision), stable in
 * input order. Keys in a narrow range (published values: 0…10,000 at 4 decimals) are counting-sorted
 * in O(n + range); wider ranges are packed with their index into one float64 and sorted natively.
 * Returns `undefined` when the keys are too wide for either.
 */
function integerKeyOrder(
  columns: Columns,
  keyOf: (score: number | string, index: number) => number | undefined,
  desc: boolean,
  numericScores: boolean,
): OrderedEntries | undefined {
  const n = columns.ids.length;
  const keys = new Float64Array(n);
  // scores copied into a typed array when numeric, so that the rank-order pass reads compact data
  const ids = columns.ids;
  const scores: Float64Array | readonly Score[] = numericScores ? new Float64Array(n) : columns.scores;
  const present = new Uint32Array(n);
  const missing: number[] = [];
  let m = 0;
  let minKey = Infinity;
  let maxKey = -Infinity;
  for (let i = 0; i < n; i++) {
    const score = columns.scores[i];
    if (score === null || score === undefined) {
      missing.push(i);
      continue;
    }
    if (numericScores && typeof score !== 'number') return undefined;
    const k = keyOf(score, i);
    if (k === undefined) return undefined;
    if (numericScores) (scores as Float64Array)[i] = score as number;
    const key = desc ? -k : k;
    keys[m] = key;
    present[m++] = i;
    if (key < minKey) minKey = key;
    if (key > maxKey) maxKey = key;
  }
  const order = new Uint32Array(m);
  const sortedKeys = new Float64Array(m);
  if (m === 0) return { order, sortedKeys, missing, ids, scores };
  const range = maxKey - minKey + 1;
  if (range <= Math.max(1 << 20, 4 * m)) {
    const counts = new Uint32Array(range + 1);
    for (let j = 0; j < m; j++) counts[keys[j]! - minKey + 1]! += 1;
    for (let r = 1; r <= range; r++) counts[r]! += counts[r - 1]!;
    for (let j = 0; j < m; j++) {
      const slot = counts[keys[j]! - minKey]!++;
      order[slot] = present[j]!;
      sortedKeys[slot] = keys[j]!;
    }
    return { order, sortedKeys, missing, ids, scores };
  }
  const span = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  if (range * span >= SAFE_PACK) return undefined;
  const packed = new Float64Array(m);
  for (let j = 0; j < m; j++) packed[j] = (keys[j]! - minKey) * span + present[j]!;
  packed.sort();
  for (let j = 0; j < m; j++) {
    const v = packed[j]!;
    const slot = Math.floor(v / span);
    order[j] = v - slot * span;
    sortedKeys[j] = slot;
  }
  return { order, sortedKeys, missing, ids, scores };
}

/**
 * Present entries best first (`order`, entry indices) with a key per position that is equal exactly
 * where scores tie, the missing entries, and ids and scores indexed by entry.
 */
interface OrderedEntries {
  readonly order: ArrayLike<number>;
  readonly sortedKeys: Float64Array;
  readonly missing: readonly number[];
  readonly ids: readonly string[];
  readonly scores: Float64Array | readonly Score[];
}

type Score = number | string | null | undefined;

/** Entries as two columns by index: what ranking reads of each entry, read once. */
interface Columns {
  readonly ids: readonly string[];
  readonly scores: readonly Score[];
}

/** The columns of entries the library built or already read (plain data: nothing to guard). */
function columnsOf(entries: readonly RankEntry[]): Columns {
  const n = entries.length;
  const ids: string[] = new Array(n);
  const scores: Score[] = new Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = entries[i]!.id;
    scores[i] = entries[i]!.score;
  }
  return { ids, scores };
}

function assign(ordered: OrderedEntries, method: RankMethod, universe: number | undefined): Ranked[] {
  const { order, sortedKeys, missing, ids, scores } = ordered;
  const m = order.length;
  const out: Ranked[] = new Array(m + missing.length);
  const size = universe ?? m + missing.length;
  // the units of the universe without a value: the missing entries and the units not listed
  const unknown = size - m;
  const certain = unknown === 0;
  let currentRank = 0;
  let dense = 0;
  for (let j = 0; j < m; j++) {
    const key = sortedKeys[j];
    const tiedWithPrev = j > 0 && sortedKeys[j - 1] === key;
    if (method === 'ordinal') currentRank = j + 1;
    else if (!tiedWithPrev) {
      dense += 1;
      currentRank = method === 'dense' ? dense : j + 1;
    }
    const o = order[j]!;
    out[j] = {
      id: ids[o]!, score: scores[o] as number | string, rank: currentRank, tied: tiedWithPrev || (j + 1 < m && sortedKeys[j + 1] === key), missing: false,
      best: currentRank, worst: currentRank + unknown, certain,
    };
  }
  for (let k = 0; k < missing.length; k++) {
    out[m + k] = { id: ids[missing[k]!]!, score: null, rank: null, tied: false, missing: true, best: 1, worst: size, certain: false };
  }
  return out;
}

/**
 * Reads the caller's entries once into columns, checking each as it is read: an array of
 * `{ id, score }` with string ids and finite numeric scores (or missing ones). A getter or Proxy
 * trap that throws is an `invalid_type` issue at the place it guards. Reading only ids and scores
 * into two arrays costs no object per entry (a million entries are ranked from these columns).
 */
function readEntries(entries: unknown, issues: ValidationIssue[]): Columns {
  let n: number;
  try {
    if (!isArray(entries)) {
      issues.push(makeIssue(['entries'], 'invalid_type', { expected: 'array', received: entries }));
      return { ids: [], scores: [] };
    }
    n = entries.length;
  } catch {
    issues.push(unreadableIssue(['entries']));
    return { ids: [], scores: [] };
  }
  const ids: string[] = new Array(n);
  const scores: Score[] = new Array(n);
  for (let i = 0; i < n && issues.length <= 20; i++) {
    let field: 'id' | 'score' | undefined;
    try {
      const e: unknown = (entries as unknown[])[i];
      if (typeof e !== 'object' || e === null) {
        issues.push(makeIssue(['entries', i], 'invalid_type', { expected: '{ id, score }', received: e }));
        continue;
      }
      field = 'id';
      const id: unknown = (e as RankEntry).id;
      field = 'score';
      const score: unknown = (e as RankEntry).score;
      field = undefined;
      if (typeof id !== 'string') issues.push(makeIssue(['entries', i, 'id'], 'invalid_type', { expected: 'string', received: id }));
      else ids[i] = id;
      scores[i] = score as Score;
      if (score === null || score === undefined) continue;
      if (typeof score === 'number' && score - score === 0) continue; // finite number: the common case, checked cheaply
      const problem = checkNumeric(score, { min: -Number.MAX_VALUE, max: Number.MAX_VALUE });
      if (problem) issues.push(makeIssue(['entries', i, 'score'], problem.code, problem.params));
    } catch {
      issues.push(unreadableIssue(field === undefined ? ['entries', i] : ['entries', i, field]));
    }
  }
  return { ids, scores };
}

/**
 * Ranks entries by score. Every entry carries the bounds of its rank: where units of the universe
 * have no value (a `null` score, or `options.universe` larger than the entries), `best`–`worst`
 * is what the rank could be, and `certain` is `false`.
 *
 * @example
 * ```ts
 * rank([{ id: 'Thanh Hóa', score: 0.4880 }, { id: 'Hà Nội', score: 0.5712 }, { id: 'Vĩnh Phúc', score: '0.4880' }, { id: 'Huế', score: 0.4501 }]);
 * // [{ id: 'Hà Nội', rank: 1 }, { id: 'Thanh Hóa', rank: 2, tied: true }, { id: 'Vĩnh Phúc', rank: 2, tied: true }, { id: 'Huế', rank: 4 }]
 * rank([{ id: 'A', score: 0.61 }, { id: 'B', score: 0.52 }, { id: 'C', score: null }], { universe: 5 })[1];
 * // { id: 'B', rank: 2, best: 2, worst: 5, certain: false, … }: C and two unlisted units have no value
 * ```
 */
export function rank(entries: readonly RankEntry[], options: RankOptions = {}): Ranked[] {
  options = readPlain(options, ['options']);
  const issues: ValidationIssue[] = [];
  rankOptionsCheck(options, ['options'], issues);
  // a tie-breaker may read any field of an entry: it gets a plain copy of each, read once
  const tieEntries = issues.length === 0 && options.tieBreaker !== undefined ? readPlain(entries, ['entries']) : undefined;
  const columns = readEntries(tieEntries ?? entries, issues);
  if (issues.length === 0 && options.universe !== undefined && options.universe < columns.ids.length) {
    issues.push(makeIssue(['options', 'universe'], 'out_of_range', { received: options.universe, min: columns.ids.length, max: '∞' }));
  }
  throwIfAny(issues);
  return rankColumns(columns, options, tieEntries);
}

/** {@link rank} on entries and options already validated. */
export function rankValid(entries: readonly RankEntry[], options: RankOptions): Ranked[] {
  return rankColumns(columnsOf(entries), options, entries);
}

/** {@link rank} on validated columns; `entries` (the same entries) only for a tie-breaker. */
function rankColumns(columns: Columns, options: RankOptions, entries: readonly RankEntry[] | undefined): Ranked[] {
  const method = options.method ?? 'competition';
  const precision = options.precision ?? 4;
  const desc = (options.order ?? 'desc') === 'desc';
  const { ids, scores } = columns;
  const n = ids.length;

  if (!(method === 'ordinal' && options.tieBreaker)) {
    if (precision !== 'exact') {
      const factor = 10 ** precision;
      const fast = integerKeyOrder(columns, (score) => roundedKey(score as number, factor, precision), desc, true);
      if (fast) return assign(fast, method, options.universe);
    }
    // decimal strings (and exact ranking): integer keys read from the digits, no decimal arithmetic
    const keyed = digitKeys(scores, precision);
    if (keyed) {
      const fast = integerKeyOrder(columns, (_score, i) => keyed[i], desc, false);
      if (fast) return assign(fast, method, options.universe);
    }
  }
  const present: number[] = [];
  const missing: number[] = [];
  for (let i = 0; i < n; i++) (scores[i] === null || scores[i] === undefined ? missing : present).push(i);
  // General path: exact decimal keys (digits compared as strings, no decimal arithmetic needed),
  // comparator sort (stable).
  const exactKeys: DecimalDigits[] = new Array(n);
  for (const i of present) {
    const v = decimalDigits(scores[i] as number | string)!;
    exactKeys[i] = precision === 'exact' ? v : roundDigits(v, precision);
  }
  const cmp = (a: number, b: number) => {
    const c = compareDigits(exactKeys[a]!, exactKeys[b]!);
    return desc ? -c : c;
  };
  const tie = options.tieBreaker;
  const order = [...present].sort((a, b) => cmp(a, b) || (method === 'ordinal' && tie && entries ? tie(entries[a]!, entries[b]!) : 0) || a - b);
  // tie classes as keys: equal exactly where the scores compare equal
  const sortedKeys = new Float64Array(order.length);
  for (let j = 1; j < order.length; j++) sortedKeys[j] = sortedKeys[j - 1]! + (cmp(order[j - 1]!, order[j]!) === 0 ? 0 : 1);
  return assign({ order, sortedKeys, missing, ids, scores }, method, options.universe);
}

// every call marked: esbuild does not carry check.ts's @__NO_SIDE_EFFECTS__ across modules, and an
// unmarked argument kept this check (and arrayOf, str, nullable) in bundles without rankChange
const rankListCheck = /* @__PURE__ */ arrayOf(/* @__PURE__ */ obj({
  id: /* @__PURE__ */ str(),
  rank: /* @__PURE__ */ nullable(/* @__PURE__ */ num({ integer: true, min: 1 })),
  best: /* @__PURE__ */ optional(/* @__PURE__ */ num({ integer: true, min: 1 })),
  worst: /* @__PURE__ */ optional(/* @__PURE__ */ num({ integer: true, min: 1 })),
}, { extraKeys: true }));

/** A rank in a ranking to compare: `best` and `worst` where it is not certain (as {@link Ranked} and `rankDti` give them). */
export interface RankPlace {
  readonly id: string;
  readonly rank: number | null;
  readonly best?: number;
  readonly worst?: number;
}

/** How a unit's rank moved between two rankings. */
export interface RankChange {
  readonly id: string;
  readonly rank: number | null;
  readonly previousRank: number | null;
  /**
   * Positive: moved up (a smaller rank number). A single number only when both ranks are certain;
   * `null` when new, missing in either year, or uncertain (see `changeBounds`).
   */
  readonly change: number | null;
  /**
   * The least and the most the unit can have moved, from the bounds of both ranks (positive: up):
   * `{ min: 1, max: 3 }` is "up 1 to 3". Equal to `change` when certain; `null` when new or missing.
   */
  readonly changeBounds: { readonly min: number; readonly max: number } | null;
  /** `uncertain`: the bounds allow both a rise and a fall (or no move and a move). */
  readonly direction: 'up' | 'down' | 'same' | 'uncertain' | 'new' | 'missing';
  /** `up 3`, `down 2`, `=`, `up 1–3` (`up 0–3` where it may have stayed), `down 2 to up 3`, `new`, `missing`. */
  readonly label: string;
  readonly labelVi: string;
}

const moveEn = (x: number) => (x > 0 ? `up ${x}` : x < 0 ? `down ${-x}` : '=');
const moveVi = (x: number) => (x > 0 ? `tăng ${x}` : x < 0 ? `giảm ${-x}` : 'giữ nguyên');

/**
 * Compares a ranking with an earlier one, unit by unit (in the current ranking's order). Where a
 * rank is not certain (units of its universe had no value), give its `best` and `worst` (as
 * {@link rank} and `rankDti` return them): the change is then a range, and a single number only
 * when both ranks are certain.
 *
 * @example
 * ```ts
 * rankChange([{ id: 'A', rank: 2 }, { id: 'B', rank: 4 }, { id: 'C', rank: 1 }], [{ id: 'A', rank: 5 }, { id: 'B', rank: 2 }]);
 * // A: down 3, B: up 2
 * rankChange([{ id: 'A', rank: 6 }], [{ id: 'A', rank: 2, best: 2, worst: 4 }])[0].label; // 'up 2–4'
 * ```
 */
export function rankChange(previous: readonly RankPlace[], current: readonly RankPlace[]): RankChange[] {
  previous = readPlain(previous, ['previous']);
  current = readPlain(current, ['current']);
  const issues: ValidationIssue[] = [];
  rankListCheck(previous, ['previous'], issues);
  rankListCheck(current, ['current'], issues);
  if (issues.length === 0) {
    issues.push(...duplicateIds(previous.map((p) => p.id), ['previous']), ...duplicateIds(current.map((c) => c.id), ['current']));
    const bounds = (list: readonly RankPlace[], at: string) => list.forEach((p, i) => {
      if (p.rank === null) return;
      const best = p.best ?? p.rank;
      const worst = p.worst ?? p.rank;
      if (best > p.rank || worst < p.rank) issues.push(makeIssue([at, i, best > p.rank ? 'best' : 'worst'], 'out_of_range', { received: best > p.rank ? best : worst, min: best > p.rank ? 1 : p.rank, max: best > p.rank ? p.rank : '∞' }));
    });
    bounds(previous, 'previous');
    bounds(current, 'current');
  }
  throwIfAny(issues);
  const before = new Map(previous.map((p) => [p.id, p]));
  return current.map((c) => {
    const p = before.get(c.id);
    if (p === undefined) return { id: c.id, rank: c.rank, previousRank: null, change: null, changeBounds: null, direction: 'new', label: 'new', labelVi: 'mới' };
    if (p.rank === null || c.rank === null) {
      return { id: c.id, rank: c.rank, previousRank: p.rank, change: null, changeBounds: null, direction: 'missing', label: 'missing', labelVi: 'thiếu số liệu' };
    }
    // least move: from its best previous rank to its worst current one; most: the other way round
    const min = (p.best ?? p.rank) - (c.worst ?? c.rank);
    const max = (p.worst ?? p.rank) - (c.best ?? c.rank);
    if (min === max) {
      const direction = min > 0 ? 'up' : min < 0 ? 'down' : 'same';
      return { id: c.id, rank: c.rank, previousRank: p.rank, change: min, changeBounds: { min, max }, direction, label: moveEn(min), labelVi: moveVi(min) };
    }
    const direction = min > 0 ? 'up' : max < 0 ? 'down' : 'uncertain';
    // "up 0–3" where it may have stayed; "down 2 to up 3" where it may have gone either way
    const label = min >= 0 ? `up ${min}–${max}` : max <= 0 ? `down ${-max}–${-min}` : `down ${-min} to up ${max}`;
    const labelVi = min >= 0 ? `tăng ${min}–${max}` : max <= 0 ? `giảm ${-max}–${-min}` : `từ giảm ${-min} đến tăng ${max}`;
    return { id: c.id, rank: c.rank, previousRank: p.rank, change: null, changeBounds: { min, max }, direction, label, labelVi };
  });
}
