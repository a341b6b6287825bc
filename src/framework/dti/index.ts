/** The provincial DTI frameworks, kept apart from the DBI data so that DTI-only code bundles without it. */
import { ValidationError, makeIssue } from '../../errors.js';
import { checkedFramework, frameworkIdIssue } from '../registry.js';
import type { DtiFramework } from '../schema.js';
import { dtiProvince2020 } from './dti-province-2020.js';
import { dtiProvince2022 } from './dti-province-2022.js';
import { dtiProvince2025 } from './dti-province-2025.js';

export { dtiProvince2020, dtiProvince2022, dtiProvince2025 };

/** Every bundled DTI framework, oldest first. */
export const DTI_FRAMEWORKS: readonly DtiFramework[] = /* @__PURE__ */ Object.freeze([
  dtiProvince2020,
  dtiProvince2022,
  dtiProvince2025,
]);

/** A DTI framework object, or the id of a bundled one. */
export type DtiFrameworkRef = DtiFramework | string;

/**
 * Resolves a DTI framework reference: a bundled id, a bundled framework, or a framework object
 * checked by `defineFramework` (or an override helper); an unchecked object is refused. An object is
 * never swapped for the bundled framework of its id: a wrong or misspelt `kind` is a
 * `wrong_framework_kind` issue.
 *
 * @throws {@link ValidationError} naming the known ids for an unknown id (`wrong_framework_kind` for
 *   an id of the other kind), or every problem of an
 *   unchecked framework object (paths start with `framework`).
 */
export function resolveDtiFramework(ref: DtiFrameworkRef): DtiFramework {
  if (typeof ref === 'string') {
    const found = DTI_FRAMEWORKS.find((f) => f.id === ref);
    if (found) return found;
    throw new ValidationError([frameworkIdIssue(ref, 'dti', DTI_FRAMEWORKS.map((f) => f.id))]);
  }
  if (typeof ref === 'object' && ref !== null) {
    return checkedFramework(ref, 'dti');
  }
  throw new ValidationError([
    makeIssue(['framework'], 'invalid_type', { expected: 'framework id or DTI framework object', received: ref }),
  ]);
}
