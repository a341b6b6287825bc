/**
 * DBI gap analysis: why an enterprise is at its level, and a small, concrete plan (which criteria
 * to raise, to which answer) that reaches a target level when the improved answers are re-scored.
 *
 * The plan is minimal: no step can be dropped with the target still reached, and each step raises
 * its criterion only as far as needed. The planner prefers fewer steps: it lifts the pillars that
 * need the fewest criteria, raising the criteria with the most headroom first.
 *
 * Frameworks beyond the 1970 model (questionnaires, "n/a", sectors, mean or weighted aggregation,
 * percentage bands) are planned by dbi-gap-general.ts: answer changes chosen greedily by exact gain.
 */
import { readOnce } from '../assessment/snapshot.js';
import { toUnits } from '../arithmetic/scaled.js';
import { compileDbi, validateDbiInput, type CompiledDbi, type DbiInput } from '../assessment/dbi-input.js';
import { viNumber, type Localized } from '../errors.js';
import { num, obj, optional, parse, sameType, type Equal, type Infer } from '../assessment/check.js';
import { resolveDbiFramework, type DbiFrameworkRef } from '../framework/dbi/index.js';
import { needsGeneralScoring, type DbiAnswerInput } from '../score/score-dbi-general.js';
import { hasLevelRule, overallLevelDetail, overallLevelOf, pillarLevelOf, type OverallLevelDetail } from '../level/dbi-level.js';
import { dbiResultFromUnits, type DbiAssessment, type DbiResult } from '../score/score-dbi.js';
import { dbiGapGeneral } from './dbi-gap-general.js';

/** One step of a plan: raise `criterion` from one answer to another. */
export interface DbiGapStep {
  readonly criterion: string;
  readonly name: Localized;
  readonly pillar: string;
  readonly from: number;
  readonly to: number;
  /** Points added by the step. */
  readonly gain: number;
  /**
   * The answer before and after the step, on a questionnaire framework (an option id, option ids,
   * a figure or points); absent on a framework answered in points, where `from` and `to` are the answers.
   */
  readonly fromAnswer?: DbiAnswerInput;
  readonly toAnswer?: DbiAnswerInput;
}

/** Why the enterprise is not yet at the next level, under a `total-percent-bands` rule. */
export interface DbiPercentLevelExplanation {
  readonly nextLevel: number;
  readonly binding: readonly ['percent'];
  /** The overall percentage now (2 decimals) and the next band's lower bound and whether it is inclusive. */
  readonly percent: { readonly now: number; readonly from: number; readonly fromInclusive: boolean };
  readonly message: Localized;
}

/** Why the enterprise is not yet at the next level. */
export interface DbiLevelExplanation {
  readonly nextLevel: number;
  /** The conditions of the next level that fail: `total` points, and/or the number of `pillars`. */
  readonly binding: readonly ('total' | 'pillars')[];
  readonly total: { readonly points: number; readonly mustBeAbove: number };
  readonly pillars: { readonly atLevel: number; readonly required: number };
  readonly message: Localized;
}

/** The result of {@link dbiGap}. */
export interface DbiGap {
  readonly framework: string;
  readonly currentLevel: number | null;
  readonly targetLevel: number | null;
  readonly reachable: boolean;
  /** Why the target cannot be reached, or that it is already reached. */
  readonly reason: Localized | null;
  /**
   * Why the current level is what it is: the failing conditions of the next level (the total and
   * pillar count of a `pillar-bands-and-count` rule, or the percentage a `total-percent-bands` rule needs).
   */
  readonly why: DbiLevelExplanation | DbiPercentLevelExplanation | null;
  readonly steps: readonly DbiGapStep[];
  readonly pointsAdded: number;
  /** The improved answers (input answers with the steps applied): points, or on a questionnaire framework its answers. */
  readonly improvedAnswers: Readonly<Record<string, DbiAnswerInput>> | null;
  /** The re-scored result of the improved answers. */
  readonly result: DbiResult | null;
  readonly current: DbiResult;
}

export interface DbiGapOptions {
  /** Level to reach; default: the next level above the current one. */
  readonly targetLevel?: number;
}

const optionsCheck = /* @__PURE__ */ obj({ targetLevel: optional(num({ integer: true, min: 0 })) });
/* @__PURE__ */ sameType<Equal<Infer<typeof optionsCheck>, DbiGapOptions>>();

function explain(detail: OverallLevelDetail, totalUnits: number, factor: number): DbiLevelExplanation | null {
  const next = detail.conditions.find((c) => c.level === detail.level + 1);
  if (!next) return null;
  const binding: ('total' | 'pillars')[] = [];
  if (!next.totalMet) binding.push('total');
  if (!next.pillarsMet) binding.push('pillars');
  const points = totalUnits / factor;
  const parts = {
    en: [] as string[],
    vi: [] as string[],
  };
  if (!next.totalMet) {
    parts.en.push(`a total above ${next.totalAbove} points (now ${points})`);
    parts.vi.push(`tổng điểm trên ${viNumber(next.totalAbove)} (hiện ${viNumber(points)})`);
  }
  if (!next.pillarsMet) {
    parts.en.push(`at least ${next.minPillarsAtLevel} pillars at level ${next.level} or higher (now ${next.pillarsAtLevel})`);
    parts.vi.push(`ít nhất ${next.minPillarsAtLevel} trụ cột đạt mức ${next.level} trở lên (hiện ${next.pillarsAtLevel})`);
  }
  return {
    nextLevel: next.level,
    binding,
    total: { points, mustBeAbove: next.totalAbove },
    pillars: { atLevel: next.pillarsAtLevel, required: next.minPillarsAtLevel },
    message: {
      en: `Level ${next.level} needs ${parts.en.join(' and ')}.`,
      vi: `Mức ${next.level} cần ${parts.vi.join(' và ')}.`,
    },
  };
}

/** Allowed answer values of an item, in units, ascending (`null`: any value in units up to max). */
function allowedUnits(c: CompiledDbi, itemIndex: number): number[] | null {
  const steps = c.items[itemIndex]!.rule.steps;
  return steps ? [...steps].map((s) => Math.round(s * c.factor)).sort((a, b) => a - b) : null;
}

/** Smallest allowed value ≥ `atLeast` (capped at the item maximum). */
function nextAllowed(c: CompiledDbi, itemIndex: number, atLeast: number): number {
  const allowed = allowedUnits(c, itemIndex);
  const maxUnits = Math.round(c.items[itemIndex]!.max * c.factor);
  if (!allowed) return Math.min(atLeast, maxUnits);
  return allowed.find((v) => v >= atLeast) ?? maxUnits;
}

/**
 * Explains an enterprise's level and plans the smallest set of criterion raises that reaches a
 * target level, on every DBI framework: on a questionnaire framework the steps are answer changes
 * (see docs/framework-format.md, "Gap analysis"), and the input may name its `sector`.
 *
 * @example
 * ```ts
 * // an SME at level 2: every criterion answered 2, criterion 2.1.1 (0–25 by 5) 10
 * const answers = { ...Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, 2])), '2.1.1': 10 };
 * const gap = dbiGap('dbi-2021-sme', { answers }, { targetLevel: 3 });
 * gap.why?.message.en; // 'Level 3 needs a total above 128 points (now 128) and at least 4 pillars at level 3 or higher (now 0).'
 * gap.steps.length; // 4
 * gap.steps[0]; // { criterion: '1.1.1', pillar: 'customer', from: 2, to: 3, gain: 1, … }
 * gap.result?.level; // 3 — re-scoring the improved answers reaches the target
 * // for a questionnaire framework (a framework file), steps change answers (option ids, figures:
 * // `fromAnswer`, `toAnswer`), never an "n/a" answer
 * ```
 */
export function dbiGap(frameworkOrId: DbiFrameworkRef, input: DbiInput | DbiAssessment, options: DbiGapOptions = {}): DbiGap {
  input = readOnce(input, ['input']);
  options = readOnce(options, ['options']);
  parse(optionsCheck, options, ['options']);
  const framework = resolveDbiFramework(frameworkOrId);
  if (needsGeneralScoring(framework)) {
    return dbiGapGeneral(framework, input, options.targetLevel, (rule, totalUnits, factor, levels) =>
      explain(overallLevelDetail(rule, totalUnits, factor, levels), totalUnits, factor));
  }
  const c = compileDbi(framework);
  validateDbiInput(c, input);
  const n = c.items.length;
  const from = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const raw = input.answers[c.items[i]!.id] as number | string;
    from[i] = toUnits(typeof raw === 'string' ? raw.trim() : raw, c.decimals)!;
  }
  const pillarCount = framework.pillars.length;
  const sumPillars = (units: readonly number[]) => {
    const sums = new Array<number>(pillarCount).fill(0);
    for (let i = 0; i < n; i++) sums[c.items[i]!.pillarIndex]! += units[i]!;
    return sums;
  };
  const current = dbiResultFromUnits(c, sumPillars(from));
  const base = { framework: framework.id, current, currentLevel: current.level };

  if (!hasLevelRule(framework)) {
    return {
      ...base, targetLevel: options.targetLevel ?? null, reachable: false,
      reason: framework.levelRule.kind === 'none' ? framework.levelRule.reason : null,
      why: null, steps: [], pointsAdded: 0, improvedAnswers: null, result: null,
    };
  }
  const rule = framework.levelRule;
  const levelOf = (units: readonly number[]) => {
    const sums = sumPillars(units);
    const levels = sums.map((u, p) => pillarLevelOf(rule, u, c.pillarMaxUnits[p]!));
    return overallLevelOf(rule, sums.reduce((a, b) => a + b, 0), c.factor, levels);
  };
  const currentLevel = current.level as number;
  const totalUnits = Math.round(current.total * c.factor);
  const why = explain(overallLevelDetail(rule, totalUnits, c.factor, current.pillars.map((p) => p.level as number)), totalUnits, c.factor);
  const target = options.targetLevel ?? currentLevel + 1;
  const condition = rule.overall.find((o) => o.level === target);
  const maxLevel = Math.max(...rule.overall.map((o) => o.level));

  if (target <= currentLevel) {
    return {
      ...base, targetLevel: target, reachable: true,
      reason: { vi: `Doanh nghiệp đã đạt mức ${currentLevel}.`, en: `The enterprise is already at level ${currentLevel}.` },
      why, steps: [], pointsAdded: 0, improvedAnswers: { ...answersFrom(c, from) }, result: current,
    };
  }
  if (!condition || !Number.isInteger(target)) {
    return {
      ...base, targetLevel: target, reachable: false,
      reason: { vi: `Mức ${target} không có trong quy tắc xếp mức (cao nhất: ${maxLevel}).`, en: `Level ${target} is not in the level rule (highest: ${maxLevel}).` },
      why, steps: [], pointsAdded: 0, improvedAnswers: null, result: null,
    };
  }

  const to = [...from];
  const maxUnitsOf = (i: number) => Math.round(c.items[i]!.max * c.factor);
  const itemsOfPillar = (p: number) => [...Array(n).keys()].filter((i) => c.items[i]!.pillarIndex === p);
  const byHeadroom = (list: number[], units: readonly number[]) =>
    [...list].sort((a, b) => maxUnitsOf(b) - units[b]! - (maxUnitsOf(a) - units[a]!) || a - b);

  // 1. pillars to lift to the target level: the cheapest ones (fewest criteria to raise)
  const band = [...rule.pillarBands].sort((a, b) => a.level - b.level).find((b) => b.level === target - 1);
  const pillarSums = sumPillars(from);
  const needUnits = (p: number) => {
    if (!band) return 0;
    const bound = Math.round(band.upToPercent * 100) * c.pillarMaxUnits[p]!;
    return Math.floor(bound / 10000) + 1; // smallest units strictly above the band
  };
  const already = pillarSums.filter((u, p) => pillarLevelOf(rule, u, c.pillarMaxUnits[p]!) >= target).length;
  const candidates = [...Array(pillarCount).keys()]
    .filter((p) => pillarLevelOf(rule, pillarSums[p]!, c.pillarMaxUnits[p]!) < target)
    .map((p) => {
      const deficit = needUnits(p) - pillarSums[p]!;
      let covered = 0;
      let count = 0;
      for (const i of byHeadroom(itemsOfPillar(p), from)) {
        if (covered >= deficit) break;
        covered += maxUnitsOf(i) - from[i]!;
        count++;
      }
      return { p, deficit, count, feasible: covered >= deficit };
    })
    .filter((x) => x.feasible)
    .sort((a, b) => a.count - b.count || a.deficit - b.deficit || a.p - b.p);
  const more = Math.max(0, condition.minPillarsAtLevel - already);
  if (candidates.length < more) {
    return {
      ...base, targetLevel: target, reachable: false,
      reason: { vi: `Không thể đưa đủ ${condition.minPillarsAtLevel} trụ cột lên mức ${target}.`, en: `Not enough pillars can reach level ${target} (needs ${condition.minPillarsAtLevel}).` },
      why, steps: [], pointsAdded: 0, improvedAnswers: null, result: null,
    };
  }
  for (const { p, deficit } of candidates.slice(0, more)) {
    let left = deficit;
    for (const i of byHeadroom(itemsOfPillar(p), to)) {
      if (left <= 0) break;
      const raised = nextAllowed(c, i, to[i]! + left);
      left -= raised - to[i]!;
      to[i] = raised;
    }
  }

  // 2. total points: extend planned raises first (no new step), then new criteria by headroom
  const totalNeed = condition.totalAbove * c.factor + 1;
  let total = to.reduce((a, b) => a + b, 0);
  const planned = () => [...Array(n).keys()].filter((i) => to[i] !== from[i]);
  const unplanned = () => [...Array(n).keys()].filter((i) => to[i] === from[i]);
  for (const pool of [planned, unplanned]) {
    for (const i of byHeadroom(pool(), to)) {
      if (total >= totalNeed) break;
      const raised = nextAllowed(c, i, to[i]! + (totalNeed - total));
      total += raised - to[i]!;
      to[i] = raised;
    }
  }
  if (levelOf(to) < target) {
    return {
      ...base, targetLevel: target, reachable: false,
      reason: { vi: `Không thể đạt mức ${target} với thang điểm hiện có.`, en: `Level ${target} cannot be reached on this framework's scales.` },
      why, steps: [], pointsAdded: 0, improvedAnswers: null, result: null,
    };
  }

  // 3. minimality: drop every step that is not needed, then lower each step as far as it can go
  let changed = true;
  while (changed) {
    changed = false;
    for (const i of planned().sort((a, b) => to[a]! - from[a]! - (to[b]! - from[b]!))) {
      const keep = to[i]!;
      to[i] = from[i]!;
      if (levelOf(to) >= target) changed = true;
      else to[i] = keep;
    }
  }
  for (const i of planned()) {
    const options_ = (allowedUnits(c, i) ?? [to[i]!]).filter((v) => v > from[i]! && v < to[i]!);
    for (const v of options_) {
      const keep = to[i]!;
      to[i] = v;
      if (levelOf(to) >= target) break;
      to[i] = keep;
    }
  }

  const steps: DbiGapStep[] = planned().map((i) => {
    const item = c.items[i]!;
    const criterion = framework.pillars[item.pillarIndex]!.components.flatMap((k) => k.criteria).find((k) => k.id === item.id);
    return {
      criterion: item.id,
      name: criterion?.name ?? framework.pillars[item.pillarIndex]!.name,
      pillar: framework.pillars[item.pillarIndex]!.id,
      from: from[i]! / c.factor,
      to: to[i]! / c.factor,
      gain: (to[i]! - from[i]!) / c.factor,
    };
  });
  const result = dbiResultFromUnits(c, sumPillars(to));
  return {
    ...base, targetLevel: target, reachable: true, reason: null, why, steps,
    pointsAdded: steps.reduce((s, x) => s + Math.round(x.gain * c.factor), 0) / c.factor,
    improvedAnswers: answersFrom(c, to), result,
  };
}

function answersFrom(c: CompiledDbi, units: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  c.items.forEach((item, i) => {
    out[item.id] = units[i]! / c.factor;
  });
  return out;
}
