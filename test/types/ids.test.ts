/**
 * The type-level registry (src/framework/ids.ts) cannot drift from the framework data: the lists
 * below must equal the registry's types (checked by the compiler in `npm test`'s typecheck, see the
 * `Same` assertions) and the bundled data (checked here at run time).
 */
import { describe, expect, it } from 'vitest';
import { DBI_FRAMEWORKS, DTI_FRAMEWORKS, criterionOrder, getFramework } from '../../src/index.js';
import type { BundledFrameworks, FrameworkId } from '../../src/index.js';

/** `true` only when A and B are the same type. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

const registry = {
  'dti-province-2020': { kind: 'dti', inputKeys: 'pillars', mainIndicators: [
    'governmentAwareness', 'governmentInstitutions', 'governmentInfrastructure', 'governmentData', 'governmentActivity', 'governmentCybersecurity', 'governmentHumanResources',
    'economyAwareness', 'economyInstitutions', 'economyInfrastructure', 'economyData', 'economyActivity', 'economyCybersecurity', 'economyHumanResources',
    'societyAwareness', 'societyInstitutions', 'societyInfrastructure', 'societyData', 'societyActivity', 'societyCybersecurity', 'societyHumanResources',
  ] },
  'dti-province-2022': { kind: 'dti', inputKeys: 'mainIndicators', mainIndicators: ['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'smartCity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety'], unscored: ['smartCity'] },
  'dti-province-2025': { kind: 'dti', inputKeys: 'mainIndicators', mainIndicators: ['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety'] },
  'dbi-2021-sme': { kind: 'dbi', inputLevel: 'criterion', pillars: ['customer', 'strategy', 'technology', 'operations', 'culture', 'data'], criteria: ['1.1.1', '1.1.2', '1.1.3', '1.1.4', '1.1.5', '1.1.6', '1.1.7', '1.1.8', '1.1.9', '1.2.1', '1.2.2', '1.2.3', '1.2.4', '2.1.1', '3.1.1', '3.1.2', '3.2.1', '3.2.2', '3.2.3', '3.2.4', '3.2.5', '3.2.6', '3.2.7', '3.2.8', '3.2.9', '3.2.10', '3.2.11', '3.2.12', '3.2.13', '3.2.14', '4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.5', '4.1.6', '4.2.1', '4.2.2', '4.2.3', '4.2.4', '4.2.5', '4.2.6', '4.2.7', '5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.5', '5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '6.1.1', '6.1.2', '6.1.3', '6.1.4', '6.1.5', '6.1.6', '6.1.7'] },
  'dbi-2021-large': { kind: 'dbi', inputLevel: 'pillar', pillars: ['customer', 'strategy', 'technology', 'operations', 'culture', 'data'], criteria: [] },
  'dbi-2021-group': { kind: 'dbi', inputLevel: 'pillar', pillars: ['customer', 'strategy', 'technology', 'operations', 'culture', 'data'], criteria: [] },
  'dbi-2023-sme-readiness': { kind: 'dbi', inputLevel: 'pillar', pillars: ['strategy', 'customer', 'supplyChain', 'informationSystems', 'riskAndSecurity', 'pillar6', 'pillar7'], criteria: [] },
  'dbi-2023-large': { kind: 'dbi', inputLevel: 'pillar', pillars: ['customer', 'strategy', 'technology', 'operations', 'culture', 'data'], criteria: [] },
  'dbi-2025-large': { kind: 'dbi', inputLevel: 'pillar', pillars: ['customer', 'strategy', 'technology', 'operations', 'culture', 'data'], criteria: [] },
} as const;

type Registry = typeof registry;
type Lists<K extends FrameworkId> = { -readonly [F in keyof Registry[K]]: Registry[K][F] extends readonly (infer E)[] ? E : Registry[K][F] };
type Members<K extends FrameworkId> = { [F in keyof BundledFrameworks[K]]: BundledFrameworks[K][F] };
// compile-time: the literal lists hold exactly the registry's ids, field by field, for every framework
const sameIds: { [K in FrameworkId]: Same<Lists<K>, Members<K>> } & { [K in keyof Registry]: true } = {
  'dti-province-2020': true, 'dti-province-2022': true, 'dti-province-2025': true,
  'dbi-2021-sme': true, 'dbi-2021-large': true, 'dbi-2021-group': true, 'dbi-2023-sme-readiness': true, 'dbi-2023-large': true, 'dbi-2025-large': true,
};
const sameKeys: Same<keyof Registry, FrameworkId> = true;

describe('the type-level framework registry', () => {
  it('lists every bundled framework, and no other', () => {
    expect([sameKeys, ...Object.values(sameIds)].every(Boolean)).toBe(true);
    expect(Object.keys(registry).sort()).toEqual([...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS].map((f) => f.id).sort());
  });

  it.each(DTI_FRAMEWORKS.map((f) => f.id))('%s: kind, input keys and main indicators as in the data', (id) => {
    const f = getFramework(id);
    const r = registry[id as keyof Registry];
    expect(f.kind === 'dti' && r.kind === 'dti').toBe(true);
    if (f.kind !== 'dti' || r.kind !== 'dti') return;
    expect(r.inputKeys).toBe(f.inputKeys);
    expect(r.mainIndicators).toEqual(f.mainIndicators.map((m) => m.id));
    // the listed but unscored main indicators (not input keys) of a framework whose inputs are main indicators
    const unscored = f.inputKeys === 'mainIndicators' ? f.mainIndicators.filter((m) => m.group === 'unscored').map((m) => m.id) : [];
    expect('unscored' in r ? r.unscored : []).toEqual(unscored);
  });

  it.each(DBI_FRAMEWORKS.map((f) => f.id))('%s: kind, input level, pillars and criteria as in the data', (id) => {
    const f = getFramework(id);
    const r = registry[id as keyof Registry];
    expect(f.kind === 'dbi' && r.kind === 'dbi').toBe(true);
    if (f.kind !== 'dbi' || r.kind !== 'dbi') return;
    expect(r.inputLevel).toBe(f.inputLevel);
    expect(r.pillars).toEqual(f.pillars.map((p) => p.id));
    expect(r.criteria).toEqual(f.pillars.flatMap((p) => p.components.flatMap((c) => c.criteria.map((x) => x.id))));
    if (f.inputLevel === 'criterion') expect(criterionOrder(f)).toEqual(r.criteria);
  });
});
