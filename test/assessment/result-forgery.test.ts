/**
 * Results that say who made them: results are deeply frozen; a result handed back that is not the
 * very object the scorer returned is re-scored by the public scorer from its framework and its own
 * inputs, and refused at the first difference (an edited total or level, swapped pillar names, a
 * status changed to official); a framework file cannot take a bundled framework's id or the status
 * `official`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ValidationError, checkDbiResult, checkDtiResult, criterionOrder, dtiProvince2022, getFramework, rankDti, renderReport, scoreDbi, scoreDti, summarize,
} from '../../src/index.js';
import { defineFramework, frameworkIssues, overrideDbiPillarMaxima, overrideDtiMaxima, withDbiLevelRule } from '../../src/schema.js';
import { issuesOf, runCli } from '../helpers.js';

const POINTS = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
const at = (fn: () => unknown) => issuesOf(fn).map((i) => `${i.pathString}:${i.code}`);

describe('results are deeply frozen', () => {
  it('a DTI and a DBI result, and every object in them, cannot be changed in place', () => {
    const dti = scoreDti('dti-province-2022', { points: POINTS });
    const dbi = scoreDbi('dbi-2021-sme', { answers });
    for (const o of [dti, dti.pillars, dti.pillars.government, dti.pillars.government.exact, dti.mainIndicators, dti.mainIndicators[0], dti.exact, dti.framework, dbi, dbi.pillars, dbi.pillars[0], dbi.pillars[0]!.exact, dbi.exact]) {
      expect(Object.isFrozen(o)).toBe(true);
    }
    expect(() => { (dti as { total: number }).total = 999; }).toThrow(TypeError);
    expect(() => { (dbi as { level: number }).level = 5; }).toThrow(TypeError);
    expect(() => { (dbi.pillars[0] as { points: number }).points = 65; }).toThrow(TypeError);
  });
});

describe('checkDtiResult re-scores what it did not score, and refuses any difference', () => {
  const r = scoreDti('dti-province-2022', { points: POINTS });

  it('accepts the result itself, a copy and a JSON round trip', () => {
    expect(checkDtiResult(r).id).toBe('dti-province-2022');
    expect(checkDtiResult({ ...r }).id).toBe('dti-province-2022');
    expect(checkDtiResult(json(r)).id).toBe('dti-province-2022');
    const values = scoreDti('dti-province-2022', { values: { awareness: 0.9581, institutions: 0.9, infrastructure: 0.7648, humanResources: 0.625, cybersecurity: 0.5382, digitalGovernment: 0.8385, digitalEconomy: 0.5904, digitalSociety: 0.4505 } });
    expect(checkDtiResult(json(values)).id).toBe('dti-province-2022');
    const pillars = scoreDti('dti-province-2020', { values: { government: 0.4449, economy: 0.3668, society: 0.4052 } });
    expect(checkDtiResult(json(pillars)).id).toBe('dti-province-2020');
  });

  it('refuses an edited total, value, name, code, maximum or status, naming each field', () => {
    const edited = (change: (x: any) => void) => {
      const x = json(r) as any;
      change(x);
      return () => checkDtiResult(x);
    };
    expect(at(edited((x) => { x.total = 999; }))).toEqual(['result.total:inconsistent_result']);
    expect(at(edited((x) => { x.value = 0.999; x.exact.value = '0.999'; }))).toEqual(['result.value:inconsistent_result', 'result.exact.value:inconsistent_result']);
    // swapped pillar names: the figures add up, the names do not
    expect(at(edited((x) => { [x.pillars.government.name, x.pillars.economy.name] = [x.pillars.economy.name, x.pillars.government.name]; }))).toEqual([
      'result.pillars.government.name.vi:inconsistent_result', 'result.pillars.government.name.en:inconsistent_result',
      'result.pillars.economy.name.vi:inconsistent_result', 'result.pillars.economy.name.en:inconsistent_result',
    ]);
    expect(at(edited((x) => { x.framework.status = 'reconstructed'; }))).toEqual(['result.framework.status:inconsistent_result']);
    expect(at(edited((x) => { x.framework.decision = '405/QĐ-BKHCN'; }))).toEqual(['result.framework.decision:inconsistent_result']);
    expect(at(edited((x) => { x.mainIndicators[0].code = '9'; }))).toEqual(['result.mainIndicators.0.code:inconsistent_result']);
    expect(at(edited((x) => { x.forged = true; }))).toEqual(['result.forged:inconsistent_result']);
    // an input edited consistently everywhere is still re-scored: the points are above the maximum
    expect(at(edited((x) => { x.mainIndicators[0].exact.points = '150'; }))).toEqual(['result.mainIndicators.0.exact.points:out_of_range']);
    const [issue] = issuesOf(edited((x) => { x.total = 999; }));
    expect(issue!.message.en).toBe('The result does not add up: total is 999, but the computed value is 398.49');
  });

  it('names the place of a result whose inputs are not there to re-score', () => {
    const x = () => json(r) as any;
    expect(at(() => checkDtiResult({ ...x(), input: 'guess' }))).toEqual(['result.input:invalid_option']);
    expect(at(() => checkDtiResult({ ...x(), mainIndicators: 'none' }))).toEqual(['result.mainIndicators:invalid_type']);
    const noId = x();
    noId.mainIndicators[2] = { ...noId.mainIndicators[2], id: 7 };
    expect(at(() => checkDtiResult(noId))).toEqual(['result.mainIndicators.2.id:invalid_type']);
    const noExact = x();
    delete noExact.mainIndicators[1].exact;
    expect(at(() => checkDtiResult(noExact))).toEqual(['result.mainIndicators.1.exact.points:invalid_type']);
    const notNumber = x();
    notNumber.mainIndicators[1].exact.points = 'thirty';
    expect(at(() => checkDtiResult(notNumber))).toEqual(['result.mainIndicators.1.exact.points:not_a_number']);
    const pillars = json(scoreDti('dti-province-2020', { points: { government: 200, economy: 150, society: 100 } })) as any;
    expect(at(() => checkDtiResult({ ...pillars, pillars: [] }))).toEqual(['result.pillars:invalid_type']);
    pillars.pillars.economy.exact.points = '301';
    expect(at(() => checkDtiResult(pillars))).toEqual(['result.pillars.economy.exact.points:out_of_range']);
    expect(at(() => checkDbiResult({ ...json(scoreDbi('dbi-2021-sme', { answers })), pillars: {} }))).toEqual(['result.pillars:invalid_type']);
  });

  it('every analysis and report refuses the edited copy: the report never shows the forged figure', () => {
    const forged = { ...json(r), total: 999 };
    expect(() => rankDti([{ id: '66', result: forged }])).toThrow(ValidationError);
    expect(() => renderReport({ kind: 'province', result: forged })).toThrow(ValidationError);
  });
});

describe('checkDbiResult re-scores what it did not score, and refuses any difference', () => {
  const r = scoreDbi('dbi-2021-sme', { answers });

  it('accepts the result itself and a JSON round trip; answers that give each pillar its points are found', () => {
    expect(checkDbiResult(json(r)).id).toBe('dbi-2021-sme');
    for (const v of [0, 1, 2, 4, 5]) {
      const other = scoreDbi('dbi-2021-sme', { answers: Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? v * 5 : v])) });
      expect(checkDbiResult(json(other)).id).toBe('dbi-2021-sme');
    }
    const large = scoreDbi('dbi-2025-large', { answers: { customer: 62.5, strategy: 60, technology: 72.5, operations: 55, culture: 55, data: 42.5 } });
    expect(checkDbiResult(json(large)).id).toBe('dbi-2025-large');
  });

  it('refuses an edited total, level, level name, swapped pillar names, a status made official', () => {
    const edited = (change: (x: any) => void) => {
      const x = json(r) as any;
      change(x);
      return () => checkDbiResult(x);
    };
    // total 999 and level 5, as the audit forged them
    expect(at(edited((x) => { x.total = 999; x.level = 5; x.levelName = { vi: 'Dẫn dắt', en: 'Leading' }; }))).toEqual([
      'result.total:inconsistent_result', 'result.level:inconsistent_result', 'result.levelName.vi:inconsistent_result', 'result.levelName.en:inconsistent_result',
    ]);
    expect(at(edited((x) => { [x.pillars[0].name, x.pillars[1].name] = [x.pillars[1].name, x.pillars[0].name]; })).length).toBe(4);
    expect(at(edited((x) => { x.framework.status = 'official'; }))).toEqual(['result.framework.status:inconsistent_result']);
    expect(at(edited((x) => { x.noLevelReason = { vi: 'x', en: 'x' }; }))).toEqual(['result.noLevelReason:inconsistent_result']);
    // pillar points no answers can give: 7 of the strategy pillar (one criterion, 0–25 in steps of 5)
    expect(at(edited((x) => { x.pillars[1].points = 7; x.pillars[1].exact.points = '7'; }))).toEqual(['result.pillars.1.exact.points:not_on_scale']);
  });

  it('summarize refuses a forged result among real ones', () => {
    const forged = { ...json(r), level: 5 };
    expect(() => summarize([{ result: r }, { result: forged }])).toThrow(/entries\.1\.result\.level/);
  });
});

describe('a framework file cannot claim a bundled framework or the status official', () => {
  it("refuses the id of a bundled framework with other maxima (a row the real framework rejects would score, and say 'Decision 922 — official')", () => {
    const spoof = json(dtiProvince2022) as any;
    spoof.mainIndicators[0].max = 200;
    spoof.mainIndicators[5].max = 100; // the total stays 1000 so that only the claim is wrong
    spoof.pillars[0].max = 700;
    const issues = frameworkIssues(spoof);
    expect(issues.map((i) => `${i.pathString}:${i.code}`)).toContain('id:invalid_framework');
    expect(issues.map((i) => `${i.pathString}:${i.code}`)).toContain('status:invalid_framework');
    expect(issues.find((i) => i.pathString === 'id')!.message.en).toMatch(/"dti-province-2022" is the id of a bundled framework \(Decision 922\/QĐ-BTTTT\); a file with other content needs its own id/);
    expect(() => defineFramework(spoof)).toThrow(ValidationError);
  });

  it("refuses 'official' on any file that is not a bundled framework", () => {
    const own = { ...json(dtiProvince2022), id: 'dti-tinh-rieng' };
    expect(frameworkIssues(own).map((i) => `${i.pathString}:${i.code}`)).toEqual(['status:invalid_framework']);
    expect(frameworkIssues({ ...own, status: 'reconstructed' })).toEqual([]);
  });

  it('accepts a bundled framework as it is (a template copy), and override helpers keep the id they derive from', () => {
    expect(defineFramework(json(dtiProvince2022)).id).toBe('dti-province-2022');
    const o = overrideDtiMaxima('dti-province-2025', { digitalGovernment: 250, digitalSociety: 100 });
    expect([o.id, o.status]).toEqual(['dti-province-2025', 'reconstructed']);
    const readiness = getFramework('dbi-2023-sme-readiness');
    expect(overrideDbiPillarMaxima(readiness, Object.fromEntries(readiness.pillars.map((p) => [p.id, 20]))).id).toBe('dbi-2023-sme-readiness');
    expect(withDbiLevelRule('dbi-2021-sme', getFramework('dbi-2021-sme').levelRule).status).toBe('reconstructed');
  });

  it('vndi --framework-file with a spoofed id stops before any row, naming the id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vndi-spoof-'));
    const spoof = json(dtiProvince2022) as any;
    spoof.mainIndicators[0].max = 150;
    spoof.mainIndicators[1].max = 50;
    const path = join(dir, 'spoof.json');
    writeFileSync(path, JSON.stringify(spoof));
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, 'id,awareness,institutions,infrastructure,humanResources,cybersecurity,digitalGovernment,digitalEconomy,digitalSociety\n66,140,30,41.6,12.63,54,78.47,61.62,46.17\n');
    const r = await runCli(['score', rows, '--framework-file', path]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('"dti-province-2022" is the id of a bundled framework');
    expect(r.err).not.toContain('Status: official');
  });
});
