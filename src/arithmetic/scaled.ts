/**
 * The fast exact path: values held as integers in units of 10^-scale, where the framework declares
 * the number of decimals every value may have (DBI criterion scales). Sums of such values are exact
 * in plain JavaScript numbers while they stay below 2^53, which every framework's maximum does by
 * many orders of magnitude; `toUnits` refuses anything else.
 *
 * Results agree digit for digit with the decimal.js path in `decimal.ts` (tested differentially).
 *
 * @internal
 */
import { SIGNIFICANT_DIGITS } from './decimal-string.js';

const POW10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];

/** 10^n for the small n the frameworks use. */
export function pow10(n: number): number {
  const p = POW10[n];
  if (p === undefined) throw new RangeError(`scale ${n} is outside 0…8`);
  return p;
}

const PLAIN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Converts a finite number or a plain decimal string to integer units of 10^-scale.
 * Returns `undefined` when the value has more decimals than `scale`, is not a plain numeral, or
 * does not fit exactly in a safe integer.
 */
export function toUnits(value: number | string, scale: number): number | undefined {
  const factor = pow10(scale);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      const units = value * factor;
      return Number.isSafeInteger(units) ? (units === 0 ? 0 : units) : undefined;
    }
    if (!Number.isFinite(value)) return undefined;
    return stringToUnits(String(value), scale, factor);
  }
  return value.length > MAX_TEXT ? undefined : stringToUnits(value, scale, factor);
}

/** Longer numerals are refused (no real figure has 64 characters; keeps hostile input cheap). */
const MAX_TEXT = 64;

/** `text` without trailing `0` characters, in one backward pass (no backtracking regex). */
function trimTrailingZeros(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 48) end--;
  return end === text.length ? text : text.slice(0, end);
}

function stringToUnits(text: string, scale: number, factor: number): number | undefined {
  // the common answer read from a CSV: a few plain digits ("3", "25")
  if (text.length <= 6) {
    let n = 0;
    let k = 0;
    for (; k < text.length; k++) {
      const d = text.charCodeAt(k) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (k === text.length && k > 0) return n * factor;
  }
  if (text.includes('e') || text.includes('E')) {
    // Number(1e-7).toString() gives an exponent; such values never fit a framework's scale
    // unless they are integral, which the caller handled.
    return undefined;
  }
  const m = PLAIN.exec(text);
  if (!m) return undefined;
  const [, sign, intPart = '', rawFrac = ''] = m;
  if (intPart === '' && rawFrac === '') return undefined;
  const frac = trimTrailingZeros(rawFrac);
  if (frac.length > scale) return undefined;
  const whole = intPart === '' ? 0 : Number(intPart);
  const fracUnits = frac === '' ? 0 : Number(frac) * pow10(scale - frac.length);
  const units = whole * factor + fracUnits;
  if (!Number.isSafeInteger(units)) return undefined;
  return sign === '-' && units !== 0 ? -units : units;
}

/** Plain decimal string of `units` × 10^-scale, without trailing zeros. */
export function formatUnits(units: number, scale: number): string {
  if (scale === 0 || units === 0) return String(units === 0 ? 0 : units);
  const negative = units < 0;
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  const intPart = digits.slice(0, digits.length - scale);
  const frac = trimTrailingZeros(digits.slice(digits.length - scale));
  return (negative ? '-' : '') + (frac === '' ? intPart : `${intPart}.${frac}`);
}

/**
 * `numerator / denominator` rounded half-up to `decimals` places, as a number. Both operands are
 * non-negative safe integers and `numerator × 10^decimals` must stay safe (callers check maxima).
 */
export function ratioHalfUp(numerator: number, denominator: number, decimals: number): number {
  const factor = pow10(decimals);
  const scaled = numerator * factor;
  let q = Math.floor(scaled / denominator);
  // Floating division may be off by one near integers; correct with exact integer remainders.
  let rem = scaled - q * denominator;
  while (rem < 0) {
    q -= 1;
    rem += denominator;
  }
  while (rem >= denominator) {
    q += 1;
    rem -= denominator;
  }
  if (2 * rem >= denominator) q += 1;
  return q / factor;
}

/**
 * Exact decimal expansion of `numerator / denominator` (non-negative integers), to
 * {@link SIGNIFICANT_DIGITS} significant digits rounded half-up, in plain notation: the same string
 * the decimal.js path gives.
 */
export function ratioString(numerator: number, denominator: number): string {
  if (numerator === 0) return '0';
  if (numerator < 2 ** 40 && denominator < 2 ** 40) return smallRatioString(numerator, denominator);
  return ratioStringBig(numerator, denominator);
}

/**
 * Long division in plain numbers for operands below 2^40 (every remainder × 10 stays a safe
 * integer): the integer part, then up to the 40th significant digit, rounded half-up on the next.
 */
function smallRatioString(numerator: number, denominator: number): string {
  const intPart = Math.floor(numerator / denominator);
  let rem = numerator - intPart * denominator;
  const intText = String(intPart);
  let significant = intPart > 0 ? intText.length : 0;
  if (rem === 0) return intText;
  if (significant >= SIGNIFICANT_DIGITS) {
    // more integer digits than kept: the BigInt path handles the rounding of the integer part
    return ratioStringBig(numerator, denominator);
  }
  let frac = '';
  while (rem !== 0 && significant < SIGNIFICANT_DIGITS) {
    rem *= 10;
    const d = Math.floor(rem / denominator);
    rem -= d * denominator;
    frac += d;
    if (significant > 0 || d !== 0) significant++;
  }
  if (rem !== 0 && 2 * rem >= denominator) {
    // round half-up on the next digit: carry through trailing 9s into the integer part if needed
    let i = frac.length - 1;
    while (i >= 0 && frac.charCodeAt(i) === 57) i--;
    if (i < 0) return String(intPart + 1);
    frac = frac.slice(0, i) + String.fromCharCode(frac.charCodeAt(i) + 1);
  }
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? intText : `${intText}.${end === frac.length ? frac : frac.slice(0, end)}`;
}

function ratioStringBig(numerator: number, denominator: number): string {
  const num = BigInt(numerator);
  const den = BigInt(denominator);
  let e: number;
  const intPart = num / den;
  if (intPart > 0n) e = intPart.toString().length - 1;
  else {
    e = -1;
    let probe = num * 10n;
    while (probe < den) {
      probe *= 10n;
      e -= 1;
    }
  }
  const shift = SIGNIFICANT_DIGITS - 1 - e;
  let scaled: bigint;
  if (shift >= 0) {
    const n = num * 10n ** BigInt(shift);
    scaled = n / den;
    if (2n * (n % den) >= den) scaled += 1n;
  } else {
    const d = den * 10n ** BigInt(-shift);
    scaled = num / d;
    if (2n * (num % d) >= d) scaled += 1n;
  }
  return shiftDecimal(scaled.toString(), shift);
}

/** Writes the integer `digits` × 10^-shift in plain notation without trailing fraction zeros. */
function shiftDecimal(digits: string, shift: number): string {
  if (shift <= 0) return digits + '0'.repeat(-shift);
  const padded = digits.padStart(shift + 1, '0');
  const intPart = padded.slice(0, padded.length - shift);
  const frac = trimTrailingZeros(padded.slice(padded.length - shift));
  return frac === '' ? intPart : `${intPart}.${frac}`;
}
