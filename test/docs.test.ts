/**
 * Documentation checks: every exported function and class of the public API has TSDoc with an
 * example, and the README's stated figures are what the library computes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as mainEntry from '../src/index.js';
import * as schemaEntry from '../src/schema.js';

const api = { ...mainEntry, ...schemaEntry };
import { criterionOrder, dbiGap, rank, safeScoreDbi, scoreDbi, scoreDti, summarize, ValidationError } from '../src/index.js';
import { fixture, type DbiFixtureRow } from './fixtures.js';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('TSDoc', () => {
  const files = sources(join(root, 'src')).map((f) => readFileSync(f, 'utf8'));
  const callables = Object.entries(api).filter(([, v]) => typeof v === 'function').map(([k]) => k);

  it.each(callables)('%s has a doc comment with an @example', (name) => {
    const pattern = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:function|class) ${name}\\b`);
    const doc = files.map((f) => pattern.exec(f)?.[1]).find(Boolean);
    expect(doc, `no doc comment before export ${name}`).toBeDefined();
    expect(doc).toContain('@example');
  });
});

describe('README figures', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('gives the two first-screen commands', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm run demo');
    expect(firstScreen).toContain('npm ci && npm test');
  });

  it('DTI example', () => {
    const r = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
    expect([r.total, r.value, r.exact.value, r.pillars.government.value, r.pillars.economy.value, r.pillars.society.value]).toEqual([398.49, 0.3985, '0.39849', 0.4153, 0.4213, 0.3975]);
  });

  it('DBI example and its error', () => {
    const answers = Object.fromEntries(criterionOrder('dbi-2021-sme').map((id) => [id, id === '2.1.1' ? 15 : 3]));
    const r = scoreDbi('dbi-2021-sme', { answers });
    expect([r.total, r.level, r.pillars[0]!.points, r.pillars[0]!.percent]).toEqual([192, 3, 39, 60]);
    const bad = safeScoreDbi('dbi-2021-sme', { answers: { ...answers, '3.2.4': 7 } });
    expect(bad.success).toBe(false);
    const issue = (bad as { error: ValidationError }).error.issues[0]!;
    expect([issue.pathString, issue.message.en, issue.message.vi]).toEqual(['answers.3.2.4', 'Value 7 is outside the allowed range [0, 5]', 'Giá trị 7 nằm ngoài khoảng cho phép [0, 5]']);
  });

  it('end-to-end example', () => {
    const rows = fixture<DbiFixtureRow[]>('dbi-sme-daklak.json');
    const scored = rows.map((e) => ({ id: e.id, district: e.district, result: scoreDbi(e.framework, { answers: e.answers }) }));
    const { registered } = fixture<{ registered: Record<string, number> }>('registered-smes-daklak.json');
    const picture = summarize(scored, { groupBy: 'district', registered, target: 0.5 });
    expect(picture.groups[0]).toMatchObject({ key: 'Buôn Hồ', count: 10, levels: { '0': 0, '1': 0, '2': 3 } });
    expect(rank(scored.map((s) => ({ id: s.id, score: s.result.total })))).toHaveLength(60);
    const plan = dbiGap('dbi-2021-sme', { answers: rows[0]!.answers });
    expect(plan.why?.message.vi).toBe('Mức 5 cần ít nhất 6 trụ cột đạt mức 5 trở lên (hiện 4).');
    expect(plan.steps[0]).toMatchObject({ criterion: '4.1.1', from: 3, to: 4 });
  });
});
