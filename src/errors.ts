/**
 * Typed errors. Every rejection names the field (a path) and the rule (a code), with a message in
 * Vietnamese and in English. The library never answers bad input with NaN, a silent zero or an
 * untyped crash.
 */

/** Bilingual text: Vietnamese first, as the official documents are written. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

/** The rules an input can break. */
export type IssueCode =
  | 'unknown_framework'
  | 'wrong_framework_kind'
  | 'invalid_type'
  | 'not_a_number'
  | 'not_finite'
  | 'out_of_range'
  | 'not_on_scale'
  | 'too_many_decimals'
  | 'unknown_key'
  | 'missing_key'
  | 'conflicting_input'
  | 'missing_input'
  | 'invalid_option'
  | 'duplicate_id'
  | 'sum_mismatch'
  | 'invalid_framework';

/** One broken rule at one place in the input. */
export interface ValidationIssue {
  /** Where: keys from the input's root, e.g. `['answers', '3.2.4']`. */
  readonly path: readonly (string | number)[];
  /** The path joined with dots, e.g. `answers.3.2.4`. */
  readonly pathString: string;
  readonly code: IssueCode;
  readonly message: Localized;
  /** The rule's parameters (range bounds, allowed values, expected type …). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * Base class of every error the library throws on purpose; anything else is a bug.
 *
 * @example
 * ```ts
 * try { scoreDbi('dbi-2021-sme', input); } catch (e) { if (!(e instanceof VndiError)) throw e; }
 * ```
 */
export class VndiError extends Error {
  override name = 'VndiError';
}

/**
 * Bad input. `issues` lists every broken rule found, each with its path, code and bilingual message.
 *
 * @example
 * ```ts
 * try {
 *   scoreDti('dti-province-2022', { points: { awareness: 120 } });
 * } catch (e) {
 *   if (e instanceof ValidationError) console.log(e.issues[0].pathString, e.issues[0].message.en);
 * }
 * ```
 */
export class ValidationError extends VndiError {
  override name = 'ValidationError';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    const first = issues[0];
    const summary = first
      ? `${first.pathString || '(input)'}: ${first.message.en} / ${first.message.vi}`
      : 'invalid input';
    super(issues.length > 1 ? `${summary} (+${issues.length - 1} more)` : summary);
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * The framework lacks a fact that scoring needs (e.g. maxima that no source publishes) and the
 * caller did not supply it. `reason` says what is missing and how to supply it.
 *
 * @example
 * ```ts
 * const r = safeScoreDbi('dbi-2023-sme-readiness', { answers: {} });
 * if (!r.success && r.error instanceof NotScorableError) console.log(r.error.reason.en);
 * // 'The pillar maxima (…) are not published in any source found. Supply them with overrideDbiPillarMaxima(…)'
 * ```
 */
export class NotScorableError extends VndiError {
  override name = 'NotScorableError';
  readonly frameworkId: string;
  readonly reason: Localized;

  constructor(frameworkId: string, reason: Localized) {
    super(`${frameworkId}: ${reason.en} / ${reason.vi}`);
    this.frameworkId = frameworkId;
    this.reason = reason;
  }
}

/** Result of a non-throwing `safe…` call, in the style of zod's `safeParse`. */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ValidationError | NotScorableError };

/** Runs `fn`, turning the library's own errors into a failed {@link SafeResult}. */
export function toSafe<T>(fn: () => T): SafeResult<T> {
  try {
    return { success: true, data: fn() };
  } catch (error) {
    if (error instanceof ValidationError || error instanceof NotScorableError) {
      return { success: false, error };
    }
    throw error;
  }
}

/** Joins a path the way issues report it. */
export function pathToString(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

function fmt(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Builds the bilingual message of an issue from its code and parameters. */
export function issueMessage(code: IssueCode, params: Record<string, unknown> = {}): Localized {
  const p = params;
  switch (code) {
    case 'unknown_framework':
      return {
        vi: `Không có bộ chỉ số "${String(p.id)}". Các bộ chỉ số hợp lệ: ${String(p.known)}`,
        en: `No framework "${String(p.id)}". Known frameworks: ${String(p.known)}`,
      };
    case 'wrong_framework_kind':
      return {
        vi: `Bộ chỉ số "${String(p.id)}" là loại ${String(p.actual)}, cần loại ${String(p.expected)}`,
        en: `Framework "${String(p.id)}" is a ${String(p.actual)} framework; a ${String(p.expected)} framework is needed`,
      };
    case 'invalid_type':
      return {
        vi: `Kiểu dữ liệu không hợp lệ: cần ${String(p.expected)}, nhận được ${fmt(p.received)}`,
        en: `Invalid type: expected ${String(p.expected)}, received ${fmt(p.received)}`,
      };
    case 'not_a_number':
      return {
        vi: `Giá trị ${fmt(p.received)} không phải là số (dùng số hoặc chuỗi thập phân như "41.6")`,
        en: `Value ${fmt(p.received)} is not a number (use a number or a decimal string such as "41.6")`,
      };
    case 'not_finite':
      return {
        vi: `Giá trị ${fmt(p.received)} không hữu hạn`,
        en: `Value ${fmt(p.received)} is not finite`,
      };
    case 'out_of_range':
      return {
        vi: `Giá trị ${fmt(p.received)} nằm ngoài khoảng cho phép [${String(p.min)}, ${String(p.max)}]`,
        en: `Value ${fmt(p.received)} is outside the allowed range [${String(p.min)}, ${String(p.max)}]`,
      };
    case 'not_on_scale':
      return {
        vi: `Giá trị ${fmt(p.received)} không thuộc thang điểm của tiêu chí (cho phép: ${String(p.allowed)})`,
        en: `Value ${fmt(p.received)} is not on the criterion's scale (allowed: ${String(p.allowed)})`,
      };
    case 'too_many_decimals':
      return {
        vi: `Giá trị ${fmt(p.received)} có quá ${String(p.decimals)} chữ số thập phân`,
        en: `Value ${fmt(p.received)} has more than ${String(p.decimals)} decimals`,
      };
    case 'unknown_key':
      return {
        vi: `Khóa "${String(p.key)}" không có trong bộ chỉ số ${String(p.framework ?? '')}`.trim(),
        en: `Key "${String(p.key)}" is not part of framework ${String(p.framework ?? '')}`.trim(),
      };
    case 'missing_key':
      return {
        vi: `Thiếu giá trị bắt buộc "${String(p.key)}"`,
        en: `Missing required value "${String(p.key)}"`,
      };
    case 'conflicting_input':
      return {
        vi: `Chỉ được cung cấp một trong các trường: ${String(p.fields)}`,
        en: `Give only one of the fields: ${String(p.fields)}`,
      };
    case 'missing_input':
      return {
        vi: `Cần cung cấp một trong các trường: ${String(p.fields)}`,
        en: `One of these fields is required: ${String(p.fields)}`,
      };
    case 'invalid_option':
      return {
        vi: `Tùy chọn không hợp lệ: ${String(p.detail ?? '')}`.trim(),
        en: `Invalid option: ${String(p.detailEn ?? p.detail ?? '')}`.trim(),
      };
    case 'duplicate_id':
      return {
        vi: `Mã "${String(p.id)}" bị trùng (đã dùng tại ${String(p.first)})`,
        en: `Id "${String(p.id)}" is used twice (first at ${String(p.first)})`,
      };
    case 'sum_mismatch':
      return {
        vi: `Tổng ${String(p.what)} là ${String(p.sum)}, phải bằng ${String(p.expected)}`,
        en: `The sum of ${String(p.whatEn ?? p.what)} is ${String(p.sum)}; it must equal ${String(p.expected)}`,
      };
    case 'invalid_framework':
      return {
        vi: `Bộ chỉ số không hợp lệ: ${String(p.detail ?? '')}`.trim(),
        en: `Invalid framework: ${String(p.detailEn ?? p.detail ?? '')}`.trim(),
      };
  }
}

/** Creates an issue with its message. */
export function makeIssue(
  path: readonly (string | number)[],
  code: IssueCode,
  params: Record<string, unknown> = {},
): ValidationIssue {
  return { path: [...path], pathString: pathToString(path), code, message: issueMessage(code, params), params };
}
