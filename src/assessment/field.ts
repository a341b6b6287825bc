/** A zod schema for one numeric input field, reporting problems with the library's issue codes. */
import * as z from 'zod';
import { checkNumeric, type NumericInput, type NumericRule } from './numeric.js';

/** A required numeric field following `rule`; a missing key is reported as `missing_key`. */
export function numericField(rule: NumericRule): z.ZodType<NumericInput> {
  return z.custom<NumericInput>().check((ctx) => {
    const problem = checkNumeric(ctx.value, rule);
    if (problem) {
      ctx.issues.push({ code: 'custom', input: ctx.value, message: problem.code, params: { code: problem.code, ...problem.params } });
    }
  });
}
