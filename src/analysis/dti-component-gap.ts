/**
 * DTI gap analysis at component level: which components lose the most points, and which points to
 * win, component by component, to reach a target — the view a province's plan to raise its DTI
 * needs when the decision's table gives the components of each main indicator.
 *
 * A main indicator given directly (its components unknown) or listing no components is one item
 * of its own (`kind: 'mainIndicator'`), so that the list and the plan always cover every point.
 */
import { readOnce } from '../assessment/snapshot.js';
import * as X from '../arithmetic/decimal.js';
import { checkNumeric, type NumericInput } from '../assessment/numeric.js';
import { ValidationError, makeIssue, type Localized, type ValidationIssue } from '../errors.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import { throwIfAny } from '../assessment/check.js';
import type { DtiComponentScoring, DtiPillarId } from '../framework/schema.js';
import { POINT_DECIMALS, VALUE_DECIMALS, type DtiResult } from '../score/score-dti.js';
import { requireMainIndicators } from './dti-gap.js';

/** What the plan must reach: total points, or a DTI value. */
export type DtiComponentTarget = { readonly points: NumericInput } | { readonly value: NumericInput };

/** Options of {@link dtiComponentGap}. */
export interface DtiComponentGapOptions {
  /** A target to plan for; without it only the losses are listed. */
  readonly target?: DtiComponentTarget;
}

/** Effect of one more point on the DTI value and on each pillar value (6 decimals). */
export interface DtiPointLeverage {
  readonly value: number;
  readonly government: number;
  readonly economy: number;
  readonly society: number;
}

/** One component (or main indicator given directly) and the points it loses. */
export interface DtiComponentLoss {
  /** `component`, or `mainIndicator` for a main indicator given directly or listing no components. */
  readonly kind: 'component' | 'mainIndicator';
  readonly id: string;
  readonly code: string;
  readonly name: Localized;
  /** The main indicator it belongs to (its own id for `kind: 'mainIndicator'`). */
  readonly mainIndicator: string;
  /** How its figure becomes points (`points` for a main indicator given directly). */
  readonly scoring: DtiComponentScoring;
  /** Points, 2 decimals. */
  readonly points: number;
  readonly max: number;
  /** Points lost: max − points, 2 decimals. */
  readonly lost: number;
  /** Pillars its points count in. */
  readonly pillars: readonly DtiPillarId[];
  readonly perPoint: DtiPointLeverage;
  readonly exact: { readonly points: string; readonly lost: string };
}

/** One step of the plan: raise one component from its current figure to a new one. */
export interface DtiComponentStep {
  readonly kind: 'component' | 'mainIndicator';
  readonly id: string;
  readonly mainIndicator: string;
  readonly scoring: DtiComponentScoring;
  /** Points to add, 2 decimals. */
  readonly points: number;
  /** The figure now and the figure to reach: points (2 decimals), or a 0…1 ratio (4 decimals) for `ratio`. */
  readonly from: number;
  readonly to: number;
  readonly exact: { readonly points: string; readonly from: string; readonly to: string };
}

/** A plan to reach a target by components. */
export interface DtiComponentPlan {
  readonly target: { readonly total: number; readonly value: number };
  /** Points still needed (0 when already reached), 2 decimals. */
  readonly pointsNeeded: number;
  readonly valueNeeded: number;
  /**
   * Steps, most pillar leverage first (a foundation component counts in all three pillars), then
   * the largest loss, then id. Re-scoring with every step applied gives exactly the target total.
   */
  readonly steps: readonly DtiComponentStep[];
  /** Pillar values once every step is applied, 4 decimals. */
  readonly pillars: { readonly government: number; readonly economy: number; readonly society: number };
  readonly exact: { readonly target: string; readonly pointsNeeded: string };
}

/** The result of {@link dtiComponentGap}. */
export interface DtiComponentGap {
  readonly framework: string;
  readonly current: { readonly total: number; readonly value: number };
  /** Points lost in all: the framework's maximum − total, 2 decimals. */
  readonly lost: number;
  /** Every component (and main indicator given directly), largest loss first; ties by id (code-point order). */
  readonly losses: readonly DtiComponentLoss[];
  /** The plan, when a target is given. */
  readonly plan: DtiComponentPlan | null;
}

const PILLARS: readonly DtiPillarId[] = ['government', 'economy', 'society'];

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Item {
  readonly loss: Omit<DtiComponentLoss, 'perPoint' | 'lost' | 'points' | 'exact'>;
  readonly points: X.Exact;
  readonly lost: X.Exact;
  /** Sum of the pillar effects of one point: the plan's order. */
  readonly weight: X.Exact;
}

/**
 * Lists which components lose the most points, and, given a target, plans the points to win
 * component by component, with the effect of one point on the DTI value and on each pillar.
 *
 * @param result - a {@link DtiResult} of a framework scored by main indicator.
 * @param options - `{ target: { points } | { value } }` to get a plan.
 * @throws {@link ValidationError} for a pillar-input framework or a target outside 0…max (0…1).
 * @example
 * ```ts
 * // a framework file (here 922's, copied) whose digitalGovernment (200 points) is given by two components
 * const file = JSON.parse(JSON.stringify(dtiProvince2022));
 * const dg = file.mainIndicators.find((m: { id: string }) => m.id === 'digitalGovernment');
 * file.id = 'dti-tinh-minh-hoa';
 * file.status = 'reconstructed'; // only the bundled frameworks are `official`
 * file.componentCount -= dg.componentCount - 2;
 * dg.componentCount = 2;
 * dg.components = [
 *   { id: 'g1', code: '7.1', name: { vi: 'Tỷ lệ hồ sơ trực tuyến toàn trình', en: 'Share of applications fully online' }, max: 120, maxStatus: 'confirmed', scoring: 'ratio', scoringStatus: 'confirmed' },
 *   { id: 'g2', code: '7.2', name: { vi: 'Khai thác dữ liệu', en: 'Use of data' }, max: 80, maxStatus: 'confirmed', scoring: 'points', scoringStatus: 'confirmed' },
 * ];
 * const r = scoreDti(defineDtiFramework(file), {
 *   points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalEconomy: 61.62, digitalSociety: 46.17 },
 *   components: { digitalGovernment: { g1: 0.4, g2: 30.47 } },
 * });
 * const gap = dtiComponentGap(r, { target: { value: 0.45 } });
 * gap.losses.find((l) => l.id === 'g1'); // { id: 'g1', mainIndicator: 'digitalGovernment', scoring: 'ratio', points: 48, max: 120, lost: 72, … }
 * gap.plan?.steps[0];                   // { id: 'humanResources', from: 12.63, to: 64.14, points: 51.51, … }
 * ```
 */
export function dtiComponentGap(result: DtiResult, options: DtiComponentGapOptions = {}): DtiComponentGap {
  result = readOnce(result, ['result']);
  options = readOnce(options, ['options']);
  // the whole result is checked, as dtiGap does: a hand-edited total (NaN, Infinity, a 200,000-digit
  // exact string) otherwise came back in `current` and `lost` as NaN or -Infinity
  const issues: ValidationIssue[] = [];
  const checked = inspectDtiResult(result, ['result'], issues);
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    issues.push(makeIssue(['options'], 'invalid_type', { expected: 'object { target? }', received: options }));
  }
  throwIfAny(issues);
  const framework = checked!;
  requireMainIndicators(framework);
  const totalMax = framework.totalMax;
  const pillarMax = new Map(framework.pillars.map((p) => [p.id, p.max]));
  const effect = (pillars: readonly DtiPillarId[], p: DtiPillarId) => (pillars.includes(p) ? X.divide(X.exact(1), pillarMax.get(p)!) : X.zero());

  const items: Item[] = [];
  for (const m of result.mainIndicators) {
    if (m.group === 'unscored') continue;
    const def = framework.mainIndicators.find((x) => x.id === m.id);
    const pillars = def?.pillars ?? [];
    const weight = X.sum(PILLARS.map((p) => effect(pillars, p)));
    if (m.components) {
      for (const c of m.components) {
        const points = X.exact(c.exact.points);
        items.push({
          loss: { kind: 'component', id: c.id, code: c.code, name: c.name, mainIndicator: m.id, scoring: c.scoring, max: c.max, pillars },
          points, lost: X.subtract(X.exact(c.max), points), weight,
        });
      }
    } else {
      const points = X.exact(m.exact.points);
      items.push({
        loss: { kind: 'mainIndicator', id: m.id, code: m.code, name: m.name, mainIndicator: m.id, scoring: 'points', max: m.max, pillars },
        points, lost: X.subtract(X.exact(m.max), points), weight,
      });
    }
  }

  const leverage = (pillars: readonly DtiPillarId[]): DtiPointLeverage => ({
    value: X.toRoundedNumber(X.divide(X.exact(1), totalMax), 6),
    government: X.toRoundedNumber(effect(pillars, 'government'), 6),
    economy: X.toRoundedNumber(effect(pillars, 'economy'), 6),
    society: X.toRoundedNumber(effect(pillars, 'society'), 6),
  });
  const losses: DtiComponentLoss[] = [...items]
    .sort((a, b) => X.compare(b.lost, a.lost) || byCodePoint(a.loss.id, b.loss.id))
    .map((x) => ({
      ...x.loss,
      points: X.toRoundedNumber(x.points, POINT_DECIMALS),
      lost: X.toRoundedNumber(x.lost, POINT_DECIMALS),
      perPoint: leverage(x.loss.pillars),
      exact: { points: X.toPlainString(x.points), lost: X.toPlainString(x.lost) },
    }));

  const currentTotal = X.exact(result.exact.total);
  return {
    framework: framework.id,
    current: { total: result.total, value: result.value },
    lost: X.toRoundedNumber(X.subtract(X.exact(totalMax), currentTotal), POINT_DECIMALS),
    losses,
    plan: options.target === undefined ? null : plan(items, readTarget(options.target, totalMax), currentTotal, result, pillarMax, totalMax),
  };
}

function readTarget(target: DtiComponentTarget, totalMax: number): X.Exact {
  const key = typeof target === 'object' && target !== null ? (['points', 'value'] as const).find((k) => k in target) : undefined;
  if (key === undefined) {
    throw new ValidationError([makeIssue(['target'], 'invalid_type', { expected: '{ points } | { value }', received: target })]);
  }
  const raw = (target as Record<string, unknown>)[key];
  const problem = checkNumeric(raw, { min: 0, max: key === 'points' ? totalMax : 1 });
  if (problem) throw new ValidationError([makeIssue(['target', key], problem.code, { key, ...problem.params })]);
  const figure = X.exact(typeof raw === 'string' ? raw.trim() : (raw as number));
  return key === 'points' ? figure : X.multiply(figure, totalMax);
}

function plan(
  items: readonly Item[],
  targetTotal: X.Exact,
  currentTotal: X.Exact,
  result: DtiResult,
  pillarMax: ReadonlyMap<DtiPillarId, number>,
  totalMax: number,
): DtiComponentPlan {
  const pointsNeeded = X.max(X.zero(), X.subtract(targetTotal, currentTotal));
  const order = [...items].sort((a, b) => X.compare(b.weight, a.weight) || X.compare(b.lost, a.lost) || byCodePoint(a.loss.id, b.loss.id));
  let left = pointsNeeded;
  const steps: DtiComponentStep[] = [];
  const pillarGain = new Map<DtiPillarId, X.Exact>(PILLARS.map((p) => [p, X.zero()]));
  for (const x of order) {
    if (X.isZero(left)) break;
    const take = X.min(left, x.lost);
    if (X.isZero(take)) continue;
    left = X.subtract(left, take);
    for (const p of x.loss.pillars) pillarGain.set(p, X.add(pillarGain.get(p)!, take));
    const after = X.add(x.points, take);
    const asFigure = (points: X.Exact) => (x.loss.scoring === 'ratio' ? X.divide(points, x.loss.max) : points);
    const decimals = x.loss.scoring === 'ratio' ? VALUE_DECIMALS : POINT_DECIMALS;
    steps.push({
      kind: x.loss.kind, id: x.loss.id, mainIndicator: x.loss.mainIndicator, scoring: x.loss.scoring,
      points: X.toRoundedNumber(take, POINT_DECIMALS),
      from: X.toRoundedNumber(asFigure(x.points), decimals),
      to: X.toRoundedNumber(asFigure(after), decimals),
      exact: { points: X.toPlainString(take), from: X.toPlainString(asFigure(x.points)), to: X.toPlainString(asFigure(after)) },
    });
  }
  const pillarAfter = (p: DtiPillarId) =>
    X.toRoundedNumber(X.divide(X.add(X.exact(result.pillars[p].exact.points), pillarGain.get(p)!), pillarMax.get(p)!), VALUE_DECIMALS);
  return {
    target: { total: X.toRoundedNumber(targetTotal, POINT_DECIMALS), value: X.toRoundedNumber(X.divide(targetTotal, totalMax), VALUE_DECIMALS) },
    pointsNeeded: X.toRoundedNumber(pointsNeeded, POINT_DECIMALS),
    valueNeeded: X.toRoundedNumber(X.divide(pointsNeeded, totalMax), VALUE_DECIMALS),
    steps,
    pillars: { government: pillarAfter('government'), economy: pillarAfter('economy'), society: pillarAfter('society') },
    exact: { target: X.toPlainString(targetTotal), pointsNeeded: X.toPlainString(pointsNeeded) },
  };
}
