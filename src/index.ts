/**
 * vn-digital-index: exact scoring of Vietnam's official digital-transformation indices.
 *
 * The pipeline reads top to bottom: framework → assessment (validated input) → score → level →
 * analyses → presentation.
 *
 * @packageDocumentation
 */

// errors
export { VndiError, ValidationError, NotScorableError } from './errors.js';
export type { IssueCode, Localized, SafeResult, ValidationIssue } from './errors.js';

// framework
export { listFrameworks, getFramework, frameworkForYear } from './framework/catalog.js';
export type { FrameworkSummary } from './framework/catalog.js';
export { DTI_FRAMEWORKS, dtiProvince2020, dtiProvince2022, dtiProvince2025 } from './framework/dti/index.js';
export type { DtiFrameworkRef } from './framework/dti/index.js';
export {
  DBI_FRAMEWORKS, dbi2021Sme, dbi2021Large, dbi2021Group, dbi2023SmeReadiness, dbi2023Large, dbi2025Large,
} from './framework/dbi/index.js';
export type { DbiFrameworkRef } from './framework/dbi/index.js';
export { overrideDtiMaxima, overrideDbiPillarMaxima, withDbiLevelRule } from './framework/override.js';
export {
  frameworkSchema, dtiFrameworkSchema, dbiFrameworkSchema, dbiLevelRuleSchema,
} from './framework/schema.js';
export type {
  Framework, DtiFramework, DbiFramework, DtiMainIndicator, DtiPillar, DtiPillarId, DbiPillar, DbiComponent,
  DbiCriterion, DbiScale, DbiLevel, DbiLevelRule, LegalBasis, Source, Assumption, FactStatus, FrameworkStatus,
} from './framework/schema.js';

// assessment
export type { DtiInput } from './assessment/dti-input.js';
export { dtiInputSchema } from './assessment/dti-input.js';
export type { DbiInput } from './assessment/dbi-input.js';
export type { NumericInput } from './assessment/numeric.js';

// score and level
export { scoreDti, safeScoreDti, POINT_DECIMALS, VALUE_DECIMALS } from './score/score-dti.js';
export type { DtiResult, DtiPillarScore, DtiMainIndicatorScore } from './score/score-dti.js';
export { scoreDbi, safeScoreDbi, criterionOrder, PERCENT_DECIMALS } from './score/score-dbi.js';
export type { DbiResult, DbiPillarScore } from './score/score-dbi.js';
