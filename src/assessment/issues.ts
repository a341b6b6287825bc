/** Turns zod's issues into the library's bilingual {@link ValidationIssue}s. */
import type * as z from 'zod';
import { makeIssue, type IssueCode, type ValidationIssue } from '../errors.js';

type ZodIssue = z.core.$ZodIssue;

function cleanPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

/** Maps one zod issue (from the library's own schemas) to library issues. */
export function fromZodIssue(issue: ZodIssue, prefix: readonly (string | number)[], framework?: string): ValidationIssue[] {
  const path = [...prefix, ...cleanPath(issue.path)];
  switch (issue.code) {
    case 'custom': {
      const { code = 'invalid_type', ...params } = (issue.params ?? {}) as { code?: IssueCode; [k: string]: unknown };
      const last = path[path.length - 1];
      return [makeIssue(path, code, { key: last, framework, ...params })];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) => makeIssue([...path, key], 'unknown_key', { key, framework }));
    case 'invalid_type': {
      const received = (issue as { input?: unknown }).input;
      if (received === undefined) {
        return [makeIssue(path, 'missing_key', { key: path[path.length - 1] })];
      }
      return [makeIssue(path, 'invalid_type', { expected: issue.expected, received })];
    }
    default:
      return [makeIssue(path, 'invalid_type', { expected: issue.message, received: (issue as { input?: unknown }).input })];
  }
}

/** Maps every issue of a failed parse. */
export function fromZodError(error: z.ZodError, prefix: readonly (string | number)[] = [], framework?: string): ValidationIssue[] {
  return error.issues.flatMap((i) => fromZodIssue(i, prefix, framework));
}
