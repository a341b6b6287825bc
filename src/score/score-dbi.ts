/**
 * Scoring an enterprise on a DBI framework: criterion points summed into pillars and a total, each
 * pillar's share of its maximum, and the maturity level given by the framework's level rule.
 *
 * Arithmetic runs on integers in units of the framework's answer scale (exact by construction);
 * percentages are rounded half-up to 2 decimals, with the unrounded share in `exact`.
 */
import { formatUnits, ratioHalfUp, ratioString, toUnits } from '../arithmetic/scaled.js';
import { compileDbi, itemsOf, validateDbiInput, type CompiledDbi, type DbiInput } from '../assessment/dbi-input.js';
import { toSafe, type Localized, type SafeResult } from '../errors.js';
import { resolveDbiFramework, type DbiFrameworkRef } from '../framework/dbi/index.js';
import type { DbiFramework } from '../framework/schema.js';
import { hasLevelRule, overallLevelOf, pillarLevelOf } from '../level/dbi-level.js';
import { recordedFramework, recordFramework } from './provenance.js';
import { readOnce, snapshotInput } from '../assessment/snapshot.js';
import { generalCriterionOrder, needsGeneralScoring, scoreDbiGeneral, type DbiAnswerInput, type DbiComponentScore, type DbiCriterionScore } from './score-dbi-general.js';

export type { DbiAnswerInput, DbiComponentScore, DbiCriterionScore } from './score-dbi-general.js';

/**
 * A DBI assessment: an answer per criterion (or per pillar for pillar-level frameworks), and the
 * sector where the framework has sector parts. An answer is points (a number or decimal string)
 * for a criterion with a `scale`; for a questionnaire criterion, an option id (single choice), an
 * array of option ids (multiple choice) or a number (a figure); `"n/a"` where the framework allows
 * "not applicable". {@link DbiInput} (points only) is one.
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
   * `true` when every criterion of the pillar was answered "not applicable": the pillar then leaves
   * the overall figures and its `percent` (0) and `level` (null) mean nothing. Absent otherwise.
   */
  readonly notApplicable?: boolean;
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
  /** The sector assessed, for a framework with sector parts; `max` is its part's maximum. */
  readonly sector?: { readonly id: string; readonly name: Localized; readonly max: number };
  /** Each component's (group's) points and percentage, for criterion-level frameworks scored by the general path. */
  readonly components?: readonly DbiComponentScore[];
  /** Each criterion's points, for criterion-level frameworks scored by the general path. */
  readonly criteria?: readonly DbiCriterionScore[];
}

/** Builds a result from answers already converted to integer units (shared with the batch path). */
export function dbiResultFromUnits(c: CompiledDbi, pillarUnits: ArrayLike<number>): DbiResult {
  const f = c.framework;
  const rule = hasLevelRule(f) ? f.levelRule : null;
  const pillarLevels: number[] = [];
  const pillars: DbiPillarScore[] = [];
  let totalUnits = 0;
  for (let i = 0; i < f.pillars.length; i++) {
    const p = f.pillars[i]!;
    const units = pillarUnits[i] as number;
    const maxUnits = c.pillarMaxUnits[i] as number;
    totalUnits += units;
    const level = rule ? pillarLevelOf(rule, units, maxUnits) : null;
    if (level !== null) pillarLevels.push(level);
    // frozen as built (the result is frozen whole): cheaper than walking it afterwards
    pillars.push(Object.freeze({
      id: p.id,
      code: p.code,
      name: p.name,
      points: units / c.factor,
      max: p.max as number,
      percent: ratioHalfUp(units * 100, maxUnits, PERCENT_DECIMALS),
      level,
      exact: Object.freeze({ points: formatUnits(units, c.decimals), percent: ratioString(units * 100, maxUnits) }),
    }));
  }
  const level = rule ? overallLevelOf(rule, totalUnits, c.factor, pillarLevels) : null;
  const levelName = level === null ? null : (f.levels.find((l) => l.level === level)?.name ?? null);
  return recordFramework<DbiResult>(Object.freeze({
    kind: 'dbi',
    framework: Object.freeze({ id: f.id, decision: f.legalBasis.decision, status: f.status }),
    total: totalUnits / c.factor,
    max: c.totalMaxUnits / c.factor,
    percent: ratioHalfUp(totalUnits * 100, c.totalMaxUnits, PERCENT_DECIMALS),
    level,
    levelName,
    noLevelReason: f.levelRule.kind === 'none' ? f.levelRule.reason : null,
    pillars: Object.freeze(pillars),
    exact: Object.freeze({ total: formatUnits(totalUnits, c.decimals), percent: ratioString(totalUnits * 100, c.totalMaxUnits) }),
  }), f);
}

/** Sums validated answers into pillar units. */
function pillarUnitsOf(c: CompiledDbi, answers: Readonly<Record<string, number | string>>): number[] {
  const sums = new Array<number>(c.framework.pillars.length).fill(0);
  for (const item of c.items) {
    const raw = answers[item.id] as number | string;
    const units =
      typeof raw === 'number' && Number.isInteger(raw) ? raw * c.factor : (toUnits(typeof raw === 'string' ? raw.trim() : raw, c.decimals) as number);
    sums[item.pillarIndex] = (sums[item.pillarIndex] as number) + units;
  }
  return sums;
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
  const input = snapshotInput(rawInput);
  if (needsGeneralScoring(f)) return scoreDbiGeneral(f, input);
  const c = compileDbi(f);
  // validated as points only: an option id or an array is rejected here
  const points = validateDbiInput(c, input);
  return dbiResultFromUnits(c, pillarUnitsOf(c, points.answers));
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
 * // a framework with sector parts: the common criteria, then the named sector's
 * criterionOrder(defineFramework(sectorFile), { sector: 'retail' });
 * ```
 */
export function criterionOrder<const R extends DbiFrameworkId | DbiFramework | (string & {})>(frameworkOrId: CheckedRef<R, DbiFrameworkId, DbiFramework>, options?: { readonly sector?: string }): DbiAnswerId<R>[];
export function criterionOrder(frameworkOrId: DbiFrameworkRef, options?: { readonly sector?: string }): string[] {
  options = readOnce(options, ['options']);
  const f = resolveDbiFramework(frameworkOrId);
  if (needsGeneralScoring(f)) return generalCriterionOrder(f, options?.sector);
  return itemsOf(f).map((i) => i.id);
}

/** The DBI framework that scored a result: the recorded one, else the bundled one of its id. */
export function dbiFrameworkOf(result: DbiResult): DbiFramework {
  const f = recordedFramework(result);
  return f && f.kind === 'dbi' ? f : resolveDbiFramework(result.framework.id);
}
