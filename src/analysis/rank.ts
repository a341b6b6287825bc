/**
 * Ranking as dti.gov.vn ranks: descending, ties decided at a declared precision (default the
 * published 4 decimals), tied units share a rank and the next rank is skipped (competition
 * ranking, "1-2-2-4"). Dense and ordinal ranking are available; missing scores rank last, flagged.
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

/** A ranked entry. `rank` is `null` for a missing score. */
export interface Ranked {
  readonly id: string;
  readonly score: number | string | null;
  readonly rank: number | null;
  /** Whether another entry shares this rank. */
  readonly tied: boolean;
  readonly missing: boolean;
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
}

/** The checks of {@link RankOptions}, shared with the functions that take rank options. */
export const rankOptionsShape = {
  method: optional(oneOf(['competition', 'dense', 'ordinal'] as const)),
  precision: optional(
    either<number, 'exact'>('integer 0…8 or "exact"', [(x) => typeof x === 'number', num({ integer: true, min: 0, max: 8 })], [(x) => typeof x === 'string', oneOf(['exact'] as const)]),
  ),
  order: optional(oneOf(['desc', 'asc'] as const)),
  tieBreaker: optional(func<(a: RankEntry, b: RankEntry) => number>()),
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

function assign(ordered: OrderedEntries, method: RankMethod): Ranked[] {
  const { order, sortedKeys, missing, ids, scores } = ordered;
  const m = order.length;
  const out: Ranked[] = new Array(m + missing.length);
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
    out[j] = { id: ids[o]!, score: scores[o] as number | string, rank: currentRank, tied: tiedWithPrev || (j + 1 < m && sortedKeys[j + 1] === key), missing: false };
  }
  for (let k = 0; k < missing.length; k++) {
    out[m + k] = { id: ids[missing[k]!]!, score: null, rank: null, tied: false, missing: true };
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
 * Ranks entries by score.
 *
 * @example
 * ```ts
 * rank([{ id: 'Thanh Hóa', score: 0.4880 }, { id: 'Hà Nội', score: 0.5712 }, { id: 'Vĩnh Phúc', score: '0.4880' }, { id: 'Huế', score: 0.4501 }]);
 * // [{ id: 'Hà Nội', rank: 1 }, { id: 'Thanh Hóa', rank: 2, tied: true }, { id: 'Vĩnh Phúc', rank: 2, tied: true }, { id: 'Huế', rank: 4 }]
 * ```
 */
export function rank(entries: readonly RankEntry[], options: RankOptions = {}): Ranked[] {
  options = readPlain(options, ['options']);
  const issues: ValidationIssue[] = [];
  rankOptionsCheck(options, ['options'], issues);
  // a tie-breaker may read any field of an entry: it gets a plain copy of each, read once
  const tieEntries = issues.length === 0 && options.tieBreaker !== undefined ? readPlain(entries, ['entries']) : undefined;
  const columns = readEntries(tieEntries ?? entries, issues);
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
      if (fast) return assign(fast, method);
    }
    // decimal strings (and exact ranking): integer keys read from the digits, no decimal arithmetic
    const keyed = digitKeys(scores, precision);
    if (keyed) {
      const fast = integerKeyOrder(columns, (_score, i) => keyed[i], desc, false);
      if (fast) return assign(fast, method);
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
  return assign({ order, sortedKeys, missing, ids, scores }, method);
}

// every call marked: esbuild does not carry check.ts's @__NO_SIDE_EFFECTS__ across modules, and an
// unmarked argument kept this check (and arrayOf, str, nullable) in bundles without rankChange
const rankListCheck = /* @__PURE__ */ arrayOf(/* @__PURE__ */ obj({ id: /* @__PURE__ */ str(), rank: /* @__PURE__ */ nullable(/* @__PURE__ */ num({ integer: true, min: 1 })) }, { extraKeys: true }));

/** How a unit's rank moved between two rankings. */
export interface RankChange {
  readonly id: string;
  readonly rank: number | null;
  readonly previousRank: number | null;
  /** Positive: moved up (a smaller rank number). `null` when new or missing in either year. */
  readonly change: number | null;
  readonly direction: 'up' | 'down' | 'same' | 'new' | 'missing';
  /** `up 3`, `down 2`, `=`, `new`, `missing`. */
  readonly label: string;
  readonly labelVi: string;
}

/**
 * Compares a ranking with an earlier one, unit by unit (in the current ranking's order).
 *
 * @example
 * ```ts
 * rankChange([{ id: 'A', rank: 5 }, { id: 'B', rank: 2 }], [{ id: 'A', rank: 2 }, { id: 'B', rank: 4 }, { id: 'C', rank: 1 }]);
 * // A: up 3, B: down 2, C: new
 * ```
 */
export function rankChange(
  previous: readonly { readonly id: string; readonly rank: number | null }[],
  current: readonly { readonly id: string; readonly rank: number | null }[],
): RankChange[] {
  previous = readPlain(previous, ['previous']);
  current = readPlain(current, ['current']);
  const issues: ValidationIssue[] = [];
  rankListCheck(previous, ['previous'], issues);
  rankListCheck(current, ['current'], issues);
  if (issues.length === 0) issues.push(...duplicateIds(previous.map((p) => p.id), ['previous']), ...duplicateIds(current.map((c) => c.id), ['current']));
  throwIfAny(issues);
  const before = new Map(previous.map((p) => [p.id, p.rank]));
  return current.map((c) => {
    const prev = before.has(c.id) ? (before.get(c.id) ?? null) : undefined;
    if (prev === undefined) return { id: c.id, rank: c.rank, previousRank: null, change: null, direction: 'new', label: 'new', labelVi: 'mới' };
    if (prev === null || c.rank === null) {
      return { id: c.id, rank: c.rank, previousRank: prev, change: null, direction: 'missing', label: 'missing', labelVi: 'thiếu số liệu' };
    }
    const change = prev - c.rank;
    const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
    return {
      id: c.id, rank: c.rank, previousRank: prev, change, direction,
      label: change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : '=',
      labelVi: change > 0 ? `tăng ${change}` : change < 0 ? `giảm ${-change}` : 'giữ nguyên',
    };
  });
}
