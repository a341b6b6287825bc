/**
 * DBI gap analysis on frameworks beyond the 1970 model: questionnaire criteria, "not applicable"
 * answers, sector parts, mean or weighted aggregation, the `total-percent-bands` level rule (and the
 * 1970 rule on such frameworks). The plan is a list of answer changes; re-scoring the improved
 * answers with `scoreDbi` reaches the target level.
 *
 * What a step may change (decided here, documented in docs/framework-format.md):
 * - a criterion answered in points: to a higher value of its scale;
 * - single choice: to an option that gives more points;
 * - multiple choice: add options (the highest-scoring first; an exclusive option chosen is
 *   replaced), or choose an exclusive option that gives more points alone;
 * - a figure: up to the least figure of a threshold that gives more points (never down);
 * - an answer "n/a" is never changed: the criterion does not apply to the enterprise, and no option
 *   says how it could (a plan cannot make a criterion applicable);
 * - a pillar-level answer: up to the pillar maximum.
 *
 * The rule (greedy, exact): while the target is not reached, take the one answer change that gains
 * the most, where the gain is measured in what the level rule reads: the overall percentage for
 * `total-percent-bands` (an exact fraction), or, for `pillar-bands-and-count`, the points still
 * missing (the total's shortfall plus the shortfalls of the pillars nearest the target band, in
 * exact units). Ties go to the earlier criterion, then to the smaller change. Then the plan is made
 * minimal: every step that can be undone with the target still reached is undone (smallest gain
 * first), and each step is lowered to the least answer that still reaches it.
 *
 * @internal
 */
import * as X from '../arithmetic/decimal.js';
import { viNumber } from '../errors.js';
import type { DbiCriterion, DbiFramework, DbiLevelRule } from '../framework/schema.js';
import { overallLevelOf, pillarLevelOf } from '../level/dbi-level.js';
import {
  aggregate, compareF, decimalF, fraction, parseAnswer, parseGeneral, resultOf,
  type DbiAnswerInput, type Fraction, type Item, type Parsed, type Plan,
} from '../score/score-dbi-general.js';
import type { DbiResult } from '../score/score-dbi.js';
import type { DbiGap, DbiGapStep, DbiLevelExplanation, DbiPercentLevelExplanation } from './dbi-gap.js';

type BandRule = Extract<DbiLevelRule, { kind: 'pillar-bands-and-count' }>;
type PercentRule = Extract<DbiLevelRule, { kind: 'total-percent-bands' }>;

/** A higher answer of one criterion and the points it gives, in units. */
interface Move {
  readonly answer: DbiAnswerInput;
  readonly units: number;
}

/** The higher answers a criterion may move to from `current`, ascending by points (one per points value). */
function movesOf(plan: Plan, item: Item, raw: unknown, current: number): Move[] {
  const read = (answer: DbiAnswerInput): Move | null => {
    const p = parseAnswer(plan, item, answer, []);
    return 'units' in p && p.units > current ? { answer, units: p.units } : null;
  };
  const candidates: DbiAnswerInput[] = [];
  const c = item.criterion;
  if (!c || c.scale) {
    // points: every higher step, or (a range, a pillar-level answer) each value up to the maximum
    if (c?.scale?.kind === 'steps') candidates.push(...c.scale.values);
    else candidates.push(...rangeValues(plan, item, current));
  } else {
    const answer = c.answer!;
    if (answer.kind === 'single') candidates.push(...answer.options.map((o) => o.id));
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
  }
  const byUnits = new Map<number, Move>();
  for (const answer of candidates) {
    const m = read(answer);
    if (m && !byUnits.has(m.units)) byUnits.set(m.units, m);
  }
  return [...byUnits.values()].sort((a, b) => a.units - b.units);
}

/** The values of a range (or a pillar-level answer) above `current`, in its own decimals. */
function rangeValues(plan: Plan, item: Item, current: number): number[] {
  const rule = item.rule!;
  const decimals = rule.decimals ?? 0;
  const tick = 10 ** (plan.decimals - decimals);
  const maxUnits = Math.round(rule.max * plan.factor);
  const values: number[] = [];
  // every value is listed only for short ranges; otherwise the maximum (lowered by bisection later)
  if ((maxUnits - current) / tick > 200) return [rule.max];
  for (let u = Math.floor(current / tick) * tick + tick; u <= maxUnits; u += tick) values.push(Number(X.toPlainString(X.divide(X.exact(u), plan.factor))));
  return values;
}

/** Answers of a multiple-choice criterion: the current options plus the best remaining ones, or an exclusive option alone. */
function multipleCandidates(answer: Extract<NonNullable<DbiCriterion['answer']>, { kind: 'multiple' }>, current: readonly string[]): string[][] {
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

/** The smallest units strictly above the highest band below `target`, per pillar maximum. */
function pillarNeed(rule: BandRule, target: number, maxUnits: number): number {
  const below = rule.pillarBands.filter((b) => b.level < target).map((b) => Math.round(b.upToPercent * 100));
  if (below.length === 0) return 0;
  return Math.floor((Math.max(...below) * maxUnits) / 10000) + 1;
}

const fmt = (n: number) => String(n);

/** Why the current level is what it is, under a percentage band rule. */
function explainPercent(rule: PercentRule, current: DbiResult): DbiPercentLevelExplanation | null {
  const next = rule.bands.filter((b) => current.level !== null && b.level > current.level).sort((a, b) => a.level - b.level)[0];
  if (!next) return null;
  const op = next.fromInclusive
    ? { en: `of at least ${fmt(next.fromPercent)}%`, vi: `từ ${viNumber(next.fromPercent)}% trở lên` }
    : { en: `above ${fmt(next.fromPercent)}%`, vi: `trên ${viNumber(next.fromPercent)}%` };
  return {
    nextLevel: next.level,
    binding: ['percent'],
    percent: { now: current.percent, from: next.fromPercent, fromInclusive: next.fromInclusive },
    message: {
      en: `Level ${next.level} needs an overall percentage ${op.en} (now ${fmt(current.percent)}%).`,
      vi: `Mức ${next.level} cần tỷ lệ chung ${op.vi} (hiện ${viNumber(current.percent)}%).`,
    },
  };
}

/**
 * Plans answer changes that reach a target level on a framework scored by the general path.
 * `explainBands` turns the 1970 rule's detail into the explanation the 1970 path gives.
 */
export function dbiGapGeneral(
  f: DbiFramework,
  input: unknown,
  targetLevel: number | undefined,
  explainBands: (rule: BandRule, totalUnits: number, factor: number, pillarLevels: readonly number[]) => DbiLevelExplanation | null,
): DbiGap {
  const { plan, parsed } = parseGeneral(f, input);
  const rawAnswers = (input as { answers: Record<string, DbiAnswerInput> }).answers;
  const current = resultOf(plan, parsed);
  const base = { framework: f.id, current, currentLevel: current.level };
  const none = { steps: [] as DbiGapStep[], pointsAdded: 0, improvedAnswers: null, result: null };
  const rule = f.levelRule;
  if (rule.kind === 'none') return { ...base, targetLevel: targetLevel ?? null, reachable: false, reason: rule.reason, why: null, ...none };

  const n = plan.items.length;
  const from = parsed.map((p) => ('units' in p ? p.units : null));
  const parsedOf = (units: readonly (number | null)[]): Parsed[] => units.map((u) => (u === null ? { notApplicable: true as const } : { units: u }));
  const levelOf = (units: readonly (number | null)[]): number => {
    const a = aggregate(plan, parsedOf(units), false);
    if (rule.kind === 'total-percent-bands') return bandLevel(rule, a.overall!);
    const levels = a.pillarMaxUnits.flatMap((m, p) => (m > 0 ? [pillarLevelOf(rule, a.pillarUnits[p]!, m)] : []));
    return overallLevelOf(rule, a.totalUnits, plan.factor, levels);
  };
  const currentLevel = current.level as number;
  const why =
    rule.kind === 'total-percent-bands'
      ? explainPercent(rule, current)
      : explainBands(rule, current.pillars.reduce((s, p) => s + Math.round(p.points * plan.factor), 0), plan.factor, current.pillars.flatMap((p) => (p.level === null ? [] : [p.level])));
  const target = targetLevel ?? currentLevel + 1;
  const levels = rule.kind === 'total-percent-bands' ? rule.bands.map((b) => b.level) : [...rule.pillarBands.map((b) => b.level), ...rule.overall.map((o) => o.level)];
  const overallLevels = rule.kind === 'total-percent-bands' ? levels : rule.overall.map((o) => o.level);
  const maxLevel = Math.max(...levels);

  if (target <= currentLevel) {
    return {
      ...base, targetLevel: target, reachable: true,
      reason: { vi: `Doanh nghiệp đã đạt mức ${currentLevel}.`, en: `The enterprise is already at level ${currentLevel}.` },
      why, steps: [], pointsAdded: 0, improvedAnswers: { ...rawAnswers }, result: current,
    };
  }
  if (!overallLevels.includes(target)) {
    return {
      ...base, targetLevel: target, reachable: false,
      reason: { vi: `Mức ${target} không có trong quy tắc xếp mức (cao nhất: ${maxLevel}).`, en: `Level ${target} is not in the level rule (highest: ${maxLevel}).` },
      why, ...none,
    };
  }

  const to = [...from];
  const answers: DbiAnswerInput[] = plan.items.map((item) => rawAnswers[item.id]!);
  // the moves of each answer, recomputed only for the answer a step changes
  const movesCache: (Move[] | undefined)[] = new Array(n);
  const moves = (i: number) => (movesCache[i] ??= to[i] === null ? [] : movesOf(plan, plan.items[i]!, answers[i], to[i]!));
  // the most each pillar can reach (every applicable answer at its best): a pillar that cannot
  // reach the target band is never counted among those to lift
  const ceiling = new Array<number>(f.pillars.length).fill(0);
  plan.items.forEach((item, i) => {
    if (from[i] !== null) ceiling[item.pillarIndex]! += Math.max(from[i]!, ...moves(i).map((m) => m.units));
  });
  const unreachablePillar = ceiling.reduce((a, b) => a + b, 0) + 1;

  // what the greedy step maximises: the overall percentage, or minus the points still missing
  const progress = (units: readonly (number | null)[]): Fraction => {
    const a = aggregate(plan, parsedOf(units), false);
    if (rule.kind === 'total-percent-bands') return a.overall!;
    const condition = rule.overall.find((o) => o.level === target)!;
    const totalShort = Math.max(0, condition.totalAbove * plan.factor + 1 - a.totalUnits);
    const pillarShort = a.pillarMaxUnits
      .flatMap((m, p) => {
        if (m === 0) return [];
        const need = pillarNeed(rule, target, m);
        return [ceiling[p]! < need ? unreachablePillar : Math.max(0, need - a.pillarUnits[p]!)];
      })
      .sort((x, y) => x - y)
      .slice(0, condition.minPillarsAtLevel)
      .reduce((s, x) => s + x, 0);
    return fraction(-BigInt(totalShort + pillarShort), 1n);
  };

  while (levelOf(to) < target) {
    const now = progress(to);
    let best: { i: number; move: Move; gain: Fraction } | null = null;
    for (let i = 0; i < n; i++) {
      for (const move of moves(i)) {
        const trial = [...to];
        trial[i] = move.units;
        const p = progress(trial);
        const gain = fraction(p.n * now.d - now.n * p.d, p.d * now.d);
        if (gain.n > 0n && (!best || compareF(gain, best.gain) > 0)) best = { i, move, gain };
      }
    }
    if (!best) break;
    to[best.i] = best.move.units;
    answers[best.i] = best.move.answer;
    movesCache[best.i] = undefined;
  }
  if (levelOf(to) < target) {
    const best = levelOf(from.map((u, i) => (u === null ? null : Math.max(u, ...movesOf(plan, plan.items[i]!, rawAnswers[plan.items[i]!.id], u).map((m) => m.units)))));
    const na = from.filter((u) => u === null).length;
    return {
      ...base, targetLevel: target, reachable: false,
      reason: {
        vi: `Không thể đạt mức ${target}: kể cả khi mọi câu trả lời ở mức cao nhất, doanh nghiệp chỉ đạt mức ${best}${na > 0 ? ` (${na} tiêu chí "không áp dụng" được giữ nguyên)` : ''}.`,
        en: `Level ${target} cannot be reached: even with every answer at its best the enterprise reaches level ${best}${na > 0 ? ` (${na === 1 ? 'one "not applicable" criterion kept as it is' : `${na} "not applicable" criteria kept as they are`})` : ''}.`,
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
        answers[i] = rawAnswers[plan.items[i]!.id]!;
        undone = true;
      } else to[i] = keep!;
    }
  }
  for (const i of changed()) {
    const item = plan.items[i]!;
    if (item.rule && item.criterion?.scale?.kind !== 'steps') {
      // a range: the least value (in its decimals) that suffices, by bisection (the level only rises with it)
      const tick = 10 ** (plan.decimals - (item.rule.decimals ?? 0));
      let lo = Math.floor(from[i]! / tick) + 1;
      let hi = to[i]! / tick;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        to[i] = mid * tick;
        if (levelOf(to) >= target) hi = mid;
        else lo = mid + 1;
      }
      to[i] = hi * tick;
      answers[i] = Number(X.toPlainString(X.divide(X.exact(to[i]!), plan.factor)));
      continue;
    }
    const lower = movesOf(plan, item, rawAnswers[item.id], from[i]!).filter((m) => m.units < to[i]!);
    const keep = { units: to[i]!, answer: answers[i]! };
    const enough = lower.find((m) => {
      to[i] = m.units;
      return levelOf(to) >= target;
    });
    const chosen = enough ?? keep;
    to[i] = chosen.units;
    answers[i] = chosen.answer;
  }

  const improvedAnswers: Record<string, DbiAnswerInput> = { ...rawAnswers };
  const steps: DbiGapStep[] = changed().map((i) => {
    const item = plan.items[i]!;
    improvedAnswers[item.id] = answers[i]!;
    const pillar = f.pillars[item.pillarIndex]!;
    return {
      criterion: item.id,
      name: item.criterion?.name ?? pillar.name,
      pillar: pillar.id,
      from: from[i]! / plan.factor,
      to: to[i]! / plan.factor,
      gain: (to[i]! - from[i]!) / plan.factor,
      fromAnswer: rawAnswers[item.id]!,
      toAnswer: answers[i]!,
    };
  });
  const result = resultOf(plan, parsedOf(to));
  return {
    ...base, targetLevel: target, reachable: true, reason: null, why, steps,
    pointsAdded: changed().reduce((s, i) => s + to[i]! - from[i]!, 0) / plan.factor,
    improvedAnswers, result,
  };
}

/** The level of an overall percentage under a band rule (declared inclusivity, exact). */
function bandLevel(rule: PercentRule, pct: Fraction): number {
  let l = rule.bands[0]!.level;
  for (const band of rule.bands) {
    const cmp = compareF(pct, decimalF(band.fromPercent));
    if (cmp > 0 || (cmp === 0 && band.fromInclusive)) l = band.level;
  }
  return l;
}
