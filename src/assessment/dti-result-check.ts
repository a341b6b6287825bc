/**
 * Checks a DTI result passed back to the library (by an analysis, a report, a CSV writer), including
 * one rebuilt from JSON: its framework id resolves to a bundled DTI framework, and the public scorer
 * `scoreDti`, given that framework and the result's own inputs (the points or values of its main
 * indicators, or of its pillars for DTI 2020, and the figures of any components), gives back exactly
 * the same result: every figure, exact string, name, code, maximum and label. Any difference — an
 * edited total, a level of 999, swapped pillar names, a status changed to `official` — is a
 * {@link ValidationError} naming each field, with what it says and what the scorer gives.
 *
 * Results this process scored are frozen and recorded with the framework that scored them, so they
 * are trusted without re-scoring; any other object (a copy, a JSON round trip) is re-scored.
 *
 * Exported for the presentation layer (reports, CSV) and for callers who store results.
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { DTI_FRAMEWORKS } from '../framework/dti/index.js';
import type { DtiFramework } from '../framework/schema.js';
import { scoreDti, type DtiResult } from '../score/score-dti.js';
import { recordedFramework } from '../score/provenance.js';
import { readOnce } from './snapshot.js';
import { isPlainObject, pathCheck, throwIfAny, type Path, isArray } from './check.js';
import { matchesRescore } from './result-check-differences.js';

const checked = new WeakSet<object>();
/** The developer hint of every `inconsistent_result` issue. */
const RESULT_HINT = 'Pass results back as the scoring functions returned them (a JSON round trip is fine); a result whose figures were edited, or that another framework version produced, is refused.';
const PILLAR_IDS = ['government', 'economy', 'society'] as const;

type Obj = Record<string, unknown>;

function field(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** The DTI framework a result claims, or an issue; `kind` mismatches are `wrong_framework_kind`. */
export function frameworkOfDtiResult(result: unknown, path: Path, issues: ValidationIssue[]): DtiFramework | undefined {
  if (!isPlainObject(result)) {
    issues.push(makeIssue(path, 'invalid_type', { expected: 'DTI result object', received: result }));
    return undefined;
  }
  const recorded = recordedFramework(result);
  if (recorded && recorded.kind === 'dti') return recorded;
  const kind = field(result, 'kind');
  const fw = field(result, 'framework');
  const id = isPlainObject(fw) ? field(fw, 'id') : undefined;
  if (kind !== 'dti') {
    issues.push(makeIssue([...path, 'kind'], 'wrong_framework_kind', { id: typeof id === 'string' ? id : '?', actual: typeof kind === 'string' ? kind : typeof kind, expected: 'dti' }));
    return undefined;
  }
  if (typeof id !== 'string') {
    issues.push(makeIssue([...path, 'framework', 'id'], 'invalid_type', { expected: 'framework id string', received: id }));
    return undefined;
  }
  const f = DTI_FRAMEWORKS.find((x) => x.id === id);
  if (!f) issues.push(makeIssue([...path, 'framework', 'id'], 'unknown_framework', { id, known: DTI_FRAMEWORKS.map((x) => x.id) }));
  return f;
}

/** The mode and key of a scored figure in an input: `values` keys hold values, the others points. */
const exactKey = (mode: string) => (mode === 'values' ? 'value' : 'points');

/** `o.exact[key]`, checked to be a string (the scorer then reads it as a number, exactly). */
function exactText(o: unknown, key: string, at: Path, issues: ValidationIssue[]): string | undefined {
  const exact = isPlainObject(o) ? field(o, 'exact') : undefined;
  const text = isPlainObject(exact) ? field(exact, key) : undefined;
  if (typeof text === 'string') return text;
  issues.push(makeIssue([...at, 'exact', key], 'invalid_type', { expected: 'exact decimal string', received: text }, RESULT_HINT));
  return undefined;
}

/**
 * The result's own inputs, as `scoreDti` takes them: the figure of each main indicator (or pillar,
 * DTI 2020) exactly as the result holds it — its points, or its value where the result was scored
 * from values — and, for a main indicator scored from components, each component's figure.
 * `undefined` (with issues) where the result does not hold them in the right shape.
 */
function inputsOf(r: Obj, f: DtiFramework, path: Path, issues: ValidationIssue[]): Record<string, unknown> | undefined {
  const start = issues.length;
  const mode = field(r, 'input');
  if (mode !== 'points' && mode !== 'values' && mode !== 'components') {
    issues.push(makeIssue([...path, 'input'], 'invalid_option', { received: mode, allowed: ['points', 'values', 'components'] }));
    return undefined;
  }
  const direct: Record<string, string> = {};
  const components: Record<string, Record<string, string>> = {};
  if (f.inputKeys === 'pillars') {
    const pillars = field(r, 'pillars');
    if (!isPlainObject(pillars)) {
      issues.push(makeIssue([...path, 'pillars'], 'invalid_type', { expected: 'object { government, economy, society }', received: pillars }));
      return undefined;
    }
    for (const id of PILLAR_IDS) {
      const text = exactText(field(pillars, id), exactKey(mode), [...path, 'pillars', id], issues);
      if (text !== undefined) direct[id] = text;
    }
  } else {
    const list = field(r, 'mainIndicators');
    if (!isArray(list)) {
      issues.push(makeIssue([...path, 'mainIndicators'], 'invalid_type', { expected: 'array', received: list }));
      return undefined;
    }
    list.forEach((m: unknown, i) => {
      const at = [...path, 'mainIndicators', i];
      const id = isPlainObject(m) ? field(m, 'id') : undefined;
      if (typeof id !== 'string') {
        issues.push(makeIssue([...at, 'id'], 'invalid_type', { expected: 'main indicator id', received: id }, RESULT_HINT));
        return;
      }
      const parts = field(m as Obj, 'components');
      if (parts !== undefined) {
        if (!isArray(parts)) {
          issues.push(makeIssue([...at, 'components'], 'invalid_type', { expected: 'array', received: parts }, RESULT_HINT));
          return;
        }
        const given: Record<string, string> = {};
        parts.forEach((c: unknown, j) => {
          const cid = isPlainObject(c) ? field(c, 'id') : undefined;
          const key = isPlainObject(c) && field(c, 'scoring') === 'ratio' ? 'value' : 'points';
          const text = typeof cid === 'string' ? exactText(c, key, [...at, 'components', j], issues) : undefined;
          if (typeof cid !== 'string') issues.push(makeIssue([...at, 'components', j, 'id'], 'invalid_type', { expected: 'component id', received: cid }, RESULT_HINT));
          else if (text !== undefined) given[cid] = text;
        });
        components[id] = given;
        return;
      }
      // an indicator not given has no value (its points are 0): it is left out of the inputs
      const exact = field(m as Obj, 'exact');
      if (isPlainObject(exact) && field(exact, 'value') === null) return;
      const text = exactText(m, exactKey(mode), at, issues);
      if (text !== undefined) direct[id] = text;
    });
  }
  if (issues.length !== start) return undefined;
  const input: Record<string, unknown> = {};
  if (mode !== 'components') input[mode] = direct;
  if (Object.keys(components).length > 0) input.components = components;
  return input;
}

/** A scorer's issue about an input, placed at the figure of the result it was read from. */
function atResult(i: ValidationIssue, r: Obj, f: DtiFramework, path: Path): ValidationIssue {
  const [mode, id, cid] = i.path;
  let at: Path = [...path, ...i.path];
  if (f.inputKeys === 'pillars' && typeof id === 'string') at = [...path, 'pillars', id, 'exact', exactKey(String(mode))];
  else if (typeof id === 'string') {
    const list = field(r, 'mainIndicators') as unknown[];
    const k = list.findIndex((m) => isPlainObject(m) && field(m, 'id') === id);
    if (k >= 0 && mode === 'components' && typeof cid === 'string') {
      const parts = field(list[k] as Obj, 'components') as unknown[];
      const j = parts.findIndex((c) => isPlainObject(c) && field(c, 'id') === cid);
      at = [...path, 'mainIndicators', k, 'components', j >= 0 ? j : cid, 'exact'];
    } else if (k >= 0) at = [...path, 'mainIndicators', k, 'exact', exactKey(String(mode))];
  }
  return makeIssue(at, i.code, i.params as Record<string, unknown>, RESULT_HINT);
}

/** Pushes every issue of a DTI result; returns its framework when the result is sound. */
export function inspectDtiResult(result: unknown, path: Path, issues: ValidationIssue[]): DtiFramework | undefined {
  const start = issues.length;
  const f = frameworkOfDtiResult(result, path, issues);
  if (!f) return undefined;
  const r = result as Obj;
  // scored in this process (and frozen since): its figures are the scorer's own
  if (recordedFramework(r) || checked.has(r)) return f;
  if (!matchesDtiScorer(r, f, path, issues) || issues.length !== start) return undefined;
  checked.add(r);
  return f;
}

/**
 * Whether a result is exactly what `scoreDti` gives on `f` for the result's own inputs; pushes
 * every difference.
 *
 * @internal
 */
export function matchesDtiScorer(r: Obj, f: DtiFramework, path: Path, issues: ValidationIssue[]): boolean {
  const input = inputsOf(r, f, path, issues);
  if (!input) return false;
  // recomputed by the public scorer, from the framework and the result's own inputs
  return matchesRescore(r, path, issues, () => scoreDti(f, input as never), (i) => atResult(i, r, f, path), RESULT_HINT);
}

/**
 * Checks a DTI result given back to the library (e.g. rebuilt from JSON) against its framework,
 * throwing a {@link ValidationError} naming each field that does not add up.
 *
 * @example
 * ```ts
 * const r = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63,
 *   cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
 * checkDtiResult(JSON.parse(JSON.stringify(r)), ['result']).id; // 'dti-province-2022' (it passes and returns the framework)
 * let error: unknown;
 * try { checkDtiResult({ ...r, total: r.total + 1 }, ['result']); } catch (e) { error = e; }
 * isValidationError(error) && error.issues[0]?.pathString; // 'result.total'
 * ```
 */
export function checkDtiResult(result: unknown, path: Path = ['result']): DtiFramework {
  const issues: ValidationIssue[] = [];
  path = readOnce(path, ['path']);
  pathCheck(path, ['path'], issues);
  throwIfAny(issues);
  result = readOnce(result, path);
  const f = inspectDtiResult(result, path, issues);
  if (!f) throw new ValidationError(issues);
  return f;
}

/** Type guard form of {@link checkDtiResult} for callers that collect issues. */
export function isDtiResult(result: unknown): result is DtiResult {
  return inspectDtiResult(result, [], []) !== undefined;
}
