/** The DBI frameworks, kept apart from the DTI data so that DBI-only code bundles without it. */
import { ValidationError, makeIssue } from '../../errors.js';
import { checkedFramework, frameworkIdIssue } from '../registry.js';
import type { DbiFramework } from '../schema.js';
import { dbi2021Group } from './dbi-2021-group.js';
import { dbi2021Large } from './dbi-2021-large.js';
import { dbi2021Sme } from './dbi-2021-sme.js';
import { dbi2023Large } from './dbi-2023-large.js';
import { dbi2023SmeReadiness } from './dbi-2023-sme-readiness.js';
import { dbi2025Large } from './dbi-2025-large.js';

export { dbi2021Group, dbi2021Large, dbi2021Sme, dbi2023Large, dbi2023SmeReadiness, dbi2025Large };
export { DBI_2023_CANDIDATE_LEVEL_RULES, DBI_2025_CANDIDATE_LEVEL_RULES, type CandidateLevelRule } from './candidate-rules.js';

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

/**
 * Resolves a DBI framework reference: a bundled id, a bundled framework, or a framework object
 * checked by `defineFramework` (or an override helper); an unchecked object is refused. An object is
 * never swapped for the bundled framework of its id: a wrong or misspelt `kind` is a
 * `wrong_framework_kind` issue.
 *
 * @throws {@link ValidationError} naming the known ids for an unknown id (`wrong_framework_kind` for
 *   an id of the other kind), or every problem of an
 *   unchecked framework object (paths start with `framework`).
 */
export function resolveDbiFramework(ref: DbiFrameworkRef): DbiFramework {
  if (typeof ref === 'string') {
    const found = DBI_FRAMEWORKS.find((f) => f.id === ref);
    if (found) return found;
    throw new ValidationError([frameworkIdIssue(ref, 'dbi', DBI_FRAMEWORKS.map((f) => f.id))]);
  }
  if (typeof ref === 'object' && ref !== null) {
    return checkedFramework(ref, 'dbi');
  }
  throw new ValidationError([
    makeIssue(['framework'], 'invalid_type', { expected: 'framework id or DBI framework object', received: ref }),
  ]);
}
