/**
 * Exact decimal numerals without decimal.js: reading a number or a plain decimal string into its
 * digits, half-up rounding and comparison on those digits. Code that only reads, rounds or
 * compares (validation, ranking) uses this module so that a bundle of it does not carry decimal.js.
 *
 * A JavaScript number is read by its shortest round-trip decimal form (`String(41.6)` is `41.6`),
 * as in `decimal.ts`.
 *
 * @internal
 */

/** Significant digits kept for non-terminating quotients. */
export const SIGNIFICANT_DIGITS = 40;

const DECIMAL_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** True when `text` is a plain decimal numeral (no exponent, no separators, no spaces). */
export function isDecimalString(text: string): boolean {
  return DECIMAL_STRING.test(text);
}

/**
 * A decimal number as digits: `sign` −1, 0 or 1; `int` without leading zeros (`''` for 0);
 * `frac` without trailing zeros. Zero is `{ sign: 0, int: '', frac: '' }`.
 */
export interface DecimalDigits {
  readonly sign: -1 | 0 | 1;
  readonly int: string;
  readonly frac: string;
}

const ZERO_DIGITS: DecimalDigits = { sign: 0, int: '', frac: '' };
const NUMERAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The digits of a finite number (by its shortest decimal form) or of a decimal numeral (an
 * exponent is accepted, as `String(1e-7)` gives one). Returns `undefined` for anything else.
 */
export function decimalDigits(value: number | string): DecimalDigits | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    if (value === 0) return ZERO_DIGITS;
  }
  const m = NUMERAL.exec(typeof value === 'number' ? String(value) : value.trim());
  if (!m) return undefined;
  const [, sign = '', intRaw = '', fracRaw = '', expRaw] = m;
  if (intRaw === '' && fracRaw === '') return undefined;
  let digits = intRaw + fracRaw;
  let point = intRaw.length + (expRaw === undefined ? 0 : Number(expRaw));
  // strip leading zeros (moving the point) and trailing zeros
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  point -= lead;
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  if (digits === '') return ZERO_DIGITS;
  const int = point <= 0 ? '' : point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, point);
  const frac = point >= digits.length ? '' : point <= 0 ? '0'.repeat(-point) + digits : digits.slice(point);
  return { sign: sign === '-' ? -1 : 1, int, frac };
}

/** Increments a string of decimal digits by one unit in its last place (`'199'` → `'200'`, `'9'` → `'10'`). */
function incrementDigits(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return '1' + '0'.repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
}

/** Rounds half-up (away from zero on a tie) to `decimals` places. */
export function roundDigits(d: DecimalDigits, decimals: number): DecimalDigits {
  if (d.frac.length <= decimals) return d;
  const up = d.frac.charCodeAt(decimals) >= 53; // the first dropped digit is 5 or more: away from zero
  let kept = d.int + d.frac.slice(0, decimals);
  if (up) kept = incrementDigits(kept.length === 0 ? '0' : kept);
  const intLength = kept.length - decimals;
  const int = kept.slice(0, intLength).replace(/^0+/, '');
  const frac = kept.slice(intLength).replace(/0+$/, '');
  return int === '' && frac === '' ? ZERO_DIGITS : { sign: d.sign, int, frac };
}

/** −1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compareDigits(a: DecimalDigits, b: DecimalDigits): -1 | 0 | 1 {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1;
  if (a.sign === 0) return 0;
  let c: number;
  if (a.int.length !== b.int.length) c = a.int.length < b.int.length ? -1 : 1;
  else if (a.int !== b.int) c = a.int < b.int ? -1 : 1;
  else if (a.frac !== b.frac) c = a.frac < b.frac ? -1 : 1;
  else return 0;
  return (a.sign > 0 ? c : -c) as -1 | 1;
}

/**
 * The value × 10^decimals as a number, for a value with at most `decimals` decimals (round first
 * with {@link roundDigits}); exact while the result is a safe integer.
 */
export function scaledInteger(d: DecimalDigits, decimals: number): number {
  const n = Number(d.int + d.frac.padEnd(decimals, '0') || '0');
  return d.sign < 0 ? -n : n;
}
