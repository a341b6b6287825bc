/**
 * Checks a DTI result passed back to the library (by an analysis, a report, a CSV writer), including
 * one rebuilt from JSON: its framework id resolves to a DTI framework, every figure is finite and
 * within its maximum, the total is exactly the sum of the main-indicator (or pillar) points, each
 * pillar's points the sum of its indicators, and every rounded figure the half-up rounding of its
 * exact string. A result that does not add up is a {@link ValidationError} naming the field.
 *
 * Cheap: O(main indicators) BigInt operations on short strings, no decimal.js; results this process
 * scored (and results already checked) are not re-checked.
 *
 * Exported for the presentation layer (reports, CSV) and for callers who store results.
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { DTI_FRAMEWORKS } from '../framework/dti/index.js';
import type { DtiFramework } from '../framework/schema.js';
import type { DtiResult } from '../score/score-dti.js';
import { recordedFramework } from '../score/provenance.js';
import { readOnce } from './snapshot.js';
import { isPlainObject, pathCheck, throwIfAny, type Path, isArray } from './check.js';
import { addDecimal, compareDecimal, equalsNumber, ratioDecimal, readDecimal, roundDecimal, type PlainDecimal } from './plain-decimal.js';

const checked = new WeakSet<object>();
/** The developer hint of every `inconsistent_result` issue. */
const RESULT_HINT = 'Pass results back as the scoring functions returned them (a JSON round trip is fine); a result whose figures were edited, or that another framework version produced, is refused.';
const PILLAR_IDS = ['government', 'economy', 'society'] as const;
const ZERO: PlainDecimal = { n: 0n, s: 0 };

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

/**
 * Checks one figure: `exact[key]` a plain decimal string within [0, max], `rounded` its half-up
 * rounding at `decimals`. Returns the exact value (or `undefined` after pushing an issue).
 */
function figure(o: Obj, key: string, decimals: number, max: number, path: Path, issues: ValidationIssue[]): PlainDecimal | undefined {
  const exactObj = field(o, 'exact');
  if (!isPlainObject(exactObj)) {
    issues.push(makeIssue([...path, 'exact'], 'invalid_type', { expected: 'object of exact decimal strings', received: exactObj }));
    return undefined;
  }
  const text = field(exactObj, key);
  const d = readDecimal(text);
  if (!d) {
    issues.push(makeIssue([...path, 'exact', key], 'not_a_number', { received: text }));
    return undefined;
  }
  if (d.n < 0n || compareDecimal(d, readDecimal(String(max)) ?? ZERO) > 0) {
    issues.push(makeIssue([...path, 'exact', key], 'out_of_range', { received: text, min: 0, max }));
    return undefined;
  }
  const rounded = field(o, key);
  if (typeof rounded !== 'number' || !Number.isFinite(rounded)) {
    issues.push(makeIssue([...path, key], typeof rounded === 'number' ? 'not_finite' : 'invalid_type', { expected: 'number', received: rounded }));
    return undefined;
  }
  const expected = roundDecimal(d, decimals);
  if (!equalsNumber(expected, rounded)) {
    issues.push(makeIssue([...path, key], 'inconsistent_result', { field: key, received: rounded, expected: Number(String(expected.n)) / 10 ** expected.s }, RESULT_HINT));
    return undefined;
  }
  return d;
}

function sameNumber(o: Obj, key: string, expected: number, path: Path, issues: ValidationIssue[]): void {
  const v = field(o, key);
  if (v !== expected) issues.push(makeIssue([...path, key], 'inconsistent_result', { field: key, received: v, expected }, RESULT_HINT));
}

/** `points / max` rounded at 4 decimals must be the stated value (where a value is stated). */
function valueOf(o: Obj, points: PlainDecimal, max: number, path: Path, issues: ValidationIssue[], nullable: boolean): void {
  const v = field(o, 'value');
  if (v === null && nullable) {
    const exactObj = field(o, 'exact');
    const ev = isPlainObject(exactObj) ? field(exactObj, 'value') : undefined;
    if (ev !== null) issues.push(makeIssue([...path, 'exact', 'value'], 'inconsistent_result', { field: 'exact.value', received: ev, expected: null }, RESULT_HINT));
    return;
  }
  const d = figure(o, 'value', 4, 1, path, issues);
  if (!d || max <= 0) return;
  const expected = ratioDecimal(points, max, 4);
  if (compareDecimal(expected, roundDecimal(d, 4)) !== 0) {
    issues.push(makeIssue([...path, 'value'], 'inconsistent_result', { field: 'value', received: v, expected: Number(String(expected.n)) / 1e4 }, RESULT_HINT));
  }
}

function sumIssue(path: Path, key: string, received: PlainDecimal, expected: PlainDecimal, issues: ValidationIssue[]): void {
  if (compareDecimal(received, expected) !== 0) {
    const show = (d: PlainDecimal) => Number(String(d.n)) / 10 ** d.s;
    issues.push(makeIssue([...path, key], 'inconsistent_result', { field: key, received: show(received), expected: show(expected) }, RESULT_HINT));
  }
}

/** Pushes every issue of a DTI result; returns its framework when the result is sound. */
export function inspectDtiResult(result: unknown, path: Path, issues: ValidationIssue[]): DtiFramework | undefined {
  const start = issues.length;
  const f = frameworkOfDtiResult(result, path, issues);
  if (!f) return undefined;
  const r = result as Obj;
  if (recordedFramework(r) || checked.has(r)) return f;

  const input = field(r, 'input');
  if (input !== 'points' && input !== 'values') issues.push(makeIssue([...path, 'input'], 'invalid_option', { received: input, allowed: ['points', 'values'] }));
  sameNumber(r, 'max', f.totalMax, path, issues);
  const total = figure(r, 'total', 2, f.totalMax, path, issues);

  // pillars
  const pillars = field(r, 'pillars');
  const pillarPoints = new Map<string, PlainDecimal>();
  if (!isPlainObject(pillars)) issues.push(makeIssue([...path, 'pillars'], 'invalid_type', { expected: 'object { government, economy, society }', received: pillars }));
  else {
    for (const id of PILLAR_IDS) {
      const p = field(pillars, id);
      const pp = [...path, 'pillars', id];
      const def = f.pillars.find((x) => x.id === id);
      if (!isPlainObject(p) || !def) {
        issues.push(makeIssue(pp, 'invalid_type', { expected: 'pillar score object', received: p }));
        continue;
      }
      sameNumber(p, 'max', def.max, pp, issues);
      const points = figure(p, 'points', 2, def.max, pp, issues);
      if (!points) continue;
      pillarPoints.set(id, points);
      valueOf(p, points, def.max, pp, issues, false);
    }
  }

  // main indicators, in framework order
  const list = field(r, 'mainIndicators');
  const expectedIds = f.inputKeys === 'pillars' ? [] : f.mainIndicators.filter((m) => m.max !== null);
  if (!isArray(list)) issues.push(makeIssue([...path, 'mainIndicators'], 'invalid_type', { expected: 'array', received: list }));
  else if (list.length !== expectedIds.length) {
    issues.push(makeIssue([...path, 'mainIndicators'], 'inconsistent_result', { field: 'mainIndicators.length', received: list.length, expected: expectedIds.length }, RESULT_HINT));
  } else if (issues.length === start) {
    let sum = ZERO;
    const perPillar = new Map<string, PlainDecimal>(PILLAR_IDS.map((id) => [id, ZERO]));
    for (let i = 0; i < list.length; i++) {
      const m = list[i] as unknown;
      const def = expectedIds[i]!;
      const mp = [...path, 'mainIndicators', i];
      if (!isPlainObject(m)) {
        issues.push(makeIssue(mp, 'invalid_type', { expected: 'main indicator score object', received: m }));
        continue;
      }
      if (field(m, 'id') !== def.id) {
        issues.push(makeIssue([...mp, 'id'], 'inconsistent_result', { field: 'id', received: field(m, 'id'), expected: def.id }, RESULT_HINT));
        continue;
      }
      const max = def.max as number;
      sameNumber(m, 'max', max, mp, issues);
      const points = figure(m, 'points', 2, max, mp, issues);
      if (!points) continue;
      valueOf(m, points, max, mp, issues, true);
      sum = addDecimal(sum, points);
      for (const pid of def.pillars) perPillar.set(pid, addDecimal(perPillar.get(pid)!, points));
    }
    if (issues.length === start && f.inputKeys === 'mainIndicators') {
      if (total) sumIssue(path, 'total', total, sum, issues);
      for (const id of PILLAR_IDS) {
        const got = pillarPoints.get(id);
        if (got) sumIssue([...path, 'pillars', id], 'points', got, perPillar.get(id)!, issues);
      }
    }
  }
  if (issues.length === start && f.inputKeys === 'pillars' && total) {
    let sum = ZERO;
    for (const id of PILLAR_IDS) sum = addDecimal(sum, pillarPoints.get(id) ?? ZERO);
    sumIssue(path, 'total', total, sum, issues);
  }
  // the DTI value last: a total that does not add up is reported as the total, not as its value
  if (issues.length === start && total) valueOf(r, total, f.totalMax, path, issues, false);
  if (issues.length !== start) return undefined;
  checked.add(r);
  return f;
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
