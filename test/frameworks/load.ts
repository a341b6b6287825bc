/** Loads the test frameworks written in the framework file format. */
import { readFileSync } from 'node:fs';
import { type DtiFramework } from '../../src/index.js';
import { defineDtiFramework } from '../../src/schema.js';

/** A file of test/frameworks, parsed. */
export function readFrameworkJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
}

/** test/frameworks/dti-fictional.json: a small fictional component-tree DTI, through defineFramework. */
export function loadDtiFictional(): DtiFramework {
  return defineDtiFramework(readFrameworkJson('dti-fictional.json'));
}
