/**
 * The bounds of a row the command line reads (docs/cli.md), in a module without Node imports so
 * that the self-assessment page, which reads a saved file in the browser, keeps the same bounds.
 *
 * @internal
 */

/** Characters of one CSV record, NDJSON line or JSON array element: a thousand times an ordinary row. */
export const MAX_ROW_CHARACTERS = 1 << 20;
/** Nesting of a JSON row (a DBI row nests two or three levels). */
export const MAX_JSON_DEPTH = 64;

/** Whether a parsed JSON value nests deeper than {@link MAX_JSON_DEPTH} (iterative: a deep value is not a deep stack). */
export function tooDeep(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > MAX_JSON_DEPTH) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v as object)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}
