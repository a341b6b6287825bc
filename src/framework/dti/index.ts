/** The provincial DTI frameworks, kept apart from the DBI data so that DTI-only code bundles without it. */
import { ValidationError, makeIssue } from '../../errors.js';
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

/** Resolves a DTI framework reference, or throws a {@link ValidationError} naming the known ids. */
export function resolveDtiFramework(ref: DtiFrameworkRef): DtiFramework {
  if (typeof ref === 'object' && ref !== null && (ref as { kind?: unknown }).kind === 'dti') return ref;
  const id = typeof ref === 'string' ? ref : typeof ref === 'object' && ref !== null ? String((ref as { id?: unknown }).id) : String(ref);
  const found = DTI_FRAMEWORKS.find((f) => f.id === id);
  if (found) return found;
  throw new ValidationError([
    makeIssue(['framework'], 'unknown_framework', { id, known: DTI_FRAMEWORKS.map((f) => f.id).join(', ') }),
  ]);
}
