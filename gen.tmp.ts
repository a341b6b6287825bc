import { readFileSync, writeFileSync } from 'node:fs';
import { dbiGap, rankDti, rankChange, renderReport, scoreDbi, scoreDti, summarize, coverage } from './src/index.js';
const fx = (f: string) => JSON.parse(readFileSync(`fixtures/${f}`, 'utf8'));
const lang = (process.argv[2] ?? 'vi') as 'vi' | 'en';
const rows = fx('dbi-sme-daklak.json');
const results = rows.map((r: any) => scoreDbi(r.framework, { answers: r.answers }));
const prov = fx('dti-2022.json').map((r: any) => ({ id: r.id, name: r.name, source: r.source, result: scoreDti(r.framework, r.points ? { points: r.points } : { values: r.values }) }));
const prev = fx('dti-2021.json').map((r: any) => ({ id: r.id, name: r.name, result: scoreDti(r.framework, r.points ? { points: r.points } : { values: r.values }) }));
const ranking = rankDti(prov, { groupBy: 'region' });
const before = rankDti(prev);
const changes = rankChange(before, ranking);
const { registered } = fx('registered-smes-daklak.json');
const opts = { lang } as any;
const out: Record<string, string> = {
  enterprise: renderReport({ kind: 'enterprise', name: 'Doanh nghiệp mẫu 1', result: results[0], cohort: results, gap: dbiGap('dbi-2021-sme', { answers: rows[0].answers }) }, opts),
  province: renderReport({ kind: 'province', name: 'Đắk Lắk', result: prov.find((p: any) => p.id === '66')!.result, peers: prov.map((p: any) => p.result), ranking: ranking.find((r) => r.id === '66'), change: changes.find((c) => c.id === '66'), source: 'illustrative' }, opts),
  cohort: renderReport({ kind: 'cohort', summary: summarize(rows.map((r: any, i: number) => ({ district: r.district, result: results[i] })), { groupBy: 'district', registered, target: 0.5 }), ranked: results.slice(0, 8).map((r: any, i: number) => ({ id: rows[i].id, name: rows[i].name, result: r, rank: i + 1 })) }, opts),
  provinces: renderReport({ kind: 'provinces', ranked: ranking.map((r) => ({ id: r.id, name: prov.find((p: any) => p.id === r.id)!.name, rank: r.rank, result: prov.find((p: any) => p.id === r.id)!.result, change: changes.find((c) => c.id === r.id), ranking: r, source: prov.find((p: any) => p.id === r.id)!.source })) } as any, opts),
};
for (const [k, v] of Object.entries(out)) writeFileSync(`/tmp/rep/${k}-${lang}.html`, v);
