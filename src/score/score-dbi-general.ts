/**
 * Scoring DBI frameworks that go beyond points per criterion summed (the 1970 model): questionnaire
 * criteria answered by option ids or figures, "not applicable" answers that leave the denominator,
 * mean or weighted aggregation, sector parts, and total-percentage level bands.
 *
 * Exact throughout: points are integers in units of 10^-decimals (the most decimals any point value
 * of the framework has), percentages are fractions of big integers, compared with the bands exactly
 * and rounded half-up only for the published figures.
 *
 * @internal
 */
import * as X from '../arithmetic/hybrid.js';
import { formatUnits, ratioHalfUp, ratioString, toUnits } from '../arithmetic/scaled.js';
import { checkNumeric, type NumericInput, type NumericRule } from '../assessment/numeric.js';
import { missingPillarMaxima } from '../assessment/dbi-input.js';
import { ValidationError, makeIssue, type Localized, type ValidationIssue } from '../errors.js';
import { criterionMax } from '../framework/dbi-criterion.js';
import type { DbiComponent, DbiCriterion, DbiFramework, DbiSector } from '../framework/schema.js';
import { overallLevelOf, pillarLevelOf } from '../level/dbi-level.js';
import { recordFramework } from './provenance.js';
import type { DbiPillarScore, DbiResult } from './score-dbi.js';

/**
 * The answer that marks a criterion not applicable, where the framework allows it (`notApplicable`
 * on the criterion): the criterion then leaves every denominator.
 *
 * @example
 * ```ts
 * NOT_APPLICABLE; // 'n/a'
 * // the answer of a criterion that a framework file marks `"notApplicable": true`:
 * // scoreDbi(defineFramework(file), { answers: { '1.1.1': NOT_APPLICABLE, '1.1.2': 3 } })
 * ```
 */
export const NOT_APPLICABLE = 'n/a';

/** One answer: points or a figure (number or decimal string), an option id, option ids, or `"n/a"`. */
export type DbiAnswerInput = NumericInput | readonly string[];

/** The score of one criterion in a questionnaire result. */
export interface DbiCriterionScore {
  readonly id: string;
  readonly pillar: string;
  readonly component: string;
  /** Points, 2 decimals at most as the framework writes them; `null` when not applicable. */
  readonly points: number | null;
  readonly max: number;
  readonly notApplicable: boolean;
}

/** The score of one component (group) in a questionnaire result. */
export interface DbiComponentScore {
  readonly id: string;
  readonly pillar: string;
  /** Points of its applicable criteria. */
  readonly points: number;
  /** Maxima of its applicable criteria. */
  readonly max: number;
  /**
   * Percentage, 2 decimals: the mean of its criteria's percentages under `mean` aggregation, else
   * points ÷ max; `null` when nothing in it applies (or it can give no points).
   */
  readonly percent: number | null;
  readonly exact: { readonly points: string; readonly percent: string | null };
}

/**
 * Whether a framework goes beyond points per criterion summed: questionnaire criteria, "n/a"
 * answers, sector parts, or mean or weighted aggregation.
 */
export function beyondPoints(f: DbiFramework): boolean {
  let beyond = cache.get(f);
  if (beyond === undefined) {
    beyond =
      (f.aggregation !== undefined && f.aggregation.kind !== 'sum') ||
      f.sectors !== undefined ||
      f.pillars.some((p) => p.components.some((c) => c.criteria.some((k) => k.answer !== undefined || k.notApplicable === true)));
    cache.set(f, beyond);
  }
  return beyond;
}

/** Whether a framework needs the general path (anything beyond the 1970 model). */
export function needsGeneralScoring(f: DbiFramework): boolean {
  return beyondPoints(f) || f.levelRule.kind === 'total-percent-bands';
}
const cache = new WeakMap<DbiFramework, boolean>();

// ---------------------------------------------------------------- exact fractions

/** An exact fraction n/d (d > 0). */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};
export function fraction(n: bigint, d: bigint): Fraction {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const addF = (a: Fraction, b: Fraction) => fraction(a.n * b.d + b.n * a.d, a.d * b.d);
const scaleF = (a: Fraction, n: bigint, d: bigint) => fraction(a.n * n, a.d * d);
/** A decimal written in the framework (a band bound, a weight) as a fraction. */
export function decimalF(value: number): Fraction {
  const text = X.toPlainString(X.exact(value));
  const dot = text.indexOf('.');
  if (dot < 0) return { n: BigInt(text), d: 1n };
  const decimals = text.length - dot - 1;
  return fraction(BigInt(text.replace('.', '')), 10n ** BigInt(decimals));
}
/** −1, 0 or 1 as a < b, a = b, a > b. */
export function compareF(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
/** The level a percentage band rule gives to `units` of `maxUnits` (exact). */
export function percentBandLevel(bands: readonly { level: number; fromPercent: number; fromInclusive: boolean }[], units: number, maxUnits: number): number {
  const pct = fraction(BigInt(units) * 100n, BigInt(maxUnits));
  let l = bands[0]!.level;
  for (const band of bands) {
    const cmp = compareF(pct, decimalF(band.fromPercent));
    if (cmp > 0 || (cmp === 0 && band.fromInclusive)) l = band.level;
  }
  return l;
}

/**
 * The level of every unit count 0…maxUnits under a percentage band rule, as a table: each band
 * starts at the least units whose share reaches its bound (exact, in big integers).
 */
export function percentBandTable(bands: readonly { level: number; fromPercent: number; fromInclusive: boolean }[], maxUnits: number): Int8Array {
  const table = new Int8Array(maxUnits + 1).fill(bands[0]!.level);
  const max = BigInt(maxUnits);
  for (const band of bands) {
    // units·100/max ≥ n/d  ⇔  units ≥ n·max / (100·d); strictly above for an exclusive bound
    const { n, d } = decimalF(band.fromPercent);
    const num = n * max;
    const den = 100n * d;
    const start = band.fromInclusive ? (num + den - 1n) / den : num / den + 1n;
    if (start <= max) table.fill(band.level, Number(start));
  }
  return table;
}

/** Half-up to `decimals` places (values are never negative here). */
function roundF(a: Fraction, decimals: number): number {
  const f = 10n ** BigInt(decimals);
  let q = (a.n * f) / a.d;
  if (2n * ((a.n * f) % a.d) >= a.d) q += 1n;
  const s = q.toString().padStart(decimals + 1, '0');
  return Number(decimals === 0 ? s : `${s.slice(0, -decimals)}.${s.slice(-decimals)}`);
}
function fractionString(a: Fraction): string {
  if (a.n <= BigInt(Number.MAX_SAFE_INTEGER) && a.d <= BigInt(Number.MAX_SAFE_INTEGER)) return ratioString(Number(a.n), Number(a.d));
  return X.toPlainString(X.divide(X.exact(a.n.toString()), X.exact(a.d.toString())));
}
const meanF = (list: readonly Fraction[]) => scaleF(list.reduce(addF, { n: 0n, d: 1n }), 1n, BigInt(list.length));

// ---------------------------------------------------------------- the plan of one framework and sector

/** One answer of a plan: a criterion (or a pillar-level answer). */
export interface Item {
  readonly id: string;
  readonly pillarIndex: number;
  /** Index into `components` (−1 for a pillar-level answer). */
  readonly componentIndex: number;
  readonly criterion: DbiCriterion | null;
  readonly rule: NumericRule | null;
  readonly maxUnits: number;
}

/** A framework (and sector) prepared for scoring: its answers in order, in units of 10^-decimals. */
export interface Plan {
  readonly framework: DbiFramework;
  readonly sector: DbiSector | null;
  readonly decimals: number;
  readonly factor: number;
  readonly items: readonly Item[];
  readonly components: readonly { readonly id: string; readonly pillarIndex: number }[];
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = X.toPlainString(X.exact(n));
  return s.length - s.indexOf('.') - 1;
}

function pointValues(c: DbiCriterion): number[] {
  if (c.scale) return c.scale.kind === 'steps' ? c.scale.values : [c.scale.min, c.scale.max];
  const a = c.answer!;
  if (a.kind === 'figure') return a.thresholds.map((t) => t.points);
  return [...a.options.map((o) => o.points), ...(a.kind === 'multiple' && a.cap !== undefined ? [a.cap] : [])];
}

const plans = new WeakMap<DbiFramework, Map<string, Plan>>();

function planOf(f: DbiFramework, sector: DbiSector | null): Plan {
  let bySector = plans.get(f);
  if (!bySector) plans.set(f, (bySector = new Map()));
  const key = sector?.id ?? '';
  const cached = bySector.get(key);
  if (cached) return cached;
  const items: Item[] = [];
  const components: { id: string; pillarIndex: number }[] = [];
  const criteria: DbiCriterion[] = [];
  f.pillars.forEach((pillar, pillarIndex) => {
    if (f.inputLevel === 'pillar') {
      items.push({ id: pillar.id, pillarIndex, componentIndex: -1, criterion: null, rule: { min: 0, max: pillar.max ?? 0, decimals: f.pillarInputDecimals }, maxUnits: 0 });
      return;
    }
    const list: readonly DbiComponent[] = pillar.sectorSpecific ? (sector?.components ?? []) : pillar.components;
    for (const component of list) {
      const componentIndex = components.push({ id: component.id, pillarIndex }) - 1;
      for (const criterion of component.criteria) {
        criteria.push(criterion);
        const scale = criterion.scale;
        const rule: NumericRule | null = !scale
          ? null
          : scale.kind === 'steps'
            ? { min: Math.min(...scale.values), max: Math.max(...scale.values), steps: scale.values }
            : { min: scale.min, max: scale.max, decimals: scale.decimals };
        items.push({ id: criterion.id, pillarIndex, componentIndex, criterion, rule, maxUnits: 0 });
      }
    }
  });
  let decimals = f.inputLevel === 'pillar' ? f.pillarInputDecimals : 0;
  for (const c of criteria) {
    for (const v of pointValues(c)) decimals = Math.max(decimals, decimalsOf(v));
    if (c.scale?.kind === 'range') decimals = Math.max(decimals, c.scale.decimals);
  }
  const factor = 10 ** decimals;
  const withMax = items.map((item) => ({
    ...item,
    maxUnits: Math.round((item.criterion ? criterionMax(item.criterion) : (f.pillars[item.pillarIndex]!.max ?? 0)) * factor),
  }));
  const plan: Plan = { framework: f, sector, decimals, factor, items: withMax, components };
  bySector.set(key, plan);
  return plan;
}

/**
 * The decimals of points on a general framework, over every sector: results of any sector are
 * whole numbers of units of 10^-decimals (what summaries of a cohort count in).
 */
export function generalDecimals(f: DbiFramework): number {
  return Math.max(...(f.sectors ?? [null]).map((s) => planOf(f, s).decimals));
}

/** The sector an assessment names, checked. */
function sectorOf(f: DbiFramework, input: { sector?: unknown }, path: readonly (string | number)[] = ['sector']): DbiSector | null {
  if (!f.sectors) {
    if (input.sector !== undefined) throw new ValidationError([makeIssue(path, 'unknown_key', { key: 'sector', framework: f.id })]);
    return null;
  }
  const known = f.sectors.map((s) => s.id);
  if (input.sector === undefined) throw new ValidationError([makeIssue(path, 'missing_key', { key: 'sector' })]);
  const found = typeof input.sector === 'string' ? f.sectors.find((s) => s.id === input.sector) : undefined;
  if (!found) throw new ValidationError([makeIssue(path, 'not_on_scale', { received: input.sector, allowed: known })]);
  return found;
}

/** The answer ids of a general framework (for a sector framework, of the named sector). */
export function generalCriterionOrder(f: DbiFramework, sector: unknown): string[] {
  return planOf(f, sectorOf(f, { sector }, ['options', 'sector'])).items.map((i) => i.id);
}

// ---------------------------------------------------------------- answers

/** One answer read: its points in units, or not applicable. */
export type Parsed = { readonly units: number } | { readonly notApplicable: true };

export function parseAnswer(plan: Plan, item: Item, value: unknown, path: readonly (string | number)[]): Parsed | ValidationIssue {
  const c = item.criterion;
  if (value === NOT_APPLICABLE) {
    if (c?.notApplicable) return { notApplicable: true };
    return makeIssue(path, 'invalid_type', { expected: 'an answer ("n/a" is not allowed for this criterion)', received: value });
  }
  if (item.rule) {
    const problem = checkNumeric(value, item.rule);
    if (problem) return makeIssue(path, problem.code, { key: item.id, ...problem.params });
    const units = toUnits(typeof value === 'string' ? value.trim() : (value as number), plan.decimals);
    if (units === undefined) return makeIssue(path, 'too_many_decimals', { received: value, decimals: plan.decimals });
    return { units };
  }
  const answer = c!.answer!;
  const pointsUnits = (p: number) => Math.round(p * plan.factor);
  if (answer.kind === 'single') {
    if (typeof value !== 'string') return makeIssue(path, 'invalid_type', { expected: 'option id (string)', received: value });
    const option = answer.options.find((o) => o.id === value);
    if (!option) return makeIssue(path, 'not_on_scale', { received: value, allowed: answer.options.map((o) => o.id) });
    return { units: pointsUnits(option.points) };
  }
  if (answer.kind === 'multiple') {
    if (!Array.isArray(value)) return makeIssue(path, 'invalid_type', { expected: 'array of option ids', received: value });
    let sum = 0;
    const seen = new Set<string>();
    for (let i = 0; i < value.length; i++) {
      const id: unknown = value[i];
      const option = typeof id === 'string' ? answer.options.find((o) => o.id === id) : undefined;
      if (!option) {
        return typeof id === 'string'
          ? makeIssue([...path, i], 'not_on_scale', { received: id, allowed: answer.options.map((o) => o.id) })
          : makeIssue([...path, i], 'invalid_type', { expected: 'option id (string)', received: id });
      }
      if (seen.has(option.id)) return makeIssue([...path, i], 'duplicate_id', { id: option.id, first: `${path.join('.')}.${value.indexOf(option.id)}` });
      if (option.exclusive && value.length > 1) {
        return makeIssue([...path, i], 'conflicting_input', { fields: [option.id, ...value.filter((v) => v !== option.id).map(String)] });
      }
      seen.add(option.id);
      sum += pointsUnits(option.points);
    }
    return { units: answer.cap === undefined ? sum : Math.min(sum, pointsUnits(answer.cap)) };
  }
  // figure: the points of the highest threshold the figure reaches
  const problem = checkNumeric(value, { min: answer.min, max: answer.max, decimals: answer.decimals });
  if (problem) return makeIssue(path, problem.code, { key: item.id, ...problem.params });
  const figure = X.exact(typeof value === 'string' ? value.trim() : (value as number));
  let points = answer.thresholds[0]!.points;
  for (const t of answer.thresholds) {
    const cmp = X.compare(figure, X.exact(t.from));
    if (cmp > 0 || (cmp === 0 && t.inclusive)) points = t.points;
  }
  return { units: pointsUnits(points) };
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

// ---------------------------------------------------------------- scoring

/** Scores an assessment on a framework that needs the general path. */
export function scoreDbiGeneral(f: DbiFramework, input: unknown): DbiResult {
  const { plan, parsed } = parseGeneral(f, input);
  return resultOf(plan, parsed);
}

/**
 * Checks an assessment on a framework that needs the general path and reads every answer into
 * units (or "not applicable"), in the order of `plan.items`: what gap analysis plans from.
 */
export function parseGeneral(f: DbiFramework, input: unknown): { readonly plan: Plan; readonly parsed: readonly Parsed[] } {
  const missing = f.pillars.filter((p) => p.max === null && !p.sectorSpecific);
  if (missing.length > 0) throw missingPillarMaxima(f, missing);
  if (!isPlainObject(input)) throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { answers }', received: input })]);
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(input)) if (key !== 'answers' && key !== 'sector') issues.push(makeIssue([key], 'unknown_key', { key, framework: f.id }));
  if (issues.length) throw new ValidationError(issues);
  const sector = sectorOf(f, input);
  const answers = input.answers;
  if (!isPlainObject(answers)) throw new ValidationError([makeIssue(['answers'], 'invalid_type', { expected: 'object', received: answers })]);
  const plan = planOf(f, sector);
  const known = new Set(plan.items.map((i) => i.id));
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push(makeIssue(['answers', key], 'unknown_key', { key, framework: f.id }));
  const parsed: (Parsed | null)[] = plan.items.map((item) => {
    if (!Object.prototype.hasOwnProperty.call(answers, item.id)) {
      issues.push(makeIssue(['answers', item.id], 'missing_key', { key: item.id }));
      return null;
    }
    const r = parseAnswer(plan, item, answers[item.id], ['answers', item.id]);
    if ('code' in r) {
      issues.push(r);
      return null;
    }
    return r;
  });
  if (issues.length) throw new ValidationError(issues);
  return { plan, parsed: parsed as Parsed[] };
}

/**
 * Points and percentages of answers read into units: per pillar, per component and overall
 * (exact fractions; `overall` is null when nothing applies). Shared by scoring and gap analysis
 * (which trials thousands of answer changes and skips the per-criterion list: `withCriteria` false).
 */
export function aggregate(plan: Plan, parsed: readonly Parsed[], withCriteria = true) {
  const f = plan.framework;
  const P = f.pillars.length;
  const aggregation = f.aggregation ?? { kind: 'sum' as const };
  const pillarUnits = new Array<number>(P).fill(0);
  const pillarMaxUnits = new Array<number>(P).fill(0);
  // per component: the percentages of its applicable, scored criteria (for the mean)
  const componentPercents = plan.components.map(() => [] as Fraction[]);
  const pillarItemPercents = f.pillars.map(() => [] as Fraction[]);
  const componentUnits = plan.components.map(() => 0);
  const componentMaxUnits = plan.components.map(() => 0);
  const criteria: DbiCriterionScore[] = [];
  plan.items.forEach((item, i) => {
    const p = parsed[i]!;
    const na = 'notApplicable' in p;
    if (withCriteria && item.criterion) {
      criteria.push({
        id: item.id,
        pillar: f.pillars[item.pillarIndex]!.id,
        component: plan.components[item.componentIndex]!.id,
        points: na ? null : p.units / plan.factor,
        max: item.maxUnits / plan.factor,
        notApplicable: na,
      });
    }
    if (na) return;
    pillarUnits[item.pillarIndex] = pillarUnits[item.pillarIndex]! + p.units;
    pillarMaxUnits[item.pillarIndex] = pillarMaxUnits[item.pillarIndex]! + item.maxUnits;
    if (item.componentIndex >= 0) {
      componentUnits[item.componentIndex] = componentUnits[item.componentIndex]! + p.units;
      componentMaxUnits[item.componentIndex] = componentMaxUnits[item.componentIndex]! + item.maxUnits;
    }
    // a criterion that can give no points (an unscored question) has no percentage to average
    if (item.maxUnits > 0) {
      const pct = fraction(BigInt(p.units) * 100n, BigInt(item.maxUnits));
      if (item.componentIndex >= 0) componentPercents[item.componentIndex]!.push(pct);
      else pillarItemPercents[item.pillarIndex]!.push(pct);
    }
  });

  // each pillar's percentage, null where nothing in it applies
  const pillarPercent: (Fraction | null)[] = f.pillars.map((_, pi) => {
    if (aggregation.kind === 'mean') {
      const parts = [
        ...plan.components.map((c, ci) => (c.pillarIndex === pi && componentPercents[ci]!.length > 0 ? meanF(componentPercents[ci]!) : null)).filter((x): x is Fraction => x !== null),
        ...pillarItemPercents[pi]!,
      ];
      return parts.length > 0 ? meanF(parts) : null;
    }
    return pillarMaxUnits[pi]! > 0 ? fraction(BigInt(pillarUnits[pi]!) * 100n, BigInt(pillarMaxUnits[pi]!)) : null;
  });
  const totalUnits = pillarUnits.reduce((a, b) => a + b, 0);
  const totalMaxUnits = pillarMaxUnits.reduce((a, b) => a + b, 0);
  let overall: Fraction | null;
  if (aggregation.kind === 'mean') {
    const applicable = pillarPercent.filter((x): x is Fraction => x !== null);
    overall = applicable.length > 0 ? meanF(applicable) : null;
  } else if (aggregation.kind === 'weighted') {
    let num: Fraction = { n: 0n, d: 1n };
    let den: Fraction = { n: 0n, d: 1n };
    f.pillars.forEach((p, pi) => {
      const pct = pillarPercent[pi];
      if (!pct) return;
      const w = decimalF(aggregation.weights.find((x) => x.pillar === p.id)!.weight);
      num = addF(num, fraction(pct.n * w.n, pct.d * w.d));
      den = addF(den, w);
    });
    overall = den.n > 0n ? fraction(num.n * den.d, num.d * den.n) : null;
  } else {
    overall = totalMaxUnits > 0 ? fraction(BigInt(totalUnits) * 100n, BigInt(totalMaxUnits)) : null;
  }
  return { pillarUnits, pillarMaxUnits, componentPercents, componentUnits, componentMaxUnits, criteria, pillarPercent, totalUnits, totalMaxUnits, overall };
}

/** The result of answers already read into units (`parsed`, in the order of `plan.items`). */
export function resultOf(plan: Plan, parsed: readonly Parsed[]): DbiResult {
  const f = plan.framework;
  const aggregation = f.aggregation ?? { kind: 'sum' as const };
  const { pillarUnits, pillarMaxUnits, componentPercents, componentUnits, componentMaxUnits, criteria, pillarPercent, totalUnits, totalMaxUnits, overall } = aggregate(plan, parsed);
  if (!overall) {
    throw new ValidationError([makeIssue(['answers'], 'invalid_option', {
      detail: 'mọi tiêu chí đều "không áp dụng": không có gì để chấm điểm',
      detailEn: 'every criterion is "not applicable": there is nothing to score',
    })]);
  }

  // levels
  const rule = f.levelRule;
  let pillarLevels: (number | null)[] = f.pillars.map(() => null);
  let level: number | null = null;
  if (rule.kind === 'pillar-bands-and-count') {
    pillarLevels = f.pillars.map((_, pi) => (pillarMaxUnits[pi]! > 0 ? pillarLevelOf(rule, pillarUnits[pi]!, pillarMaxUnits[pi]!) : null));
    level = overallLevelOf(rule, totalUnits, plan.factor, pillarLevels.filter((l): l is number => l !== null));
  } else if (rule.kind === 'total-percent-bands') {
    const bandLevel = (pct: Fraction) => {
      let l = rule.bands[0]!.level;
      for (const band of rule.bands) {
        const cmp = compareF(pct, decimalF(band.fromPercent));
        if (cmp > 0 || (cmp === 0 && band.fromInclusive)) l = band.level;
      }
      return l;
    };
    level = bandLevel(overall);
    if (rule.pillarLevels) pillarLevels = pillarPercent.map((pct) => (pct ? bandLevel(pct) : null));
  }

  const pillars: DbiPillarScore[] = f.pillars.map((p, pi) => {
    const pct = pillarPercent[pi];
    const units = pillarUnits[pi]!;
    const maxUnits = pillarMaxUnits[pi]!;
    const score: DbiPillarScore = {
      id: p.id,
      code: p.code,
      name: p.name,
      points: units / plan.factor,
      max: maxUnits / plan.factor,
      percent: pct ? roundF(pct, 2) : 0,
      level: pillarLevels[pi] ?? null,
      exact: { points: formatUnits(units, plan.decimals), percent: pct ? fractionString(pct) : '0' },
    };
    return pct ? score : { ...score, notApplicable: true };
  });
  const components: DbiComponentScore[] = plan.components.map((c, ci) => {
    const pct =
      aggregation.kind === 'mean'
        ? componentPercents[ci]!.length > 0 ? meanF(componentPercents[ci]!) : null
        : componentMaxUnits[ci]! > 0 ? fraction(BigInt(componentUnits[ci]!) * 100n, BigInt(componentMaxUnits[ci]!)) : null;
    return {
      id: c.id,
      pillar: f.pillars[c.pillarIndex]!.id,
      points: componentUnits[ci]! / plan.factor,
      max: componentMaxUnits[ci]! / plan.factor,
      percent: pct ? roundF(pct, 2) : null,
      exact: { points: formatUnits(componentUnits[ci]!, plan.decimals), percent: pct ? fractionString(pct) : null },
    };
  });
  const levelName: Localized | null = level === null ? null : (f.levels.find((l) => l.level === level)?.name ?? null);
  const result: DbiResult = {
    kind: 'dbi',
    framework: { id: f.id, decision: f.legalBasis.decision, status: f.status },
    total: totalUnits / plan.factor,
    max: totalMaxUnits / plan.factor,
    percent: aggregation.kind === 'sum' ? ratioHalfUp(totalUnits * 100, totalMaxUnits, 2) : roundF(overall, 2),
    level,
    levelName,
    noLevelReason: rule.kind === 'none' ? rule.reason : null,
    pillars,
    exact: { total: formatUnits(totalUnits, plan.decimals), percent: fractionString(overall) },
    aggregation: aggregation.kind,
    ...(plan.sector ? { sector: { id: plan.sector.id, name: plan.sector.name, max: plan.sector.max } } : {}),
    ...(f.inputLevel === 'criterion' ? { components, criteria } : {}),
  };
  return recordFramework(result, f);
}

