/**
 * Which framework objects have been checked, kept apart from the checks themselves. The checks
 * (`defineFramework`: the zod schema, then the invariants) are large; the scoring and ranking paths
 * only ask "was this object checked?", so they bundle without zod. A framework object reaches a
 * scoring function checked (bundled, or returned by `defineFramework` or an override helper) or is
 * refused with the reason: it is never used unchecked, and never swapped for a bundled framework
 * of the same id.
 */
import { ValidationError, makeIssue } from '../errors.js';
import type { Framework } from './schema.js';
import { readGuarded } from '../assessment/snapshot.js';
import { isBundledFramework } from './freeze.js';
import { processWide } from '../process-wide.js';

/**
 * Frameworks that passed every check (returned by `defineFramework` or an override helper), kept
 * process-wide: a framework checked by one copy of the package must be accepted by the others.
 */
const defined: WeakSet<object> = /* @__PURE__ */ processWide('defined-frameworks', () => new WeakSet<object>());

/**
 * Marks a framework that passed every check as trusted.
 *
 * @internal
 */
export function markDefined<F extends Framework>(framework: F): F {
  defined.add(framework);
  return framework;
}

/**
 * Whether `value` is a framework this process has checked (returned by `defineFramework` or an
 * override helper). Bundled frameworks are trusted by identity and are not listed here.
 *
 * @example
 * ```ts
 * isDefinedFramework(defineFramework(JSON.parse(JSON.stringify(dbi2021Sme)))); // true
 * isDefinedFramework(JSON.parse(JSON.stringify(dbi2021Sme))); // false
 * ```
 */
export function isDefinedFramework(value: unknown): boolean {
  return typeof value === 'object' && value !== null && defined.has(value);
}

/**
 * A framework object a caller passed: itself when it has been checked and is of the expected
 * kind. An unchecked object (built by hand, or rebuilt from JSON) is refused with a
 * `invalid_framework` issue whose hint says how to check it; an object of another or a misspelt
 * `kind` is a `wrong_framework_kind` issue either way, an object without a string `kind` an
 * `invalid_type` issue (see {@link frameworkKindIssue}). Paths start with `framework`.
 *
 * @internal
 */
export function checkedFramework<K extends 'dbi' | 'dti'>(value: object, kind: K): Extract<Framework, { kind: K }> {
  // a bundled framework, whichever copy of the package bundled it, is the library's own frozen data
  // (no getter to guard against): trusted by identity, the common case kept cheap
  if (isBundledFramework(value) && (value as Framework).kind === kind) return value as Extract<Framework, { kind: K }>;
  // a hostile object (a Proxy or getter that throws) is refused as unreadable, not let through
  const { k, id } = readGuarded(['framework'], () => ({ k: (value as { kind?: unknown }).kind, id: (value as { id?: unknown }).id }));
  if (k !== kind) throw new ValidationError([frameworkKindIssue(['framework'], k, id, kind)]);
  if (!defined.has(value)) {
    throw new ValidationError([
      makeIssue(['framework'], 'invalid_framework', {
        detail: `đối tượng bộ chỉ số ${typeof id === 'string' ? `"${id}" ` : ''}chưa được kiểm tra; hãy kiểm tra (định nghĩa) nó một lần trước khi dùng`,
        detailEn: `the framework object ${typeof id === 'string' ? `"${id}" ` : ''}has not been checked; check (define) it once before use`,
      }, 'Pass a framework object through defineFramework(data) (or an override helper) once: it checks shape and invariants and returns a frozen framework that every function accepts. Bundled frameworks can be passed by id.'),
    ]);
  }
  return value as Extract<Framework, { kind: K }>;
}

/**
 * The issue of an object passed where a framework of `expected` kind is needed, by what its `kind`
 * is: a string of another (or a misspelt) kind is `wrong_framework_kind` at `…kind`; no `kind`, or a
 * `kind` that is not a string, means the object is not a framework at all: `invalid_type` at the
 * object's own path, saying what was received ("an object without `kind`").
 *
 * @internal
 */
export function frameworkKindIssue(path: readonly (string | number)[], actual: unknown, id: unknown, expected: 'dbi' | 'dti') {
  if (typeof actual === 'string') {
    return makeIssue([...path, 'kind'], 'wrong_framework_kind', { id: typeof id === 'string' ? id : '?', actual, expected });
  }
  const K = expected.toUpperCase();
  return makeIssue(path, 'invalid_type', {
    expected: `a framework id or a ${K} framework object`,
    expectedVi: `mã bộ chỉ số hoặc một đối tượng bộ chỉ số ${K}`,
    received: actual,
    ...(actual === undefined
      ? { receivedText: 'an object without `kind`', receivedTextVi: 'một đối tượng không có `kind`' }
      : { receivedText: `an object whose \`kind\` is not a string (${typeof actual})`, receivedTextVi: `một đối tượng có \`kind\` không phải chuỗi (${typeof actual})` }),
  });
}

/**
 * The issue of a framework id that is not among `known` (the bundled ids of the `expected` kind).
 * A bundled id starts with its kind (`dti-…`, `dbi-…`), so an id of the other kind is named as such,
 * `wrong_framework_kind` ("has kind dti; dbi is needed"), rather than as no framework at all; any
 * other id is `unknown_framework`. Decided by the prefix, because a DBI-only bundle does not carry
 * the DTI ids (nor the reverse).
 *
 * @internal
 */
export function frameworkIdIssue(id: string, expected: 'dbi' | 'dti', known: readonly string[]) {
  const other = expected === 'dbi' ? 'dti' : 'dbi';
  if (!id.startsWith(`${other}-`)) return makeIssue(['framework'], 'unknown_framework', { id, known: [...known] });
  return makeIssue(['framework'], 'wrong_framework_kind', { id, actual: other, expected, known: [...known] },
    `"${id}" names a ${other.toUpperCase()} framework: pass it to the ${other.toUpperCase()} functions (score${other === 'dti' ? 'Dti' : 'Dbi'} …). ${expected.toUpperCase()} frameworks: ${known.join(', ')}.`);
}
