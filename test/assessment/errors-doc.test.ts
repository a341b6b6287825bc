/** The example of docs/errors.md runs, and prints what its `// →` comments say. */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = join(__dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'errors.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
const example = blocks.find((b) => b.includes("from 'vn-digital-index'") && b.includes('console.log'))!;
const tmp = join(__dirname, `.errors-doc-example-${process.pid}.ts`);

afterAll(() => rmSync(tmp, { force: true }));

describe('docs/errors.md', () => {
  it('runs its example and prints the commented results', async () => {
    const expected = [...example.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!.trim());
    expect(expected.length).toBe(4);
    writeFileSync(tmp, example.replace("from 'vn-digital-index'", `from ${JSON.stringify(join(root, 'src', 'index.ts'))}`));
    const printed: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      printed.push(args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' '));
    });
    try {
      await import(tmp);
    } finally {
      spy.mockRestore();
    }
    expect(printed).toEqual(expected);
  });
});
