/**
 * The zod schema of a DBI input: the reference the hand-written checks of dbi-input.ts
 * (dbiInputIssues) are tested against. Nothing on the scoring path imports it, so scoring never
 * loads zod.
 *
 * @internal
 */
import * as z from 'zod';
import type { CompiledDbi, DbiInput } from './dbi-input.js';
import { numericField } from './field.js';

const zodSchemas = new WeakMap<CompiledDbi, z.ZodType<DbiInput>>();

/**
 * The zod schema of a compiled framework's input, built on first use: the reference the hand-written
 * checks (dbiInputIssues in dbi-input.ts) are tested against. Nothing on the scoring path calls it.
 */
export function dbiZodSchema(c: CompiledDbi): z.ZodType<DbiInput> {
  let schema = zodSchemas.get(c);
  if (!schema) {
    const shape = Object.fromEntries(c.items.map((item) => [item.id, numericField(item.rule)]));
    schema = z.strictObject({ answers: z.strictObject(shape) }) as unknown as z.ZodType<DbiInput>;
    zodSchemas.set(c, schema);
  }
  return schema;
}

