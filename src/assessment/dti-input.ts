/**
 * The validated input of a DTI assessment: points (0…max) or values (0…1) per main indicator, or
 * per pillar for frameworks whose published inputs are pillar values (DTI 2020).
 */
import * as z from 'zod';
import { ValidationError, makeIssue } from '../errors.js';
import type { DtiFramework } from '../framework/schema.js';
import { numericField } from './field.js';
import { fromZodError } from './issues.js';
import type { NumericInput } from './numeric.js';

import { resolveDtiFramework, type DtiFrameworkRef } from '../framework/dti/index.js';

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

/** The input units of a framework, in framework order. */
export function dtiInputUnits(framework: DtiFramework): DtiInputUnit[] {
  if (framework.inputKeys === 'pillars') {
    return framework.pillars.map((p) => ({ id: p.id, max: p.max, required: true }));
  }
  return framework.mainIndicators
    .filter((m) => m.max !== null)
    .map((m) => ({ id: m.id, max: m.max as number, required: m.group !== 'unscored' }));
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
export function dtiInputSchema(frameworkOrId: DtiFrameworkRef): z.ZodType<DtiInput> {
  const framework = resolveDtiFramework(frameworkOrId);
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
          ctx.issues.push({ code: 'custom', input: v, message: 'missing_input', params: { code: 'missing_input', fields: ['points', 'values'] } });
        } else if (given.length > 1) {
          ctx.issues.push({ code: 'custom', input: v, message: 'conflicting_input', params: { code: 'conflicting_input', fields: ['points', 'values'] } });
        }
      }) as unknown as z.ZodType<DtiInput>;
    schemas.set(framework, schema);
  }
  return schema;
}

/** Validates a DTI input, throwing a {@link ValidationError} with every issue found. */
export function validateDtiInput(framework: DtiFramework, input: unknown): DtiInput {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError([makeIssue([], 'invalid_type', { expected: 'object { points } | { values }', received: input })]);
  }
  const parsed = dtiInputSchema(framework).safeParse(input);
  if (!parsed.success) throw new ValidationError(fromZodError(parsed.error, [], framework.id));
  return input as DtiInput;
}
