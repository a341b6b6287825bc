/**
 * How a numeric input is read and checked. A value may be a JavaScript number or a plain decimal
 * string ("41.6"); anything else (NaN, ±Infinity, "abc", "1e3", "0x10", "", BigInt, null …) is
 * rejected with an issue naming the rule.
 *
 * Strings: surrounding whitespace is ignored (`' 3 '` reads as 3, as a spreadsheet cell would), a
 * string longer than {@link MAX_NUMERIC_LENGTH} characters is refused at once (`too_long`: no real
 * figure is that long), and every step is linear in the string's length (no backtracking regex, no
 * repeated trimming), so a hostile 200,000-character numeral costs microseconds.
 *
 * This module imports neither zod nor decimal.js: it sits on the scoring and ranking paths.
 */
import type { IssueCode } from '../errors.js';

/** The longest numeric string accepted (sign, digits, point and surrounding spaces included). */
export const MAX_NUMERIC_LENGTH = 64;

/**
 * True when `text` is a plain decimal numeral: an optional sign, digits, an optional point with
 * digits (`12`, `-0.5`, `.5`, `5.`), nothing else (no exponent, no separators, no spaces). One pass.
 */
export function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let i = 0;
  if (i < n && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
  let digits = 0;
  while (i < n && isDigit(text.charCodeAt(i))) {
    i++;
    digits++;
  }
  if (i < n && text.charCodeAt(i) === 46) {
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) {
      i++;
      digits++;
    }
  }
  return i === n && digits > 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A numeric input as callers may give it. */
export type NumericInput = number | string;

/** The rule a numeric field follows. */
export interface NumericRule {
  readonly min: number;
  readonly max: number;
  /** Allowed values (a criterion's answer scale), checked after the range. */
  readonly steps?: readonly number[];
  /** The most decimals allowed (`undefined`: any). */
  readonly decimals?: number;
}

/** A broken numeric rule, before it gets its path. */
export interface NumericProblem {
  readonly code: IssueCode;
  readonly params: Record<string, unknown>;
}

/** Significant decimals of a numeral (trailing zeros of the fraction do not count); linear. */
export function countDecimals(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  return end - dot - 1;
}

/**
 * Checks one numeric input against a rule. Returns `undefined` when it passes, else the problem.
 * Comparisons are exact: a string is compared by its decimal value, a number by its shortest
 * decimal form.
 */
export function checkNumeric(value: unknown, rule: NumericRule): NumericProblem | undefined {
  let numeric: number;
  let text: string;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { code: 'not_a_number', params: { received: value } };
    if (!Number.isFinite(value)) return { code: 'not_finite', params: { received: value } };
    numeric = value;
    text = Number.isInteger(value) ? '' : String(value);
  } else if (typeof value === 'string') {
    if (value.length > MAX_NUMERIC_LENGTH) return { code: 'too_long', params: { length: value.length, maxLength: MAX_NUMERIC_LENGTH } };
    const trimmed = value.trim();
    if (!isPlainDecimal(trimmed)) return { code: 'not_a_number', params: { received: value } };
    numeric = Number(trimmed);
    text = trimmed;
    if (!Number.isFinite(numeric)) return { code: 'not_finite', params: { received: value } };
  } else if (value === undefined) {
    return { code: 'missing_key', params: {} };
  } else {
    return { code: 'invalid_type', params: { expected: 'number | decimal string', received: value } };
  }
  // Range first: an out-of-range value is reported as such even when it is also off the scale.
  // `numeric` is the nearest double to the exact value; bounds are small integers or simple
  // decimals, so the comparison is exact except for strings with more digits than a double holds,
  // which the decimal check below then rejects where decimals are limited.
  if (numeric < rule.min || numeric > rule.max || (numeric === rule.max && text !== '' && exceedsBound(text, rule.max))) {
    return { code: 'out_of_range', params: { received: value, min: rule.min, max: rule.max } };
  }
  if (numeric === rule.min && text.startsWith('-') && /[1-9]/.test(text)) {
    return { code: 'out_of_range', params: { received: value, min: rule.min, max: rule.max } };
  }
  if (text.includes('e') || text.includes('E')) {
    // a non-integral number whose shortest form uses an exponent (e.g. 1e-7)
    if (rule.decimals !== undefined || rule.steps) return { code: 'too_many_decimals', params: { received: value, decimals: rule.decimals ?? 0 } };
  } else if (rule.decimals !== undefined && text !== '' && countDecimals(text) > rule.decimals) {
    return { code: 'too_many_decimals', params: { received: value, decimals: rule.decimals } };
  }
  if (rule.steps) {
    const onScale = rule.steps.includes(numeric) && (text === '' || countDecimals(text) <= maxStepDecimals(rule.steps));
    if (!onScale) return { code: 'not_on_scale', params: { received: value, allowed: [...rule.steps] } };
  }
  return undefined;
}

function maxStepDecimals(steps: readonly number[]): number {
  let d = 0;
  for (const s of steps) if (!Number.isInteger(s)) d = Math.max(d, countDecimals(String(s)));
  return d;
}

/** True when a decimal string equal (as a double) to `bound` is in fact above it. */
function exceedsBound(text: string, bound: number): boolean {
  const boundText = String(bound);
  const [bi = '', bf = ''] = boundText.split('.');
  const clean = text.charCodeAt(0) === 43 ? text.slice(1) : text;
  const [ti = '', tf = ''] = clean.split('.');
  if (stripLeadingZeros(ti) !== stripLeadingZeros(bi)) return false;
  const len = Math.max(bf.length, tf.length);
  return tf.padEnd(len, '0') > bf.padEnd(len, '0');
}

function stripLeadingZeros(digits: string): string {
  let i = 0;
  while (i < digits.length && digits.charCodeAt(i) === 48) i++;
  return digits.slice(i);
}
