/**
 * Exact fractions of big integers, for the percentages that are not a ratio of two sums (means of
 * percentages, weighted averages) and for comparing any percentage with a bound the framework
 * writes (a band, a level condition) without rounding. Reduced on construction; never negative
 * denominators.
 *
 * @internal
 */
import * as X from './hybrid.js';
import { ratioString } from './scaled.js';

/** An exact fraction n/d (d > 0). */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

/** n/d, reduced. */
export function fraction(n: bigint, d: bigint): Fraction {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO: Fraction = { n: 0n, d: 1n };

export const addF = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
export const mulF = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.n, a.d * b.d);
export const divF = (a: Fraction, b: Fraction): Fraction => fraction(a.n * b.d, a.d * b.n);
/** The arithmetic mean of a non-empty list. */
export function meanF(list: readonly Fraction[]): Fraction {
  const sum = list.reduce(addF, ZERO);
  return fraction(sum.n, sum.d * BigInt(list.length));
}

/** `units` × 100 ÷ `maxUnits`: a share in percent. */
export function percentF(units: number, maxUnits: number): Fraction {
  return fraction(BigInt(units) * 100n, BigInt(maxUnits));
}

const decimals = new Map<number, Fraction>();
/** A decimal the framework writes (a band bound, a weight), exactly as its shortest decimal form reads. */
export function decimalF(value: number): Fraction {
  let f = decimals.get(value);
  if (f === undefined) {
    const text = X.toPlainString(X.exact(value));
    const dot = text.indexOf('.');
    f = dot < 0 ? { n: BigInt(text), d: 1n } : fraction(BigInt(text.replace('.', '')), 10n ** BigInt(text.length - dot - 1));
    if (decimals.size < 4096) decimals.set(value, f);
  }
  return f;
}

/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compareF(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Half-up to `decimals` places, as a number (values are never negative here). */
export function roundF(a: Fraction, decimals: number): number {
  const f = 10n ** BigInt(decimals);
  let q = (a.n * f) / a.d;
  if (2n * ((a.n * f) % a.d) >= a.d) q += 1n;
  const s = q.toString().padStart(decimals + 1, '0');
  return Number(decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`);
}

/** The exact decimal expansion, as `ratioString` writes it (40 significant digits where it does not end). */
export function fractionString(a: Fraction): string {
  if (a.n <= BigInt(Number.MAX_SAFE_INTEGER) && a.d <= BigInt(Number.MAX_SAFE_INTEGER)) return ratioString(Number(a.n), Number(a.d));
  return X.toPlainString(X.divide(X.exact(a.n.toString()), X.exact(a.d.toString())));
}
