/**
 * vn-digital-index: exact scoring of Vietnam's official digital-transformation indices.
 *
 * The pipeline reads top to bottom: framework → assessment (validated input) → score → level →
 * analyses → presentation; so does this reference, by category.
 *
 * @example
 * ```ts
 * import { scoreDti } from 'vn-digital-index';
 * const r = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63,
 *   cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
 * r.value; // 0.3985
 * ```
 *
 * @packageDocumentation
 * @module vn-digital-index
 */

// errors
export { VndiError, ValidationError, NotScorableError } from './errors.js';
export { isVndiError, isValidationError } from './errors.js';
export { MAX_ISSUES } from './errors.js';
export { rebuildError, flattenError } from './errors-in-apps.js';
export type { IssueCode, Localized, SafeResult, ValidationIssue, ValidationErrorJson } from './errors.js';
export type { FlatErrors } from './errors-in-apps.js';

// framework
export { listFrameworks, getFramework, frameworkForYear } from './framework/catalog.js';
export { frameworkInForce } from './framework/catalog.js';
export type {
  FrameworkSummary, FrameworkEncoded, FrameworkNotEncoded, FrameworkChangeover, FrameworkPeriod, FrameworkOnDay, FrameworkOfYear, EnterpriseSize,
} from './framework/catalog.js';
export { DTI_DECISIONS, DBI_DECISIONS } from './framework/decisions.js';
export type { DecisionRecord, DecisionSet, DecisionSize, AssessmentYear, Evidence, Evidenced, ReferenceQuote, NotEncodedReason } from './framework/decisions.js';
export type {
  FrameworkId, DtiFrameworkId, DbiFrameworkId, BundledFrameworks, BundledFramework, DtiInputFor, DbiInputFor, DbiAnswerId,
  DtiInputKey, DbiInputKey, TypedDtiInput, TypedDbiInput, KeyedValues, CheckedRef, DtiFrameworkOf, DbiFrameworkOf, MaximaFor,
} from './framework/ids.js';
export { DTI_FRAMEWORKS, dtiProvince2020, dtiProvince2022, dtiProvince2025 } from './framework/dti/index.js';
export type { DtiFrameworkRef } from './framework/dti/index.js';
export {
  DBI_FRAMEWORKS, dbi2021Sme, dbi2021Large, dbi2021Group, dbi2023SmeReadiness, dbi2023Large, dbi2025Large,
} from './framework/dbi/index.js';
export type { DbiFrameworkRef } from './framework/dbi/index.js';
export { DBI_2023_CANDIDATE_LEVEL_RULES, DBI_2025_CANDIDATE_LEVEL_RULES } from './framework/dbi/candidate-rules.js';
export type { CandidateLevelRule } from './framework/dbi/candidate-rules.js';
// checking a framework file, the override helpers and the zod schemas are in 'vn-digital-index/schema'
// (they load zod; scoring and this entry do not); whether an object has been checked is here
export { isDefinedFramework } from './framework/registry.js';
export type {
  Framework, DtiFramework, DbiFramework, DtiMainIndicator, DtiPillar, DtiPillarId, DbiPillar, DbiComponent,
  DbiCriterion, DbiScale, DbiLevel, DbiLevelRule, LegalBasis, Source, Assumption, FactStatus, FrameworkStatus,
  DbiAnswer, DbiAnswerOption, DbiFigureThreshold, DbiAggregation, DbiSector, DbiLevelCap, DbiSectorRules,
} from './framework/schema.js';

// assessment
export type { DtiInput } from './assessment/dti-input.js';
export type { DbiInput } from './assessment/dbi-input.js';
export type { NumericInput } from './assessment/numeric.js';
export { checkDtiResult, checkDbiResult } from './assessment/result-check.js';

// score and level
export { scoreDti, safeScoreDti, POINT_DECIMALS, VALUE_DECIMALS } from './score/score-dti.js';
export type { DtiResult, DtiPillarScore, DtiMainIndicatorScore } from './score/score-dti.js';
export { scoreDbi, safeScoreDbi, criterionOrder, PERCENT_DECIMALS } from './score/score-dbi.js';
export type { DbiResult, DbiPillarScore, DbiAssessment, DbiAnswerInput, DbiComponentScore, DbiCriterionScore, DbiLevelCapHit, DbiNotice } from './score/score-dbi.js';
export { NOT_APPLICABLE } from './assessment/dbi-answers.js';

// provinces
export { PROVINCES_63, PROVINCES_34, MERGER_2025, REGIONS, findProvince } from './framework/units/provinces.js';
export type { Province, MergedProvince, RegionId } from './framework/units/provinces.js';

// analyses
export { rank, rankChange } from './analysis/rank.js';
export type { RankEntry, Ranked, RankMethod, RankOptions, RankChange, RankPlace } from './analysis/rank.js';
export { rankDti } from './analysis/rank-dti.js';
export type { DtiUnit, DtiRanking, RankDtiOptions, RankingUniverse } from './analysis/rank-dti.js';
export { dtiMeasure, dbiMeasure } from './analysis/measure.js';
export type { DtiMeasure, DbiMeasure } from './analysis/measure.js';
export { dbiGap } from './analysis/dbi-gap.js';
export type { DbiGap, DbiGapStep, DbiGapOptions, DbiLevelExplanation } from './analysis/dbi-gap.js';
export type { DbiPercentLevelExplanation, DbiCapShortfall } from './analysis/dbi-gap.js';
export { dtiGap } from './analysis/dti-gap.js';
export type { DtiGap, DtiTarget, DtiGapOptions, DtiIndicatorLeverage, DtiBenchmark } from './analysis/dti-gap.js';
export { strengthsAndWeaknesses } from './analysis/strengths.js';
export type { Standing, StrengthsAndWeaknesses, StrengthsOptions } from './analysis/strengths.js';
export { summarize, coverage } from './analysis/summarize.js';
export type { CohortSummary, GroupSummary, Stats, Coverage, SummarizeOptions } from './analysis/summarize.js';
export { mergeUnits } from './analysis/merge-units.js';
export type { MergedUnit } from './analysis/merge-units.js';
export { compareResults } from './analysis/compare.js';
export type { Change, CompareOptions } from './analysis/compare.js';

// presentation
export { renderReport } from './presentation/report/html.js';
export type { ReportInput, ReportOptions } from './presentation/report/html.js';
export { parseCsv, toCsv } from './presentation/io/csv.js';
export type { CsvRecord } from './presentation/io/csv.js';
export { provenanceOf } from './presentation/format/provenance.js';
export type { Provenance, FrameworkProvenance, RowSource, ProvenanceRow } from './presentation/format/provenance.js';
export { toTable, toHtml } from './presentation/notebook.js';
export type { AnyResult, TableEntry, TableRow, ToHtmlOptions } from './presentation/notebook.js';

// batch
export { scoreDbiBatch } from './batch/score-dbi-batch.js';
export type { DbiBatchResult, BatchRowIssue } from './batch/score-dbi-batch.js';
export { dtiComponentGap } from './analysis/dti-component-gap.js';
export type {
  DtiComponentGap, DtiComponentGapOptions, DtiComponentTarget, DtiComponentLoss, DtiComponentStep, DtiComponentPlan, DtiPointLeverage,
} from './analysis/dti-component-gap.js';
export type { DtiComponentScore } from './score/score-dti.js';
export type { DtiComponent, DtiComponentScoring } from './framework/schema.js';
export { dtiInputFromRecord } from './assessment/dti-input.js';
