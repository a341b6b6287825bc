/**
 * Errors where apps carry them: one order of languages in `message` (Vietnamese first), the issues
 * kept through JSON (`toJSON`) and through structured clone (a worker's `postMessage`), rebuilt by
 * `rebuildError`, and turned into per-field messages for a form by `flattenError`.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  NotScorableError, ValidationError, VndiError, flattenError, isValidationError, rebuildError, safeScoreDbi, safeScoreDti,
  type ValidationIssue,
} from '../../src/index.js';
import { makeIssue } from '../../src/errors.js';

const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };

function failure(input: unknown): ValidationError {
  const r = safeScoreDti('dti-province-2022', input as never);
  if (r.success) throw new Error('expected a failure');
  return r.error;
}

describe('error.message', () => {
  it('is Vietnamese first, then English, as on the command line and in the docs', () => {
    const e = failure({ points: { ...points, awareness: 120 } });
    expect(e.message).toBe('points.awareness: Giá trị 120 nằm ngoài khoảng cho phép [0, 100] / Value 120 is outside the allowed range [0, 100]');
    const many = failure({ points: { awareness: 120 } });
    expect(many.message).toBe('points.awareness: Giá trị 120 nằm ngoài khoảng cho phép [0, 100] / Value 120 is outside the allowed range [0, 100] (+7 more)');
    const n = safeScoreDbi('dbi-2023-sme-readiness', { answers: {} });
    expect(!n.success && n.error.message).toMatch(/^dbi-2023-sme-readiness: Chưa có điểm tối đa của trụ cột \(strategy, .* \/ The pillar maxima \(strategy, /);
  });
});

describe('JSON', () => {
  it('JSON.stringify gives name, message and the issues, and rebuildError gives the error back', () => {
    const e = failure({ points: { ...points, awareness: 120, institutions: 'x' } });
    const json = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['name', 'message', 'issues']);
    expect(json).toEqual({ name: 'ValidationError', message: e.message, issues: e.issues });
    const back = rebuildError(json)!;
    expect(back).toBeInstanceOf(ValidationError);
    expect([back.name, back.message, back.issues]).toEqual([e.name, e.message, e.issues]);
  });

  it('values JSON cannot hold are described, never a TypeError (BigInt) or a silent null (NaN)', () => {
    const e = failure({ points: { ...points, awareness: 10n, institutions: Number.NaN, infrastructure: () => 1, humanResources: Symbol('s'), cybersecurity: [1, 2n, { a: 1 }] } });
    const text = JSON.stringify(e);
    const received = (JSON.parse(text) as { issues: ValidationIssue[] }).issues.map((i) => [i.pathString, i.params?.received]);
    expect(received).toEqual([
      ['points.awareness', '10n'],
      ['points.institutions', 'NaN'],
      ['points.infrastructure', 'a function'],
      ['points.humanResources', 'a symbol'],
      ['points.cybersecurity', [1, '2n', 'an object']],
    ]);
    // the error itself keeps the caller's values as they were
    expect(e.issues[0]!.params!.received).toBe(10n);
  });

  it('a NotScorableError comes back as one, with its framework and reason', () => {
    const r = safeScoreDbi('dbi-2023-sme-readiness', { answers: {} });
    if (r.success) throw new Error('expected a failure');
    const back = rebuildError(JSON.parse(JSON.stringify(r.error)));
    expect(back).toBeInstanceOf(NotScorableError);
    const original = r.error as NotScorableError;
    expect([back!.message, (back as NotScorableError).frameworkId, (back as NotScorableError).reason, back!.issues]).toEqual([original.message, original.frameworkId, original.reason, original.issues]);
  });
});

describe('structured clone', () => {
  it('structuredClone keeps the issues (in cause), and rebuildError gives the error back', () => {
    const e = failure({ points: { ...points, awareness: 120, institutions: 10n } });
    const clone = structuredClone(e);
    // what structured clone makes of any Error: its name and class are lost, message and cause kept
    expect(clone).not.toBeInstanceOf(ValidationError);
    expect(clone.message).toBe(e.message);
    const back = rebuildError(clone)!;
    expect(back).toBeInstanceOf(ValidationError);
    expect(back.issues).toEqual((JSON.parse(JSON.stringify(e)) as { issues: unknown }).issues);
    expect(back.issues[1]!.params!.received).toBe('10n');
  });

  it('a hostile value in the input does not make the error uncloneable', () => {
    const trap = new Proxy([], { get() { throw new Error('trap'); } });
    const e = failure({ points: { ...points, awareness: trap, institutions: () => 1 } });
    expect(() => structuredClone(e)).not.toThrow();
    expect(rebuildError(structuredClone(e))!.issues.map((i) => i.pathString)).toEqual(e.issues.map((i) => i.pathString));
  });

  it('through a real worker: postMessage(error) and back', async () => {
    const worker = new Worker(`
      const { parentPort } = require('node:worker_threads');
      parentPort.once('message', (e) => { parentPort.postMessage(e); });`, { eval: true });
    try {
      const e = failure({ points: { ...points, digitalSociety: -1 } });
      const received = await new Promise<unknown>((resolve) => {
        worker.once('message', resolve);
        worker.postMessage(e);
      });
      const back = rebuildError(received)!;
      expect(isValidationError(back)).toBe(true);
      expect(back.issues[0]).toMatchObject({ pathString: 'points.digitalSociety', code: 'out_of_range', params: { received: -1, min: 0, max: 150 } });
    } finally {
      await worker.terminate();
    }
  });
});

describe('rebuildError', () => {
  it('returns the error itself, and undefined for what carries no issues of the library', () => {
    const e = failure({});
    expect(rebuildError(e)).toBe(e);
    for (const x of [undefined, null, 1, 'x', new Error('x'), { issues: [] }, { issues: [{ path: 'x' }] }, { issues: [{ path: [], code: 'x', message: { vi: 1 } }] }, new Proxy({}, { get() { throw new Error('trap'); } })]) {
      expect(rebuildError(x)).toBeUndefined();
    }
  });

  it('keeps only the fields of an issue, recomputes pathString, and caps the list', () => {
    const issues = Array.from({ length: 80 }, (_, i) => ({ ...makeIssue(['answers', `k${i}`], 'unknown_key', { key: `k${i}` }), pathString: 'forged', extra: 1 }));
    const back = rebuildError({ issues })!;
    expect(back.issues).toHaveLength(51);
    expect(back.issues[0]).toEqual(makeIssue(['answers', 'k0'], 'unknown_key', { key: 'k0' }));
    expect(back.issues[50]!.code).toBe('too_many_issues');
    expect(back).toBeInstanceOf(VndiError);
  });
});

describe('flattenError', () => {
  it('gives per-field messages in one language, Vietnamese by default', () => {
    const e = failure({ points: { ...points, awareness: 120, institutions: 'x' } });
    expect(flattenError(e)).toEqual({
      formErrors: [],
      fieldErrors: {
        'points.awareness': ['Giá trị 120 nằm ngoài khoảng cho phép [0, 100]'],
        'points.institutions': ['Giá trị "x" không phải là số (dùng số hoặc chuỗi thập phân như "41.6")'],
      },
    });
    expect(flattenError(e, { lang: 'en' }).fieldErrors['points.awareness']).toEqual(['Value 120 is outside the allowed range [0, 100]']);
  });

  it('puts issues without a path in formErrors, gathers several issues of one field, and takes a JSON body', () => {
    const e = new ValidationError([
      makeIssue([], 'missing_input', { fields: ['points', 'values'] }),
      makeIssue(['answers', '1.1.1'], 'out_of_range', { received: 9, min: 0, max: 5 }),
      makeIssue(['answers', '1.1.1'], 'too_many_decimals', { received: 9, decimals: 0 }),
      makeIssue(['__proto__'], 'unknown_key', { key: '__proto__' }),
    ]);
    const flat = flattenError(JSON.parse(JSON.stringify(e)) as { issues: ValidationIssue[] }, { lang: 'en' });
    expect(flat.formErrors).toEqual(['One of these fields is required: points, values']);
    expect(flat.fieldErrors['answers.1.1.1']).toEqual(['Value 9 is outside the allowed range [0, 5]', 'Value 9 has more than 0 decimals']);
    expect(Object.getPrototypeOf(flat.fieldErrors)).toBe(Object.prototype);
    expect(Object.keys(flat.fieldErrors)).toEqual(['answers.1.1.1', '__proto__']);
  });

  it('refuses what is not an error, and an unknown language, with the library\'s own error', () => {
    const issue = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        expect(isValidationError(e)).toBe(true);
        return (e as ValidationError).issues[0]!;
      }
      throw new Error('expected a ValidationError');
    };
    expect(issue(() => flattenError(null as never))).toMatchObject({ pathString: 'error', code: 'invalid_type' });
    expect(issue(() => flattenError({ issues: [{ pathString: 1 }] } as never))).toMatchObject({ pathString: 'error.issues.0.pathString', code: 'invalid_type' });
    expect(issue(() => flattenError(failure({}), { lang: 'fr' as never }))).toMatchObject({ pathString: 'options.lang', code: 'invalid_option', params: { allowed: ['vi', 'en'] } });
  });
});
