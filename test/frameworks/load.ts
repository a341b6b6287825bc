/** Loads the test frameworks written in the framework file format. */
import { readFileSync } from 'node:fs';
import { dtiFrameworkSchema, type DtiFramework } from '../../src/index.js';
import { dtiInvariantIssues } from '../../src/framework/dti/invariants.js';
import { deepFreeze } from '../../src/framework/freeze.js';

export function readFrameworkJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
}

export function loadDtiFictional(): DtiFramework {
  const data = dtiFrameworkSchema.parse(readFrameworkJson('dti-fictional.json'));
  const issues = dtiInvariantIssues(data);
  if (issues.length) throw new Error(issues.map((i) => i.pathString).join(', '));
  return deepFreeze(data);
}
