/**
 * Where a result handed back differs from the one the scorer gives for the same inputs: every field
 * that is not exactly the same (a number, an exact string, a name, a label), every key one has and
 * the other not. Shared by the DTI and DBI result checks.
 *
 * @internal
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { isArray, isPlainObject, type Path } from './check.js';

/** The most differences reported for one result (an edited result is refused at the first). */
export const MAX_DIFFERENCES = 20;

/** A value as an issue shows it: a string cut at 120 characters, an object or array named by its kind. */
function shown(value: unknown): unknown {
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 120)}…` : value;
  if (isArray(value)) return `[${value.length} items]`;
  if (isPlainObject(value)) return '{…}';
  return value;
}

/**
 * Pushes an `inconsistent_result` issue for every place where `received` is not `expected`
 * (expected: the scorer's result, plain data), at most {@link MAX_DIFFERENCES} per call.
 */
export function resultDifferences(received: unknown, expected: unknown, path: Path, issues: ValidationIssue[], hint: string): void {
  const start = issues.length;
  const relative = path.length;
  const push = (at: Path, got: unknown, want: unknown) => {
    if (issues.length - start >= MAX_DIFFERENCES) return;
    issues.push(makeIssue(at, 'inconsistent_result', { field: at.slice(relative).join('.') || '(result)', received: shown(got), expected: shown(want) }, hint));
  };
  const walk = (got: unknown, want: unknown, at: Path): void => {
    if (issues.length - start >= MAX_DIFFERENCES) return;
    if (isArray(want)) {
      if (!isArray(got) || got.length !== want.length) return push(at, got, want);
      for (let i = 0; i < want.length; i++) walk(got[i], want[i], [...at, i]);
      return;
    }
    if (typeof want === 'object' && want !== null) {
      if (!isPlainObject(got)) return push(at, got, want);
      const w = want as Record<string, unknown>;
      for (const key of Object.keys(w)) walk(Object.prototype.hasOwnProperty.call(got, key) ? got[key] : undefined, w[key], [...at, key]);
      for (const key of Object.keys(got)) if (!Object.prototype.hasOwnProperty.call(w, key)) push([...at, key], got[key], undefined);
      return;
    }
    if (got !== want) push(at, got, want);
  };
  walk(received, expected, path);
}

/**
 * Re-scores a result with the public scorer (`rescore`: the scorer called on the result's framework
 * and its own inputs) and pushes every difference; a refusal of the inputs is pushed as the scorer
 * words it, each issue placed by `place` at the result's figure. `true` when the result is exactly
 * what the scorer gives.
 */
export function matchesRescore(result: unknown, path: Path, issues: ValidationIssue[], rescore: () => unknown, place: (i: ValidationIssue) => ValidationIssue, hint: string): boolean {
  const start = issues.length;
  let again: unknown;
  try {
    again = rescore();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    // the scorer's own words (a set without published maxima says so), at the result's figure
    issues.push(...e.issues.slice(0, MAX_DIFFERENCES).map((i) => ({ ...place(i), message: i.message })));
    return false;
  }
  resultDifferences(result, again, path, issues, hint);
  return issues.length === start;
}
