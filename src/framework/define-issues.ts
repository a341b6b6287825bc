/**
 * Issue helpers shared by the framework checks: zod's issues mapped to the library's bilingual
 * issues (paths into the framework file), and the invariant issues (duplicates, sums, orders).
 *
 * @internal
 */
import type * as z from 'zod';
import { makeIssue, pathToString, type ValidationIssue } from '../errors.js';
import * as X from '../arithmetic/decimal.js';

export type Path = readonly (string | number)[];

function cleanPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

const quote = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : String(v));

/** The JSON types zod names, in Vietnamese (a Vietnamese message must not say "cần string"). */
const TYPE_VI: Readonly<Record<string, string>> = { string: 'chuỗi', number: 'số', object: 'đối tượng', array: 'mảng', boolean: 'true/false', int: 'số nguyên' };
/** What a value must be in Vietnamese where zod gives only an English message (kept for English). */
const FORMAT_VALUE_VI = 'giá trị mà định dạng tệp bộ chỉ số cho phép';

/** One zod issue from a framework schema as library issues, with paths into the file. */
export function frameworkZodIssue(issue: z.core.$ZodIssue, root: unknown, prefix: Path): ValidationIssue[] {
  const local = cleanPath(issue.path);
  const path = [...prefix, ...local];
  const received = valueAt(root, local);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => makeIssue([...path, key], 'unknown_key', { key }));
    case 'invalid_type':
      if (received === undefined && !(local.length > 0 && valueAt(root, local.slice(0, -1)) === undefined)) {
        return [makeIssue(path, 'missing_key', { key: path[path.length - 1] })];
      }
      return [makeIssue(path, 'invalid_type', { expected: issue.expected, expectedVi: TYPE_VI[issue.expected] ?? issue.expected, received })];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      if (issue.origin === 'array' || issue.origin === 'string' || issue.origin === 'set') {
        const what = issue.origin === 'string' ? 'characters' : 'items';
        const whatVi = issue.origin === 'string' ? 'ký tự' : 'phần tử';
        const exactly = (issue as { exact?: boolean }).exact === true;
        const rel = exactly ? '=' : issue.code === 'too_small' ? '≥' : '≤';
        return [makeIssue(path, 'invalid_framework', {
          detail: `cần số ${whatVi} ${rel} ${String(bound)}`,
          detailEn: `the number of ${what} must be ${rel} ${String(bound)}`,
          received: Array.isArray(received) || typeof received === 'string' ? received.length : received,
        })];
      }
      const min = issue.code === 'too_small' ? (inclusive ? String(bound) : `>${String(bound)}`) : '-∞';
      const max = issue.code === 'too_big' ? (inclusive ? String(bound) : `<${String(bound)}`) : '∞';
      return [makeIssue(path, 'out_of_range', { received, min, max })];
    }
    case 'invalid_union': {
      const u = issue as { note?: string; discriminator?: string; options?: unknown[] };
      if (u.discriminator !== undefined) {
        const kindPath = local[local.length - 1] === u.discriminator ? path : [...path, u.discriminator];
        const actual = valueAt(root, local[local.length - 1] === u.discriminator ? local : [...local, u.discriminator]);
        const expected = (u.options ?? []).map(quote).join(' | ');
        if ((u.options ?? []).includes('dbi') && local.length <= 1) {
          // the framework's own `kind`: which index this file is
          const id = valueAt(root, ['id']);
          return [makeIssue(kindPath, 'wrong_framework_kind', { id: typeof id === 'string' ? id : '?', actual: quote(actual), expected })];
        }
        return [makeIssue(kindPath, 'invalid_type', { expected: `one of ${expected}`, expectedVi: `một trong ${expected}`, received: actual })];
      }
      return [makeIssue(path, 'invalid_type', { expected: issue.message, expectedVi: FORMAT_VALUE_VI, received })];
    }
    case 'invalid_value':
      return [makeIssue(path, 'invalid_type', { expected: `one of ${issue.values.map(quote).join(' | ')}`, expectedVi: `một trong ${issue.values.map(quote).join(' | ')}`, received })];
    case 'invalid_format': {
      const f = issue as { format: string; pattern?: string };
      const [expected, expectedVi] =
        f.format === 'date' ? ['an ISO date (YYYY-MM-DD)', 'một ngày theo ISO (YYYY-MM-DD)']
        : f.format === 'url' ? ['a URL', 'một địa chỉ URL']
        : f.format === 'regex' ? [`text matching ${f.pattern ?? ''}`, `chuỗi khớp mẫu ${f.pattern ?? ''}`]
        : [f.format, `định dạng ${f.format}`];
      return [makeIssue(path, 'invalid_type', { expected, expectedVi, received })];
    }
    case 'not_multiple_of':
      return [makeIssue(path, 'too_many_decimals', { received, decimals: String(issue.divisor) })];
    default:
      return [makeIssue(path, 'invalid_type', { expected: issue.message, expectedVi: FORMAT_VALUE_VI, received })];
  }
}

/** An invariant of the framework that the data breaks, in both languages. */
export function invariant(path: Path, vi: string, en: string, params: Record<string, unknown> = {}): ValidationIssue {
  return makeIssue(path, 'invalid_framework', { ...params, detail: vi, detailEn: en });
}

/** A stated figure that is not the sum of its parts (`what`: the parts, in both languages). */
export function sumMismatch(path: Path, what: string, whatEn: string, sum: X.Exact, expected: number): ValidationIssue {
  return makeIssue(path, 'sum_mismatch', { what, whatEn, sum: X.toPlainString(sum), expected });
}

/** Issues for ids used more than once; `items` are [id, path of the id]. */
export function duplicates(items: readonly (readonly [string, Path])[]): ValidationIssue[] {
  const first = new Map<string, Path>();
  const issues: ValidationIssue[] = [];
  for (const [id, path] of items) {
    const seen = first.get(id);
    if (seen) issues.push(makeIssue(path, 'duplicate_id', { id, first: pathToString(seen) }));
    else first.set(id, path);
  }
  return issues;
}

/** The exact sum of decimal maxima (no float drift: 20.83 + 0.17 is 21). */
export function exactSum(values: readonly number[]): X.Exact {
  return X.sum(values.map((v) => X.exact(v)));
}

/** Whether an exact sum equals a stated number. */
export function sameNumber(sum: X.Exact, stated: number): boolean {
  return X.compare(sum, X.exact(stated)) === 0;
}

export const plain = (e: X.Exact) => X.toPlainString(e);
