/**
 * Valid argument lists for every function export of both public entries ('vn-digital-index' and
 * 'vn-digital-index/schema'): the fuzz tests break one argument, one key or one read at a time.
 */
import * as mainEntry from '../../src/index.js';
import * as schemaEntry from '../../src/schema.js';
import { criterionOrder, ValidationError, type DbiFramework } from '../../src/index.js';
import { fixture, type DbiFixtureRow, type DtiFixtureRow } from '../fixtures.js';
import { loadDtiFictional } from '../frameworks/load.js';

/** Every export of both public entries. */
export const api = { ...mainEntry, ...schemaEntry };

/** The classes among the exports (constructed, not called). */
const classes = new Set(['VndiError', 'ValidationError', 'NotScorableError']);

/** The names of every function export of both entries. */
export const functionExports: readonly string[] = Object.entries(api)
  .filter(([k, v]) => typeof v === 'function' && !classes.has(k))
  .map(([k]) => k);

/** An export called by name. */
export function exported(name: string): (...args: unknown[]) => unknown {
  return (api as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
}

const sme = api.getFramework('dbi-2021-sme') as DbiFramework;
export const dbiOrder = criterionOrder(sme);
/** A valid dbi-2021-sme answer set. */
export const validDbiAnswers = Object.fromEntries(dbiOrder.map((id) => [id, id === '2.1.1' ? 10 : 2]));
/** Valid dti-province-2022 pillar points. */
export const validDtiPoints = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };

/** Valid argument lists per function export (fresh objects on every call). */
export function apiSpecs(): Record<string, readonly (readonly unknown[])[]> {
  const dtiRows = fixture<DtiFixtureRow[]>('dti-2022.json').slice(0, 12);
  const dti = dtiRows.map((r) => ({ id: r.id, result: api.scoreDti(r.framework, r.points ? { points: r.points } : { values: r.values! }) }));
  const dtiResults = dti.map((u) => u.result);
  const dbiRows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json').slice(0, 12);
  const dbi = dbiRows.map((e) => ({ id: e.id, district: e.district, result: api.scoreDbi(e.framework, { answers: e.answers }) }));
  const dbiResults = dbi.map((e) => e.result);
  const readiness = api.getFramework('dbi-2023-sme-readiness') as DbiFramework;
  const sme21 = api.getFramework('dbi-2021-sme') as DbiFramework;
  const componentResult = api.scoreDti(loadDtiFictional(), { points: { digitalSociety: 88.2 }, components: { awareness: { a1: 30, a2: 0.75 }, infrastructure: { i1: 0.62, i2: 12.5, i3: 20 }, digitalGovernment: { g1: 0.4, g2: 33.33 }, digitalEconomy: { e1: 0.333, e2: 41 } } });
  const batch = new Uint8Array(dbiOrder.length * 2).map((_, i) => (dbiOrder[i % dbiOrder.length] === '2.1.1' ? 10 : 2));
  return {
    isVndiError: [[new ValidationError([])]],
    isValidationError: [[new Error('x')]],
    rebuildError: [[JSON.parse(JSON.stringify(new ValidationError([])))], [{ issues: [{ path: ['framework'], code: 'not_scorable', message: { vi: 'v', en: 'e' }, params: { id: 'x' } }] }]],
    flattenError: [[{ issues: [{ pathString: 'points.awareness', message: { vi: 'v', en: 'e' } }, { pathString: '', message: { vi: 'v', en: 'e' } }] }, { lang: 'en' }], [new ValidationError([])]],
    isDefinedFramework: [[sme21]],
    listFrameworks: [[], [{ kind: 'dbi' }]],
    getFramework: [['dti-province-2022']],
    frameworkForYear: [['dbi', 2022, 'sme'], ['dti', 2021]],
    overrideDtiMaxima: [[api.getFramework('dti-province-2025'), { digitalGovernment: 250, digitalSociety: 100 }]],
    overrideDbiPillarMaxima: [[readiness, Object.fromEntries(readiness.pillars.map((p) => [p.id, 20]))]],
    withDbiLevelRule: [[sme21, sme21.levelRule]],
    dtiInputSchema: [['dti-province-2022'], ['dti-province-2020']],
    scoreDti: [['dti-province-2022', { points: validDtiPoints }], ['dti-province-2022', { values: Object.fromEntries(Object.keys(validDtiPoints).map((k) => [k, '0.5'])) }]],
    safeScoreDti: [['dti-province-2022', { points: validDtiPoints }]],
    scoreDbi: [['dbi-2021-sme', { answers: validDbiAnswers }]],
    safeScoreDbi: [['dbi-2021-sme', { answers: validDbiAnswers }]],
    criterionOrder: [['dbi-2021-sme'], ['dbi-2021-large']],
    findProvince: [['66'], ['Đắk Lắk']],
    rank: [[[{ id: 'A', score: 0.5 }, { id: 'B', score: '0.7' }, { id: 'C', score: null }], { method: 'dense', precision: 2, order: 'asc' }], [[{ id: 'A', score: 3 }], { method: 'ordinal', precision: 'exact', tieBreaker: (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1) }]],
    rankChange: [[[{ id: 'A', rank: 2 }, { id: 'B', rank: 1 }], [{ id: 'A', rank: 1 }, { id: 'B', rank: null }, { id: 'C', rank: 3 }]]],
    rankDti: [[dti, { by: 'awareness', groupBy: 'region', method: 'competition', precision: 4, order: 'desc' }], [dti.map((u, i) => ({ ...u, group: i % 2 ? 'a' : 'b' })), { groupBy: 'group' }]],
    dtiMeasure: [[dtiResults[0], 'awareness'], [dtiResults[1], 'government']],
    dbiMeasure: [[dbiResults[0], 'customer'], [dbiResults[1], 'level']],
    dbiGap: [['dbi-2021-sme', { answers: dbiRows[0]!.answers }, { targetLevel: 4 }]],
    dtiGap: [[dtiResults[0], { value: 0.5 }, { peers: dti, id: dti[0]!.id }], [dtiResults[0], { rank: 3, peers: dtiResults }], [dtiResults[1], { points: '500' }], [dtiResults[1], { unit: dtiResults[2] }]],
    dtiComponentGap: [[componentResult, { value: 0.5 }]],
    strengthsAndWeaknesses: [[dtiResults[0], dtiResults, { top: 2 }], [dbiResults[0], dbiResults, { top: 1 }]],
    summarize: [[dbi, { groupBy: 'district', registered: { 'Buôn Hồ': 40, 'Buôn Ma Thuột': 100 }, target: 0.5 }], [dbi, { groupBy: ['district', 'id'] }]],
    coverage: [[120, 400, 0.5], [3, 7]],
    mergeUnits: [[dti, { X: [dti[0]!.id, dti[1]!.id], Y: [dti[2]!.id] }]],
    checkDtiResult: [[dtiResults[0], ['result']], [JSON.parse(JSON.stringify(dtiResults[1]))]],
    checkDbiResult: [[dbiResults[0], ['result']], [JSON.parse(JSON.stringify(dbiResults[1]))]],
    compareResults: [[dtiResults[0], dtiResults[1], { rank: [17, 12] }], [dbiResults[0], dbiResults[1]]],
    renderReport: [[{ kind: 'enterprise', name: 'DN', result: dbiResults[0], cohort: dbiResults }, { title: 'x', subtitle: 'y' }], [{ kind: 'province', name: 'Đắk Lắk', result: dtiResults[0], peers: dtiResults }]],
    inputJsonSchema: [['dbi-2021-sme'], ['dti-province-2022']],
    parseCsv: [['\uFEFFid;Nhận thức số\r\n66;"74,5"\r\n'], ['a,b\n1,2\n', ',']],
    toCsv: [[['id', 'value'], [['66', 0.3985], ['67', null]], { excel: true }]],
    scoreDbiBatch: [['dbi-2021-sme', batch]],
    toTable: [[dtiResults.slice(0, 3)], [dbiRows.slice(0, 2).map((e, i) => ({ id: e.id, district: e.district, result: dbiResults[i], answers: e.answers }))]],
    toHtml: [[dtiResults[0], { title: 'Đắk Lắk', lang: 'en' }], [dbiResults[0]]],
    provenanceOf: [[api.getFramework('dti-province-2022')], [[sme21, readiness], [{ id: 'DN1', source: 'Sở TT&TT' }, { id: 'DN2', meta: { source: 'minh họa' } }]]],
    dtiInputFromRecord: [['dti-province-2022', validDtiPoints, 'points']],
    frameworkInForce: [['dbi', '2025-07-01', 'large'], ['dti', new Date(Date.UTC(2024, 5, 1))]],
    defineFramework: [[JSON.parse(JSON.stringify(sme21))]],
    defineDbiFramework: [[JSON.parse(JSON.stringify(sme21))]],
    defineDtiFramework: [[JSON.parse(JSON.stringify(api.getFramework('dti-province-2022')))]],
    safeDefineFramework: [[JSON.parse(JSON.stringify(api.getFramework('dti-province-2022')))]],
    frameworkIssues: [[JSON.parse(JSON.stringify(sme21))]],
  };
}
