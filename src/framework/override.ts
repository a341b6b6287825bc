/**
 * Replacing a framework's unpublished facts with a caller's figures. Each function returns a new
 * frozen framework (the bundled one is never changed) marked `reconstructed`, with a note saying
 * what was overridden.
 */
import { ValidationError, makeIssue, type ValidationIssue } from '../errors.js';
import { deepFreeze } from './freeze.js';
import type { DbiFramework, DbiLevelRule, DtiFramework } from './schema.js';
import type { MaximaFor } from './ids.js';
import { dbiLevelRuleSchema } from './schema.js';

function checkMaxima(
  maxima: Record<string, unknown>,
  known: readonly string[],
  decimals: number,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof maxima !== 'object' || maxima === null) {
    return [makeIssue(['maxima'], 'invalid_type', { expected: 'object', received: maxima })];
  }
  for (const key of Object.keys(maxima)) {
    const v = maxima[key];
    if (!known.includes(key)) issues.push(makeIssue(['maxima', key], 'unknown_key', { key }));
    else if (typeof v !== 'number' || !Number.isFinite(v)) issues.push(makeIssue(['maxima', key], 'not_a_number', { received: v }));
    else if (v <= 0) issues.push(makeIssue(['maxima', key], 'out_of_range', { received: v, min: '>0', max: '∞' }));
    else if (!Number.isInteger(v * 10 ** decimals)) issues.push(makeIssue(['maxima', key], 'too_many_decimals', { received: v, decimals }));
  }
  return issues;
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
 * const dti2025 = overrideDtiMaxima(getFramework('dti-province-2025') as DtiFramework, { digitalGovernment: 250, digitalSociety: 100 });
 * scoreDti(dti2025, { values: { … } });
 * ```
 */
export function overrideDtiMaxima<const F extends DtiFramework>(framework: F, maxima: MaximaFor<F['mainIndicators'][number]['id']>): F;
export function overrideDtiMaxima(framework: DtiFramework, maxima: Partial<Record<string, number>>): DtiFramework {
  const scoredIds = framework.mainIndicators.filter((m) => m.max !== null && m.group !== 'unscored').map((m) => m.id);
  if (framework.inputKeys !== 'mainIndicators') {
    throw new ValidationError([makeIssue(['framework'], 'invalid_option', {
      detail: `${framework.id} nhập theo trụ cột, không có điểm tối đa chỉ số chính`,
      detailEn: `${framework.id} takes pillar inputs and has no main-indicator maxima`,
    })]);
  }
  const issues = checkMaxima(maxima as Record<string, unknown>, scoredIds, 0);
  if (issues.length) throw new ValidationError(issues);
  const mainIndicators = framework.mainIndicators.map((m) =>
    maxima[m.id] === undefined ? { ...m } : { ...m, max: maxima[m.id] as number, maxStatus: 'reconstructed' as const },
  );
  const pillarMax = (id: string) => mainIndicators.reduce((s, m) => s + (m.pillars.includes(id as never) ? (m.max ?? 0) : 0), 0);
  return deepFreeze<DtiFramework>({
    ...framework,
    status: 'reconstructed',
    mainIndicators,
    pillars: framework.pillars.map((p) => ({ ...p, max: pillarMax(p.id) })),
    totalMax: mainIndicators.reduce((s, m) => s + (m.max ?? 0), 0),
    notes: [...framework.notes, overrideNote(`maxima ${JSON.stringify(maxima)}`)],
  });
}

/**
 * A copy of a DBI framework with pillar maxima replaced: needed to score a framework whose maxima
 * are not published (`dbi-2023-sme-readiness`), or to correct an inferred one.
 * Only pillar-level frameworks take it; criterion-level maxima follow from their criteria.
 *
 * @example
 * ```ts
 * const readiness = overrideDbiPillarMaxima(getFramework('dbi-2023-sme-readiness') as DbiFramework, {
 *   strategy: 20, customer: 20, supplyChain: 20, informationSystems: 20, riskAndSecurity: 20, pillar6: 20, pillar7: 20,
 * });
 * ```
 */
export function overrideDbiPillarMaxima<const F extends DbiFramework>(framework: F, maxima: MaximaFor<F['pillars'][number]['id']>): F;
export function overrideDbiPillarMaxima(framework: DbiFramework, maxima: Partial<Record<string, number>>): DbiFramework {
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
  return deepFreeze<DbiFramework>({
    ...framework,
    status: 'reconstructed',
    pillars,
    totalMax: complete ? pillars.reduce((s, p) => s + (p.max as number), 0) : null,
    notes: [...framework.notes, overrideNote(`pillar maxima ${JSON.stringify(maxima)}`)],
  });
}

/**
 * A copy of a DBI framework with another level rule (e.g. a province's own reading of the bands,
 * or the official rule once published). The rule is validated by its schema.
 *
 * @example
 * ```ts
 * const strict = withDbiLevelRule(dbi2021Sme, { ...dbi2021Sme.levelRule, overall: [...] });
 * ```
 */
export function withDbiLevelRule<const F extends DbiFramework>(framework: F, rule: DbiLevelRule): F;
export function withDbiLevelRule(framework: DbiFramework, rule: DbiLevelRule): DbiFramework {
  const parsed = dbiLevelRuleSchema.safeParse(rule);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((i) => makeIssue(['levelRule', ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], 'invalid_type', { expected: i.message, received: undefined })),
    );
  }
  return deepFreeze<DbiFramework>({
    ...framework,
    status: 'reconstructed',
    levelRule: parsed.data,
    notes: [...framework.notes, overrideNote('level rule')],
  });
}
