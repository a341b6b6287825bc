/**
 * Checks a DBI result passed back to the library (by `summarize`, `compareResults`, a report, a CSV
 * writer), including one rebuilt from JSON: its framework id resolves to a bundled DBI framework,
 * and the public scorer `scoreDbi`, given that framework and answers that give the result's own
 * figures — its pillar points (pillar-level sets), its criteria's points where it lists them, else
 * a split of each pillar's points over the pillar's criteria — gives back exactly the same result:
 * every figure, exact string, percentage, level, level name, pillar name and reason. Any difference
 * (a total of 999, a level of 5, swapped pillar names, a status changed to `official`), and pillar
 * points no answers can give, are a {@link ValidationError} naming each field.
 *
 * Results this process scored are frozen and recorded with the framework that scored them, so they
 * are trusted without re-scoring; any other object (a copy, a JSON round trip) is re-scored.
 *
 * Exported for the presentation layer (reports, CSV) and for callers who store results.
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { DBI_FRAMEWORKS } from '../framework/dbi/index.js';
import type { DbiCriterion, DbiFramework } from '../framework/schema.js';
import { recordedFramework } from '../score/provenance.js';
import { scoreDbi, type DbiResult } from '../score/score-dbi.js';
import { itemsOf } from './dbi-input.js';
import { readOnce } from './snapshot.js';
import { isPlainObject, pathCheck, throwIfAny, type Path, isArray } from './check.js';
import { matchesRescore } from './result-check-differences.js';

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

/** Points as an integer key, exact for the 4 decimals a framework's points may have. */
const keyOf = (points: number) => Math.round(points * 10_000);

/** The most answer combinations tried for one multiple-choice criterion or one pillar's split. */
const MAX_COMBINATIONS = 1 << 14;

/**
 * Every point value a criterion can give, each with an answer that gives it (by points key): a
 * scale's points, an option id, a set of option ids (multiple choice, capped), or a figure at the
 * start of a threshold. `undefined` where there are too many to list.
 */
function answersOf(c: DbiCriterion): Map<number, unknown> | undefined {
  const out = new Map<number, unknown>();
  const add = (points: number, answer: unknown) => {
    if (!out.has(keyOf(points))) out.set(keyOf(points), answer);
  };
  if (c.scale?.kind === 'steps') for (const v of c.scale.values) add(v, v);
  else if (c.scale?.kind === 'range') {
    const step = 10 ** -c.scale.decimals;
    const n = Math.round((c.scale.max - c.scale.min) / step);
    if (n > MAX_COMBINATIONS) return undefined;
    for (let i = 0; i <= n; i++) add(Number((c.scale.min + i * step).toFixed(c.scale.decimals)), (c.scale.min + i * step).toFixed(c.scale.decimals));
  } else if (c.answer?.kind === 'single') for (const o of c.answer.options) add(o.points, o.id);
  else if (c.answer?.kind === 'multiple') {
    const { options, cap } = c.answer;
    for (const o of options) add(cap === undefined ? o.points : Math.min(o.points, cap), [o.id]);
    const shared = options.filter((o) => !o.exclusive);
    if (shared.length > 14) return undefined;
    for (let mask = 1; mask < 1 << shared.length; mask++) {
      const chosen = shared.filter((_, i) => mask & (1 << i));
      const sum = chosen.reduce((t, o) => t + o.points, 0);
      add(cap === undefined ? sum : Math.min(sum, cap), chosen.map((o) => o.id));
    }
  } else if (c.answer?.kind === 'figure') {
    const { thresholds, min, max, decimals } = c.answer;
    thresholds.forEach((t, i) => {
      const start = t.inclusive ? t.from : t.from + 10 ** -decimals;
      const next = thresholds[i + 1];
      const inside = start >= min && start <= max && (!next || (next.inclusive ? start < next.from : start <= next.from));
      if (inside) add(t.points, Number(start.toFixed(decimals)));
    });
  }
  return out;
}

/** The criteria of a framework (and of the result's sector part), by id, with their pillar index: the scorer's own answer slots. */
function criteriaOf(f: DbiFramework, sector: string | undefined): Map<string, { c: DbiCriterion; pillar: number }> {
  const part = f.sectors?.find((s) => s.id === sector) ?? null;
  return new Map(itemsOf(f, part).filter((i) => i.criterion !== null).map((i) => [i.id, { c: i.criterion!, pillar: i.pillarIndex }]));
}

/**
 * Answers to a pillar's criteria whose points add up to `target` (a points key); where none do, the
 * sums they can give up to it; `undefined` where the criteria have too many answers to try.
 */
function split(criteria: readonly DbiCriterion[], target: number): Record<string, unknown> | readonly number[] | undefined {
  const options = criteria.map(answersOf);
  if (options.some((o) => o === undefined)) return undefined;
  // reachable sums after each criterion, each with the key of the criterion's points that got there
  const steps: Map<number, number>[] = [];
  let reachable = new Map<number, number>([[0, 0]]);
  for (const o of options) {
    const next = new Map<number, number>();
    for (const sum of reachable.keys()) {
      for (const k of o!.keys()) if (sum + k <= target && !next.has(sum + k)) next.set(sum + k, k);
    }
    if (next.size > MAX_COMBINATIONS) return undefined;
    steps.push(next);
    reachable = next;
  }
  // the sums the answers can give up to the target, for the message
  if (!reachable.has(target)) return [...reachable.keys()].sort((a, b) => a - b);
  const answers: Record<string, unknown> = {};
  let sum = target;
  for (let i = criteria.length - 1; i >= 0; i--) {
    const k = steps[i]!.get(sum)!;
    answers[criteria[i]!.id] = options[i]!.get(k);
    sum -= k;
  }
  return answers;
}

/** `o.exact.points` of a result part, as a points key; `undefined` (with an issue) if it is not a plain number. */
function exactPoints(o: unknown, at: Path, issues: ValidationIssue[]): { key: number; text: string } | undefined {
  const exact = isPlainObject(o) ? field(o, 'exact') : undefined;
  const text = isPlainObject(exact) ? field(exact, 'points') : undefined;
  const n = typeof text === 'string' && /^\d{1,12}(\.\d{1,4})?$/.test(text) ? Number(text) : NaN;
  if (Number.isFinite(n)) return { key: keyOf(n), text: text as string };
  issues.push(makeIssue([...at, 'exact', 'points'], typeof text === 'string' ? 'not_a_number' : 'invalid_type', { expected: 'exact decimal string', received: text }, RESULT_HINT));
  return undefined;
}

/**
 * Answers that give the result's own figures, as `scoreDbi` takes them: each pillar's points for a
 * pillar-level set; each criterion's points (or "n/a") where the result lists its criteria; else a
 * split of each pillar's points over its criteria. `undefined`, with an issue naming the figure,
 * where the result's figures are malformed or no answers can give them.
 */
function answersOfResult(r: Obj, f: DbiFramework, path: Path, issues: ValidationIssue[]): { answers: Record<string, unknown>; sector?: string } | undefined {
  const start = issues.length;
  const sectorField = field(r, 'sector');
  const sector = isPlainObject(sectorField) ? field(sectorField, 'id') : undefined;
  if (sectorField !== undefined && typeof sector !== 'string') {
    issues.push(makeIssue([...path, 'sector', 'id'], 'invalid_type', { expected: 'sector id', received: sector }, RESULT_HINT));
    return undefined;
  }
  const pillars = field(r, 'pillars');
  if (!isArray(pillars) || pillars.length !== f.pillars.length) {
    issues.push(makeIssue([...path, 'pillars'], 'invalid_type', { expected: `array of ${f.pillars.length} pillar scores`, received: pillars }, RESULT_HINT));
    return undefined;
  }
  const answers: Record<string, unknown> = {};
  // points no answer of the criterion gives, or too many answers to try
  const unreachable = (at: Path, received: unknown) => issues.push(makeIssue(at, 'not_on_scale', { received }, RESULT_HINT));
  const criteria = field(r, 'criteria');
  if (f.inputLevel === 'pillar') {
    f.pillars.forEach((def, i) => {
      const p = exactPoints(pillars[i], [...path, 'pillars', i], issues);
      if (p) answers[def.id] = p.text;
    });
  } else if (isArray(criteria)) {
    const defs = criteriaOf(f, sector as string | undefined);
    criteria.forEach((x: unknown, i) => {
      const at = [...path, 'criteria', i];
      const id = isPlainObject(x) ? field(x, 'id') : undefined;
      const def = typeof id === 'string' ? defs.get(id) : undefined;
      if (!def) {
        issues.push(makeIssue([...at, 'id'], 'inconsistent_result', { field: 'id', received: id, expected: 'a criterion of the framework' }, RESULT_HINT));
        return;
      }
      if (field(x as Obj, 'notApplicable') === true) {
        answers[id as string] = 'n/a';
        return;
      }
      const points = field(x as Obj, 'points');
      const answer = typeof points === 'number' && Number.isFinite(points) ? answersOf(def.c)?.get(keyOf(points)) : undefined;
      if (answer === undefined) unreachable([...at, 'points'], points);
      else answers[id as string] = answer;
    });
  } else {
    const defs = [...criteriaOf(f, sector as string | undefined).values()];
    f.pillars.forEach((def, i) => {
      const p = exactPoints(pillars[i], [...path, 'pillars', i], issues);
      if (!p) return;
      const found = split(defs.filter((d) => d.pillar === i).map((d) => d.c), p.key);
      const at = [...path, 'pillars', i, 'exact', 'points'];
      if (found === undefined) unreachable(at, p.text);
      else if (!Array.isArray(found)) Object.assign(answers, found);
      else if (def.max !== null && p.key > keyOf(def.max)) issues.push(makeIssue(at, 'out_of_range', { received: p.text, min: 0, max: def.max }, RESULT_HINT));
      // a sum no answers give (7 points of the 0–25-by-5 strategy criterion): the sums they give
      else issues.push(makeIssue(at, 'not_on_scale', { received: p.text, ...(found.length <= 12 ? { allowed: found.map((k) => k / 10_000) } : {}) }, RESULT_HINT));
    });
  }
  if (issues.length !== start) return undefined;
  // answers to another sector's questions that the framework ignores: any answer gives the same notice
  const notices = field(r, 'notices');
  if (isArray(notices)) {
    const elsewhere = new Map((f.sectors ?? []).flatMap((s) => itemsOf(f, s)).filter((i) => i.criterion !== null).map((i) => [i.id, i.criterion!]));
    for (const n of notices) {
      const ids = isPlainObject(n) && field(n, 'code') === 'ignored_answers' ? field(n, 'criteria') : undefined;
      if (!isArray(ids)) continue;
      for (const id of ids) {
        const c = typeof id === 'string' && !(id in answers) ? elsewhere.get(id) : undefined;
        const any = c ? answersOf(c)?.values().next().value : undefined;
        if (any !== undefined) answers[id as string] = any;
      }
    }
  }
  return typeof sector === 'string' ? { answers, sector } : { answers };
}

/** Pushes every issue of a DBI result; returns its framework when the result is sound. */
export function inspectDbiResult(result: unknown, path: Path, issues: ValidationIssue[]): DbiFramework | undefined {
  const start = issues.length;
  const f = frameworkOfDbiResult(result, path, issues);
  if (!f) return undefined;
  const r = result as Obj;
  // scored in this process (and frozen since): its figures are the scorer's own
  if (recordedFramework(r) || checked.has(r)) return f;
  if (!matchesDbiScorer(r, f, path, issues) || issues.length !== start) return undefined;
  checked.add(r);
  return f;
}

/**
 * Whether a result is exactly what `scoreDbi` gives on `f` for answers that give the result's own
 * figures; pushes every difference (or why no answers give them).
 *
 * @internal
 */
export function matchesDbiScorer(r: Obj, f: DbiFramework, path: Path, issues: ValidationIssue[]): boolean {
  const input = answersOfResult(r, f, path, issues);
  if (!input) return false;
  // recomputed by the public scorer, from the framework and answers that give the result's figures
  const place = (i: ValidationIssue) => makeIssue([...path, ...i.path], i.code, i.params as Record<string, unknown>, RESULT_HINT);
  return matchesRescore(r, path, issues, () => scoreDbi(f, input as never), place, RESULT_HINT);
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
