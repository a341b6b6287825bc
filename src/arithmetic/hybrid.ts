/**
 * Exact arithmetic with the interface of `decimal.ts`, on scaled integers where the figures allow
 * (they almost always do: DTI points have 2 decimals, values 4) and on decimal.js otherwise.
 *
 * A value is one of:
 * - scaled: `n` × 10^-`s`, `n` a safe integer (inputs, sums, products by an integer);
 * - quotient: `n` / `d`, both safe integers (a share of a maximum), printed to
 *   {@link SIGNIFICANT_DIGITS} significant digits by long division and rounded from the exact
 *   fraction — the same figures decimal.js gives;
 * - decimal: a decimal.js value, for anything the two forms above cannot hold exactly.
 *
 * Results are digit for digit those of `decimal.ts` (tested differentially).
 *
 * @internal
 */
import * as D from './decimal.js';
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
interface Dec {
  readonly k: 2;
  readonly x: D.Exact;
}

/** An exact value (opaque outside this module). */
export type Exact = Scaled | Quotient | Dec;

const MAX_SCALE = 8;
/** Numerators are kept below this so that `n × 10^4` (rounding to 4 decimals) stays a safe integer. */
const LIMIT = 2 ** 53 / 10_000;

function scaled(n: number, s: number): Scaled {
  return { k: 0, n: n === 0 ? 0 : n, s };
}

function dec(a: Exact): D.Exact {
  if (a.k === 2) return a.x;
  if (a.k === 0) return D.exact(formatUnits(a.n, a.s));
  return D.divide(D.exact(a.n), a.d);
}

export const ZERO: Exact = scaled(0, 0);

/** Reads a finite number or a plain decimal string exactly. The caller has validated it. */
export function exact(value: number | string): Exact {
  for (const s of [4, MAX_SCALE]) {
    const u = toUnits(value, s);
    if (u !== undefined && Math.abs(u) < LIMIT) return scaled(u, s);
  }
  return { k: 2, x: D.exact(value) };
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
  return { k: 2, x: D.add(dec(a), dec(b)) };
}

/** The product by a number (a framework maximum: an integer on every bundled framework). */
export function multiply(a: Exact, b: number): Exact {
  if (a.k === 0 && Number.isInteger(b)) {
    const n = a.n * b;
    if (Math.abs(n) < LIMIT) return scaled(n, a.s);
  }
  return { k: 2, x: D.multiply(dec(a), b) };
}

/** Quotient to {@link SIGNIFICANT_DIGITS} significant digits, half-up, when printed or rounded. */
export function divide(a: Exact, b: number): Exact {
  if (a.k === 0 && Number.isInteger(b) && b > 0) {
    const d = b * pow10(a.s);
    if (d < LIMIT) return { k: 1, n: a.n, d };
  }
  return { k: 2, x: D.divide(dec(a), b) };
}

export function sum(values: Iterable<Exact>): Exact {
  let total: Exact = ZERO;
  for (const v of values) total = add(total, v);
  return total;
}

/** `n / d` rounded half-up (away from zero on a tie) to `decimals` places. */
function roundFraction(n: number, d: number, decimals: number): number {
  const r = n < 0 ? -ratioHalfUp(-n, d, decimals) : ratioHalfUp(n, d, decimals);
  return r === 0 ? 0 : r;
}

/** Rounds half-up to `decimals` places and returns a JavaScript number (the shortest form of it). */
export function toRoundedNumber(a: Exact, decimals: number): number {
  if (decimals > 4) return D.toRoundedNumber(dec(a), decimals);
  if (a.k === 0) return a.s <= decimals ? a.n / pow10(a.s) + 0 : roundFraction(a.n, pow10(a.s), decimals);
  if (a.k === 1) return roundFraction(a.n, a.d, decimals);
  return D.toRoundedNumber(a.x, decimals);
}

/** Plain decimal notation, no exponent, no trailing zeros. */
export function toPlainString(a: Exact): string {
  if (a.k === 0) return formatUnits(a.n, a.s);
  if (a.k === 1) return a.n < 0 ? `-${ratioString(-a.n, a.d)}` : ratioString(a.n, a.d);
  return D.toPlainString(a.x);
}
