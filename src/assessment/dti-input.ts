/**
 * The validated input of a DTI assessment: points (0…max) or values (0…1) per main indicator, or
 * per pillar for frameworks whose published inputs are pillar values (DTI 2020).
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import type { DtiComponent, DtiFramework } from '../framework/schema.js';
import { resolveDtiFramework, type DtiFrameworkRef } from '../framework/dti/index.js';
import { checkNumeric, type NumericInput, type NumericRule } from './numeric.js';
import { snapshotInput } from './snapshot.js';

/**
 * What a caller passes to `scoreDti`: at most one of `points` or `values`, and, for a framework
 * whose main indicators list components, `components`. Every scored main indicator is given
 * exactly once: directly (in `points` or `values`) or by all of its components, never both.
 *
 * @example
 * ```ts
 * // Quảng Ninh's DTI 2022 values, as dti.gov.vn publishes them
 * const input: DtiInput = { values: { awareness: 0.9581, institutions: 0.9, infrastructure: 0.7648, humanResources: 0.625,
 *   cybersecurity: 0.5382, digitalGovernment: 0.8385, digitalEconomy: 0.5904, digitalSociety: 0.4505 } };
 * scoreDti('dti-province-2022', input).value; // 0.7024
 * // a framework whose main indicators list components also takes them, one main indicator each:
 * // { points: { awareness: 75, … }, components: { digitalGovernment: { g1: 0.4, g2: 33.33 } } }
 * ```
 */
export interface DtiInput {
  /** Points per main indicator (or per pillar), from 0 to the maximum. */
  readonly points?: Readonly<Record<string, NumericInput>>;
  /** Values per main indicator (or per pillar), from 0 to 1, as dti.gov.vn publishes them. */
  readonly values?: Readonly<Record<string, NumericInput>>;
  /**
   * Per main indicator (by id), the figure of each of its components (by id): points from 0 to the
   * component's maximum for a `points` component, a 0…1 figure for a `ratio` component.
   */
  readonly components?: Readonly<Record<string, Readonly<Record<string, NumericInput>>>>;
}

/** One input unit of a DTI framework: a main indicator, or a pillar for pillar-input frameworks. */
export interface DtiInputUnit {
  readonly id: string;
  readonly max: number;
  readonly required: boolean;
}

/** Whether any main indicator of the framework lists components. */
export function hasDtiComponents(framework: DtiFramework): boolean {
  return framework.inputKeys === 'mainIndicators' && framework.mainIndicators.some((m) => m.components !== undefined);
}

/** The numeric rule of a component's figure: points up to its maximum, or a 0…1 ratio. */
export function dtiComponentRule(component: DtiComponent): NumericRule {
  return { min: 0, max: component.scoring === 'points' ? component.max : 1 };
}

/**
 * A flat record — one figure per main indicator or per component, keyed by id, as a CSV row or a
 * flat table gives it — as a {@link DtiInput}: main-indicator figures go to `points` or `values`
 * (by `mode`), component figures to `components` under their main indicator. Component ids are
 * unique in a framework (with the main-indicator ids), so a flat key is never ambiguous. Keys that
 * are neither stay under `mode`, where scoring reports them as unknown. Each figure must be a
 * finite number or a string (ranges are checked when scoring, as for any input).
 *
 * @example
 * ```ts
 * dtiInputFromRecord(dtiProvince2022, { awareness: 74, digitalSociety: '46.17' }, 'points'); // { points: { awareness: 74, digitalSociety: '46.17' } }
 * // with a framework whose digitalGovernment lists components g1 and g2 (a framework file), a flat row
 * // { digitalSociety: 88.2, g1: 0.4, g2: 33.33 } becomes
 * // { points: { digitalSociety: 88.2 }, components: { digitalGovernment: { g1: 0.4, g2: 33.33 } } }
 * ```
 */
export function dtiInputFromRecord(
  frameworkOrId: DtiFrameworkRef,
  rawRecord: Readonly<Record<string, NumericInput>>,
  mode: 'points' | 'values',
): DtiInput {
  const framework = resolveDtiFramework(frameworkOrId);
  const record = snapshotInput(rawRecord, ['record']);
  const issues: ValidationIssue[] = [];
  if (!isObject(record)) issues.push(makeIssue(['record'], 'invalid_type', { expected: 'object', received: record }));
  if (mode !== 'points' && mode !== 'values') issues.push(makeIssue(['mode'], 'invalid_option', { received: mode, allowed: ['points', 'values'] }));
  for (const [key, value] of isObject(record) ? Object.entries(record) : []) {
    if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string') {
      issues.push(makeIssue(['record', key], typeof value === 'number' ? 'not_finite' : 'invalid_type', { key, expected: 'number or numeric string', received: value }));
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  const owner = new Map<string, string>();
  if (framework.inputKeys === 'mainIndicators') {
    for (const m of framework.mainIndicators) for (const c of m.components ?? []) owner.set(c.id, m.id);
  }
  const direct: Record<string, NumericInput> = {};
  const components: Record<string, Record<string, NumericInput>> = {};
  for (const [key, value] of Object.entries(record)) {
    const main = owner.get(key);
    if (main === undefined) direct[key] = value;
    else (components[main] ??= {})[key] = value;
  }
  if (Object.keys(components).length === 0) return { [mode]: direct };
  return Object.keys(direct).length === 0 ? { components } : { [mode]: direct, components };
}

const unitCache = new WeakMap<DtiFramework, { readonly units: readonly DtiInputUnit[]; readonly ids: ReadonlySet<string> }>();

function unitsOf(framework: DtiFramework): { readonly units: readonly DtiInputUnit[]; readonly ids: ReadonlySet<string> } {
  let cached = unitCache.get(framework);
  if (!cached) {
    const units: readonly DtiInputUnit[] = Object.freeze(
      framework.inputKeys === 'pillars'
        ? framework.pillars.map((p) => Object.freeze({ id: p.id, max: p.max, required: true }))
        : framework.mainIndicators
            .filter((m) => m.max !== null)
            .map((m) => Object.freeze({ id: m.id, max: m.max as number, required: m.group !== 'unscored' })),
    );
    cached = { units, ids: new Set(units.map((u) => u.id)) };
    unitCache.set(framework, cached);
  }
  return cached;
}

/** The input units of a framework, in framework order (computed once per framework object). */
export function dtiInputUnits(framework: DtiFramework): readonly DtiInputUnit[] {
  return unitsOf(framework).units;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The main indicators that list components, by id, in framework order. */
export function componentTrees(framework: DtiFramework): Map<string, readonly DtiComponent[]> {
  return new Map(
    framework.inputKeys === 'mainIndicators'
      ? framework.mainIndicators.filter((m) => m.components !== undefined).map((m) => [m.id, m.components!] as const)
      : [],
  );
}

/**
 * The issues of an input's `components` part (paths from the input's root): an object keyed by
 * main indicators that list components, each an object giving every one of its components a
 * figure within its rule. Plain code, no zod, so that any validation path can share it.
 *
 * @internal
 */
export function dtiComponentsIssues(framework: DtiFramework, components: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isRecord(components)) {
    return [makeIssue(['components'], components === undefined ? 'missing_key' : 'invalid_type', { key: 'components', expected: 'object', received: components })];
  }
  const trees = componentTrees(framework);
  for (const [id, list] of trees) {
    const given = components[id];
    if (given === undefined) continue;
    if (!isRecord(given)) {
      issues.push(makeIssue(['components', id], 'invalid_type', { key: id, expected: 'object', received: given }));
      continue;
    }
    for (const c of list) {
      const problem = checkNumeric(given[c.id], dtiComponentRule(c));
      if (problem) issues.push(makeIssue(['components', id, c.id], problem.code, { key: c.id, framework: framework.id, ...problem.params }));
    }
    for (const key of Object.keys(given)) {
      if (!list.some((c) => c.id === key)) issues.push(makeIssue(['components', id, key], 'unknown_key', { key, framework: framework.id }));
    }
  }
  for (const key of Object.keys(components)) {
    if (!trees.has(key)) issues.push(makeIssue(['components', key], 'unknown_key', { key, framework: framework.id }));
  }
  return issues;
}

/**
 * Which parts an input gives, for a framework whose main indicators list components (plain code,
 * no zod): at least one of `points`, `values`, `components`; not both `points` and `values`; every
 * main indicator with components given exactly once, directly or by its components; and, with
 * components alone, no main indicator left that lists none.
 *
 * @internal
 */
export function dtiComponentCoverageIssues(framework: DtiFramework, input: Readonly<Record<string, unknown>>): ValidationIssue[] {
  const trees = componentTrees(framework);
  const units = dtiInputUnits(framework);
  const direct = (['points', 'values'] as const).filter((k) => input[k] !== undefined);
  if (direct.length === 0 && input.components === undefined) {
    return [makeIssue([], 'missing_input', { fields: ['points', 'values', 'components'] })];
  }
  if (direct.length > 1) return [makeIssue([], 'conflicting_input', { fields: ['points', 'values'] })];
  const issues: ValidationIssue[] = [];
  const mode = direct[0];
  if (mode === undefined) {
    // components alone: the main indicators listing none have nowhere else to come from
    for (const u of units) {
      if (u.required && !trees.has(u.id)) issues.push(makeIssue(['points', u.id], 'missing_input', { fields: `points.${u.id}, values.${u.id}` }));
    }
  }
  const directPart = mode === undefined ? undefined : input[mode];
  const componentPart = input.components;
  for (const [id, list] of trees) {
    const inDirect = isRecord(directPart) && directPart[id] !== undefined;
    const inComponents = isRecord(componentPart) && componentPart[id] !== undefined;
    const required = units.find((u) => u.id === id)?.required ?? false;
    if (inDirect && inComponents) {
      issues.push(makeIssue(['components', id], 'conflicting_input', { fields: `${mode}.${id}, components.${id}` }));
    } else if (!inDirect && !inComponents && required) {
      issues.push(makeIssue([mode ?? 'components', id], 'missing_input', {
        fields: `${mode ?? 'points'}.${id}, components.${id} (${list.map((c) => c.id).join(', ')})`,
      }));
    }
  }
  return issues;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Keys of an object as zod's strict objects see them: own and inherited enumerable keys. */
function keysOf(x: object): string[] {
  const keys: string[] = [];
  for (const k in x) keys.push(k);
  return keys;
}

const MODES = ['points', 'values'] as const;

/**
 * Every issue of a DTI input, without zod: the issues `dtiInputSchema` reports, in the same order
 * with the same paths, codes and parameters (a property test holds the two together), except that
 * a `points` or `values` that is not an object is reported as `invalid_type` where the zod
 * mapping said `missing_key`.
 */
export function dtiInputIssues(framework: DtiFramework, input: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { units, ids } = unitsOf(framework);
  const trees = componentTrees(framework);
  let blocking = false;
  for (const mode of MODES) {
    const given = input[mode];
    if (given === undefined) continue;
    if (!isObject(given)) {
      issues.push(makeIssue([mode], 'invalid_type', { expected: 'object', received: given }));
      blocking = true;
      continue;
    }
    for (const u of units) {
      const v = given[u.id];
      // a main indicator with components may come by its components: coverage is checked below
      if (v === undefined && (!u.required || trees.has(u.id))) continue;
      const problem = checkNumeric(v, { min: 0, max: mode === 'points' ? u.max : 1 });
      if (problem) {
        issues.push(makeIssue([mode, u.id], problem.code, { key: u.id, framework: framework.id, ...problem.params }));
        blocking = true;
      }
    }
    for (const key of keysOf(given)) {
      if (!ids.has(key)) issues.push(makeIssue([mode, key], 'unknown_key', { key, framework: framework.id }));
    }
  }
  for (const key of keysOf(input)) {
    if (key === 'components' && trees.size > 0) continue;
    if (key !== 'points' && key !== 'values') issues.push(makeIssue([key], 'unknown_key', { key, framework: framework.id }));
  }
  if (trees.size > 0 && input.components !== undefined) {
    const componentIssues = dtiComponentsIssues(framework, input.components);
    if (componentIssues.length > 0) blocking = true;
    issues.push(...componentIssues);
  }
  if (!blocking && trees.size > 0) {
    issues.push(...dtiComponentCoverageIssues(framework, input));
  } else if (!blocking) {
    const count = MODES.filter((k) => input[k] !== undefined).length;
    if (count !== 1) {
      const code = count === 0 ? 'missing_input' : 'conflicting_input';
      issues.push(makeIssue([], code, { framework: framework.id, fields: ['points', 'values'] }));
    }
  }
  return issues;
}

/** Validates a DTI input, throwing a {@link ValidationError} with every issue found. */
export function validateDtiInput(framework: DtiFramework, input: unknown): DtiInput {
  if (!isObject(input)) {
    throw new ValidationError([makeIssue([], 'invalid_type', { expected: hasDtiComponents(framework) ? 'object { points | values, components }' : 'object { points } | { values }', received: input })]);
  }
  const issues = dtiInputIssues(framework, input);
  if (issues.length > 0) throw new ValidationError(issues);
  return input as DtiInput;
}
