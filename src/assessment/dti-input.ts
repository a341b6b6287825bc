/**
 * The validated input of a DTI assessment: points (0…max) or values (0…1) per main indicator, or
 * per pillar for frameworks whose published inputs are pillar values (DTI 2020).
 */
import * as z from 'zod';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import type { DtiFramework } from '../framework/schema.js';
import { numericField } from './field.js';
import { checkNumeric, type NumericInput } from './numeric.js';

/**
 * What a caller passes to `scoreDti`: exactly one of `points` or `values`.
 *
 * @example
 * ```ts
 * const input: DtiInput = { values: { awareness: 0.9581, institutions: 0.9, … } };
 * ```
 */
export interface DtiInput {
  /** Points per main indicator (or per pillar), from 0 to the maximum. */
  readonly points?: Readonly<Record<string, NumericInput>>;
  /** Values per main indicator (or per pillar), from 0 to 1, as dti.gov.vn publishes them. */
  readonly values?: Readonly<Record<string, NumericInput>>;
}

/** One input unit of a DTI framework: a main indicator, or a pillar for pillar-input frameworks. */
export interface DtiInputUnit {
  readonly id: string;
  readonly max: number;
  readonly required: boolean;
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

const schemas = new WeakMap<DtiFramework, z.ZodType<DtiInput>>();

/**
 * The zod schema of a framework's input (built once per framework): the runtime check behind
 * `scoreDti`, usable on its own to validate before scoring.
 *
 * @example
 * ```ts
 * dtiInputSchema(dtiProvince2022).safeParse({ values: { awareness: 2 } }).success; // false
 * ```
 */
export function dtiInputSchema(framework: DtiFramework): z.ZodType<DtiInput> {
  let schema = schemas.get(framework);
  if (!schema) {
    const units = dtiInputUnits(framework);
    const shape = (mode: 'points' | 'values') =>
      Object.fromEntries(
        units.map((u) => {
          const field = numericField({ min: 0, max: mode === 'points' ? u.max : 1 });
          return [u.id, u.required ? field : field.optional()];
        }),
      );
    schema = z
      .strictObject({
        points: z.strictObject(shape('points')).optional(),
        values: z.strictObject(shape('values')).optional(),
      })
      .check((ctx) => {
        const v = ctx.value as DtiInput;
        const given = (['points', 'values'] as const).filter((k) => v[k] !== undefined);
        if (given.length === 0) {
          ctx.issues.push({ code: 'custom', input: v, message: 'missing_input', params: { code: 'missing_input', fields: 'points, values' } });
        } else if (given.length > 1) {
          ctx.issues.push({ code: 'custom', input: v, message: 'conflicting_input', params: { code: 'conflicting_input', fields: 'points, values' } });
        }
      }) as unknown as z.ZodType<DtiInput>;
    schemas.set(framework, schema);
  }
  return schema;
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
      if (v === undefined && !u.required) continue;
      const problem = checkNumeric(v, { min: 0, max: mode === 'points' ? u.max : 1 });
      if (problem) {
        issues.push(makeIssue([mode, u.id], problem.code, { key: u.id, framework: framework.id, code: problem.code, ...problem.params }));
        blocking = true;
      }
    }
    for (const key of keysOf(given)) {
      if (!ids.has(key)) issues.push(makeIssue([mode, key], 'unknown_key', { key, framework: framework.id }));
    }
  }
  for (const key of keysOf(input)) {
    if (key !== 'points' && key !== 'values') issues.push(makeIssue([key], 'unknown_key', { key, framework: framework.id }));
  }
  if (!blocking) {
    const count = MODES.filter((k) => input[k] !== undefined).length;
    if (count !== 1) {
      const code = count === 0 ? 'missing_input' : 'conflicting_input';
      issues.push(makeIssue([], code, { key: undefined, framework: framework.id, code, fields: 'points, values' }));
    }
  }
  return issues;
}

/** Validates a DTI input, throwing a {@link ValidationError} with every issue found. */
export function validateDtiInput(framework: DtiFramework, input: unknown): DtiInput {
  if (!isObject(input)) {
    throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { points } | { values }', received: input })]);
  }
  const issues = dtiInputIssues(framework, input);
  if (issues.length > 0) throw new ValidationError(issues);
  return input as DtiInput;
}
