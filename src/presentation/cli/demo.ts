/** `vndi demo` / `npm run demo`: the library at work on the bundled fixtures. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbiGap } from '../../analysis/dbi-gap.js';
import { dtiGap } from '../../analysis/dti-gap.js';
import { mergeUnits } from '../../analysis/merge-units.js';
import { rankChange } from '../../analysis/rank.js';
import { rankDti } from '../../analysis/rank-dti.js';
import { summarize } from '../../analysis/summarize.js';
import { listFrameworks } from '../../framework/catalog.js';
import { scoreDbi } from '../../score/score-dbi.js';
import { scoreDti } from '../../score/score-dti.js';
import type { DtiInput } from '../../assessment/dti-input.js';
import { renderTable } from '../format/table.js';

interface DtiRow { id: string; name: string; region?: string; framework: string; source: string; points?: DtiInput['points']; values?: DtiInput['values'] }
interface DbiRow { id: string; name: string; district: string; sector: string; size: string; year: number; framework: string; answers: Record<string, number> }

/** The bundled fixtures folder, found from this module (dist/ in the package, src/ in the repo). */
export function fixturesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'fixtures', 'dti-2021.json'))) return join(dir, 'fixtures');
    dir = dirname(dir);
  }
  throw new Error('fixtures/ not found beside the package');
}

function load<T>(name: string): T {
  return JSON.parse(readFileSync(join(fixturesDir(), name), 'utf8')) as T;
}

const scoreRow = (r: DtiRow) => scoreDti(r.framework, r.points ? { points: r.points } : { values: r.values! });

/** Builds the demo report as text. */
export function runDemo(): string {
  const out: string[] = [];
  const say = (s = '') => out.push(s);
  say('vn-digital-index — demo on the bundled fixtures (fixtures/)');
  say('Real names carry only published figures, each with its source; every other row is illustrative (fictional "Tỉnh Minh Họa" units and sample enterprises).');
  say();
  say('Frameworks / Các bộ chỉ số');
  say(renderTable(['id', 'decision', 'status', 'title'], listFrameworks().map((f) => [f.id, f.legalBasis.decision, f.status, f.shortTitle.vi])));

  // 1. Đắk Lắk 2021
  const dti2021 = load<DtiRow[]>('dti-2021.json');
  // fictional units are placed in real regions: rank within regions by each row's region
  const units2021 = dti2021.map((r) => ({ id: r.id, name: r.name, group: r.region, result: scoreRow(r) }));
  const dakLak = units2021.find((u) => u.name === 'Đắk Lắk')!;
  say('1. DTI 2021 — Đắk Lắk (points quoted in its provincial plan; Decision 922/QĐ-BTTTT)');
  say(renderTable(['Chỉ số chính', 'Main indicator', 'Điểm', 'Tối đa', 'Giá trị'], dakLak.result.mainIndicators.filter((m) => m.group !== 'unscored').map((m) => [m.name.vi, m.name.en, m.points, m.max, m.value])));
  const p = dakLak.result.pillars;
  say(`   Tổng điểm ${dakLak.result.total}/1000 → DTI ${dakLak.result.value}`);
  say(`   Chính quyền số ${p.government.value} · Kinh tế số ${p.economy.value} · Xã hội số ${p.society.value}`);
  const ranking2021 = rankDti(units2021, { groupBy: 'group' });
  // Only the regional place is shown: it matches the plan's published 2/5 in Tây Nguyên; a national
  // rank among illustrative rows would be a figure no one published.
  const place = ranking2021.find((r) => r.id === dakLak.id)!;
  say(`   Trong ${place.groupName?.vi}: ${place.rankInGroup}/${place.ofInGroup} (kế hoạch của tỉnh: 2/5, sau Lâm Đồng; các đơn vị khác trong tệp là minh họa / the other units in the file are illustrative)`);
  const gap = dtiGap(dakLak.result, { value: 0.5 }, { peers: units2021, id: dakLak.id });
  say(`   Để đạt DTI 0,5 cần thêm ${gap.pointsNeeded} điểm; chỉ số nền tảng tác động cả ba trụ cột:`);
  say(renderTable(['Chỉ số', 'Còn trống', 'Cần thêm', 'Khoảng cách tới dẫn đầu (minh họa)'], gap.indicators.filter((i) => i.needed > 0).map((i) => [i.name.vi, i.headroom, i.needed, gap.benchmarks.find((b) => b.id === i.id)?.gapToLeader ?? null])));

  // 2. Quảng Ninh 2022
  const dti2022 = load<DtiRow[]>('dti-2022.json');
  const units2022 = dti2022.map((r) => ({ id: r.id, name: r.name, group: r.region, result: scoreRow(r) }));
  const qn = units2022.find((u) => u.name === 'Quảng Ninh')!.result;
  say('2. DTI 2022 — Quảng Ninh from its published main-indicator values (dti.gov.vn)');
  say(`   DTI ${qn.value} · CQS ${qn.pillars.government.value} · KTS ${qn.pillars.economy.value} · XHS ${qn.pillars.society.value}  (published: 0.7024 · 0.7804 · 0.7187 · 0.6864)`);
  const sample = units2021.find((u) => u.id === 'MH01')!;
  const change = rankChange(rankDti(units2021), rankDti(units2022)).find((c) => c.id === sample.id)!;
  say(`   ${sample.name} 2021 → 2022 (minh họa / illustrative): ${change.labelVi} (${change.label})`);
  say();

  // 3. merger
  const dti2024 = load<DtiRow[]>('dti-2024.json');
  const units2024 = dti2024.map((r) => ({ id: r.id, result: scoreRow(r) }));
  const merger = load<{ units: { id: string; name: string; from: string[] }[]; mapping: Record<string, string[]> }>('merger-2025-illustrative.json');
  const merged = mergeUnits(units2024, merger.mapping);
  const three = merger.units.find((u) => u.from.length === 3)!;
  const threeMerged = merged.find((m) => m.id === three.id)!;
  say('3. DTI 2024 — the 2025 merger (63 → 34 units; mean of the main indicators)');
  say(`   Minh họa / illustrative: ${three.from.map((id) => `${id} ${units2024.find((u) => u.id === id)!.result.value}`).join(' + ')} → ${three.name} ${threeMerged.result.value}`);
  // The published check, from the two published DTI 2024 values alone (every main indicator set to
  // the unit's DTI, so only the DTI values, which are published, are shown).
  const fromDti = (v: number) => scoreDti('dti-province-2025', { values: Object.fromEntries(['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety'].map((k) => [k, v])) });
  const daNang = mergeUnits([{ id: '48', result: fromDti(0.8335) }, { id: '49', result: fromDti(0.5803) }], { '48': ['48', '49'] })[0]!;
  say(`   Công bố / published: Đà Nẵng 0.8335 + Quảng Nam 0.5803 → Đà Nẵng mới ${daNang.result.value}  (published: 0.7069)`);
  say();

  // 4. enterprises
  const smes = load<DbiRow[]>('dbi-sme-daklak.json');
  const registered = load<{ registered: Record<string, number> }>('registered-smes-daklak.json').registered;
  const entries = smes.map((e) => ({ ...e, result: scoreDbi(e.framework, { answers: e.answers }) }));
  const s = summarize(entries, { groupBy: 'district', registered, target: 0.5 });
  const levels = Object.keys(s.overall.levels);
  say(`4. DBI 2021 (SME set, Decision 1970/QĐ-BTTTT) — ${smes.length} illustrative enterprises in Đắk Lắk, by district; target: 50% of SMEs assessed`);
  say(renderTable(['Huyện', 'Số DN', ...levels.map((l) => `Mức ${l}`), 'Trung vị', 'Đăng ký', 'Tỷ lệ', 'Còn thiếu'], [...s.groups, s.overall].map((g) => [g.key === 'all' ? 'Toàn tỉnh' : g.key, g.count, ...levels.map((l) => g.levels[l] ?? 0), g.total.median, g.coverage?.registered ?? null, g.coverage?.share ?? null, g.coverage?.shortfall ?? null])));

  // 5. one enterprise
  const one = entries[0]!;
  say(`5. ${one.id} ${one.name} (${one.district}, ${one.sector}, ${one.size}): ${one.result.total}/${one.result.max} điểm → Mức ${one.result.level} — ${one.result.levelName?.vi} (${one.result.levelName?.en})`);
  say(renderTable(['Trụ cột', 'Pillar', 'Điểm', 'Tối đa', '%', 'Mức'], one.result.pillars.map((x) => [x.name.vi, x.name.en, x.points, x.max, x.percent, x.level])));
  const plan = dbiGap('dbi-2021-sme', { answers: one.answers });
  say(`   Lộ trình lên mức ${plan.targetLevel}: ${plan.why?.message.vi ?? ''}`);
  if (plan.steps.length) say(renderTable(['Tiêu chí', 'Nội dung', 'Từ', 'Lên'], plan.steps.map((x) => [x.criterion, x.name.vi, x.from, x.to])));
  else say(`   ${plan.reason?.vi ?? ''}`);
  return out.join('\n') + '\n';
}
