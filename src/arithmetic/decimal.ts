/**
 * The one internal interface to exact decimal arithmetic.
 *
 * Every module of the library that needs general exact arithmetic goes through these functions and
 * never touches decimal.js directly, so that a faster exact representation can replace it without
 * touching scoring code (see `scaled.ts` for the scaled-integer path used where all values have a
 * known number of decimals).
 *
 * Rules (documented in docs/methodology.md):
 * - Inputs are read exactly: a JavaScript number by its shortest round-trip decimal form
 *   (`String(41.6)` is `"41.6"`), a string as written.
 * - Sums, differences and products are exact.
 * - Quotients that do not terminate are carried to {@link SIGNIFICANT_DIGITS} significant digits,
 *   rounded half-up; published figures round at 2 or 4 decimals, far above that precision.
 * - Published roundings are half-up (away from zero on a tie), at the decimals each figure uses.
 *
 * @internal
 */
import type DecimalJs from 'decimal.js';

import { loadDecimalJs } from './decimal-js.js';
import { SIGNIFICANT_DIGITS } from './decimal-string.js';

// kept in a decimal.js-free module so that validation and ranking bundle without decimal.js
export { SIGNIFICANT_DIGITS, isDecimalString } from './decimal-string.js';

/** decimal.js's ROUND_HALF_UP (a tie rounds away from zero). */
const ROUND_HALF_UP = 4;

let configured: typeof DecimalJs | undefined;
let zeroValue: Exact | undefined;

/**
 * The configured Decimal class, made on first use: the Node build loads decimal.js itself only then
 * (see decimal-js.node.ts), so importing the library for scoring does not pay for it.
 */
function decimal(): typeof DecimalJs {
  configured ??= loadDecimalJs().clone({
    precision: SIGNIFICANT_DIGITS,
    rounding: ROUND_HALF_UP,
    toExpNeg: -1000,
    toExpPos: 1000,
  });
  return configured;
}

/** An exact decimal value. Opaque outside this module. */
export type Exact = DecimalJs;

/** Reads a finite number or a plain decimal string exactly. The caller has validated it. */
export function exact(value: number | string | Exact): Exact {
  const Decimal = decimal();
  if (typeof value === 'number') return new Decimal(Object.is(value, -0) ? 0 : value);
  return new Decimal(value);
}

/** Zero (one shared, immutable value). */
export function zero(): Exact {
  zeroValue ??= exact(0);
  return zeroValue;
}

export function add(a: Exact, b: Exact): Exact {
  return a.plus(b);
}

export function subtract(a: Exact, b: Exact): Exact {
  return a.minus(b);
}

export function multiply(a: Exact, b: Exact | number): Exact {
  return a.times(b);
}

/** Quotient to {@link SIGNIFICANT_DIGITS} significant digits, half-up. */
export function divide(a: Exact, b: Exact | number): Exact {
  return a.div(b);
}

export function sum(values: Iterable<Exact>): Exact {
  let total: Exact = zero();
  for (const v of values) total = total.plus(v);
  return total;
}

export function compare(a: Exact, b: Exact): -1 | 0 | 1 {
  return a.comparedTo(b) as -1 | 0 | 1;
}

export function isZero(a: Exact): boolean {
  return a.isZero();
}

/** Rounds half-up (away from zero on a tie) to `decimals` places. */
export function roundHalfUp(a: Exact, decimals: number): Exact {
  return a.toDecimalPlaces(decimals, ROUND_HALF_UP);
}

/** Rounds half-up to `decimals` places and returns a JavaScript number (the shortest form of it). */
export function toRoundedNumber(a: Exact, decimals: number): number {
  const n = Number(a.toDecimalPlaces(decimals, ROUND_HALF_UP).toFixed());
  return Object.is(n, -0) ? 0 : n;
}

/** Plain decimal notation, no exponent, no trailing zeros. */
export function toPlainString(a: Exact): string {
  const s = a.toFixed();
  return s === '-0' ? '0' : s;
}

export function min(a: Exact, b: Exact): Exact {
  return a.lessThan(b) ? a : b;
}

export function max(a: Exact, b: Exact): Exact {
  return a.greaterThan(b) ? a : b;
}
