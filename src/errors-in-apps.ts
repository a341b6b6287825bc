/**
 * The library's errors where apps carry them: across a boundary (JSON, a worker, a queue) and into a
 * form. Kept apart from errors.ts, which every bundle holds: an app that never rebuilds or flattens
 * an error does not bundle these.
 */
import { NotScorableError, ValidationError, isValidationError, pathToString, type ValidationIssue } from './errors.js';
import { arrayOf, isPlainObject, obj, oneOf, optional, parse, str } from './assessment/check.js';
import { readGuarded, readPlain } from './assessment/snapshot.js';
import { setOwn } from './own-key.js';

/**
 * The library's error again from what crossed a boundary: the JSON of one (`JSON.stringify(error)`,
 * a response body, a queue message, parsed back), a structured clone of one (`postMessage` to or
 * from a worker keeps only an Error's `message` and `cause`, where the library keeps the issues),
 * or the error itself. Returns a {@link ValidationError} (a {@link NotScorableError} for a single
 * `not_scorable` issue) with the same issues, or `undefined` when `value` carries no issues of the
 * library's shape. Never throws.
 *
 * @example
 * ```ts
 * const r = safeScoreDti('dti-province-2022', { points: { awareness: 120 } });
 * if (!r.success) {
 *   const fromJson = rebuildError(JSON.parse(JSON.stringify(r.error)));
 *   fromJson instanceof ValidationError; // true
 *   fromJson?.issues[0]?.pathString;     // 'points.awareness'
 *   const fromWorker = rebuildError(structuredClone(r.error)); // what postMessage delivers
 *   fromWorker?.message === r.error.message; // true
 * }
 * rebuildError(new Error('not ours')); // undefined
 * ```
 */
export function rebuildError(value: unknown): ValidationError | undefined {
  try {
    if (isValidationError(value)) return value;
    const v = value as { issues?: unknown; cause?: { issues?: unknown } } | null | undefined;
    const list = v?.issues ?? v?.cause?.issues;
    if (!Array.isArray(list) || list.length === 0) return undefined;
    const issues: ValidationIssue[] = [];
    for (const i of list as Partial<ValidationIssue>[]) {
      const { path, code, message, params, hint } = i ?? {};
      if (!Array.isArray(path) || !path.every((p) => typeof p === 'string' || typeof p === 'number') || typeof code !== 'string'
        || typeof message?.vi !== 'string' || typeof message.en !== 'string') return undefined;
      issues.push({
        path: [...path], pathString: pathToString(path), code, message: { vi: message.vi, en: message.en },
        ...(isPlainObject(params) ? { params: { ...params } } : {}),
        ...(typeof hint === 'string' ? { hint } : {}),
      });
    }
    const [only] = issues;
    if (issues.length === 1 && only!.code === 'not_scorable') return new NotScorableError(String(only!.params?.id ?? ''), only!.message, only!.hint);
    return new ValidationError(issues);
  } catch {
    // a hostile value (a Proxy or getter that throws) carries no issues of the library's
    return undefined;
  }
}

/** Per-field messages in one language: what {@link flattenError} returns. */
export interface FlatErrors {
  /** Messages about the input as a whole (an issue without a path, such as `too_many_issues`). */
  readonly formErrors: string[];
  /** Messages per field, keyed by the issue's `pathString` (`'answers.3.2.4'`, `'points.awareness'`). */
  readonly fieldErrors: Record<string, string[]>;
}

const flatIssues = /* @__PURE__ */ obj({
  issues: arrayOf(obj({ pathString: str(), message: obj({ vi: str(), en: str() }, { extraKeys: true }) }, { extraKeys: true })),
}, { extraKeys: true });
const flatOptions = /* @__PURE__ */ obj({ lang: optional(oneOf(['vi', 'en'] as const)) });

/**
 * The messages of an error for a form, in one language (Vietnamese unless `lang: 'en'`): per field,
 * keyed by each issue's `pathString`, and for the input as a whole — the shape of zod's
 * `flattenError`. Takes the error, or anything with its `issues` (the JSON body a server sent).
 *
 * @example
 * ```ts
 * const r = safeScoreDti('dti-province-2022', { points: { awareness: 120, institutions: 'x' } });
 * if (!r.success) {
 *   const { fieldErrors } = flattenError(r.error);
 *   fieldErrors['points.awareness']; // ['Giá trị 120 nằm ngoài khoảng cho phép [0, 100]']
 *   flattenError(r.error, { lang: 'en' }).fieldErrors['points.institutions']; // ['Value "x" is not a number (use a number or a decimal string such as "41.6")']
 * }
 * ```
 */
export function flattenError(
  error: { readonly issues: readonly Pick<ValidationIssue, 'pathString' | 'message'>[] },
  options: { readonly lang?: 'vi' | 'en' } = {},
): FlatErrors {
  const { issues } = isValidationError(error)
    ? readGuarded(['error'], () => ({ issues: error.issues }))
    : parse(flatIssues, readPlain(error, ['error']), ['error']);
  const { lang = 'vi' } = parse(flatOptions, readPlain(options, ['options']), ['options']);
  const formErrors: string[] = [];
  const fieldErrors: Record<string, string[]> = {};
  for (const i of issues) {
    const text = i.message[lang];
    if (!i.pathString) formErrors.push(text);
    // defineProperty: a path such as `__proto__` is a key like any other
    else if (Object.prototype.hasOwnProperty.call(fieldErrors, i.pathString)) fieldErrors[i.pathString]!.push(text);
    else setOwn(fieldErrors, i.pathString, [text]);
  }
  return { formErrors, fieldErrors };
}
