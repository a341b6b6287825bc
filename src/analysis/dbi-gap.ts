/**
 * DBI gap analysis, on every framework: why an enterprise is at its level, and a small, concrete
 * plan (which answers to raise, to which answer) that reaches a target level when the improved
 * answers are re-scored, under every level condition of the framework.
 *
 * What a step may change (documented in docs/framework-format.md, "Gap analysis"):
 * - a criterion answered in points: to a higher value of its scale (a pillar-level answer up to the
 *   pillar maximum);
 * - single choice: to an option that gives more points;
 * - multiple choice: add options (the highest-scoring first; an exclusive option chosen is
 *   replaced), or choose an exclusive option that gives more points alone;
 * - a figure: up to the least figure of a threshold that gives more points (never down);
 * - an answer "n/a" is never changed: the criterion does not apply to the enterprise.
 *
 * How the plan is found, in exact arithmetic on the framework's model:
 * 1. what the target asks: the floors of the level conditions that would cap below it (every
 *    pillar they look at up to its floor), then the rule's own conditions;
 * 2. under the 1970 rule (pillar bands and a count of pillars): the pillars below a floor are lifted
 *    to it, then the pillars that need the fewest criteria raised until enough are at the target
 *    band, then the total, extending planned raises first, each criterion raised by headroom;
 *    under percentage bands: while the target is not reached, the one answer change that gains the
 *    most, the gain read first on the level conditions' shortfall, then on the overall percentage
 *    (ties to the earlier criterion, then the smaller change);
 * 3. should that not reach the target, every answer at its best; a target even that misses is
 *    reported unreachable, with the reason;
 * 4. the plan is made minimal: every step that can be undone with the target still reached is
 *    undone (smallest gain first), and each step is lowered to the least answer that still reaches it.
 * Every trial is a re-scoring of the whole assessment by the scorer's own tally and level rule, so
 * the plan's `result` is what `scoreDbi` gives for `improvedAnswers`.
 */
import * as X from '../arithmetic/decimal.js';
import { addF, compareF, decimalF, fraction, ZERO, type Fraction } from '../arithmetic/fraction.js';
import { readAnswer, readDbiAssessment, type DbiAnswerInput } from '../assessment/dbi-answers.js';
import type { CompiledDbi, DbiInput, DbiItem } from '../assessment/dbi-input.js';
import { num, obj, optional, parse, sameType, type Equal, type Infer } from '../assessment/check.js';
import { readOnce } from '../assessment/snapshot.js';
import { viNumber, type Localized } from '../errors.js';
import { resolveDbiFramework, type DbiFrameworkRef } from '../framework/dbi/index.js';
import { findOption } from '../framework/dbi-criterion.js';
import type { DbiAnswer, DbiFramework, DbiLevelCap, DbiLevelRule } from '../framework/schema.js';
import {
  capFloorText, capShortfallText, levelsOf, overallLevelDetail, percentNearBound, pillarLevelOf, pillarUnitsForLevel, unitsForPercent, type DbiLevels,
} from '../level/dbi-level.js';
import { dbiResultOf, extendedResult, tally, type DbiAssessment, type DbiResult, type DbiTally } from '../score/score-dbi.js';

type BandRule = Extract<DbiLevelRule, { kind: 'pillar-bands-and-count' }>;
type PercentRule = Extract<DbiLevelRule, { kind: 'total-percent-bands' }>;

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

/** A level condition that holds the enterprise below the next level: the floor it asks, and who is below it. */
export interface DbiCapShortfall {
  /** The level the condition allows at most while it holds. */
  readonly atMost: number;
  /** The pillars below its floor. */
  readonly pillars: readonly string[];
  /** "mọi trụ cột đạt từ 20% trở lên (hiện Chiến lược 15%)" / "every pillar at 20% or more (now Strategy 15%)". */
  readonly message: Localized;
}

/** Why the enterprise is not yet at the next level, under a `total-percent-bands` rule. */
export interface DbiPercentLevelExplanation {
  readonly nextLevel: number;
  /** `percent`: the overall percentage is below the next band; `cap`: a level condition holds. */
  readonly binding: readonly ('percent' | 'cap')[];
  /** The overall percentage now (2 decimals) and the next band's lower bound and whether it is inclusive. */
  readonly percent: { readonly now: number; readonly from: number; readonly fromInclusive: boolean };
  /** The level conditions that hold the enterprise below the next level (present when `binding` has `cap`). */
  readonly caps?: readonly DbiCapShortfall[];
  readonly message: Localized;
}

/** Why the enterprise is not yet at the next level. */
export interface DbiLevelExplanation {
  readonly nextLevel: number;
  /** The conditions of the next level that fail: `total` points, the number of `pillars`, a level condition (`cap`). */
  readonly binding: readonly ('total' | 'pillars' | 'cap')[];
  readonly total: { readonly points: number; readonly mustBeAbove: number };
  readonly pillars: { readonly atLevel: number; readonly required: number };
  /** The level conditions that hold the enterprise below the next level (present when `binding` has `cap`). */
  readonly caps?: readonly DbiCapShortfall[];
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
   * pillar count of a `pillar-bands-and-count` rule, or the percentage a `total-percent-bands` rule
   * needs, and the level conditions that hold).
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

// ---------------------------------------------------------------- why

/** The level conditions that would cap below `level`, with who is below their floor now. */
function capShortfalls(f: DbiFramework, t: DbiTally, levels: DbiLevels, level: number): DbiCapShortfall[] {
  return levels.holding
    .filter((h) => h.cap.atMost < level)
    .map((h) => {
      const floor = capFloorText(f, h.cap);
      const now = capShortfallText(f, h, t, levels.pillarLevels);
      return {
        atMost: h.cap.atMost,
        pillars: h.pillars.map((p) => f.pillars[p]!.id),
        message: { vi: `${floor.vi} (hiện ${now.vi})`, en: `${floor.en} (now ${now.en})` },
      };
    });
}

/** "Level N needs a and b." in both languages: the rule's conditions that fail, then the level conditions that hold. */
function needs(level: number, parts: { readonly en: readonly string[]; readonly vi: readonly string[] }, caps: readonly DbiCapShortfall[]): Localized {
  const en = [...parts.en, ...caps.map((c) => c.message.en)];
  const vi = [...parts.vi, ...caps.map((c) => c.message.vi)];
  return { en: `Level ${level} needs ${en.join(' and ')}.`, vi: `Mức ${level} cần ${vi.join(' và ')}.` };
}

function explainBands(f: DbiFramework, rule: BandRule, t: DbiTally, levels: DbiLevels, level: number): DbiLevelExplanation | null {
  const detail = overallLevelDetail(rule, t.totalUnits, t.factor, levels.pillarLevels.flatMap((l) => (l === null ? [] : [l])));
  const next = detail.conditions.find((c) => c.level === level + 1);
  if (!next) return null;
  const caps = capShortfalls(f, t, levels, next.level);
  const binding: ('total' | 'pillars' | 'cap')[] = [];
  if (!next.totalMet) binding.push('total');
  if (!next.pillarsMet) binding.push('pillars');
  if (caps.length > 0) binding.push('cap');
  const points = t.totalUnits / t.factor;
  const parts = { en: [] as string[], vi: [] as string[] };
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
    ...(caps.length > 0 ? { caps } : {}),
    message: needs(next.level, parts, caps),
  };
}

function explainPercent(f: DbiFramework, rule: PercentRule, t: DbiTally, levels: DbiLevels, current: DbiResult): DbiPercentLevelExplanation | null {
  const next = rule.bands.filter((b) => current.level !== null && b.level > current.level).sort((a, b) => a.level - b.level)[0];
  if (!next) return null;
  const caps = capShortfalls(f, t, levels, next.level);
  const pct = t.overallPercent();
  const cmp = compareF(pct, decimalF(next.fromPercent));
  const percentMet = cmp > 0 || (cmp === 0 && next.fromInclusive);
  const binding: ('percent' | 'cap')[] = [];
  const parts = { en: [] as string[], vi: [] as string[] };
  if (!percentMet) {
    binding.push('percent');
    const op = next.fromInclusive
      ? { en: `of at least ${next.fromPercent}%`, vi: `từ ${viNumber(next.fromPercent)}% trở lên` }
      : { en: `above ${next.fromPercent}%`, vi: `trên ${viNumber(next.fromPercent)}%` };
    parts.en.push(`an overall percentage ${op.en} (now ${percentNearBound(pct, next.fromPercent, 'en')})`);
    parts.vi.push(`tỷ lệ chung ${op.vi} (hiện ${percentNearBound(pct, next.fromPercent, 'vi')})`);
  }
  if (caps.length > 0) binding.push('cap');
  return {
    nextLevel: next.level,
    binding,
    percent: { now: current.percent, from: next.fromPercent, fromInclusive: next.fromInclusive },
    ...(caps.length > 0 ? { caps } : {}),
    message: needs(next.level, parts, caps),
  };
}

// ---------------------------------------------------------------- moves

/** A higher answer of one item and the points it gives, in units. */
interface Move {
  readonly answer: DbiAnswerInput;
  readonly units: number;
}

/** An item answered by any value of a range (a `range` scale, a pillar-level answer): raised and lowered by value. */
function isRange(item: DbiItem): boolean {
  return item.criterion?.answer === undefined && item.rule.steps === undefined;
}

/** The points of a range item's units, as an answer. */
function rangeAnswer(model: CompiledDbi, units: number): number {
  return Number(X.toPlainString(X.divide(X.exact(units), model.factor)));
}

/** The higher answers an item may move to from `current` units, ascending by points (one per points value). */
function movesOf(model: CompiledDbi, item: DbiItem, raw: unknown, current: number): Move[] {
  const candidates: DbiAnswerInput[] = [];
  const answer = item.criterion?.answer;
  if (!answer) {
    // points: every higher step, or every value of a short range (otherwise its maximum, lowered
    // by bisection later), each already on the item's scale
    const points: number[] = [];
    if (item.rule.steps) points.push(...item.rule.steps);
    else {
      const tick = 10 ** (model.decimals - (item.rule.decimals ?? 0));
      if ((item.maxUnits - current) / tick > 200) points.push(item.rule.max);
      else for (let u = Math.floor(current / tick) * tick + tick; u <= item.maxUnits; u += tick) points.push(rangeAnswer(model, u));
    }
    return points
      .map((p) => ({ answer: p, units: Math.round(p * model.factor) }))
      .filter((m, i, all) => m.units > current && all.findIndex((x) => x.units === m.units) === i)
      .sort((a, b) => a.units - b.units);
  } else if (answer.kind === 'single') candidates.push(...answer.options.map((o) => o.id));
  else if (answer.kind === 'multiple') candidates.push(...multipleCandidates(answer, raw as readonly string[]));
  else {
    const figure = X.exact(typeof raw === 'string' ? raw.trim() : (raw as number));
    const tick = X.exact(`1e-${answer.decimals}`);
    for (const t of answer.thresholds) {
      const least = t.inclusive ? X.exact(t.from) : X.add(X.exact(t.from), tick);
      const start = X.compare(least, X.exact(answer.min)) < 0 ? X.exact(answer.min) : least;
      if (X.compare(start, figure) > 0 && X.compare(start, X.exact(answer.max)) <= 0) candidates.push(Number(X.toPlainString(start)));
    }
  }
  const byUnits = new Map<number, Move>();
  for (const a of candidates) {
    const u = readAnswer(model, item, a, []);
    if (typeof u === 'number' && u > current && !byUnits.has(u)) byUnits.set(u, { answer: a, units: u });
  }
  return [...byUnits.values()].sort((a, b) => a.units - b.units);
}

/** Answers of a multiple-choice criterion: the current options plus the best remaining ones, or an exclusive option alone. */
function multipleCandidates(answer: Extract<DbiAnswer, { kind: 'multiple' }>, given: readonly string[]): string[][] {
  // the options chosen, by id (an answer may name them by their letter)
  const current = given.map((g) => findOption(answer.options, g)?.id ?? g);
  const exclusiveChosen = current.some((id) => answer.options.find((o) => o.id === id)?.exclusive);
  const base = exclusiveChosen ? [] : [...current];
  const rest = answer.options
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => !o.exclusive && !base.includes(o.id))
    .sort((a, b) => b.o.points - a.o.points || a.i - b.i);
  const inOrder = (ids: readonly string[]) => answer.options.map((o) => o.id).filter((id) => ids.includes(id));
  const out: string[][] = [];
  for (let k = 1; k <= rest.length; k++) out.push(inOrder([...base, ...rest.slice(0, k).map((x) => x.o.id)]));
  for (const o of answer.options) if (o.exclusive) out.push([o.id]);
  return out;
}

// ---------------------------------------------------------------- the plan

/**
 * Explains an enterprise's level and plans the smallest set of answer raises that reaches a target
 * level, on every DBI framework and under every level condition: on a questionnaire framework the
 * steps are answer changes (see docs/framework-format.md, "Gap analysis"), and the input names its
 * `sector` where the framework has sector parts.
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
  const f = resolveDbiFramework(frameworkOrId);
  const read = readDbiAssessment(f, input);
  const model = read.model;
  const rawAnswers = (input as { answers: Record<string, DbiAnswerInput> }).answers;
  const t0 = tally(model, read.units);
  const current = dbiResultOf(model, read.units, read, t0);
  const extended = extendedResult(f);
  const base = { framework: f.id, current, currentLevel: current.level };
  const none = { steps: [] as DbiGapStep[], pointsAdded: 0, improvedAnswers: null, result: null };
  const rule = f.levelRule;
  if (rule.kind === 'none') return { ...base, targetLevel: options.targetLevel ?? null, reachable: false, reason: rule.reason, why: null, ...none };

  const items = model.items;
  const n = items.length;
  const from = read.units.map((u) => (u === undefined ? null : u));
  const raw = items.map((item) => rawAnswers[item.id]!);
  const levelsNow = levelsOf(f, t0);
  const currentLevel = current.level as number;
  const why = rule.kind === 'total-percent-bands' ? explainPercent(f, rule, t0, levelsNow, current) : explainBands(f, rule, t0, levelsNow, currentLevel);
  const target = options.targetLevel ?? currentLevel + 1;
  const ruleLevels = rule.kind === 'total-percent-bands' ? rule.bands.map((b) => b.level) : rule.overall.map((o) => o.level);
  const maxLevel = Math.max(...(rule.kind === 'total-percent-bands' ? ruleLevels : [...rule.pillarBands.map((b) => b.level), ...ruleLevels]));

  /** The answers as given, or (on a framework answered in points) every answer as its points. */
  const answersOf = (units: readonly (number | null)[], answers: readonly DbiAnswerInput[]): Record<string, DbiAnswerInput> => {
    if (extended) {
      const out: Record<string, DbiAnswerInput> = { ...rawAnswers };
      items.forEach((item, i) => {
        if (units[i] !== from[i]) out[item.id] = answers[i]!;
      });
      return out;
    }
    return Object.fromEntries(items.map((item, i) => [item.id, units[i]! / model.factor]));
  };

  if (target <= currentLevel) {
    return {
      ...base, targetLevel: target, reachable: true,
      reason: { vi: `Doanh nghiệp đã đạt mức ${currentLevel}.`, en: `The enterprise is already at level ${currentLevel}.` },
      why, steps: [], pointsAdded: 0, improvedAnswers: answersOf(from, raw), result: current,
    };
  }
  if (!ruleLevels.includes(target)) {
    return {
      ...base, targetLevel: target, reachable: false,
      reason: { vi: `Mức ${target} không có trong quy tắc xếp mức (cao nhất: ${maxLevel}).`, en: `Level ${target} is not in the level rule (highest: ${maxLevel}).` },
      why, ...none,
    };
  }

  const tallyOf = (units: readonly (number | null)[]) => tally(model, units);
  const levelOf = (units: readonly (number | null)[]): number => levelsOf(f, tallyOf(units)).level!;

  // the moves of each item from its answer as given, and the best it can reach
  const moves: Move[][] = items.map((item, i) => (from[i] === null ? [] : movesOf(model, item, raw[i], from[i]!)));
  const best = from.map((u, i) => (u === null ? null : Math.max(u, ...moves[i]!.map((m) => m.units))));
  const to = [...from];
  const answers = [...raw];

  /** Raises item i to the least answer worth at least `need` units (its best where none is). */
  const raiseTo = (i: number, need: number): void => {
    const item = items[i]!;
    if (to[i] === null || need <= to[i]!) return;
    if (isRange(item)) {
      const tick = 10 ** (model.decimals - (item.rule.decimals ?? 0));
      const u = Math.min(Math.ceil(need / tick) * tick, item.maxUnits);
      if (u > to[i]!) {
        to[i] = u;
        answers[i] = rangeAnswer(model, u);
      }
      return;
    }
    const m = moves[i]!.find((x) => x.units >= need) ?? moves[i]![moves[i]!.length - 1];
    if (m && m.units > to[i]!) {
      to[i] = m.units;
      answers[i] = m.answer;
    }
  };
  const headroom = (i: number) => (to[i] === null ? -1 : best[i]! - to[i]!);
  const byHeadroom = (list: readonly number[]) => [...list].sort((a, b) => headroom(b) - headroom(a) || a - b);
  // each pillar's answered items (an "n/a" stays one)
  const pillarItems = f.pillars.map((_, p) => [...Array(n).keys()].filter((i) => items[i]!.pillarIndex === p && from[i] !== null));
  const itemsOfPillar = (p: number) => pillarItems[p]!;
  const pillarSum = (p: number) => pillarItems[p]!.reduce((s, i) => s + to[i]!, 0);
  /** Raises a pillar's criteria, those with the most headroom first, until the pillar has `need` units. */
  const liftPillar = (p: number, need: number) => {
    let left = need - pillarSum(p);
    for (const i of byHeadroom(itemsOfPillar(p))) {
      if (left <= 0) break;
      const before = to[i]!;
      raiseTo(i, before + left);
      left -= to[i]! - before;
    }
  };
  const caps = (rule.caps ?? []).filter((c) => c.atMost < target);

  if (rule.kind === 'pillar-bands-and-count') {
    planBands(f, rule, model, target, caps, { from, to, best, liftPillar, pillarSum, byHeadroom, raiseTo, itemsOfPillar });
  } else {
    planPercent(f, rule, target, caps, tallyOf, levelOf, { to, answers, moves });
  }
  if (levelOf(to) < target) {
    // every answer at its best: the target is reachable exactly when this reaches it (levels only
    // rise with answers), and the minimal plan below is then cut from it
    for (let i = 0; i < n; i++) if (to[i] !== null) raiseTo(i, best[i]!);
  }
  if (levelOf(to) < target) {
    const reached = levelOf(to);
    const na = from.filter((u) => u === null).length;
    return {
      ...base, targetLevel: target, reachable: false,
      reason: {
        vi: `Không thể đạt mức ${target}: kể cả khi mọi câu trả lời ở mức cao nhất, doanh nghiệp chỉ đạt mức ${reached}${na > 0 ? ` (${na} tiêu chí "không áp dụng" được giữ nguyên)` : ''}.`,
        en: `Level ${target} cannot be reached: even with every answer at its best the enterprise reaches level ${reached}${na > 0 ? ` (${na === 1 ? 'one "not applicable" criterion kept as it is' : `${na} "not applicable" criteria kept as they are`})` : ''}.`,
      },
      why, ...none,
    };
  }

  // minimality: undo every step not needed (smallest gain first), then lower each to the least answer that suffices
  const changed = () => [...Array(n).keys()].filter((i) => to[i] !== from[i]);
  let undone = true;
  while (undone) {
    undone = false;
    for (const i of changed().sort((a, b) => to[a]! - from[a]! - (to[b]! - from[b]!) || a - b)) {
      const keep = to[i];
      to[i] = from[i]!;
      if (levelOf(to) >= target) {
        answers[i] = raw[i]!;
        undone = true;
      } else to[i] = keep!;
    }
  }
  for (const i of changed()) {
    const item = items[i]!;
    if (isRange(item)) {
      // the least value (in its decimals) that suffices, by bisection (the level only rises with it)
      const tick = 10 ** (model.decimals - (item.rule.decimals ?? 0));
      let lo = Math.floor(from[i]! / tick) + 1;
      let hi = to[i]! / tick;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        to[i] = mid * tick;
        if (levelOf(to) >= target) hi = mid;
        else lo = mid + 1;
      }
      to[i] = hi * tick;
      answers[i] = rangeAnswer(model, to[i]!);
      continue;
    }
    const keep = { units: to[i]!, answer: answers[i]! };
    const enough = moves[i]!.filter((m) => m.units < keep.units).find((m) => {
      to[i] = m.units;
      return levelOf(to) >= target;
    });
    const chosen = enough ?? keep;
    to[i] = chosen.units;
    answers[i] = chosen.answer;
  }

  const steps: DbiGapStep[] = changed().map((i) => {
    const item = items[i]!;
    const pillar = f.pillars[item.pillarIndex]!;
    const step: DbiGapStep = {
      criterion: item.id,
      name: item.criterion?.name ?? pillar.name,
      pillar: pillar.id,
      from: from[i]! / model.factor,
      to: to[i]! / model.factor,
      gain: (to[i]! - from[i]!) / model.factor,
    };
    return extended ? { ...step, fromAnswer: raw[i]!, toAnswer: answers[i]! } : step;
  });
  return {
    ...base, targetLevel: target, reachable: true, reason: null, why, steps,
    pointsAdded: changed().reduce((s, i) => s + to[i]! - from[i]!, 0) / model.factor,
    improvedAnswers: answersOf(to, answers),
    result: dbiResultOf(model, to, read),
  };
}

/** The units a pillar needs to meet a level condition's floor (0 where it already does or does not apply). */
function capFloorUnits(rule: BandRule | PercentRule, cap: DbiLevelCap, maxUnits: number): number {
  if (maxUnits <= 0) return 0;
  if (cap.anyPillarBelowPercent !== undefined) return unitsForPercent(cap.anyPillarBelowPercent, maxUnits);
  return rule.kind === 'pillar-bands-and-count' ? pillarUnitsForLevel(rule, cap.anyPillarBelowLevel!, maxUnits) : 0;
}

interface BandsState {
  readonly from: readonly (number | null)[];
  readonly to: (number | null)[];
  readonly best: readonly (number | null)[];
  readonly liftPillar: (p: number, need: number) => void;
  readonly pillarSum: (p: number) => number;
  readonly byHeadroom: (list: readonly number[]) => number[];
  readonly raiseTo: (i: number, need: number) => void;
  readonly itemsOfPillar: (p: number) => number[];
}

/**
 * The 1970 rule: the pillars below a level condition's floor up to it; then the pillars that need
 * the fewest criteria raised until enough are at the target band; then the total, extending
 * planned raises first (no new step), then new criteria by headroom.
 */
function planBands(f: DbiFramework, rule: BandRule, model: CompiledDbi, target: number, caps: readonly DbiLevelCap[], s: BandsState): void {
  const P = f.pillars.length;
  const maxima = f.pillars.map((_, p) => s.itemsOfPillar(p).reduce((sum, i) => sum + model.items[i]!.maxUnits, 0));
  const pillarMax = (p: number) => maxima[p]!;
  for (const cap of caps) {
    const pillars = cap.pillars ? cap.pillars.map((id) => f.pillars.findIndex((p) => p.id === id)) : [...Array(P).keys()];
    for (const p of pillars) {
      const need = capFloorUnits(rule, cap, pillarMax(p));
      if (need > s.pillarSum(p)) s.liftPillar(p, need);
    }
  }
  const condition = rule.overall.find((o) => o.level === target)!;
  const applicable = [...Array(P).keys()].filter((p) => pillarMax(p) > 0);
  const levelNow = (p: number) => pillarLevelOf(rule, s.pillarSum(p), pillarMax(p));
  const already = applicable.filter((p) => levelNow(p) >= target).length;
  const candidates = applicable
    .filter((p) => levelNow(p) < target)
    .map((p) => {
      const deficit = pillarUnitsForLevel(rule, target, pillarMax(p)) - s.pillarSum(p);
      let covered = 0;
      let count = 0;
      for (const i of s.byHeadroom(s.itemsOfPillar(p))) {
        if (covered >= deficit) break;
        covered += s.best[i]! - s.to[i]!;
        count++;
      }
      return { p, deficit, count, feasible: covered >= deficit };
    })
    .filter((x) => x.feasible)
    .sort((a, b) => a.count - b.count || a.deficit - b.deficit || a.p - b.p);
  const more = Math.max(0, condition.minPillarsAtLevel - already);
  for (const { p } of candidates.slice(0, more)) s.liftPillar(p, pillarUnitsForLevel(rule, target, pillarMax(p)));

  const totalNeed = condition.totalAbove * model.factor + 1;
  let total = s.to.reduce<number>((a, b) => a + (b ?? 0), 0);
  const n = s.to.length;
  for (const planned of [true, false]) {
    const pool = [...Array(n).keys()].filter((i) => s.to[i] !== null && (s.to[i] !== s.from[i]) === planned);
    for (const i of s.byHeadroom(pool)) {
      if (total >= totalNeed) break;
      const before = s.to[i]!;
      s.raiseTo(i, before + (totalNeed - total));
      total += s.to[i]! - before;
    }
  }
}

interface PercentState {
  readonly to: (number | null)[];
  readonly answers: DbiAnswerInput[];
  readonly moves: readonly (readonly Move[])[];
}

/**
 * Percentage bands: while the target is not reached, the one answer change that gains the most,
 * read first on the shortfall of the level conditions below the target (the sum, over the pillars
 * they look at, of the percentage points each lacks), then on the overall percentage. Ties go to
 * the earlier criterion, then to the smaller change.
 */
function planPercent(
  f: DbiFramework, rule: PercentRule, target: number, caps: readonly DbiLevelCap[],
  tallyOf: (units: readonly (number | null)[]) => DbiTally, levelOf: (units: readonly (number | null)[]) => number, s: PercentState,
): void {
  const P = f.pillars.length;
  const floorOf = (cap: DbiLevelCap): Fraction =>
    decimalF(cap.anyPillarBelowPercent ?? rule.bands.find((b) => b.level === cap.anyPillarBelowLevel)?.fromPercent ?? 0);
  /** [shortfall of the level conditions, overall percentage] */
  const progress = (units: readonly (number | null)[]): [Fraction, Fraction] => {
    const t = tallyOf(units);
    let short = ZERO;
    for (const cap of caps) {
      const floor = floorOf(cap);
      const pillars = cap.pillars ? cap.pillars.map((id) => f.pillars.findIndex((p) => p.id === id)) : [...Array(P).keys()];
      for (const p of pillars) {
        const pct = t.pillarMaxUnits[p]! > 0 ? t.pillarPercent(p) : null;
        if (pct && compareF(pct, floor) < 0) short = addF(short, fraction(floor.n * pct.d - pct.n * floor.d, floor.d * pct.d));
      }
    }
    return [short, t.overallPercent()];
  };
  const n = s.to.length;
  const tried: (number | null)[] = [...s.to];
  const currentMoves = (i: number) => (s.to[i] === null ? [] : s.moves[i]!.filter((m) => m.units > s.to[i]!));
  while (levelOf(s.to) < target) {
    const [shortNow, pctNow] = progress(s.to);
    let bestStep: { i: number; move: Move; short: Fraction; pct: Fraction } | null = null;
    for (let i = 0; i < n; i++) {
      for (const move of currentMoves(i)) {
        for (let k = 0; k < n; k++) tried[k] = s.to[k]!;
        tried[i] = move.units;
        const [short, pct] = progress(tried);
        const better = !bestStep || compareF(short, bestStep.short) < 0 || (compareF(short, bestStep.short) === 0 && compareF(pct, bestStep.pct) > 0);
        const gains = compareF(short, shortNow) < 0 || (compareF(short, shortNow) === 0 && compareF(pct, pctNow) > 0);
        if (gains && better) bestStep = { i, move, short, pct };
      }
    }
    if (!bestStep) return;
    s.to[bestStep.i] = bestStep.move.units;
    s.answers[bestStep.i] = bestStep.move.answer;
  }
}
