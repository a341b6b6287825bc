/**
 * The model of a DBI framework prepared for scoring ({@link compileDbi}), and the validated input of
 * an assessment answered in points: `answers` maps every criterion id (or, for pillar-level
 * frameworks, every pillar id) to its points. Questionnaire answers (option ids, "n/a", sectors) are
 * read by dbi-answers.ts into the same units.
 */
import { NotScorableError, ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { criterionScale, partCriteria } from '../framework/dbi-criterion.js';
import type { DbiCriterion, DbiFramework, DbiSector } from '../framework/schema.js';
import { checkNumeric, type NumericInput, type NumericRule } from './numeric.js';

/**
 * What a caller passes to `scoreDbi`.
 *
 * @example
 * ```ts
 * // by criterion id (or pillar id for a pillar-level framework): a number, or a decimal string
 * const input: DbiInput = { answers: { '1.1.1': 3, '1.1.2': '4', '2.1.1': 15 } };
 * safeScoreDbi('dbi-2021-sme', input).success; // false: the other 57 criteria are missing
 * ```
 */
export interface DbiInput {
  /** Points per criterion id (`1.1.1` …), or per pillar id for pillar-level frameworks. */
  readonly answers: Readonly<Record<string, NumericInput>>;
}

/** One answer slot of a framework, in framework order: a criterion, or a pillar-level answer. */
export interface DbiItem {
  readonly id: string;
  readonly pillarIndex: number;
  /**
   * The points the answer may give, as a numeric rule: a criterion's scale, or, for a questionnaire
   * criterion, the points its answers can give (its points view, `criterionScale`).
   */
  readonly rule: NumericRule;
  /** Highest points the item can take. */
  readonly max: number;
  /** The criterion (`null` for a pillar-level answer). */
  readonly criterion: DbiCriterion | null;
  /** Index into the model's `components`; −1 for a criterion directly under its pillar or a pillar-level answer. */
  readonly componentIndex: number;
  /** `max` in units of 10^-decimals. */
  readonly maxUnits: number;
}

/**
 * A framework prepared for scoring, for one sector where it has sector parts: its answer slots in
 * order and its maxima, in integer units of 10^-decimals. The one model of a DBI framework: scoring,
 * levels, gap analysis and the batch path all read it.
 */
export interface CompiledDbi {
  readonly framework: DbiFramework;
  /** The assessed sector's part (`null` without sectors, or for an enterprise of an unlisted sector). */
  readonly sector: DbiSector | null;
  readonly items: readonly DbiItem[];
  /** Components (groups) in order, with their pillar; direct criteria belong to none. */
  readonly components: readonly { readonly id: string; readonly pillarIndex: number }[];
  /**
   * Decimals every answer's points may have (over the whole framework, every sector's part
   * included, so that results of any sector count in the same units); values are integers in
   * units of 10^-decimals.
   */
  readonly decimals: number;
  readonly factor: number;
  /** Each pillar's maximum in units, with every criterion applicable (0 for a pillar that does not apply). */
  readonly pillarMaxUnits: readonly number[];
  readonly totalMaxUnits: number;
  /** Answer id → item index. */
  readonly index: ReadonlyMap<string, number>;
  /** Per item: `1` at each small integer the item accepts (the common answers), for a quick check. */
  readonly smallIntegers: readonly Uint8Array[];
  /**
   * Whether every answer is points (no question, no "n/a", no sector part): such answers are
   * checked by {@link validateDbiInput} (with its quick path) and may go through the batch tables.
   */
  readonly pointsOnly: boolean;
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 8 : s.length - dot - 1;
}

/** The points rule of a criterion (its scale, or its questionnaire answer's points view). */
function ruleOf(criterion: DbiCriterion): NumericRule {
  const scale = criterionScale(criterion);
  return scale.kind === 'steps'
    ? { min: Math.min(...scale.values), max: Math.max(...scale.values), steps: scale.values }
    : { min: scale.min, max: scale.max, decimals: scale.decimals };
}

/** The decimals of the points a criterion's answers can give (options, a cap, thresholds, a scale). */
function criterionDecimals(criterion: DbiCriterion): number {
  const rule = ruleOf(criterion);
  let d = rule.decimals ?? 0;
  for (const s of rule.steps ?? []) d = Math.max(d, decimalsOf(s));
  const a = criterion.answer;
  if (a && a.kind !== 'figure') for (const o of a.options) d = Math.max(d, decimalsOf(o.points));
  return d;
}

/** The decimals of a framework's points, over every part. */
const frameworkDecimals = new WeakMap<DbiFramework, number>();
function decimalsOfFramework(framework: DbiFramework): number {
  let d = frameworkDecimals.get(framework);
  if (d === undefined) {
    d = framework.inputLevel === 'pillar' ? framework.pillarInputDecimals : 0;
    for (const part of [...framework.pillars, ...(framework.sectors ?? [])]) {
      for (const c of partCriteria(part)) d = Math.max(d, criterionDecimals(c));
    }
    frameworkDecimals.set(framework, d);
  }
  return d;
}

/**
 * The error of a framework scored without the maxima of some pillars (no source publishes them).
 * The message says what the person scoring can do (supply each maximum; on the command line, in a
 * framework file given with `--framework-file`); the `hint` names the function a developer calls.
 *
 * @internal
 */
export function missingPillarMaxima(framework: DbiFramework, missing: readonly { readonly id: string }[]): NotScorableError {
  const ids = missing.map((p) => p.id).join(', ');
  return new NotScorableError(framework.id, {
    vi: `Chưa có điểm tối đa của trụ cột (${ids}) vì chưa tìm thấy trong văn bản đã công bố. Hãy cung cấp điểm tối đa của từng trụ cột này (với lệnh vndi: trong một tệp bộ chỉ số, dùng --framework-file).`,
    en: `The pillar maxima (${ids}) are not published in any source found. Supply the maximum of each of these pillars (with the vndi command: in a framework file, given with --framework-file).`,
  }, `Call overrideDbiPillarMaxima(framework, { ${missing.map((p) => `${p.id}: …`).join(', ')} }) and score with the framework it returns.`);
}

/**
 * The answer slots of a framework in framework order (criteria, or pillars for pillar-level input):
 * in each pillar its direct criteria, then its components' criteria; the sector pillar takes the
 * given sector's part (none for an unlisted sector).
 */
export function itemsOf(framework: DbiFramework, sector: DbiSector | null = null): DbiItem[] {
  return layout(framework, sector, 1).items;
}

function layout(framework: DbiFramework, sector: DbiSector | null, factor: number): { items: DbiItem[]; components: { id: string; pillarIndex: number }[] } {
  const items: DbiItem[] = [];
  const components: { id: string; pillarIndex: number }[] = [];
  const add = (criterion: DbiCriterion, pillarIndex: number, componentIndex: number) => {
    const rule = ruleOf(criterion);
    items.push({ id: criterion.id, pillarIndex, rule, max: rule.max, criterion, componentIndex, maxUnits: Math.round(rule.max * factor) });
  };
  framework.pillars.forEach((pillar, pillarIndex) => {
    if (framework.inputLevel === 'pillar') {
      const max = pillar.max ?? 0;
      items.push({ id: pillar.id, pillarIndex, max, rule: { min: 0, max, decimals: framework.pillarInputDecimals }, criterion: null, componentIndex: -1, maxUnits: Math.round(max * factor) });
      return;
    }
    const part = pillar.sectorSpecific ? sector : pillar;
    if (!part) return;
    for (const criterion of part.criteria ?? []) add(criterion, pillarIndex, -1);
    for (const component of part.components) {
      const componentIndex = components.push({ id: component.id, pillarIndex }) - 1;
      for (const criterion of component.criteria) add(criterion, pillarIndex, componentIndex);
    }
  });
  return { items, components };
}

/** Whether a framework's answers are all points on a scale: no question, no "n/a", no sector part. */
const pointsOnly = new WeakMap<DbiFramework, boolean>();
export function isPointsOnly(framework: DbiFramework): boolean {
  let only = pointsOnly.get(framework);
  if (only === undefined) {
    only = framework.sectors === undefined
      && (framework.inputLevel === 'pillar' || framework.pillars.every((p) => partCriteria(p).every((c) => c.answer === undefined && c.notApplicable !== true)));
    pointsOnly.set(framework, only);
  }
  return only;
}

const compiled = new WeakMap<DbiFramework, Map<string, CompiledDbi>>();

/**
 * Prepares a framework (for one sector, or for an enterprise of an unlisted sector: `null`) for
 * scoring, once per framework object and sector. Throws {@link NotScorableError} when a pillar
 * maximum is not known.
 */
export function compileDbi(framework: DbiFramework, sector: DbiSector | null = null): CompiledDbi {
  let bySector = compiled.get(framework);
  const key = sector?.id ?? '';
  const cached = bySector?.get(key);
  if (cached) return cached;
  const missing = framework.pillars.filter((p) => p.max === null && !p.sectorSpecific);
  if (missing.length > 0) throw missingPillarMaxima(framework, missing);
  const decimals = decimalsOfFramework(framework);
  const factor = 10 ** decimals;
  const { items, components } = layout(framework, sector, factor);
  const pillarMaxUnits = framework.pillars.map(() => 0);
  for (const item of items) pillarMaxUnits[item.pillarIndex] = pillarMaxUnits[item.pillarIndex]! + item.maxUnits;
  const result: CompiledDbi = {
    framework,
    sector,
    items,
    components,
    decimals,
    factor,
    pillarMaxUnits,
    totalMaxUnits: pillarMaxUnits.reduce((a, b) => a + b, 0),
    index: new Map(items.map((item, i) => [item.id, i])),
    smallIntegers: items.map((item) => {
      const table = new Uint8Array(Math.min(256, Math.floor(item.rule.max) + 1));
      for (let v = 0; v < table.length; v++) table[v] = checkNumeric(v, item.rule) === undefined ? 1 : 0;
      return table;
    }),
    pointsOnly: isPointsOnly(framework),
  };
  if (!bySector) compiled.set(framework, (bySector = new Map()));
  bySector.set(key, result);
  return result;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The value of a text of one to three ASCII digits (`"3"`, `"025"`), else −1. */
function smallIntegerText(text: string): number {
  const len = text.length;
  if (len === 0 || len > 3) return -1;
  let n = 0;
  for (let k = 0; k < len; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The common case checked cheaply: a plain `{ answers }` object whose keys are exactly the
 * framework's answer ids and whose values are numbers or numeral strings that pass the same numeric rule. It only
 * ever accepts what dbiInputIssues accepts (a property test holds it to that); anything
 * else goes through the full check, which gives the full report.
 */
function acceptsQuickly(c: CompiledDbi, input: unknown): boolean {
  if (!isPlainObject(input)) return false;
  const top = Object.keys(input);
  if (top.length !== 1 || top[0] !== 'answers') return false;
  const answers = input.answers;
  if (!isPlainObject(answers)) return false;
  const keys = Object.keys(answers);
  if (keys.length !== c.items.length) return false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const i = c.index.get(key);
    if (i === undefined) return false;
    const v = answers[key];
    const small = c.smallIntegers[i]!;
    if (typeof v === 'number') {
      if ((v | 0) === v && v >= 0 && v < small.length) {
        if (small[v] !== 1) return false;
      } else if (checkNumeric(v, c.items[i]!.rule) !== undefined) return false;
    } else if (typeof v === 'string') {
      // answers read from a CSV: "3", "25"
      const n = smallIntegerText(v);
      if (n >= 0 && n < small.length) {
        if (small[n] !== 1) return false;
      } else if (checkNumeric(v, c.items[i]!.rule) !== undefined) return false;
    } else return false;
  }
  // keys are distinct and all known, and there are as many as items: exactly the answer ids
  return true;
}

/** Keys of an object as zod's strict objects see them: own and inherited enumerable keys. */
function keysOf(x: object): string[] {
  const keys: string[] = [];
  for (const k in x) keys.push(k);
  return keys;
}

/**
 * Every issue of a DBI input, without zod: the issues {@link dbiZodSchema} reports, in the same
 * order with the same paths, codes and parameters (a property test holds the two together),
 * except that an `answers` that is not an object is reported as `invalid_type` where the zod
 * mapping said `missing_key`.
 */
export function dbiInputIssues(c: CompiledDbi, input: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const framework = c.framework.id;
  const answers = input.answers;
  if (answers === undefined) {
    issues.push(makeIssue(['answers'], 'missing_key', { key: 'answers' }));
  } else if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    issues.push(makeIssue(['answers'], 'invalid_type', { expected: 'object', received: answers }));
  } else {
    const given = answers as Record<string, unknown>;
    for (const item of c.items) {
      const problem = checkNumeric(given[item.id], item.rule);
      if (problem) issues.push(makeIssue(['answers', item.id], problem.code, { key: item.id, framework, ...problem.params }));
    }
    for (const key of keysOf(given)) if (!c.index.has(key)) issues.push(makeIssue(['answers', key], 'unknown_key', { key, framework }));
  }
  for (const key of keysOf(input)) if (key !== 'answers') issues.push(makeIssue([key], 'unknown_key', { key, framework }));
  return issues;
}

/** Validates a DBI input, throwing a {@link ValidationError} with every issue found. */
export function validateDbiInput(c: CompiledDbi, input: unknown): DbiInput {
  if (acceptsQuickly(c, input)) return input as DbiInput;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { answers }', received: input })]);
  }
  const issues = dbiInputIssues(c, input as Record<string, unknown>);
  if (issues.length > 0) throw new ValidationError(issues);
  return input as DbiInput;
}
