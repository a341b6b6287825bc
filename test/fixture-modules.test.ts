/**
 * The JavaScript modules beside the JSON fixtures (for projects without import attributes) are
 * what scripts/fixture-modules.ts writes, for every JSON fixture (run `npm run fixture-modules`).
 * That they load the same data, and that their declared types hold the JSON, is checked on the
 * installed package (test/trust/package.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureNames, moduleFiles } from '../scripts/fixture-modules.js';

describe('fixture modules', () => {
  it.each(fixtureNames())('%s has its modules and declarations, as generated', (name) => {
    for (const [file, text] of Object.entries(moduleFiles(name))) expect(readFileSync(join(FIXTURES, file), 'utf8'), file).toBe(text);
  });

  it('no module is left over from a fixture that is gone', () => {
    const expected = new Set(fixtureNames().flatMap((n) => Object.keys(moduleFiles(n))));
    const modules = readdirSync(FIXTURES).filter((f) => /\.(js|cjs|d\.ts|d\.cts)$/.test(f));
    expect(modules.filter((f) => !expected.has(f))).toEqual([]);
  });
});
