/**
 * The shape of every framework, as zod schemas. Each schema is the source of both the runtime check
 * (run over every bundled framework in the tests, and available to callers who build their own) and
 * the static type (`z.infer`). Scoring code imports only the types, so the schemas stay out of a
 * bundle that does not use them.
 */
import * as z from 'zod';

/** Vietnamese text with its English label. */
export const localizedSchema = z.object({ vi: z.string().min(1), en: z.string().min(1) });

/** How well a fact is established in the public record (see ../shared/reference). */
export const factStatusSchema = z.enum(['confirmed', 'reconstructed', 'not-found']);
export type FactStatus = z.infer<typeof factStatusSchema>;

/** `official`: every fact scoring uses is confirmed. `reconstructed`: some are inferred or assumed. */
export const frameworkStatusSchema = z.enum(['official', 'reconstructed']);
export type FrameworkStatus = z.infer<typeof frameworkStatusSchema>;

export const sourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.string().url().optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const legalBasisSchema = z.object({
  /** e.g. `922/QĐ-BTTTT` */
  decision: z.string().min(1),
  /** ISO date of signature */
  date: z.iso.date(),
  issuer: localizedSchema,
  signedBy: z.string().optional(),
  /** The part of the decision that holds this framework (e.g. `Phụ lục I`). */
  part: z.string().optional(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/** A fact that is not published and is carried as a documented, overridable assumption. */
export const assumptionSchema = z.object({
  id: z.string().min(1),
  description: localizedSchema,
  status: factStatusSchema,
  /** How a caller overrides it. */
  override: z.string().min(1),
});
export type Assumption = z.infer<typeof assumptionSchema>;

const frameworkCommon = {
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: localizedSchema,
  shortTitle: localizedSchema,
  legalBasis: legalBasisSchema,
  /** Assessment years this framework was (or is) used for. */
  years: z.array(z.number().int().min(2019).max(2100)).min(1),
  status: frameworkStatusSchema,
  sources: z.array(sourceSchema).min(1),
  assumptions: z.array(assumptionSchema),
  notes: z.array(localizedSchema),
};

// ---------------------------------------------------------------- DTI

export const dtiPillarIdSchema = z.enum(['government', 'economy', 'society']);
export type DtiPillarId = z.infer<typeof dtiPillarIdSchema>;

/**
 * How a component's figure becomes points:
 * - `points`: the province's points for the component are given directly, from 0 to `max`;
 * - `ratio`: a 0…1 figure (a share, a rate) is given, and the points are that figure × `max`.
 */
export const dtiComponentScoringSchema = z.enum(['points', 'ratio']);
export type DtiComponentScoring = z.infer<typeof dtiComponentScoringSchema>;

/**
 * A component indicator (chỉ số thành phần) of a main indicator, with its maximum and scoring
 * rule. Where a main indicator lists components, its points are their sum and their maxima sum to
 * its maximum (checked by `dtiInvariantIssues`).
 */
export const dtiComponentSchema = z.object({
  /** Unique within the framework, e.g. `fibreBroadband` or `g1`. */
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/),
  /** Position in the decision's table, e.g. `3.1`. */
  code: z.string().min(1),
  name: localizedSchema,
  /** Maximum points of the component (up to 2 decimals, as published points). */
  max: z.number().positive(),
  maxStatus: factStatusSchema,
  scoring: dtiComponentScoringSchema,
  scoringStatus: factStatusSchema,
});
export type DtiComponent = z.infer<typeof dtiComponentSchema>;

export const dtiMainIndicatorSchema = z.object({
  id: z.string().regex(/^[a-zA-Z]+$/),
  /** Position in the decision's table (1…9). */
  code: z.string().min(1),
  name: localizedSchema,
  /** `foundation` (nhóm chỉ số nền tảng chung), `activity` (nhóm chỉ số hoạt động), or `unscored`. */
  group: z.enum(['foundation', 'activity', 'unscored']),
  /** Maximum points; `null` where no source gives it (the indicator is then not an input). */
  max: z.number().int().nonnegative().nullable(),
  maxStatus: factStatusSchema,
  componentCount: z.number().int().nonnegative().nullable(),
  /** Pillars whose points include this indicator's points. */
  pillars: z.array(dtiPillarIdSchema),
  /**
   * The component indicators, where the decision's table gives them: the indicator's points are
   * then their sum, and a caller may give the indicator either directly or by its components.
   */
  components: z.array(dtiComponentSchema).min(1).optional(),
});
export type DtiMainIndicator = z.infer<typeof dtiMainIndicatorSchema>;

export const dtiPillarSchema = z.object({
  id: dtiPillarIdSchema,
  /** CQS / KTS / XHS as the reports abbreviate. */
  code: z.string().min(1),
  name: localizedSchema,
  /** Maximum points of the pillar. */
  max: z.number().int().positive(),
});
export type DtiPillar = z.infer<typeof dtiPillarSchema>;

export const dtiFrameworkSchema = z.object({
  kind: z.literal('dti'),
  ...frameworkCommon,
  /**
   * What a caller supplies: points or values per main indicator (`mainIndicators`), or per pillar
   * where the decision's published inputs are the pillar values (`pillars`, DTI 2020).
   */
  inputKeys: z.enum(['mainIndicators', 'pillars']),
  totalMax: z.number().int().positive(),
  componentCount: z.number().int().positive().nullable(),
  mainIndicators: z.array(dtiMainIndicatorSchema).min(1),
  pillars: z.array(dtiPillarSchema).length(3),
  /** The DTI value formula in words. */
  valueFormula: localizedSchema,
});
export type DtiFramework = z.infer<typeof dtiFrameworkSchema>;

// ---------------------------------------------------------------- DBI

/** The points a criterion may take: a list of steps, or a range with a number of decimals. */
export const dbiScaleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('steps'), values: z.array(z.number().nonnegative()).min(2) }),
  z.object({
    kind: z.literal('range'),
    min: z.number().nonnegative(),
    max: z.number().positive(),
    decimals: z.number().int().min(0).max(4),
  }),
]);
export type DbiScale = z.infer<typeof dbiScaleSchema>;

export const dbiCriterionSchema = z.object({
  /** e.g. `3.2.4` */
  id: z.string().regex(/^\d+(\.\d+)+$/),
  name: localizedSchema,
  scale: dbiScaleSchema,
});
export type DbiCriterion = z.infer<typeof dbiCriterionSchema>;

export const dbiComponentSchema = z.object({
  /** e.g. `3.2` (chỉ số thành phần) */
  id: z.string().regex(/^\d+\.\d+$/),
  name: localizedSchema,
  max: z.number().nonnegative().nullable(),
  criterionCount: z.number().int().nonnegative().nullable(),
  criteria: z.array(dbiCriterionSchema),
});
export type DbiComponent = z.infer<typeof dbiComponentSchema>;

export const dbiPillarSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
  /** Position in the decision: `1`…`7`. */
  code: z.string().regex(/^\d$/),
  name: localizedSchema,
  /** Maximum points; `null` where no source gives it (scoring then needs it supplied). */
  max: z.number().positive().nullable(),
  maxStatus: factStatusSchema,
  nameStatus: factStatusSchema,
  components: z.array(dbiComponentSchema),
});
export type DbiPillar = z.infer<typeof dbiPillarSchema>;

export const dbiLevelSchema = z.object({
  level: z.number().int().min(0).max(9),
  name: localizedSchema,
  description: localizedSchema,
});
export type DbiLevel = z.infer<typeof dbiLevelSchema>;

/**
 * How points become a maturity level, as data:
 * - `pillar-bands-and-count`: each pillar's level from its share of the pillar maximum (bands are
 *   upper-inclusive: a pillar is at level L when its share is above the band of L−1 and at most the
 *   band of L); the overall level is the highest L whose total is above `totalAbove` AND at least
 *   `minPillarsAtLevel` pillars are at L or higher.
 * - `none`: no rule is published; scoring reports points and percentages only, and why.
 */
export const dbiLevelRuleSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pillar-bands-and-count'),
    /** Upper bound (inclusive) of each level, in percent of the pillar maximum, ascending. */
    pillarBands: z.array(z.object({ level: z.number().int().min(0), upToPercent: z.number().positive().max(100) })).min(2),
    overall: z.array(
      z.object({
        level: z.number().int().min(1),
        /** The total must be strictly above this many points. */
        totalAbove: z.number().nonnegative(),
        /** At least this many pillars at this level or higher. */
        minPillarsAtLevel: z.number().int().min(0),
      }),
    ),
    status: factStatusSchema,
  }),
  z.object({ kind: z.literal('none'), reason: localizedSchema }),
]);
export type DbiLevelRule = z.infer<typeof dbiLevelRuleSchema>;

export const dbiFrameworkSchema = z.object({
  kind: z.literal('dbi'),
  ...frameworkCommon,
  enterpriseSize: z.enum(['sme', 'large', 'group']),
  /** Whether answers are given per criterion (`criterion`) or as points per pillar (`pillar`). */
  inputLevel: z.enum(['criterion', 'pillar']),
  /** The scale of a pillar-level answer, where `inputLevel` is `pillar`. */
  pillarInputDecimals: z.number().int().min(0).max(4),
  totalMax: z.number().positive().nullable(),
  componentCount: z.number().int().positive().nullable(),
  criterionCount: z.number().int().positive().nullable(),
  pillars: z.array(dbiPillarSchema).min(1),
  levels: z.array(dbiLevelSchema),
  levelRule: dbiLevelRuleSchema,
});
export type DbiFramework = z.infer<typeof dbiFrameworkSchema>;

export const frameworkSchema = z.discriminatedUnion('kind', [dtiFrameworkSchema, dbiFrameworkSchema]);
export type Framework = z.infer<typeof frameworkSchema>;
