/**
 * Scoring a province on a DTI framework: from main-indicator (or pillar) points or values to the
 * total, the DTI value and the three pillar values, exactly.
 *
 * Rounding (as the official tables publish): points to 2 decimals, 0–1 values to 4 decimals,
 * half-up. The unrounded figures are in each object's `exact` (plain decimal strings; quotients
 * carried to 40 significant digits).
 */
// exact arithmetic on scaled integers, with decimal.js only where a figure does not fit them
import * as X from '../arithmetic/hybrid.js';
import type { Exact } from '../arithmetic/hybrid.js';
import { toSafe, type Localized, type SafeResult } from '../errors.js';
import { resolveDtiFramework, type DtiFrameworkRef } from '../framework/dti/index.js';
import type { DtiComponentScoring, DtiFramework, DtiPillarId } from '../framework/schema.js';
import { dtiInputUnits, validateDtiInput, type DtiInput } from '../assessment/dti-input.js';
import { recordedFramework, recordFramework } from './provenance.js';
import { snapshotInput } from '../assessment/snapshot.js';
import type { CheckedRef, DtiFrameworkId, DtiInputFor } from '../framework/ids.js';

/** Decimals of published points. */
export const POINT_DECIMALS = 2;
/** Decimals of published 0–1 values. */
export const VALUE_DECIMALS = 4;

/** Points and value of one component of a main indicator in a DTI result. */
export interface DtiComponentScore {
  readonly id: string;
  readonly code: string;
  readonly name: Localized;
  /** How the component's figure became points (`points` given directly, or a `ratio` × max). */
  readonly scoring: DtiComponentScoring;
  /** Points, 2 decimals. */
  readonly points: number;
  readonly max: number;
  /** Value 0–1 (points / max), 4 decimals. */
  readonly value: number;
  readonly exact: { readonly points: string; readonly value: string };
}

/** Points and value of one main indicator in a DTI result. */
export interface DtiMainIndicatorScore {
  readonly id: string;
  readonly code: string;
  readonly name: Localized;
  readonly group: 'foundation' | 'activity' | 'ungrouped' | 'unscored';
  /** Points, 2 decimals. */
  readonly points: number;
  readonly max: number;
  /** Value 0–1, 4 decimals; `null` for an unscored indicator given no value. */
  readonly value: number | null;
  readonly exact: { readonly points: string; readonly value: string | null };
  /**
   * Present when the indicator was scored from its components (a component-tree framework): each
   * component's points, in framework order; the indicator's points are their sum.
   */
  readonly components?: readonly DtiComponentScore[];
}

/** Points and value of one pillar in a DTI result. */
export interface DtiPillarScore {
  readonly id: DtiPillarId;
  readonly code: string;
  readonly name: Localized;
  readonly points: number;
  readonly max: number;
  /** Pillar value 0–1 (pillar points / pillar maximum), 4 decimals. */
  readonly value: number;
  readonly exact: { readonly points: string; readonly value: string };
}

/** The result of {@link scoreDti}. */
export interface DtiResult {
  readonly kind: 'dti';
  readonly framework: { readonly id: string; readonly decision: string; readonly status: DtiFramework['status'] };
  /**
   * Which input form was scored: `points` or `values` for the main indicators given directly
   * (some may be given by components too), `components` when every one was given by components.
   */
  readonly input: 'points' | 'values' | 'components';
  /** Total points, 2 decimals. */
  readonly total: number;
  readonly max: number;
  /** DTI value 0–1, 4 decimals. */
  readonly value: number;
  readonly pillars: { readonly government: DtiPillarScore; readonly economy: DtiPillarScore; readonly society: DtiPillarScore };
  /** Per main indicator, in framework order (empty where inputs are pillars, DTI 2020). */
  readonly mainIndicators: readonly DtiMainIndicatorScore[];
  readonly exact: { readonly total: string; readonly value: string };
}

function ratio(points: Exact, max: number): Exact {
  return max === 0 ? X.ZERO : X.divide(points, max);
}

/**
 * Scores a province on a DTI framework.
 *
 * @param frameworkOrId - a bundled framework id (`dti-province-2022` …) or a framework object.
 * @param input - `{ points }` (0…max per main indicator) or `{ values }` (0…1, as dti.gov.vn publishes);
 *   for a framework whose main indicators list components, `{ components: { mainIndicatorId: { componentId: figure } } }`
 *   as well or instead (each main indicator given once, directly or by its components).
 * @throws {@link ValidationError} naming the path and rule of every bad input.
 * @example
 * ```ts
 * const r = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6,
 *   humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
 * r.total; // 398.49
 * r.value; // 0.3985
 * r.pillars.government.value; // 0.4153
 * ```
 */
export function scoreDti<const R extends DtiFrameworkId | DtiFramework | (string & {})>(frameworkOrId: CheckedRef<R, DtiFrameworkId, DtiFramework>, input: DtiInputFor<R>): DtiResult;
export function scoreDti(frameworkOrId: DtiFrameworkRef, rawInput: DtiInput): DtiResult {
  const framework = resolveDtiFramework(frameworkOrId);
  // read once: validation and scoring then see the same values (getters, Proxies)
  const input = snapshotInput(rawInput);
  validateDtiInput(framework, input);
  const mode: 'points' | 'values' | 'components' =
    input.points !== undefined ? 'points' : input.values !== undefined ? 'values' : 'components';
  const given = (mode === 'points' ? input.points : mode === 'values' ? input.values : {}) as Readonly<Record<string, string | number>>;
  const read = (raw: string | number) => X.exact(typeof raw === 'string' ? raw.trim() : raw);

  const unitPoints = new Map<string, Exact>();
  const unitValues = new Map<string, Exact | null>();
  const unitComponents = new Map<string, DtiComponentScore[]>();
  for (const unit of dtiInputUnits(framework)) {
    const byComponent = input.components?.[unit.id];
    if (byComponent !== undefined) {
      // validated: the indicator lists components and every one is given
      const def = framework.mainIndicators.find((m) => m.id === unit.id)!;
      const scores = def.components!.map((c) => {
        const figure = read(byComponent[c.id] as string | number);
        const points = c.scoring === 'points' ? figure : X.multiply(figure, c.max);
        const value = c.scoring === 'ratio' ? figure : ratio(points, c.max);
        return { c, points, value };
      });
      const points = X.sum(scores.map((x) => x.points));
      unitPoints.set(unit.id, points);
      unitValues.set(unit.id, ratio(points, unit.max));
      unitComponents.set(unit.id, Object.freeze(scores.map(({ c, points: p, value: v }) => Object.freeze({
        id: c.id, code: c.code, name: c.name, scoring: c.scoring, max: c.max,
        points: X.toRoundedNumber(p, POINT_DECIMALS),
        value: X.toRoundedNumber(v, VALUE_DECIMALS),
        exact: Object.freeze({ points: X.toPlainString(p), value: X.toPlainString(v) }),
      }))) as DtiComponentScore[]);
      continue;
    }
    const raw = given[unit.id];
    if (raw === undefined) {
      unitPoints.set(unit.id, X.ZERO);
      unitValues.set(unit.id, null);
      continue;
    }
    const v = read(raw);
    const points = mode === 'points' ? v : X.multiply(v, unit.max);
    unitPoints.set(unit.id, points);
    unitValues.set(unit.id, mode === 'values' ? v : unit.max === 0 ? null : ratio(points, unit.max));
  }

  const total = X.sum(unitPoints.values());
  const pillarPoints = (id: DtiPillarId): Exact => {
    if (framework.inputKeys === 'pillars') return unitPoints.get(id) ?? X.ZERO;
    return X.sum(framework.mainIndicators.filter((m) => m.pillars.includes(id)).map((m) => unitPoints.get(m.id) ?? X.ZERO));
  };
  const pillarScore = (id: DtiPillarId): DtiPillarScore => {
    const p = framework.pillars.find((x) => x.id === id)!;
    const points = pillarPoints(id);
    const value = ratio(points, p.max);
    // frozen as built (the result is frozen whole): cheaper than walking it afterwards
    return Object.freeze({
      id, code: p.code, name: p.name, max: p.max,
      points: X.toRoundedNumber(points, POINT_DECIMALS),
      value: X.toRoundedNumber(value, VALUE_DECIMALS),
      exact: Object.freeze({ points: X.toPlainString(points), value: X.toPlainString(value) }),
    });
  };

  const mainIndicators: DtiMainIndicatorScore[] =
    framework.inputKeys === 'pillars'
      ? []
      : framework.mainIndicators
          .filter((m) => m.max !== null)
          .map((m) => {
            const points = unitPoints.get(m.id) ?? X.ZERO;
            const value = unitValues.get(m.id) ?? null;
            const components = unitComponents.get(m.id);
            return Object.freeze({
              id: m.id, code: m.code, name: m.name, group: m.group, max: m.max as number,
              points: X.toRoundedNumber(points, POINT_DECIMALS),
              value: value === null ? null : X.toRoundedNumber(value, VALUE_DECIMALS),
              exact: Object.freeze({ points: X.toPlainString(points), value: value === null ? null : X.toPlainString(value) }),
              ...(components ? { components } : {}),
            });
          });

  const value = ratio(total, framework.totalMax);
  return recordFramework<DtiResult>(Object.freeze({
    kind: 'dti',
    framework: Object.freeze({ id: framework.id, decision: framework.legalBasis.decision, status: framework.status }),
    input: mode,
    total: X.toRoundedNumber(total, POINT_DECIMALS),
    max: framework.totalMax,
    value: X.toRoundedNumber(value, VALUE_DECIMALS),
    pillars: Object.freeze({ government: pillarScore('government'), economy: pillarScore('economy'), society: pillarScore('society') }),
    mainIndicators: Object.freeze(mainIndicators),
    exact: Object.freeze({ total: X.toPlainString(total), value: X.toPlainString(value) }),
  }), framework);
}

/**
 * {@link scoreDti} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * ```ts
 * const r = safeScoreDti('dti-province-2022', { values: { awareness: 2 } });
 * if (!r.success) r.error.issues.map((i) => i.pathString); // ['values.awareness', 'values.institutions', …]
 * ```
 */
export function safeScoreDti<const R extends DtiFrameworkId | DtiFramework | (string & {})>(frameworkOrId: CheckedRef<R, DtiFrameworkId, DtiFramework>, input: DtiInputFor<R>): SafeResult<DtiResult>;
export function safeScoreDti(frameworkOrId: DtiFrameworkRef, input: DtiInput): SafeResult<DtiResult> {
  return toSafe(() => scoreDti(frameworkOrId, input));
}

/** The DTI framework that scored a result: the recorded one, else the bundled one of its id. */
export function dtiFrameworkOf(result: DtiResult): DtiFramework {
  const f = recordedFramework(result);
  return f && f.kind === 'dti' ? f : resolveDtiFramework(result.framework.id);
}
