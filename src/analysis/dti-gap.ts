/**
 * DTI gap analysis: how many points a province needs to reach a target (points, a value, a rank
 * among peers, or another unit), where those points do most (the foundation indicators count in
 * all three pillars), and how far each main indicator is from the national average, the regional
 * leader and the leader.
 */
import { readOnce } from '../assessment/snapshot.js';
import * as X from '../arithmetic/decimal.js';
import { ValidationError, makeIssue, type Localized } from '../errors.js';
import { findProvince } from '../framework/units/provinces.js';
import type { DtiPillarId } from '../framework/schema.js';

import type { DtiResult } from '../score/score-dti.js';
import type { DtiFramework } from '../framework/schema.js';
import { arrayOf, custom, isPlainObject, numeric, obj, optional, sameType, str, throwIfAny, type Equal, type Infer, type Path } from '../assessment/check.js';
import { inspectDtiResult } from '../assessment/dti-result-check.js';
import type { ValidationIssue } from '../errors.js';

/** What to reach. */
export type DtiTarget =
  | { readonly points: number | string }
  | { readonly value: number | string }
  | { readonly rank: number; readonly peers: readonly DtiResult[] }
  | { readonly unit: DtiResult };

/** One main indicator's room and leverage. */
export interface DtiIndicatorLeverage {
  readonly id: string;
  readonly name: Localized;
  readonly points: number;
  readonly max: number;
  /** Points still available (max − points). */
  readonly headroom: number;
  /** Effect of one more point on the DTI value and on each pillar value. */
  readonly perPoint: { readonly value: number; readonly government: number; readonly economy: number; readonly society: number };
  /** Pillars the indicator counts in. */
  readonly pillars: readonly DtiPillarId[];
  /** Points this plan assigns to the indicator (for points/value/rank targets), or the gap to the target unit. */
  readonly needed: number;
}

/** A benchmark gap per main indicator. */
export interface DtiBenchmark {
  readonly id: string;
  readonly value: number | null;
  readonly average: number | null;
  readonly leader: number | null;
  readonly regionalLeader: number | null;
  readonly gapToAverage: number | null;
  readonly gapToLeader: number | null;
  readonly gapToRegionalLeader: number | null;
}

/** The result of {@link dtiGap}. */
export interface DtiGap {
  readonly framework: string;
  readonly current: { readonly total: number; readonly value: number };
  readonly target: { readonly total: number; readonly value: number };
  /** Total points still needed (0 when already reached). */
  readonly pointsNeeded: number;
  readonly valueNeeded: number;
  /** Whether the target can be reached within the maxima. */
  readonly reachable: boolean;
  /** Main indicators, most leverage first (effect on the three pillars per point). */
  readonly indicators: readonly DtiIndicatorLeverage[];
  /** Per main indicator: gaps to the peers' average, leader and regional leader (when peers are given). */
  readonly benchmarks: readonly DtiBenchmark[];
}

export interface DtiGapOptions {
  /**
   * Peers for benchmarks (average, leader, regional leader), each with an id (a province code) and,
   * where the code does not say it (a fictional or a merged unit), its `region` as the data gives it.
   */
  readonly peers?: readonly { readonly id: string; readonly result: DtiResult; readonly region?: string | undefined }[];
  /** The unit's own id, to find its region among the peers. */
  readonly id?: string;
}

const TARGET_KEYS = ['points', 'value', 'rank', 'unit'] as const;

/** A DTI result in an argument: checked against its framework. */
const dtiResultArg = /* @__PURE__ */ custom<DtiResult>((value, path, issues) => {
  inspectDtiResult(value, path, issues);
});

const optionsCheck = /* @__PURE__ */ obj({
  peers: optional(arrayOf(obj({ id: str(), result: dtiResultArg, region: optional(str()) }, { extraKeys: true }))),
  id: optional(str()),
});
/* @__PURE__ */ sameType<Equal<Infer<typeof optionsCheck>, DtiGapOptions>>();

/** Checks a target against the framework of the result (its maxima, the peers' count). */
function checkTarget(target: unknown, f: DtiFramework, resultFrameworkId: string, path: Path, issues: ValidationIssue[]): void {
  if (!isPlainObject(target)) {
    issues.push(makeIssue(path, 'invalid_type', { expected: 'object { points } | { value } | { rank, peers } | { unit }', received: target }));
    return;
  }
  const given = TARGET_KEYS.filter((k) => target[k] !== undefined);
  if (given.length === 0) {
    issues.push(makeIssue(path, 'missing_input', { fields: [...TARGET_KEYS] }));
    return;
  }
  if (given.length > 1) {
    issues.push(makeIssue(path, 'conflicting_input', { fields: given }));
    return;
  }
  const kind = given[0]!;
  const allowed: readonly string[] = kind === 'rank' ? ['rank', 'peers'] : [kind];
  for (const key of Object.keys(target)) {
    if (!allowed.includes(key)) issues.push(makeIssue([...path, key], 'unknown_key', { key, allowed }));
  }
  if (kind === 'points') numeric({ min: 0, max: f.totalMax })(target.points, [...path, 'points'], issues);
  else if (kind === 'value') numeric({ min: 0, max: 1 })(target.value, [...path, 'value'], issues);
  else if (kind === 'unit') {
    const uf = inspectDtiResult(target.unit, [...path, 'unit'], issues);
    if (uf && uf.id !== resultFrameworkId) {
      issues.push(makeIssue([...path, 'unit', 'framework', 'id'], 'invalid_option', { received: uf.id, allowed: [resultFrameworkId] }));
    }
  } else {
    const peers = target.peers;
    arrayOf(dtiResultArg)(peers, [...path, 'peers'], issues);
    const count = Array.isArray(peers) ? peers.length : 0;
    const rank = target.rank;
    if (typeof rank !== 'number') issues.push(makeIssue([...path, 'rank'], 'invalid_type', { expected: 'integer', received: rank }));
    else if (Number.isNaN(rank)) issues.push(makeIssue([...path, 'rank'], 'not_a_number', { received: rank }));
    else if (!Number.isInteger(rank)) issues.push(makeIssue([...path, 'rank'], Number.isFinite(rank) ? 'not_an_integer' : 'not_finite', { received: rank }));
    else if (rank < 1 || rank > count) issues.push(makeIssue([...path, 'rank'], 'out_of_range', { received: rank, min: 1, max: count }));
  }
}

function exactOf(x: number | string): X.Exact {
  return X.exact(typeof x === 'string' ? x.trim() : x);
}

function r(x: X.Exact, decimals: number): number {
  return X.toRoundedNumber(x, decimals);
}

/**
 * Gap between a DTI result and a target.
 *
 * @example
 * ```ts
 * // Đắk Lắk's DTI 2021 points: 398.49 of 1,000
 * const dakLak = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63,
 *   cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
 * const gap = dtiGap(dakLak, { value: 0.5 });
 * gap.pointsNeeded; // 101.51
 * gap.indicators[0]; // { id: 'humanResources', points: 12.63, max: 100, headroom: 87.37, perPoint: { value: 0.001, government: 0.001429, … }, needed: 87.37, … }
 * ```
 */
export function dtiGap(result: DtiResult, target: DtiTarget, options: DtiGapOptions = {}): DtiGap {
  result = readOnce(result, ['result']);
  target = readOnce(target, ['target']);
  options = readOnce(options, ['options']);
  const issues: ValidationIssue[] = [];
  const checked = inspectDtiResult(result, ['result'], issues);
  if (checked) checkTarget(target, checked, checked.id, ['target'], issues);
  optionsCheck(options, ['options'], issues);
  throwIfAny(issues);
  const framework = checked!;
  requireMainIndicators(framework);
  const totalMax = framework.totalMax;
  const currentTotal = X.exact(result.exact.total);
  let targetTotal: X.Exact;
  let perIndicatorTarget: Map<string, X.Exact> | null = null;
  if ('points' in target && target.points !== undefined) targetTotal = exactOf(target.points);
  else if ('value' in target && target.value !== undefined) targetTotal = X.multiply(exactOf(target.value), totalMax);
  else if ('unit' in target && target.unit !== undefined) {
    targetTotal = X.exact(target.unit.exact.total);
    perIndicatorTarget = new Map(target.unit.mainIndicators.map((m) => [m.id, X.exact(m.exact.points)]));
  } else {
    // Rank k or better: at most k − 1 peers strictly above, i.e. at least the k-th highest peer value
    // (compared at the published 4 decimals, where equal values share a rank).
    const { peers, rank } = target as { readonly rank: number; readonly peers: readonly DtiResult[] };
    const sorted = peers.map((p) => X.roundHalfUp(X.exact(p.exact.value), 4)).sort((a, b) => X.compare(b, a));
    const needed = sorted[rank - 1] ?? X.zero();
    targetTotal = X.multiply(needed, totalMax);
  }
  if (X.compare(targetTotal, X.exact(totalMax)) > 0 || X.compare(targetTotal, X.zero()) < 0) {
    throw new ValidationError([makeIssue(['target'], 'out_of_range', { received: X.toPlainString(targetTotal), min: 0, max: totalMax })]);
  }
  const pointsNeeded = X.max(X.zero(), X.subtract(targetTotal, currentTotal));

  const pillarMax = Object.fromEntries(framework.pillars.map((p) => [p.id, p.max])) as Record<DtiPillarId, number>;
  const scored = result.mainIndicators.filter((m) => m.group !== 'unscored');
  const leverage = scored.map((m) => {
    const def = framework.mainIndicators.find((x) => x.id === m.id)!;
    const effect = (p: DtiPillarId) => (def.pillars.includes(p) ? 1 / pillarMax[p] : 0);
    return {
      m, def,
      perPoint: { value: 1 / totalMax, government: effect('government'), economy: effect('economy'), society: effect('society') },
      headroom: X.subtract(X.exact(m.max), X.exact(m.exact.points)),
    };
  });
  const weight = (x: (typeof leverage)[number]) => x.perPoint.government + x.perPoint.economy + x.perPoint.society;
  leverage.sort((a, b) => weight(b) - weight(a) || X.compare(b.headroom, a.headroom));

  // allocation: fill the highest-leverage headroom first
  let left = pointsNeeded;
  const allocation = new Map<string, X.Exact>();
  for (const x of leverage) {
    if (perIndicatorTarget) {
      allocation.set(x.m.id, X.max(X.zero(), X.subtract(perIndicatorTarget.get(x.m.id) ?? X.zero(), X.exact(x.m.exact.points))));
      continue;
    }
    const take = X.min(left, x.headroom);
    allocation.set(x.m.id, take);
    left = X.subtract(left, take);
  }
  const totalHeadroom = X.sum(leverage.map((x) => x.headroom));

  return {
    framework: framework.id,
    current: { total: result.total, value: result.value },
    target: { total: r(targetTotal, 2), value: r(X.divide(targetTotal, totalMax), 4) },
    pointsNeeded: r(pointsNeeded, 2),
    valueNeeded: r(X.divide(pointsNeeded, totalMax), 4),
    reachable: X.compare(pointsNeeded, totalHeadroom) <= 0,
    indicators: leverage.map((x) => ({
      id: x.m.id, name: x.m.name, points: x.m.points, max: x.m.max,
      headroom: r(x.headroom, 2),
      perPoint: {
        value: r(X.divide(X.exact(1), totalMax), 6),
        government: r(X.exact(x.perPoint.government), 6),
        economy: r(X.exact(x.perPoint.economy), 6),
        society: r(X.exact(x.perPoint.society), 6),
      },
      pillars: x.def.pillars,
      needed: r(allocation.get(x.m.id) ?? X.zero(), 2),
    })),
    benchmarks: options.peers ? benchmarks(result, options.peers, options.id) : [],
  };
}

/**
 * Refuses a framework whose inputs are pillar values (DTI 2020): a gap plan works on main-indicator
 * points.
 *
 * @internal
 */
export function requireMainIndicators(framework: DtiFramework): void {
  if (framework.inputKeys !== 'mainIndicators') {
    throw new ValidationError([makeIssue(['result', 'framework'], 'invalid_option', {
      detail: `${framework.id} không có điểm chỉ số chính`, detailEn: `${framework.id} has no main-indicator points`,
    })]);
  }
}

function benchmarks(result: DtiResult, peers: readonly { id: string; result: DtiResult; region?: string | undefined }[], id: string | undefined): DtiBenchmark[] {
  // a peer's own region first (fictional and merged units have no code to look up), else its code's
  const regionOf = (p: { id: string; region?: string | undefined }): string | undefined => p.region ?? findProvince(p.id)?.region;
  const self = id === undefined ? undefined : peers.find((p) => p.id === id);
  const region = self ? regionOf(self) : id ? findProvince(id)?.region : undefined;
  const regional = region ? peers.filter((p) => regionOf(p) === region) : [];
  return result.mainIndicators
    .filter((m) => m.group !== 'unscored')
    .map((m) => {
      const values = (list: readonly { result: DtiResult }[]) =>
        list.map((p) => p.result.mainIndicators.find((x) => x.id === m.id)?.exact.value).filter((v): v is string => v !== null && v !== undefined).map((v) => X.exact(v));
      const all = values(peers);
      const reg = values(regional);
      const own = m.exact.value === null ? null : X.exact(m.exact.value);
      const avg = all.length ? X.divide(X.sum(all), all.length) : null;
      const lead = all.length ? all.reduce((a, b) => X.max(a, b)) : null;
      const regLead = reg.length ? reg.reduce((a, b) => X.max(a, b)) : null;
      const gap = (ref: X.Exact | null) => (ref === null || own === null ? null : r(X.subtract(ref, own), 4));
      return {
        id: m.id,
        value: m.value,
        average: avg === null ? null : r(avg, 4),
        leader: lead === null ? null : r(lead, 4),
        regionalLeader: regLead === null ? null : r(regLead, 4),
        gapToAverage: gap(avg),
        gapToLeader: gap(lead),
        gapToRegionalLeader: gap(regLead),
      };
    });
}
