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
import { MERGER_2025 } from '../../framework/units/provinces.js';
import { scoreDbi } from '../../score/score-dbi.js';
import { scoreDti } from '../../score/score-dti.js';
import type { DtiInput } from '../../assessment/dti-input.js';
import { renderTable } from '../format/table.js';

interface DtiRow { id: string; name: string; framework: string; source: string; points?: DtiInput['points']; values?: DtiInput['values'] }
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
  say('Rows marked "published" reproduce official figures; the other rows are illustrative, not real provinces\' or enterprises\' data.');
  say();
  say('Frameworks / Các bộ chỉ số');
  say(renderTable(['id', 'decision', 'status', 'title'], listFrameworks().map((f) => [f.id, f.legalBasis.decision, f.status, f.shortTitle.vi])));

  // 1. Đắk Lắk 2021
  const dti2021 = load<DtiRow[]>('dti-2021.json');
  const units2021 = dti2021.map((r) => ({ id: r.id, name: r.name, result: scoreRow(r) }));
  const dakLak = units2021.find((u) => u.name === 'Đắk Lắk')!;
  say('1. DTI 2021 — Đắk Lắk (published points; Decision 922/QĐ-BTTTT)');
  say(renderTable(['Chỉ số chính', 'Main indicator', 'Điểm', 'Tối đa', 'Giá trị'], dakLak.result.mainIndicators.filter((m) => m.group !== 'unscored').map((m) => [m.name.vi, m.name.en, m.points, m.max, m.value])));
  const p = dakLak.result.pillars;
  say(`   Tổng điểm ${dakLak.result.total}/1000 → DTI ${dakLak.result.value}`);
  say(`   Chính quyền số ${p.government.value} · Kinh tế số ${p.economy.value} · Xã hội số ${p.society.value}`);
  const ranking2021 = rankDti(units2021, { groupBy: 'region' });
  say(`   Xếp hạng (among the fixture's 63 rows, 62 illustrative): ${ranking2021.find((r) => r.id === dakLak.id)!.labelVi}`);
  const gap = dtiGap(dakLak.result, { value: 0.5 }, { peers: units2021, id: dakLak.id });
  say(`   Để đạt DTI 0,5 cần thêm ${gap.pointsNeeded} điểm; chỉ số nền tảng tác động cả ba trụ cột:`);
  say(renderTable(['Chỉ số', 'Còn trống', 'Cần thêm', 'Khoảng cách tới dẫn đầu vùng'], gap.indicators.filter((i) => i.needed > 0).map((i) => [i.name.vi, i.headroom, i.needed, gap.benchmarks.find((b) => b.id === i.id)?.gapToRegionalLeader ?? null])));

  // 2. Quảng Ninh 2022
  const dti2022 = load<DtiRow[]>('dti-2022.json');
  const units2022 = dti2022.map((r) => ({ id: r.id, name: r.name, result: scoreRow(r) }));
  const qn = units2022.find((u) => u.name === 'Quảng Ninh')!.result;
  say('2. DTI 2022 — Quảng Ninh from its published main-indicator values (dti.gov.vn)');
  say(`   DTI ${qn.value} · CQS ${qn.pillars.government.value} · KTS ${qn.pillars.economy.value} · XHS ${qn.pillars.society.value}  (published: 0.7024 · 0.7804 · 0.7187 · 0.6864)`);
  const change = rankChange(rankDti(units2021), rankDti(units2022)).find((c) => c.id === dakLak.id)!;
  say(`   Đắk Lắk 2021 → 2022 (illustrative 2022 row): ${change.labelVi} (${change.label})`);
  say();

  // 3. merger
  const dti2024 = load<DtiRow[]>('dti-2024.json');
  const units2024 = dti2024.map((r) => ({ id: r.id, result: scoreRow(r) }));
  const merged = mergeUnits(units2024, MERGER_2025);
  const daNang = merged.find((m) => m.id === '48')!;
  say('3. DTI 2024 — the 2025 merger (63 → 34 units; mean of the main indicators)');
  say(`   Đà Nẵng ${units2024.find((u) => u.id === '48')!.result.value} + Quảng Nam ${units2024.find((u) => u.id === '49')!.result.value} → Đà Nẵng mới ${daNang.result.value}  (published: 0.7069)`);
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
