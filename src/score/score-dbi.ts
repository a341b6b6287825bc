/**
 * Scoring an enterprise on a DBI framework, one path for every framework: the answers read into
 * integer units of the framework's model (assessment/dbi-answers.ts), summed into pillars and a
 * total (or averaged, under `mean` and `weighted` aggregation), and the maturity level given by the
 * framework's level rule and level conditions (level/dbi-level.ts).
 *
 * Exact throughout: points are integers in units of 10^-decimals; percentages are ratios of
 * integers or exact fractions, compared with the bands unrounded and rounded half-up to 2
 * decimals only for the published figures, with the unrounded figure in `exact`.
 */
import { fractionString, meanF, percentF, roundF, addF, mulF, divF, decimalF, ZERO, type Fraction } from '../arithmetic/fraction.js';
import { formatUnits, ratioHalfUp, ratioString } from '../arithmetic/scaled.js';
import { compileDbi, isPointsOnly, type CompiledDbi, type DbiInput } from '../assessment/dbi-input.js';
import { readDbiAssessment, sectorOf, type DbiAnswerInput, type DbiNotice, type ReadAssessment } from '../assessment/dbi-answers.js';
import { ValidationError, makeIssue, toSafe, type Localized, type SafeResult } from '../errors.js';
import { resolveDbiFramework, type DbiFrameworkRef } from '../framework/dbi/index.js';
import type { DbiFramework } from '../framework/schema.js';
import { capText, levelsOf, type DbiLevels, type LevelView } from '../level/dbi-level.js';
import { recordedFramework, recordFramework } from './provenance.js';
import { readOnce, snapshotInput } from '../assessment/snapshot.js';

export type { DbiAnswerInput, DbiNotice } from '../assessment/dbi-answers.js';

/**
 * A DBI assessment: an answer per criterion (or per pillar for pillar-level frameworks), and the
 * sector where the framework has sector parts. An answer is points (a number or decimal string)
 * for a criterion with a `scale`; for a questionnaire criterion, an option id or letter (single
 * choice), an array of them (multiple choice) or a number (a figure); `"n/a"` where the framework
 * allows "not applicable". {@link DbiInput} (points only) is one.
 *
 * @example
 * ```ts
 * const assessment: DbiAssessment = { sector: 'retail', answers: { '1.1': 'weekly', '1.2': ['email', 'app'], '1.3': 42.5, '7.1': 'n/a' } };
 * ```
 */
export interface DbiAssessment {
  readonly sector?: string;
  readonly answers: Readonly<Record<string, DbiAnswerInput>>;
}
import type { CheckedRef, DbiAnswerId, DbiFrameworkId, DbiInputFor } from '../framework/ids.js';

/** Decimals of published percentages. */
export const PERCENT_DECIMALS = 2;

/** One pillar of a DBI result. */
export interface DbiPillarScore {
  readonly id: string;
  readonly code: string;
  readonly name: Localized;
  readonly points: number;
  readonly max: number;
  /** Share of the pillar maximum, in percent, 2 decimals. */
  readonly percent: number;
  /** Pillar maturity level; `null` where the framework has no level rule. */
  readonly level: number | null;
  readonly exact: { readonly points: string; readonly percent: string };
  /**
   * `true` when the pillar does not apply: every criterion of it answered "not applicable", or the
   * sector pillar of an enterprise whose sector has no part of its own. The pillar then leaves the
   * overall figures and its `percent` (0) and `level` (null) mean nothing. Absent otherwise.
   */
  readonly notApplicable?: boolean;
}

/** The score of one criterion in a questionnaire result. */
export interface DbiCriterionScore {
  readonly id: string;
  readonly pillar: string;
  /** Its component (group); `null` for a criterion directly under its pillar. */
  readonly component: string | null;
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

/** A level condition that held the overall level below what the bands give. */
export interface DbiLevelCapHit {
  /** The level the condition allows at most. */
  readonly atMost: number;
  /** The pillars below its floor. */
  readonly pillars: readonly string[];
  /** The condition in words ("tối đa mức 3 khi chưa có mọi trụ cột đạt từ 20% trở lên"). */
  readonly rule: Localized;
}

/** The result of {@link scoreDbi}. */
export interface DbiResult {
  readonly kind: 'dbi';
  readonly framework: { readonly id: string; readonly decision: string; readonly status: DbiFramework['status'] };
  readonly total: number;
  readonly max: number;
  /** Share of the maximum, in percent, 2 decimals. */
  readonly percent: number;
  /** Overall maturity level; `null` where the framework has no level rule (see `noLevelReason`). */
  readonly level: number | null;
  readonly levelName: Localized | null;
  /** Why no level is given, where `level` is `null`. */
  readonly noLevelReason: Localized | null;
  /** Pillars in framework order. */
  readonly pillars: readonly DbiPillarScore[];
  readonly exact: { readonly total: string; readonly percent: string };
  /**
   * How the percentage was aggregated, for frameworks beyond the 1970 model (questionnaires,
   * "not applicable" answers, mean or weighted aggregation, sectors, percentage bands); absent for
   * the others, whose percentage is the sum of points ÷ the maximum. With "not applicable" answers,
   * `max` and each pillar's `max` are the maxima of the applicable criteria.
   */
  readonly aggregation?: 'sum' | 'mean' | 'weighted';
  /**
   * The sector assessed, for a framework with sector parts; `max` is its part's maximum. For an
   * enterprise of a sector the framework does not list, scored on the common part (its
   * `sectorRules`), `listed` is `false`, `max` 0 and `name` the sector as given.
   */
  readonly sector?: { readonly id: string; readonly name: Localized; readonly max: number; readonly listed?: false };
  /** Each component's (group's) points and percentage, for criterion-level frameworks beyond the 1970 model. */
  readonly components?: readonly DbiComponentScore[];
  /** Each criterion's points, for criterion-level frameworks beyond the 1970 model. */
  readonly criteria?: readonly DbiCriterionScore[];
  /**
   * Where a level condition ("no higher than level L while any pillar is below x %") held the level
   * below what the bands give: the bands' level and the conditions that held. Absent otherwise.
   */
  readonly levelCap?: { readonly bandLevel: number; readonly hits: readonly DbiLevelCapHit[] };
  /** What reading the assessment did that its reader should know (answers ignored, a sector not listed). Absent when nothing. */
  readonly notices?: readonly DbiNotice[];
}

/**
 * Whether a framework goes beyond points per criterion summed (the 1970 model): questionnaire
 * criteria, "n/a" answers, sector parts, or mean or weighted aggregation.
 */
export function beyondPoints(f: DbiFramework): boolean {
  return (f.aggregation !== undefined && f.aggregation.kind !== 'sum') || !isPointsOnly(f);
}

const extended = new WeakMap<DbiFramework, boolean>();
/**
 * Whether a framework's results carry the fields of frameworks beyond the 1970 model
 * (`aggregation`, and for criterion-level frameworks `components` and `criteria`; answers in gap
 * plans): beyond points per criterion summed, or levelled by percentage bands.
 */
export function extendedResult(f: DbiFramework): boolean {
  let e = extended.get(f);
  if (e === undefined) extended.set(f, (e = beyondPoints(f) || f.levelRule.kind === 'total-percent-bands'));
  return e;
}

// ---------------------------------------------------------------- aggregation

/** The sums and percentages of an assessment read into units: what levels, results and plans read. */
export interface DbiTally extends LevelView {
  readonly pillarUnits: number[];
  readonly pillarMaxUnits: number[];
  readonly totalMaxUnits: number;
  /** Each component's points and applicable maximum in units (computed when first asked for). */
  readonly components: () => { readonly units: readonly number[]; readonly maxUnits: readonly number[] };
  /** A component's percentage (mean of its criteria's under `mean`), `null` where nothing in it applies. */
  readonly componentPercent: (ci: number) => Fraction | null;
  /** The overall percentage; `null` when nothing applies. */
  readonly overall: () => Fraction | null;
}

/**
 * Points and percentages of answers read into units (`null`: "n/a"), per pillar, per component and
 * overall, exact. Percentages are computed when first asked for.
 */
export function tally(model: CompiledDbi, units: readonly (number | null)[]): DbiTally {
  const f = model.framework;
  const P = f.pillars.length;
  const aggregation = f.aggregation?.kind ?? 'sum';
  const pillarUnits = new Array<number>(P).fill(0);
  const items = model.items;
  let totalUnits = 0;
  let answered = true;
  for (let i = 0; i < items.length; i++) {
    const u = units[i];
    if (u === null || u === undefined) {
      answered = false;
      continue;
    }
    const p = items[i]!.pillarIndex;
    pillarUnits[p] = pillarUnits[p]! + u;
    totalUnits += u;
  }
  // every criterion answered: the model's maxima; else those of the answered criteria
  let pillarMaxUnits: number[];
  let totalMaxUnits: number;
  if (answered) {
    pillarMaxUnits = model.pillarMaxUnits.slice();
    totalMaxUnits = model.totalMaxUnits;
  } else {
    pillarMaxUnits = new Array<number>(P).fill(0);
    totalMaxUnits = 0;
    for (let i = 0; i < items.length; i++) {
      const u = units[i];
      if (u === null || u === undefined) continue;
      const item = items[i]!;
      pillarMaxUnits[item.pillarIndex] = pillarMaxUnits[item.pillarIndex]! + item.maxUnits;
      totalMaxUnits += item.maxUnits;
    }
  }
  let sums: { units: number[]; maxUnits: number[] } | undefined;
  const components = () => {
    if (!sums) {
      sums = { units: model.components.map(() => 0), maxUnits: model.components.map(() => 0) };
      for (let i = 0; i < items.length; i++) {
        const u = units[i];
        const ci = items[i]!.componentIndex;
        if (u === null || u === undefined || ci < 0) continue;
        sums.units[ci] = sums.units[ci]! + u;
        sums.maxUnits[ci] = sums.maxUnits[ci]! + items[i]!.maxUnits;
      }
    }
    return sums;
  };
  // under `mean`: the percentages of each component's applicable criteria that can give points,
  // and of each pillar's direct criteria
  let means: { component: Fraction[][]; direct: Fraction[][] } | undefined;
  const meansOf = () => {
    if (!means) {
      means = { component: model.components.map(() => []), direct: f.pillars.map(() => []) };
      for (let i = 0; i < items.length; i++) {
        const u = units[i];
        const item = items[i]!;
        if (u === null || u === undefined || item.maxUnits === 0) continue;
        (item.componentIndex >= 0 ? means.component[item.componentIndex]! : means.direct[item.pillarIndex]!).push(percentF(u, item.maxUnits));
      }
    }
    return means;
  };
  const componentPercent = (ci: number): Fraction | null => {
    if (aggregation === 'mean') {
      const list = meansOf().component[ci]!;
      return list.length > 0 ? meanF(list) : null;
    }
    const c = components();
    return c.maxUnits[ci]! > 0 ? percentF(c.units[ci]!, c.maxUnits[ci]!) : null;
  };
  const pillarPercents: (Fraction | null | undefined)[] = new Array(P);
  const pillarPercent = (p: number): Fraction | null => {
    let pct = pillarPercents[p];
    if (pct === undefined) {
      if (aggregation === 'mean') {
        const parts: Fraction[] = [...meansOf().direct[p]!];
        model.components.forEach((c, ci) => {
          if (c.pillarIndex !== p) return;
          const cp = componentPercent(ci);
          if (cp) parts.push(cp);
        });
        pct = parts.length > 0 ? meanF(parts) : null;
      } else pct = pillarMaxUnits[p]! > 0 ? percentF(pillarUnits[p]!, pillarMaxUnits[p]!) : null;
      pillarPercents[p] = pct;
    }
    return pct;
  };
  let overallPct: Fraction | null | undefined;
  const overall = (): Fraction | null => {
    if (overallPct === undefined) {
      if (aggregation === 'mean') {
        const applicable = f.pillars.map((_, p) => pillarPercent(p)).filter((x): x is Fraction => x !== null);
        overallPct = applicable.length > 0 ? meanF(applicable) : null;
      } else if (f.aggregation?.kind === 'weighted') {
        // the weights of the pillars that apply, divided by their sum: a pillar that does not apply
        // (all "n/a", or the sector part of an unlisted sector) leaves numerator and denominator
        let num = ZERO;
        let den = ZERO;
        for (const w of f.aggregation.weights) {
          const pct = pillarPercent(f.pillars.findIndex((p) => p.id === w.pillar));
          if (!pct) continue;
          num = addF(num, mulF(pct, decimalF(w.weight)));
          den = addF(den, decimalF(w.weight));
        }
        overallPct = den.n > 0n ? divF(num, den) : null;
      } else overallPct = totalMaxUnits > 0 ? percentF(totalUnits, totalMaxUnits) : null;
    }
    return overallPct;
  };
  return {
    pillarUnits, pillarMaxUnits, totalUnits, totalMaxUnits, factor: model.factor, components,
    pillarPercent, componentPercent, overall, overallPercent: () => overall()!,
  };
}

/** A percentage of units as published: 2 decimals half-up, and the exact figure. */
function unitsPercent(units: number, maxUnits: number): { percent: number; exact: string } {
  if (units * 100 * 100 <= Number.MAX_SAFE_INTEGER && maxUnits <= Number.MAX_SAFE_INTEGER) {
    return { percent: ratioHalfUp(units * 100, maxUnits, PERCENT_DECIMALS), exact: ratioString(units * 100, maxUnits) };
  }
  const pct = percentF(units, maxUnits);
  return { percent: roundF(pct, PERCENT_DECIMALS), exact: fractionString(pct) };
}

/** A percentage as published, from the aggregate's exact figure (sums as ratios of units). */
function published(aggregation: string, units: number, maxUnits: number, pct: Fraction | null): { percent: number; exact: string } {
  if (!pct) return { percent: 0, exact: '0' };
  return aggregation === 'sum' ? unitsPercent(units, maxUnits) : { percent: roundF(pct, PERCENT_DECIMALS), exact: fractionString(pct) };
}

/**
 * The result of answers read into units (`units` in the order of `model.items`, `null` for "n/a"):
 * the one place a DBI result is built, for `scoreDbi`, the gap planner and the batch rows.
 */
export function dbiResultOf(model: CompiledDbi, units: readonly (number | null)[], read?: Pick<ReadAssessment, 'unlistedSector' | 'notices'>, t: DbiTally = tally(model, units)): DbiResult {
  // nothing applies exactly when no criterion that can give points is answered (under every
  // aggregation: a pillar, and the whole, have a percentage exactly when their maxima are not 0)
  if (!(t.totalMaxUnits > 0)) {
    throw new ValidationError([makeIssue(['answers'], 'invalid_option', {
      detail: 'mọi tiêu chí đều "không áp dụng": không có gì để chấm điểm',
      detailEn: 'every criterion is "not applicable": there is nothing to score',
    })]);
  }
  const levels = levelsOf(model.framework, t);
  return buildResult(model, units, t, levels, read);
}

function buildResult(model: CompiledDbi, units: readonly (number | null)[], t: DbiTally, levels: DbiLevels, read?: Pick<ReadAssessment, 'unlistedSector' | 'notices'>): DbiResult {
  const f = model.framework;
  const factor = model.factor;
  const aggregation = f.aggregation?.kind ?? 'sum';
  const pillars: DbiPillarScore[] = f.pillars.map((p, pi) => {
    const u = t.pillarUnits[pi]!;
    const maxUnits = t.pillarMaxUnits[pi]!;
    const applies = maxUnits > 0;
    // sums are published from their units (no fraction is built); means and weights from their fraction
    const shown = !applies ? { percent: 0, exact: '0' } : aggregation === 'sum' ? unitsPercent(u, maxUnits) : published(aggregation, u, maxUnits, t.pillarPercent(pi));
    const score: DbiPillarScore = {
      id: p.id,
      code: p.code,
      name: p.name,
      points: u / factor,
      max: maxUnits / factor,
      percent: shown.percent,
      level: levels.pillarLevels[pi] ?? null,
      exact: { points: formatUnits(u, model.decimals), percent: shown.exact },
    };
    return applies ? score : { ...score, notApplicable: true };
  });
  const shown = aggregation === 'sum' ? unitsPercent(t.totalUnits, t.totalMaxUnits) : published(aggregation, t.totalUnits, t.totalMaxUnits, t.overall());
  const level = levels.level;
  const result: { -readonly [K in keyof DbiResult]: DbiResult[K] } = {
    kind: 'dbi',
    framework: { id: f.id, decision: f.legalBasis.decision, status: f.status },
    total: t.totalUnits / factor,
    max: t.totalMaxUnits / factor,
    percent: shown.percent,
    level,
    levelName: level === null ? null : (f.levels.find((l) => l.level === level)?.name ?? null),
    noLevelReason: f.levelRule.kind === 'none' ? f.levelRule.reason : null,
    pillars,
    exact: { total: formatUnits(t.totalUnits, model.decimals), percent: shown.exact },
  };
  if (extendedResult(f)) {
    result.aggregation = aggregation;
    if (model.sector) result.sector = { id: model.sector.id, name: model.sector.name, max: model.sector.max };
    else if (read?.unlistedSector !== undefined) result.sector = { id: read.unlistedSector, name: { vi: read.unlistedSector, en: read.unlistedSector }, max: 0, listed: false };
    if (f.inputLevel === 'criterion') {
      result.components = model.components.map((c, ci) => {
        const pct = t.componentPercent(ci);
        const u = t.components().units[ci]!;
        const own = pct ? published(aggregation, u, t.components().maxUnits[ci]!, pct) : null;
        return {
          id: c.id,
          pillar: f.pillars[c.pillarIndex]!.id,
          points: u / factor,
          max: t.components().maxUnits[ci]! / factor,
          percent: own ? own.percent : null,
          exact: { points: formatUnits(u, model.decimals), percent: own ? own.exact : null },
        };
      });
      result.criteria = model.items.map((item, i) => {
        const u = units[i];
        const na = u === null || u === undefined;
        return {
          id: item.id,
          pillar: f.pillars[item.pillarIndex]!.id,
          component: item.componentIndex >= 0 ? model.components[item.componentIndex]!.id : null,
          points: na ? null : u / factor,
          max: item.maxUnits / factor,
          notApplicable: na,
        };
      });
    }
  }
  if (level !== null && levels.bandLevel !== null && level < levels.bandLevel) {
    result.levelCap = {
      bandLevel: levels.bandLevel,
      hits: levels.holding.filter((h) => h.cap.atMost < levels.bandLevel!).map((h) => ({
        atMost: h.cap.atMost,
        pillars: h.pillars.map((p) => f.pillars[p]!.id),
        rule: capText(f, h.cap),
      })),
    };
  }
  if (read?.notices.length) result.notices = read.notices;
  return recordFramework<DbiResult>(result, f);
}

/**
 * Builds a result from pillar units of a model answered in points with no "n/a" (the batch rows
 * of the command line): the same result `scoreDbi` gives for answers summing to those units.
 */
export function dbiResultFromUnits(c: CompiledDbi, pillarUnits: ArrayLike<number>): DbiResult {
  const units = Array.from({ length: c.framework.pillars.length }, (_, p) => pillarUnits[p] as number);
  const totalUnits = units.reduce((a, b) => a + b, 0);
  const overall = () => percentF(totalUnits, c.totalMaxUnits);
  const t: DbiTally = {
    pillarUnits: units,
    pillarMaxUnits: [...c.pillarMaxUnits],
    totalUnits,
    totalMaxUnits: c.totalMaxUnits,
    factor: c.factor,
    components: () => ({ units: c.components.map(() => 0), maxUnits: c.components.map(() => 0) }),
    componentPercent: () => null,
    pillarPercent: (p) => (c.pillarMaxUnits[p]! > 0 ? percentF(units[p]!, c.pillarMaxUnits[p]!) : null),
    overall,
    overallPercent: overall,
  };
  return buildResult(c, [], t, levelsOf(c.framework, t));
}

/**
 * Scores an enterprise's self-assessment on a DBI framework.
 *
 * @param frameworkOrId - a bundled framework id (`dbi-2021-sme` …) or a framework object.
 * @param input - `{ answers }`: points per criterion id (or per pillar id for pillar-level frameworks);
 *   for questionnaire frameworks, option ids, figures or `"n/a"`, and `sector` where the framework
 *   has sector parts (see {@link DbiAssessment}).
 * @throws {@link ValidationError} for an unknown, missing or off-scale answer;
 *   {@link NotScorableError} where the framework lacks published maxima.
 * @example
 * ```ts
 * const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
 * const r = scoreDbi('dbi-2021-sme', { answers });
 * r.total; // 192  (59 criteria × 3 + 15)
 * r.level; // 3
 * r.pillars[0]; // { id: 'customer', points: 39, max: 65, percent: 60, level: 3, … }
 * ```
 */
export function scoreDbi<const R extends DbiFrameworkId | DbiFramework | (string & {})>(frameworkOrId: CheckedRef<R, DbiFrameworkId, DbiFramework>, input: DbiInputFor<R>): DbiResult;
export function scoreDbi(frameworkOrId: DbiFrameworkRef, rawInput: DbiInput | DbiAssessment): DbiResult {
  const f = resolveDbiFramework(frameworkOrId);
  // read once: validation and scoring then see the same values (getters, Proxies)
  const read = readDbiAssessment(f, snapshotInput(rawInput));
  return dbiResultOf(read.model, read.units, read);
}

/**
 * {@link scoreDbi} without throwing.
 *
 * @example
 * ```ts
 * const r = safeScoreDbi('dbi-2021-sme', { answers: { '1.1.1': 9 } });
 * if (!r.success) console.log(r.error.message);
 * ```
 */
export function safeScoreDbi<const R extends DbiFrameworkId | DbiFramework | (string & {})>(frameworkOrId: CheckedRef<R, DbiFrameworkId, DbiFramework>, input: DbiInputFor<R>): SafeResult<DbiResult>;
export function safeScoreDbi(frameworkOrId: DbiFrameworkRef, input: DbiInput | DbiAssessment): SafeResult<DbiResult> {
  return toSafe(() => scoreDbi(frameworkOrId, input));
}

/**
 * The answer ids of a DBI framework in framework order: the keys `scoreDbi` expects and the column
 * order of the batch path.
 *
 * @example
 * ```ts
 * criterionOrder('dbi-2021-sme').length; // 60
 * criterionOrder('dbi-2021-sme')[0]; // '1.1.1'
 * criterionOrder('dbi-2021-large'); // ['customer', 'strategy', …] (pillar-level input)
 * // for a framework file with sector parts, criterionOrder(framework, { sector: 'retail' }) lists the
 * // common criteria, then the named sector's
 * ```
 */
export function criterionOrder<const R extends DbiFrameworkId | DbiFramework | (string & {})>(frameworkOrId: CheckedRef<R, DbiFrameworkId, DbiFramework>, options?: { readonly sector?: string }): DbiAnswerId<R>[];
export function criterionOrder(frameworkOrId: DbiFrameworkRef, options?: { readonly sector?: string }): string[] {
  options = readOnce(options, ['options']);
  const f = resolveDbiFramework(frameworkOrId);
  if (!f.sectors && options?.sector === undefined) return compileDbi(f).items.map((i) => i.id);
  const { sector } = sectorOf(f, options?.sector, ['options', 'sector']);
  return compileDbi(f, sector).items.map((i) => i.id);
}

/** The DBI framework that scored a result: the recorded one, else the bundled one of its id. */
export function dbiFrameworkOf(result: DbiResult): DbiFramework {
  const f = recordedFramework(result);
  return f && f.kind === 'dbi' ? f : resolveDbiFramework(result.framework.id);
}
