/** The DBI frameworks, kept apart from the DTI data so that DBI-only code bundles without it. */
import { ValidationError, makeIssue } from '../../errors.js';
import type { DbiFramework } from '../schema.js';
import { dbi2021Group } from './dbi-2021-group.js';
import { dbi2021Large } from './dbi-2021-large.js';
import { dbi2021Sme } from './dbi-2021-sme.js';
import { dbi2023Large } from './dbi-2023-large.js';
import { dbi2023SmeReadiness } from './dbi-2023-sme-readiness.js';
import { dbi2025Large } from './dbi-2025-large.js';

export { dbi2021Group, dbi2021Large, dbi2021Sme, dbi2023Large, dbi2023SmeReadiness, dbi2025Large };

/** Every bundled DBI framework, oldest first. */
export const DBI_FRAMEWORKS: readonly DbiFramework[] = /* @__PURE__ */ Object.freeze([
  dbi2021Sme,
  dbi2021Large,
  dbi2021Group,
  dbi2023SmeReadiness,
  dbi2023Large,
  dbi2025Large,
]);

/** A DBI framework object, or the id of a bundled one. */
export type DbiFrameworkRef = DbiFramework | string;

/** Resolves a DBI framework reference, or throws a {@link ValidationError} naming the known ids. */
export function resolveDbiFramework(ref: DbiFrameworkRef): DbiFramework {
  if (typeof ref === 'object' && ref !== null && (ref as { kind?: unknown }).kind === 'dbi') return ref;
  const id = typeof ref === 'string' ? ref : typeof ref === 'object' && ref !== null ? String((ref as { id?: unknown }).id) : String(ref);
  const found = DBI_FRAMEWORKS.find((f) => f.id === id);
  if (found) return found;
  throw new ValidationError([
    makeIssue(['framework'], 'unknown_framework', { id, known: DBI_FRAMEWORKS.map((f) => f.id).join(', ') }),
  ]);
}
