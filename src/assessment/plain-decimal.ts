/**
 * Just enough exact decimal arithmetic on BigInt to check a result's figures against each other
 * (sums, half-up rounding, a quotient rounded at a few decimals), without decimal.js: the result
 * checks run on the ranking and summary paths. Values are `n × 10^-s`.
 *
 * @internal
 */
import { isPlainDecimal } from './numeric.js';

export interface PlainDecimal {
  readonly n: bigint;
  readonly s: number;
}

/** The longest exact string a result may carry (40 significant digits plus leading zeros). */
export const MAX_EXACT_LENGTH = 128;

const TEN = 10n;

function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

/** Reads a plain decimal string (sign, digits, optional fraction); `undefined` for anything else. */
export function readDecimal(text: unknown): PlainDecimal | undefined {
  if (typeof text !== 'string' || text.length > MAX_EXACT_LENGTH || !isPlainDecimal(text)) return undefined;
  const negative = text.charCodeAt(0) === 45;
  const body = text.charCodeAt(0) === 43 || negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const n = BigInt((intPart || '0') + frac);
  return { n: negative ? -n : n, s: frac.length };
}

/** Reads a finite number exactly by its shortest round-trip decimal form (exponent forms included). */
export function numberDecimal(x: number): PlainDecimal {
  const text = String(x);
  const e = text.indexOf('e');
  if (e < 0) return readDecimal(text) ?? { n: 0n, s: 0 };
  // d.ddde±k: the mantissa's digits, shifted by the exponent
  const mantissa = readDecimal(text.slice(0, e)) ?? { n: 0n, s: 0 };
  const shift = Number(text.slice(e + 1)) - mantissa.s;
  return shift >= 0 ? { n: mantissa.n * pow10(shift), s: 0 } : { n: mantissa.n, s: -shift };
}

/** `a` as an integer count of 10^-scale units (`scale` ≥ `a.s`). */
export function toScale(a: PlainDecimal, scale: number): bigint {
  return scale === a.s ? a.n : a.n * pow10(scale - a.s);
}

function align(a: PlainDecimal, b: PlainDecimal): [bigint, bigint, number] {
  if (a.s === b.s) return [a.n, b.n, a.s];
  if (a.s > b.s) return [a.n, b.n * pow10(a.s - b.s), a.s];
  return [a.n * pow10(b.s - a.s), b.n, b.s];
}

export function addDecimal(a: PlainDecimal, b: PlainDecimal): PlainDecimal {
  const [x, y, s] = align(a, b);
  return { n: x + y, s };
}

export function compareDecimal(a: PlainDecimal, b: PlainDecimal): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function divRoundHalfUp(num: bigint, den: bigint): bigint {
  const negative = num < 0n !== den < 0n;
  const a = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return negative ? -q : q;
}

/** `a` rounded half-up (away from zero on a tie) to `decimals` places. */
export function roundDecimal(a: PlainDecimal, decimals: number): PlainDecimal {
  if (a.s <= decimals) return a;
  return { n: divRoundHalfUp(a.n, pow10(a.s - decimals)), s: decimals };
}

/** `a / divisor` rounded half-up to `decimals` places; `divisor` a positive number. */
export function ratioDecimal(a: PlainDecimal, divisor: number, decimals: number): PlainDecimal {
  const d = numberDecimal(divisor);
  // (a.n / 10^a.s) / (d.n / 10^d.s) × 10^decimals = a.n × 10^(d.s + decimals) / (d.n × 10^a.s)
  return { n: divRoundHalfUp(a.n * pow10(d.s + decimals), d.n * pow10(a.s)), s: decimals };
}

/** Whether the number `x` is exactly the decimal `a`. */
export function equalsNumber(a: PlainDecimal, x: number): boolean {
  return Number.isFinite(x) && compareDecimal(a, numberDecimal(x)) === 0;
}
