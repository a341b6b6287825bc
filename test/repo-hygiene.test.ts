/**
 * What a merge can leave behind in silence: conflict markers in a tracked file (a CHANGELOG once
 * shipped them). Every text file git tracks is read.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('the repository', () => {
  it('holds no merge conflict markers', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((f) => /\.(ts|mts|cts|js|mjs|cjs|json|md|yml|yaml|css|html|txt|csv)$/.test(f) || f === '.ci/run');
    expect(files.length).toBeGreaterThan(100);
    const marked = files.flatMap((f) => {
      let text: string;
      try {
        text = readFileSync(join(root, f), 'utf8');
      } catch {
        return []; // listed by git but not in the working tree (deleted, not yet committed)
      }
      return [...text.matchAll(/^(?:<{7}|>{7}) .*$|^\|{7} .*$/gm)].map((m) => `${f}: ${m[0]}`);
    });
    expect(marked).toEqual([]);
  });
});
