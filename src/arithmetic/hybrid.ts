/**
 * Exact arithmetic with the interface of `decimal.ts`, without decimal.js: on scaled integers where
 * the figures allow (they almost always do: DTI points have 2 decimals, values 4) and on BigInt
 * decimals otherwise, so that a bundle of the scoring paths does not carry decimal.js.
 *
 * A value is one of:
 * - scaled: `n` × 10^-`s`, `n` a safe integer (inputs, sums, products by an integer);
 * - quotient: `n` / `d`, both safe integers (a share of a maximum), printed to
 *   {@link SIGNIFICANT_DIGITS} significant digits by long division and rounded from the exact
 *   fraction — the same figures decimal.js gives;
 * - big: `c` × 10^-`s`, `c` a BigInt, `s` ≥ 0 — anything the two forms above cannot hold exactly.
 *
 * The rules are those of `decimal.ts` (decimal.js with precision 40, half-up), reproduced here
 * operation by operation so that every figure is digit for digit the same (tested differentially):
 * - reading a number or a numeral is exact, however many digits it has;
 * - the result of a sum, product or quotient is exact to {@link SIGNIFICANT_DIGITS} significant
 *   digits and rounded half-up (away from zero on a tie) beyond them — as decimal.js rounds each
 *   operation, a quotient that enters a further operation does so rounded (⅓ + ⅓ is
 *   0.666…6, not 0.666…7), so no operation may carry an unrounded fraction forward;
 * - a division by zero is refused with a `RangeError` (decimal.js would give Infinity or NaN,
 *   which no figure of the library may be; callers guard a zero maximum before dividing).
 *
 * @internal
 */
import { SIGNIFICANT_DIGITS, decimalDigits } from './decimal-string.js';
import { formatUnits, pow10, ratioHalfUp, ratioString, toUnits } from './scaled.js';

interface Scaled {
  readonly k: 0;
  readonly n: number;
  readonly s: number;
}
interface Quotient {
  readonly k: 1;
  readonly n: number;
  readonly d: number;
}
interface Big {
  readonly k: 2;
  readonly c: bigint;
  readonly s: number;
}

/** An exact value (opaque outside this module). */
export type Exact = Scaled | Quotient | Big;

const MAX_SCALE = 8;
/** Numerators are kept below this so that `n × 10^4` (rounding to 4 decimals) stays a safe integer. */
const LIMIT = 2 ** 53 / 10_000;

function scaled(n: number, s: number): Scaled {
  return { k: 0, n: n === 0 ? 0 : n, s };
}

const POW10N: bigint[] = [];
/** 10^n as a BigInt (cached: the same few powers recur). */
function pow10n(n: number): bigint {
  if (n < 64) return (POW10N[n] ??= 10n ** BigInt(n));
  return 10n ** BigInt(n);
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * `c` × 10^-`s` rounded half-up (away from zero) to {@link SIGNIFICANT_DIGITS} significant digits:
 * what decimal.js does to the result of every operation.
 */
function fit(c: bigint, s: number): Big {
  const a = abs(c);
  const drop = a.toString().length - SIGNIFICANT_DIGITS;
  if (drop <= 0) return { k: 2, c, s };
  const p = pow10n(drop);
  let q = a / p;
  if (2n * (a % p) >= p) q += 1n;
  const r = c < 0n ? -q : q;
  // the value is r × 10^(drop − s); scales stay ≥ 0
  return s >= drop ? { k: 2, c: r, s: s - drop } : { k: 2, c: r * pow10n(drop - s), s: 0 };
}

/** The quotient `n` / `d` (`d` > 0) to {@link SIGNIFICANT_DIGITS} significant digits, half-up. */
function fitRatio(n: bigint, d: bigint): Big {
  if (n === 0n) return { k: 2, c: 0n, s: 0 };
  const a = abs(n);
  // e is the exponent of the leading digit of a/d: 10^e ≤ a/d < 10^(e+1); the digit counts give
  // it or one more
  let e = a.toString().length - d.toString().length;
  if (e >= 0 ? a < d * pow10n(e) : a * pow10n(-e) < d) e -= 1;
  const shift = SIGNIFICANT_DIGITS - 1 - e;
  const num = shift >= 0 ? a * pow10n(shift) : a;
  const den = shift >= 0 ? d : d * pow10n(-shift);
  let q = num / den;
  if (2n * (num - q * den) >= den) q += 1n;
  const r = n < 0n ? -q : q;
  return shift >= 0 ? { k: 2, c: r, s: shift } : { k: 2, c: r * pow10n(-shift), s: 0 };
}

/** The value as decimal.js holds it: a quotient rounded to {@link SIGNIFICANT_DIGITS} digits. */
function big(a: Exact): Big {
  if (a.k === 2) return a;
  if (a.k === 0) return { k: 2, c: BigInt(a.n), s: a.s };
  return fitRatio(BigInt(a.n), BigInt(a.d));
}

/** `a` written with `s` ≥ `a.s` decimals. */
const coefficient = (a: Big, s: number): bigint => (a.s === s ? a.c : a.c * pow10n(s - a.s));

export const ZERO: Exact = /* @__PURE__ */ scaled(0, 0);

/**
 * Reads a finite number (by its shortest round-trip form) or a decimal numeral exactly. The caller
 * has validated it; anything else is a `RangeError`.
 */
export function exact(value: number | string): Exact {
  for (const s of [4, MAX_SCALE]) {
    const u = toUnits(value, s);
    if (u !== undefined && Math.abs(u) < LIMIT) return scaled(u, s);
  }
  const d = decimalDigits(value);
  if (d === undefined) throw new RangeError(`not a finite decimal: ${String(value)}`);
  if (d.sign === 0) return ZERO;
  const c = BigInt(d.int + d.frac);
  return { k: 2, c: d.sign < 0 ? -c : c, s: d.frac.length };
}

function align(a: Scaled, s: number): number | undefined {
  const n = a.s === s ? a.n : a.n * pow10(s - a.s);
  return Math.abs(n) < LIMIT ? n : undefined;
}

export function add(a: Exact, b: Exact): Exact {
  if (a.k === 0 && b.k === 0) {
    const s = Math.max(a.s, b.s);
    const x = align(a, s);
    const y = align(b, s);
    if (x !== undefined && y !== undefined && Math.abs(x + y) < LIMIT) return scaled(x + y, s);
  }
  const x = big(a);
  const y = big(b);
  const s = Math.max(x.s, y.s);
  return fit(coefficient(x, s) + coefficient(y, s), s);
}

/** The product by a number (a framework maximum: an integer on every bundled framework). */
export function multiply(a: Exact, b: number): Exact {
  if (a.k === 0 && Number.isInteger(b)) {
    const n = a.n * b;
    if (Math.abs(n) < LIMIT) return scaled(n, a.s);
  }
  const x = big(a);
  const y = big(exact(b));
  return fit(x.c * y.c, x.s + y.s);
}

/**
 * Quotient to {@link SIGNIFICANT_DIGITS} significant digits, half-up (when printed or rounded, or
 * as it enters a further operation). A zero divisor is a `RangeError`.
 */
export function divide(a: Exact, b: number | Exact): Exact {
  const m = typeof b === 'number' ? b : b.k === 0 && b.s === 0 ? b.n : undefined;
  if (a.k === 0 && m !== undefined && Number.isInteger(m) && m > 0) {
    const d = m * pow10(a.s);
    if (d < LIMIT) return { k: 1, n: a.n, d };
  }
  const x = big(a);
  const y = big(typeof b === 'number' ? exact(b) : b);
  if (y.c === 0n) throw new RangeError('division by zero');
  // (x.c / 10^x.s) / (y.c / 10^y.s) = (x.c · 10^y.s) / (y.c · 10^x.s), with a positive divisor
  const n = x.c * pow10n(y.s);
  const d = y.c * pow10n(x.s);
  return d < 0n ? fitRatio(-n, -d) : fitRatio(n, d);
}

export function sum(values: Iterable<Exact>): Exact {
  let total: Exact = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

/** −1, 0 or 1 as `a` is below, equal to or above `b` (quotients as decimal.js holds them). */
export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  if (a.k === 0 && b.k === 0) {
    const s = Math.max(a.s, b.s);
    const x = align(a, s);
    const y = align(b, s);
    if (x !== undefined && y !== undefined) return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = big(a);
  const y = big(b);
  const s = Math.max(x.s, y.s);
  const l = coefficient(x, s);
  const r = coefficient(y, s);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** `n / d` rounded half-up (away from zero on a tie) to `decimals` places. */
function roundFraction(n: number, d: number, decimals: number): number {
  const r = n < 0 ? -ratioHalfUp(-n, d, decimals) : ratioHalfUp(n, d, decimals);
  return r === 0 ? 0 : r;
}

/** Plain notation of `c` × 10^-`s`, without trailing fraction zeros; zero is `0`, never `-0`. */
function formatBig(c: bigint, s: number): string {
  if (c === 0n) return '0';
  const digits = abs(c).toString();
  let text = digits;
  if (s > 0) {
    const padded = digits.padStart(s + 1, '0');
    let end = padded.length;
    while (end > padded.length - s && padded.charCodeAt(end - 1) === 48) end--;
    const intPart = padded.slice(0, padded.length - s);
    text = end === padded.length - s ? intPart : `${intPart}.${padded.slice(padded.length - s, end)}`;
  }
  return c < 0n ? `-${text}` : text;
}

/** Rounds half-up to `decimals` places and returns a JavaScript number (the shortest form of it). */
export function toRoundedNumber(a: Exact, decimals: number): number {
  if (decimals <= 4) {
    if (a.k === 0) return a.s <= decimals ? a.n / pow10(a.s) + 0 : roundFraction(a.n, pow10(a.s), decimals);
    if (a.k === 1) return roundFraction(a.n, a.d, decimals);
  }
  // decimal.js rounds the value it holds (a quotient already rounded to 40 digits)
  const x = big(a);
  if (x.s <= decimals) return Number(formatBig(x.c, x.s)) + 0;
  const p = pow10n(x.s - decimals);
  const m = abs(x.c);
  let q = m / p;
  if (2n * (m % p) >= p) q += 1n;
  return Number(formatBig(x.c < 0n ? -q : q, decimals)) + 0;
}

/** Plain decimal notation, no exponent, no trailing zeros. */
export function toPlainString(a: Exact): string {
  if (a.k === 0) return formatUnits(a.n, a.s);
  if (a.k === 1) return a.n < 0 ? `-${ratioString(-a.n, a.d)}` : ratioString(a.n, a.d);
  return formatBig(a.c, a.s);
}
