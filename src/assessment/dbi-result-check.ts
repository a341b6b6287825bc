/**
 * Checks a DBI result passed back to the library (by `summarize`, `compareResults`, a report, a CSV
 * writer), including one rebuilt from JSON: its framework id resolves to a DBI framework, every
 * pillar's points are on the framework's scale and within its maximum, the total is exactly the sum
 * of the pillar points, and percentages and levels are what the framework's rule gives for those
 * points. A result that does not add up is a {@link ValidationError} naming the field.
 *
 * Cheap: O(pillars) integer work per result (points in units of the framework's scale); results
 * this process scored, and results already checked, are not re-checked.
 *
 * Exported for the presentation layer (reports, CSV) and for callers who store results.
 */
import { formatUnits, ratioHalfUp, toUnits } from '../arithmetic/scaled.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { DBI_FRAMEWORKS } from '../framework/dbi/index.js';
import type { DbiFramework } from '../framework/schema.js';
import { hasLevelRule, overallLevelOf, pillarLevelOf } from '../level/dbi-level.js';
import { recordedFramework } from '../score/provenance.js';
import type { DbiResult } from '../score/score-dbi.js';
import { readOnce } from './snapshot.js';
import { isPlainObject, pathCheck, throwIfAny, type Path, isArray } from './check.js';
import { compileDbi, type CompiledDbi } from './dbi-input.js';
import { isPlainDecimal } from './numeric.js';
import { MAX_EXACT_LENGTH } from './plain-decimal.js';

/**
 * `o.exact.percent` must be a plain decimal within half a hundredth of `o.percent` (which was checked
 * exactly against the points): a cheap check, no allocation, as summaries run over a million results.
 */
function exactPercent(o: Obj, path: Path, issues: ValidationIssue[]): void {
  const exactObj = field(o, 'exact');
  const text = isPlainObject(exactObj) ? field(exactObj, 'percent') : undefined;
  const ok = typeof text === 'string' && text.length <= MAX_EXACT_LENGTH && isPlainDecimal(text) && Math.abs(Number(text) - (field(o, 'percent') as number)) <= 0.005 + 1e-9;
  if (!ok) {
    issues.push(makeIssue([...path, 'exact', 'percent'], 'inconsistent_result', { field: 'exact.percent', received: text, expected: field(o, 'percent') }, RESULT_HINT));
  }
}

const checked = new WeakSet<object>();
/** The developer hint of every `inconsistent_result` issue. */
const RESULT_HINT = 'Pass results back as the scoring functions returned them (a JSON round trip is fine); a result whose figures were edited, or that another framework version produced, is refused.';
type Obj = Record<string, unknown>;

function field(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

/** The DBI framework a result claims, or an issue; `kind` mismatches are `wrong_framework_kind`. */
export function frameworkOfDbiResult(result: unknown, path: Path, issues: ValidationIssue[]): DbiFramework | undefined {
  if (!isPlainObject(result)) {
    issues.push(makeIssue(path, 'invalid_type', { expected: 'DBI result object', received: result }));
    return undefined;
  }
  const recorded = recordedFramework(result);
  if (recorded && recorded.kind === 'dbi') return recorded;
  const kind = field(result, 'kind');
  const fw = field(result, 'framework');
  const id = isPlainObject(fw) ? field(fw, 'id') : undefined;
  if (kind !== 'dbi') {
    issues.push(makeIssue([...path, 'kind'], 'wrong_framework_kind', { id: typeof id === 'string' ? id : '?', actual: typeof kind === 'string' ? kind : typeof kind, expected: 'dbi' }));
    return undefined;
  }
  if (typeof id !== 'string') {
    issues.push(makeIssue([...path, 'framework', 'id'], 'invalid_type', { expected: 'framework id string', received: id }));
    return undefined;
  }
  const f = DBI_FRAMEWORKS.find((x) => x.id === id);
  if (!f) issues.push(makeIssue([...path, 'framework', 'id'], 'unknown_framework', { id, known: DBI_FRAMEWORKS.map((x) => x.id) }));
  return f;
}

function mismatch(path: Path, key: string, received: unknown, expected: unknown, issues: ValidationIssue[]): void {
  issues.push(makeIssue([...path, key], 'inconsistent_result', { field: key, received, expected }, RESULT_HINT));
}

/**
 * Units of `o.exact.points`-style figures: the exact string on the framework's scale, within
 * [0, maxUnits], equal to the rounded number beside it.
 */
function unitsOf(o: Obj, key: string, exactKey: string, c: CompiledDbi, maxUnits: number, path: Path, issues: ValidationIssue[]): number | undefined {
  const exactObj = field(o, 'exact');
  if (!isPlainObject(exactObj)) {
    issues.push(makeIssue([...path, 'exact'], 'invalid_type', { expected: 'object of exact decimal strings', received: exactObj }));
    return undefined;
  }
  const text = field(exactObj, exactKey);
  const units = typeof text === 'string' ? toUnits(text, c.decimals) : undefined;
  if (units === undefined) {
    issues.push(makeIssue([...path, 'exact', exactKey], 'not_a_number', { received: text }));
    return undefined;
  }
  if (units < 0 || units > maxUnits) {
    issues.push(makeIssue([...path, 'exact', exactKey], 'out_of_range', { received: text, min: 0, max: maxUnits / c.factor }));
    return undefined;
  }
  const rounded = field(o, key);
  if (rounded !== units / c.factor) {
    mismatch(path, key, rounded, units / c.factor, issues);
    return undefined;
  }
  return units;
}

const scratchLevels: number[] = [];

function exactPercentOk(o: Record<string, unknown>, percent: number): boolean {
  const ex = o.exact as Record<string, unknown>;
  const text = ex.percent;
  return typeof text === 'string' && text.length <= MAX_EXACT_LENGTH && isPlainDecimal(text) && Math.abs(Number(text) - percent) <= 0.005 + 1e-9;
}

/**
 * The common case, checked without building paths or issues: a result as the library writes it
 * (canonical exact strings). It accepts only what the detailed check below accepts; anything else
 * goes through the detailed check, which names every field that is off.
 */
function quickDbiOk(r: Record<string, unknown>, f: DbiFramework, c: CompiledDbi): boolean {
  const rule = hasLevelRule(f) ? f.levelRule : null;
  const pillars = r.pillars;
  if (!isArray(pillars) || pillars.length !== f.pillars.length) return false;
  let sum = 0;
  scratchLevels.length = 0;
  for (let i = 0; i < pillars.length; i++) {
    const p = pillars[i] as Record<string, unknown>;
    const def = f.pillars[i]!;
    if (!isPlainObject(p) || p.id !== def.id || p.max !== def.max || typeof p.points !== 'number' || !isPlainObject(p.exact)) return false;
    const units = Math.round(p.points * c.factor);
    const maxUnits = c.pillarMaxUnits[i]!;
    if (!(units >= 0 && units <= maxUnits) || units / c.factor !== p.points || p.exact.points !== formatUnits(units, c.decimals)) return false;
    const percent = ratioHalfUp(units * 100, maxUnits, 2);
    if (p.percent !== percent || !exactPercentOk(p, percent)) return false;
    const level = rule ? pillarLevelOf(rule, units, maxUnits) : null;
    if (p.level !== level) return false;
    if (level !== null) scratchLevels.push(level);
    sum += units;
  }
  if (typeof r.total !== 'number' || !isPlainObject(r.exact) || r.max !== c.totalMaxUnits / c.factor) return false;
  if (r.total !== sum / c.factor || r.exact.total !== formatUnits(sum, c.decimals)) return false;
  const percent = ratioHalfUp(sum * 100, c.totalMaxUnits, 2);
  if (r.percent !== percent || !exactPercentOk(r, percent)) return false;
  return r.level === (rule ? overallLevelOf(rule, sum, c.factor, scratchLevels) : null);
}

/**
 * Whether the result or its framework goes beyond the model this check recomputes (points summed,
 * the pillar-band rule or none): results marked with an `aggregation`, frameworks with another
 * aggregation, sector parts or another level rule. Those get {@link inspectShape} only.
 */
function beyondSummedPoints(r: Obj, f: DbiFramework): boolean {
  const g = f as unknown as { aggregation?: { kind?: unknown }; sectors?: unknown };
  return (
    field(r, 'aggregation') !== undefined ||
    (g.aggregation !== undefined && g.aggregation.kind !== 'sum') ||
    g.sectors !== undefined ||
    (f.levelRule.kind !== 'pillar-bands-and-count' && f.levelRule.kind !== 'none')
  );
}

/**
 * The shape every DBI result has, whatever its model: finite figures within their bounds, pillars
 * in framework order, levels among the framework's levels. (Sums are not recomputed.)
 */
function inspectShape(r: Obj, f: DbiFramework, path: Path, issues: ValidationIssue[]): void {
  const levels = new Set<unknown>([null, ...f.levels.map((l) => l.level)]);
  const figure = (o: Obj, key: string, max: number, at: Path, nullable = false) => {
    const v = field(o, key);
    if (nullable && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(makeIssue([...at, key], typeof v === 'number' ? 'not_finite' : 'invalid_type', { expected: 'finite number', received: v }));
    else if (v < 0 || v > max) issues.push(makeIssue([...at, key], 'out_of_range', { received: v, min: 0, max }));
  };
  const pillars = field(r, 'pillars');
  if (!isArray(pillars) || pillars.length !== f.pillars.length) {
    issues.push(makeIssue([...path, 'pillars'], 'invalid_type', { expected: `array of ${f.pillars.length} pillar scores`, received: pillars }));
    return;
  }
  pillars.forEach((p: unknown, i) => {
    const pp = [...path, 'pillars', i];
    if (!isPlainObject(p) || field(p, 'id') !== f.pillars[i]!.id) {
      issues.push(makeIssue(pp, 'invalid_type', { expected: `pillar score of ${f.pillars[i]!.id}`, received: p }));
      return;
    }
    const max = field(p, 'max');
    figure(p, 'max', Number.MAX_SAFE_INTEGER, pp);
    figure(p, 'points', typeof max === 'number' ? max : 0, pp);
    figure(p, 'percent', 100, pp, true);
    if (!levels.has(field(p, 'level'))) issues.push(makeIssue([...pp, 'level'], 'out_of_range', { received: field(p, 'level'), min: 0, max: Math.max(0, ...f.levels.map((l) => l.level)) }));
  });
  const max = field(r, 'max');
  figure(r, 'max', Number.MAX_SAFE_INTEGER, path);
  figure(r, 'total', typeof max === 'number' ? max : 0, path);
  figure(r, 'percent', 100, path, true);
  if (!levels.has(field(r, 'level'))) issues.push(makeIssue([...path, 'level'], 'out_of_range', { received: field(r, 'level'), min: 0, max: Math.max(0, ...f.levels.map((l) => l.level)) }));
  const exactObj = field(r, 'exact');
  const exactTotal = isPlainObject(exactObj) ? field(exactObj, 'total') : undefined;
  if (typeof exactTotal !== 'string' || exactTotal.length > MAX_EXACT_LENGTH || !isPlainDecimal(exactTotal)) {
    issues.push(makeIssue([...path, 'exact', 'total'], 'not_a_number', { received: isPlainObject(exactObj) ? field(exactObj, 'total') : exactObj }));
  }
}

/** Pushes every issue of a DBI result; returns its framework when the result is sound. */
export function inspectDbiResult(result: unknown, path: Path, issues: ValidationIssue[]): DbiFramework | undefined {
  const start = issues.length;
  const f = frameworkOfDbiResult(result, path, issues);
  if (!f) return undefined;
  const r = result as Obj;
  if (recordedFramework(r) || checked.has(r)) return f;
  if (beyondSummedPoints(r, f)) {
    inspectShape(r, f, path, issues);
    if (issues.length !== start) return undefined;
    checked.add(r);
    return f;
  }
  const c = compileDbi(f);
  if (quickDbiOk(r, f, c)) {
    checked.add(r);
    return f;
  }
  const rule = hasLevelRule(f) ? f.levelRule : null;

  const pillars = field(r, 'pillars');
  if (!isArray(pillars) || pillars.length !== f.pillars.length) {
    issues.push(makeIssue([...path, 'pillars'], 'invalid_type', { expected: `array of ${f.pillars.length} pillar scores`, received: pillars }));
    return undefined;
  }
  let sum = 0;
  const levels: number[] = [];
  for (let i = 0; i < pillars.length; i++) {
    const p = pillars[i] as unknown;
    const pp = [...path, 'pillars', i];
    const def = f.pillars[i]!;
    if (!isPlainObject(p)) {
      issues.push(makeIssue(pp, 'invalid_type', { expected: 'pillar score object', received: p }));
      continue;
    }
    if (field(p, 'id') !== def.id) {
      mismatch(pp, 'id', field(p, 'id'), def.id, issues);
      continue;
    }
    const maxUnits = c.pillarMaxUnits[i]!;
    if (field(p, 'max') !== def.max) mismatch(pp, 'max', field(p, 'max'), def.max, issues);
    const units = unitsOf(p, 'points', 'points', c, maxUnits, pp, issues);
    if (units === undefined) continue;
    sum += units;
    const percent = ratioHalfUp(units * 100, maxUnits, 2);
    if (field(p, 'percent') !== percent) mismatch(pp, 'percent', field(p, 'percent'), percent, issues);
    else exactPercent(p, pp, issues);
    const level = rule ? pillarLevelOf(rule, units, maxUnits) : null;
    if (level !== null) levels.push(level);
    if (field(p, 'level') !== level) mismatch(pp, 'level', field(p, 'level'), level, issues);
  }
  if (issues.length !== start) return undefined;

  const totalUnits = unitsOf(r, 'total', 'total', c, c.totalMaxUnits, path, issues);
  if (totalUnits === undefined) return undefined;
  if (totalUnits !== sum) {
    mismatch(path, 'total', field(r, 'total'), sum / c.factor, issues);
    return undefined;
  }
  if (field(r, 'max') !== c.totalMaxUnits / c.factor) mismatch(path, 'max', field(r, 'max'), c.totalMaxUnits / c.factor, issues);
  const percent = ratioHalfUp(totalUnits * 100, c.totalMaxUnits, 2);
  if (field(r, 'percent') !== percent) mismatch(path, 'percent', field(r, 'percent'), percent, issues);
  else exactPercent(r, path, issues);
  const level = rule ? overallLevelOf(rule, totalUnits, c.factor, levels) : null;
  if (field(r, 'level') !== level) mismatch(path, 'level', field(r, 'level'), level, issues);
  if (issues.length !== start) return undefined;
  checked.add(r);
  return f;
}

/**
 * Checks a DBI result given back to the library (e.g. rebuilt from JSON) against its framework,
 * throwing a {@link ValidationError} naming each field that does not add up.
 *
 * @example
 * ```ts
 * const r = scoreDbi('dbi-2021-sme', { answers: Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3])) });
 * checkDbiResult(JSON.parse(JSON.stringify(r)), ['result']).id; // 'dbi-2021-sme' (it passes and returns the framework)
 * let error: unknown;
 * try { checkDbiResult({ ...r, total: 7 }, ['result']); } catch (e) { error = e; }
 * isValidationError(error) && error.issues[0]?.pathString; // 'result.total'
 * ```
 */
export function checkDbiResult(result: unknown, path: Path = ['result']): DbiFramework {
  const issues: ValidationIssue[] = [];
  path = readOnce(path, ['path']);
  pathCheck(path, ['path'], issues);
  throwIfAny(issues);
  result = readOnce(result, path);
  const f = inspectDbiResult(result, path, issues);
  if (!f) throw new ValidationError(issues);
  return f;
}

/** Type guard form of {@link checkDbiResult}. */
export function isDbiResult(result: unknown): result is DbiResult {
  return inspectDbiResult(result, [], []) !== undefined;
}
