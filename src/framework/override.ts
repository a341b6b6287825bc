/**
 * Replacing a framework's unpublished facts with a caller's figures. Each function returns a new
 * frozen framework (the bundled one is never changed) marked `reconstructed`, with a note saying
 * what was overridden.
 */
import { readGuarded, readOnce } from '../assessment/snapshot.js';
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { DBI_FRAMEWORKS, resolveDbiFramework, type DbiFrameworkRef } from './dbi/index.js';
import { defineDbiFramework, defineDerivedFramework, defineDtiFramework } from './define.js';
import { exactSum, plain } from './define-issues.js';
import { DTI_FRAMEWORKS, resolveDtiFramework, type DtiFrameworkRef } from './dti/index.js';
import type { DbiFramework, DbiLevelRule, DtiFramework } from './schema.js';
import type { DbiFrameworkId, DtiFrameworkId, MaximaFor } from './ids.js';
import { isDefinedFramework } from './registry.js';

/**
 * The framework an override starts from: a bundled or defined one as the scoring functions take
 * it, or, since the helper builds a framework anyway, a framework object it checks here first
 * (with the precise problems of `defineFramework`) instead of refusing it as unchecked.
 */
function dtiSource(ref: DtiFrameworkRef): DtiFramework {
  const c = ref as unknown;
  const unchecked = typeof c === 'object' && c !== null && readGuarded(['framework'], () => (c as { kind?: unknown }).kind) === 'dti'
    && !isDefinedFramework(c) && !DTI_FRAMEWORKS.includes(c as DtiFramework);
  return unchecked ? defineDtiFramework(c) : resolveDtiFramework(ref);
}

function dbiSource(ref: DbiFrameworkRef): DbiFramework {
  const c = ref as unknown;
  const unchecked = typeof c === 'object' && c !== null && readGuarded(['framework'], () => (c as { kind?: unknown }).kind) === 'dbi'
    && !isDefinedFramework(c) && !DBI_FRAMEWORKS.includes(c as DbiFramework);
  return unchecked ? defineDbiFramework(c) : resolveDbiFramework(ref);
}

function checkMaxima(
  maxima: Record<string, unknown>,
  known: readonly string[],
  decimals: number,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof maxima !== 'object' || maxima === null || Array.isArray(maxima)) {
    return [makeIssue(['maxima'], 'invalid_type', { expected: 'object { id: maximum }', received: maxima })];
  }
  for (const key of Object.keys(maxima)) {
    const v = maxima[key];
    if (!Object.prototype.hasOwnProperty.call(maxima, key) || !known.includes(key)) issues.push(makeIssue(['maxima', key], 'unknown_key', { key }));
    else if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(makeIssue(['maxima', key], 'not_a_number', { received: v }));
    else if (v <= 0) issues.push(makeIssue(['maxima', key], 'out_of_range', { received: v, min: '>0', max: '∞' }));
    else if (decimalPlaces(v) > decimals) issues.push(makeIssue(['maxima', key], 'too_many_decimals', { received: v, decimals }));
  }
  return issues;
}

/** Decimals of a number as written (`10.2` has 1; `10.2 * 100` is not an integer in floating point). */
function decimalPlaces(n: number): number {
  if (Number.isInteger(n)) return 0;
  const text = String(n);
  return text.includes('e') ? Number.POSITIVE_INFINITY : text.length - text.indexOf('.') - 1;
}

const overrideNote = (what: string) => ({
  vi: `Người dùng đã thay thế: ${what}.`,
  en: `Overridden by the caller: ${what}.`,
});

/**
 * A copy of a DTI framework with some main-indicator maxima replaced; pillar maxima and the total
 * are re-derived from the members. Use it when Decision 405's maxima become known.
 *
 * @example
 * ```ts
 * const dti2025 = overrideDtiMaxima('dti-province-2025', { digitalGovernment: 250, digitalSociety: 100 });
 * dti2025.totalMax; // 1000
 * // the maxima are the weights: the same values give another DTI
 * const values = { awareness: 0.74, institutions: 0.74, infrastructure: 0.74, humanResources: 0.74, cybersecurity: 0.74,
 *   digitalGovernment: 0.9, digitalEconomy: 0.6, digitalSociety: 0.3 };
 * scoreDti(dti2025, { values }).value; // 0.715
 * scoreDti('dti-province-2025', { values }).value; // 0.685
 * ```
 */
export function overrideDtiMaxima<const F extends DtiFramework>(framework: F, maxima: MaximaFor<F['mainIndicators'][number]['id']>): F;
export function overrideDtiMaxima(id: DtiFrameworkId | (string & {}), maxima: Partial<Record<string, number>>): DtiFramework;
export function overrideDtiMaxima(frameworkOrId: DtiFrameworkRef, maxima: Partial<Record<string, number>>): DtiFramework {
  const framework = dtiSource(frameworkOrId);
  maxima = readOnce(maxima, ['maxima']);
  const scoredIds = framework.mainIndicators.filter((m) => m.max !== null && m.group !== 'unscored').map((m) => m.id);
  if (framework.inputKeys !== 'mainIndicators') {
    throw new ValidationError([makeIssue(['framework'], 'invalid_option', {
      detail: `${framework.id} nhập theo trụ cột, không có điểm tối đa chỉ số chính`,
      detailEn: `${framework.id} takes pillar inputs and has no main-indicator maxima`,
    })]);
  }
  const issues = checkMaxima(maxima as Record<string, unknown>, scoredIds, 0);
  // a main indicator listing components has the sum of their maxima as its maximum
  for (const m of framework.mainIndicators) {
    if (m.components !== undefined && typeof maxima === 'object' && maxima !== null && maxima[m.id] !== undefined) {
      issues.push(makeIssue(['maxima', m.id], 'invalid_option', {
        detail: `điểm tối đa của "${m.id}" là tổng điểm tối đa các chỉ số thành phần; hãy sửa các chỉ số thành phần`,
        detailEn: `the maximum of "${m.id}" is the sum of its components' maxima; change the components instead`,
      }));
    }
  }
  if (issues.length) throw new ValidationError(issues);
  const mainIndicators = framework.mainIndicators.map((m) =>
    maxima[m.id] === undefined ? { ...m } : { ...m, max: maxima[m.id] as number, maxStatus: 'reconstructed' as const },
  );
  const pillarMax = (id: string) => mainIndicators.reduce((s, m) => s + (m.pillars.includes(id as never) ? (m.max ?? 0) : 0), 0);
  // derived from its source: it keeps the source's id, marked reconstructed
  return defineDerivedFramework({
    ...framework,
    status: 'reconstructed',
    mainIndicators,
    pillars: framework.pillars.map((p) => ({ ...p, max: pillarMax(p.id) })),
    totalMax: mainIndicators.reduce((s, m) => s + (m.max ?? 0), 0),
    notes: [...framework.notes, overrideNote(`maxima ${JSON.stringify(maxima)}`)],
  }, framework);
}

/**
 * A copy of a DBI framework with pillar maxima replaced: needed to score a framework whose maxima
 * are not published (`dbi-2023-sme-readiness`), or to correct an inferred one.
 * Only pillar-level frameworks take it; criterion-level maxima follow from their criteria.
 *
 * @example
 * ```ts
 * const readiness = overrideDbiPillarMaxima('dbi-2023-sme-readiness', {
 *   strategy: 20, customer: 20, supplyChain: 20, informationSystems: 20, riskAndSecurity: 20, pillar6: 20, pillar7: 20,
 * });
 * ```
 */
export function overrideDbiPillarMaxima<const F extends DbiFramework>(framework: F, maxima: MaximaFor<F['pillars'][number]['id']>): F;
export function overrideDbiPillarMaxima(id: DbiFrameworkId | (string & {}), maxima: Partial<Record<string, number>>): DbiFramework;
export function overrideDbiPillarMaxima(frameworkOrId: DbiFrameworkRef, maxima: Partial<Record<string, number>>): DbiFramework {
  const framework = dbiSource(frameworkOrId);
  maxima = readOnce(maxima, ['maxima']);
  if (framework.inputLevel !== 'pillar') {
    throw new ValidationError([makeIssue(['framework'], 'invalid_option', {
      detail: `${framework.id} tính từ tiêu chí; điểm tối đa trụ cột suy ra từ tiêu chí`,
      detailEn: `${framework.id} is scored from criteria; its pillar maxima follow from them`,
    })]);
  }
  const issues = checkMaxima(maxima as Record<string, unknown>, framework.pillars.map((p) => p.id), framework.pillarInputDecimals);
  if (issues.length) throw new ValidationError(issues);
  const pillars = framework.pillars.map((p) =>
    maxima[p.id] === undefined ? p : { ...p, max: maxima[p.id] as number, maxStatus: 'reconstructed' as const },
  );
  const complete = pillars.every((p) => p.max !== null);
  // derived from its source: it keeps the source's id, marked reconstructed
  return defineDerivedFramework({
    ...framework,
    status: 'reconstructed',
    pillars,
    totalMax: complete ? Number(plain(exactSum(pillars.map((p) => p.max as number)))) : null,
    notes: [...framework.notes, overrideNote(`pillar maxima ${JSON.stringify(maxima)}`)],
  }, framework);
}

/**
 * A copy of a DBI framework with another level rule (e.g. a province's own reading of the bands,
 * or the official rule once published). The rule is validated by its schema.
 *
 * @example
 * ```ts
 * // level 5 only above 300 points (instead of 256), all else as 1970's rule
 * const rule = dbi2021Sme.levelRule;
 * if (rule.kind === 'pillar-bands-and-count') {
 *   const stricter = withDbiLevelRule(dbi2021Sme, { ...rule, overall: rule.overall.map((o) => (o.level === 5 ? { ...o, totalAbove: 300 } : o)) });
 *   const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id, i) => [id, id === '2.1.1' ? 25 : i % 3 === 0 ? 4 : 5]));
 *   scoreDbi('dbi-2021-sme', { answers }).level; // 5 (300 points)
 *   scoreDbi(stricter, { answers }).level;       // 4
 * }
 * ```
 */
export function withDbiLevelRule<const F extends DbiFramework>(framework: F, rule: DbiLevelRule): F;
export function withDbiLevelRule(id: DbiFrameworkId | (string & {}), rule: DbiLevelRule): DbiFramework;
export function withDbiLevelRule(frameworkOrId: DbiFrameworkRef, rule: DbiLevelRule): DbiFramework {
  const framework = dbiSource(frameworkOrId);
  rule = readOnce(rule, ['levelRule']);
  // checked with the whole framework: within the file bounds (a rule of a million bands is one
  // issue, not a million checked), issues at `levelRule.…`, the list capped like any other
  // derived from its source: it keeps the source's id, marked reconstructed
  return defineDerivedFramework({
    ...framework,
    status: 'reconstructed',
    levelRule: rule,
    notes: [...framework.notes, overrideNote('level rule')],
  }, framework);
}
