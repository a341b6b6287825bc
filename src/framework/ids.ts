/**
 * Type-level registry of the bundled frameworks: their ids, and the ids a caller types as input keys
 * (the DTI main indicators, the DBI pillars and criteria). It exists only for the compiler — it adds
 * nothing to a bundle — so that framework ids and input keys autocomplete and a typo is a compile
 * error (`scoreDti('dti-provinse-2022', …)`, `{ points: { awarenes: 74 } }`).
 *
 * The framework data modules stay the single source of the facts: a test (test/types/ids.test.ts)
 * compares every list here with the data at run time, so the registry cannot drift from it.
 */
import type { NumericInput } from '../assessment/numeric.js';
import type { DbiAnswerInput } from '../assessment/dbi-answers.js';
import type { DbiComponent, DbiCriterion, DbiFramework, DbiPillar, DtiFramework, DtiMainIndicator, DtiPillarId } from './schema.js';

/** Every bundled framework by id, with the ids that make up its inputs. */
export interface BundledFrameworks {
  'dti-province-2020': {
    kind: 'dti';
    inputKeys: 'pillars';
    // each pillar has its own seven main indicators under 1726
    mainIndicators:
      | 'governmentAwareness' | 'governmentInstitutions' | 'governmentInfrastructure' | 'governmentData' | 'governmentActivity' | 'governmentCybersecurity' | 'governmentHumanResources'
      | 'economyAwareness' | 'economyInstitutions' | 'economyInfrastructure' | 'economyData' | 'economyActivity' | 'economyCybersecurity' | 'economyHumanResources'
      | 'societyAwareness' | 'societyInstitutions' | 'societyInfrastructure' | 'societyData' | 'societyActivity' | 'societyCybersecurity' | 'societyHumanResources';
  };
  'dti-province-2022': {
    kind: 'dti';
    inputKeys: 'mainIndicators';
    mainIndicators: 'awareness' | 'institutions' | 'infrastructure' | 'humanResources' | 'cybersecurity' | 'smartCity'
      | 'digitalGovernment' | 'digitalEconomy' | 'digitalSociety';
    // listed in the decision but not scored (maximum 0): not an input key
    unscored: 'smartCity';
  };
  'dti-province-2025': {
    kind: 'dti';
    inputKeys: 'mainIndicators';
    mainIndicators: 'awareness' | 'institutions' | 'infrastructure' | 'humanResources' | 'cybersecurity'
      | 'digitalGovernment' | 'digitalEconomy' | 'digitalSociety';
  };
  'dbi-2021-sme': {
    kind: 'dbi';
    inputLevel: 'criterion';
    pillars: 'customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data';
    criteria: '1.1.1' | '1.1.2' | '1.1.3' | '1.1.4' | '1.1.5' | '1.1.6' | '1.1.7' | '1.1.8' | '1.1.9' | '1.2.1'
      | '1.2.2' | '1.2.3' | '1.2.4' | '2.1.1' | '3.1.1' | '3.1.2' | '3.2.1' | '3.2.2' | '3.2.3' | '3.2.4'
      | '3.2.5' | '3.2.6' | '3.2.7' | '3.2.8' | '3.2.9' | '3.2.10' | '3.2.11' | '3.2.12' | '3.2.13'
      | '3.2.14' | '4.1.1' | '4.1.2' | '4.1.3' | '4.1.4' | '4.1.5' | '4.1.6' | '4.2.1' | '4.2.2' | '4.2.3'
      | '4.2.4' | '4.2.5' | '4.2.6' | '4.2.7' | '5.1.1' | '5.1.2' | '5.1.3' | '5.1.4' | '5.1.5' | '5.2.1'
      | '5.2.2' | '5.2.3' | '5.2.4' | '5.2.5' | '6.1.1' | '6.1.2' | '6.1.3' | '6.1.4' | '6.1.5' | '6.1.6'
      | '6.1.7';
  };
  'dbi-2021-large': {
    kind: 'dbi';
    inputLevel: 'pillar';
    pillars: 'customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data';
    criteria: never;
  };
  'dbi-2021-group': {
    kind: 'dbi';
    inputLevel: 'pillar';
    pillars: 'customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data';
    criteria: never;
  };
  'dbi-2023-sme-readiness': {
    kind: 'dbi';
    inputLevel: 'pillar';
    pillars: 'strategy' | 'customer' | 'supplyChain' | 'informationSystems' | 'riskAndSecurity' | 'pillar6'
      | 'pillar7';
    criteria: never;
  };
  'dbi-2023-large': {
    kind: 'dbi';
    inputLevel: 'pillar';
    pillars: 'customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data';
    criteria: never;
  };
  'dbi-2025-large': {
    kind: 'dbi';
    inputLevel: 'pillar';
    pillars: 'customer' | 'strategy' | 'technology' | 'operations' | 'culture' | 'data';
    criteria: never;
  };
}

/** The id of a bundled framework (`'dti-province-2022'`, `'dbi-2021-sme'` …). */
export type FrameworkId = keyof BundledFrameworks;

/** The id of a bundled DTI framework. */
export type DtiFrameworkId = { [K in FrameworkId]: BundledFrameworks[K]['kind'] extends 'dti' ? K : never }[FrameworkId];

/** The id of a bundled DBI framework. */
export type DbiFrameworkId = { [K in FrameworkId]: BundledFrameworks[K]['kind'] extends 'dbi' ? K : never }[FrameworkId];

type DtiEntry = Extract<BundledFrameworks[FrameworkId], { kind: 'dti' }>;
type DbiEntry = Extract<BundledFrameworks[FrameworkId], { kind: 'dbi' }>;

/** A DTI framework whose ids are known to the compiler. */
type PreciseDti<Id extends string, E extends DtiEntry> = Omit<DtiFramework, 'id' | 'inputKeys' | 'mainIndicators'> & {
  readonly id: Id;
  readonly inputKeys: E['inputKeys'];
  readonly mainIndicators: (DtiMainIndicator & { readonly id: E['mainIndicators'] })[];
};

type PreciseCriterion<C extends string> = [C] extends [never] ? DbiCriterion : DbiCriterion & { readonly id: C };

/** A DBI framework whose ids are known to the compiler. */
type PreciseDbi<Id extends string, E extends DbiEntry> = Omit<DbiFramework, 'id' | 'inputLevel' | 'pillars'> & {
  readonly id: Id;
  readonly inputLevel: E['inputLevel'];
  readonly pillars: (Omit<DbiPillar, 'id' | 'components'> & {
    readonly id: E['pillars'];
    readonly components: (Omit<DbiComponent, 'criteria'> & { readonly criteria: PreciseCriterion<E['criteria']>[] })[];
  })[];
};

/**
 * The precise type of a bundled framework: what `getFramework(id)` returns, assignable to
 * `DtiFramework` / `DbiFramework`, with literal ids for the framework, its inputs and its pillars.
 */
export type BundledFramework<Id extends FrameworkId> = BundledFrameworks[Id] extends infer E
  ? E extends DtiEntry
    ? PreciseDti<Id, E>
    : E extends DbiEntry
      ? PreciseDbi<Id, E>
      : never
  : never;

/** The framework a DTI reference stands for: a bundled id's precise type, or the object itself. */
export type DtiFrameworkOf<R> = R extends DtiFrameworkId ? BundledFramework<R> : R extends DtiFramework ? R : DtiFramework;

/** The framework a DBI reference stands for: a bundled id's precise type, or the object itself. */
export type DbiFrameworkOf<R> = R extends DbiFrameworkId ? BundledFramework<R> : R extends DbiFramework ? R : DbiFramework;

/**
 * A framework argument checked by the compiler: a bundled id of the right kind, a framework object,
 * or a value typed plain `string` (read from a file or a command line, checked at run time). A
 * string literal that is not a bundled id is a compile error.
 */
export type CheckedRef<R, Id extends string, F> = R extends Id ? R : R extends F ? R : string extends R ? R : Id;

/** The main indicators a bundled framework lists but does not score (`smartCity` in 922), by the framework's id. */
type UnscoredOf<F> = F extends { readonly id: infer Id extends FrameworkId }
  ? BundledFrameworks[Id] extends { readonly unscored: infer U } ? U : never
  : never;

/**
 * The keys of a DTI input for a framework type: its pillar ids for a pillar-input framework (DTI
 * 2020), else its scored main-indicator ids (`string` for a framework the compiler knows nothing
 * precise of). A main indicator listed but not scored (`smartCity`, maximum 0) is not a key.
 */
export type DtiInputKey<F> = F extends { readonly inputKeys: 'pillars' }
  ? F extends { readonly pillars: readonly { readonly id: infer P }[] } ? P : DtiPillarId
  : F extends { readonly mainIndicators: readonly { readonly id: infer M }[] } ? Exclude<M, UnscoredOf<F>> : string;

/** The keys of a DBI input for a framework type: its pillar ids or its criterion ids. */
export type DbiInputKey<F> = F extends { readonly inputLevel: 'pillar' }
  ? F extends { readonly pillars: readonly { readonly id: infer P }[] } ? P : string
  : F extends { readonly pillars: readonly { readonly components: readonly { readonly criteria: readonly { readonly id: infer C }[] }[] }[] }
    ? C
    : string;

/** Replacement maxima keyed by a framework's ids (any string key where the ids are not known precisely). */
export type MaximaFor<K> = string extends K ? Partial<Record<string, number>> : { readonly [P in K & string]?: number };

/** Numbers per key; every key optional (a missing one is reported at run time), unknown keys rejected. */
export type KeyedValues<K> = string extends K ? Readonly<Record<string, NumericInput>> : { readonly [P in K & string]?: NumericInput };

/**
 * The input of `scoreDti` for a framework reference: `{ points }` or `{ values }` keyed by that
 * framework's input ids.
 */
export interface TypedDtiInput<K> {
  readonly points?: KeyedValues<K>;
  readonly values?: KeyedValues<K>;
  /** Component figures per main indicator, for a framework whose main indicators list components. */
  readonly components?: Readonly<Record<string, Readonly<Record<string, NumericInput>>>>;
}

/** The input of `scoreDbi` for a framework reference: `{ answers }` keyed by its criterion or pillar ids. */
export interface TypedDbiInput<K> {
  /** The sector, for a framework with sector parts. */
  readonly sector?: string;
  /**
   * Points per criterion or pillar of a bundled framework; for a framework the compiler knows
   * nothing precise of (a defined one), any answer a questionnaire takes (an option id, option ids, a figure, `'n/a'`).
   */
  readonly answers: string extends K ? Readonly<Record<string, DbiAnswerInput>> : KeyedValues<K>;
}

/** The input `scoreDti` takes for a reference `R` (a bundled id, a framework object or a string). */
export type DtiInputFor<R> = TypedDtiInput<DtiInputKey<DtiFrameworkOf<R>>>;

/** The input `scoreDbi` takes for a reference `R` (a bundled id, a framework object or a string). */
export type DbiInputFor<R> = TypedDbiInput<DbiInputKey<DbiFrameworkOf<R>>>;

/** The answer ids of a DBI framework reference: what `criterionOrder` returns. */
export type DbiAnswerId<R> = DbiInputKey<DbiFrameworkOf<R>> & string;

