/** Helpers shared by the test files. */
import { expect } from 'vitest';
import { ValidationError, type ValidationIssue } from '../src/index.js';
import { main } from '../src/presentation/cli/main.js';

/** The issues of the ValidationError `fn` throws (fails if it returns or throws anything else). */
export function issuesOf(fn: () => unknown): ValidationIssue[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return [...(e as ValidationError).issues];
  }
  throw new Error('expected a ValidationError');
}

/** Runs the CLI in-process, capturing stdout and stderr. */
export async function runCli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), out, err };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

/** Replaces one value at a path picked by indices (key by key, modulo each object's keys), in a deep copy. */
export function mutate(root: unknown, pick: readonly number[], value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(root)) as Record<string, unknown>;
  let node = copy;
  for (let i = 0; i < pick.length; i++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[pick[i]! % keys.length]!;
    const next = node[key];
    if (i === pick.length - 1 || next === null || typeof next !== 'object') {
      node[key] = value;
      break;
    }
    node = next as Record<string, unknown>;
  }
  return copy;
}
