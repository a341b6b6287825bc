/**
 * The zod schema of a DTI input, for callers who validate with zod before scoring. It lives apart
 * from dti-input.ts (which scoring uses: hand-written checks that report the same issues, held
 * together by a property test) so that scoring never loads zod.
 */
import * as z from 'zod';
import type { ValidationIssue } from '../errors.js';
import { resolveDtiFramework, type DtiFrameworkRef } from '../framework/dti/index.js';
import type { DtiFramework } from '../framework/schema.js';
import { componentTrees, dtiComponentCoverageIssues, dtiComponentsIssues, dtiInputUnits, type DtiInput } from './dti-input.js';
import { numericField } from './field.js';

/** A library issue as a zod custom issue (paths relative to where the check runs). */
function toZodIssue(issue: ValidationIssue, input: unknown, drop: number) {
  return { code: 'custom' as const, input, path: issue.path.slice(drop) as (string | number)[], message: issue.code, params: { ...issue.params, code: issue.code } };
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
    const trees = componentTrees(framework);
    const shape = (mode: 'points' | 'values') =>
      Object.fromEntries(
        units.map((u) => {
          const field = numericField({ min: 0, max: mode === 'points' ? u.max : 1 });
          // a main indicator with components may be given by them instead (checked below)
          return [u.id, u.required && !trees.has(u.id) ? field : field.optional()];
        }),
      );
    const components = z.custom<DtiInput['components']>().check((ctx) => {
      for (const issue of dtiComponentsIssues(framework, ctx.value)) ctx.issues.push(toZodIssue(issue, ctx.value, 1));
    });
    schema = z
      .strictObject({
        points: z.strictObject(shape('points')).optional(),
        values: z.strictObject(shape('values')).optional(),
        ...(trees.size > 0 ? { components: components.optional() } : {}),
      })
      .check((ctx) => {
        const v = ctx.value as Record<string, unknown>;
        if (trees.size > 0) {
          for (const issue of dtiComponentCoverageIssues(framework, v)) ctx.issues.push(toZodIssue(issue, v, 0));
          return;
        }
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

