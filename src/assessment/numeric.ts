/**
 * How a numeric input is read and checked. A value may be a JavaScript number or a plain decimal
 * string ("41.6"); anything else (NaN, ±Infinity, "abc", "1e3", BigInt, null …) is rejected with an
 * issue naming the rule.
 */
import { isDecimalString } from '../arithmetic/decimal-string.js';
import type { IssueCode } from '../errors.js';

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

function countDecimals(text: string): number {
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  return text.slice(dot + 1).replace(/0+$/, '').length;
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
    const trimmed = value.trim();
    if (!isDecimalString(trimmed)) return { code: 'not_a_number', params: { received: value } };
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
    if (!onScale) return { code: 'not_on_scale', params: { received: value, allowed: rule.steps.join(', ') } };
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
  const clean = text.replace(/^\+/, '');
  const [ti = '', tf = ''] = clean.split('.');
  if (ti.replace(/^0+/, '') !== bi.replace(/^0+/, '')) return false;
  const len = Math.max(bf.length, tf.length);
  return tf.padEnd(len, '0') > bf.padEnd(len, '0');
}
