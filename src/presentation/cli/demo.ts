/**
 * `vndi demo` / `npm run demo`: the library at work on the bundled fixtures.
 *
 * One language per run (`--lang vi`, the default as for every officer-facing output, or `--lang en`),
 * and the numbers in that language's style: decimal commas in Vietnamese (`0,3985`, `398,49`), points
 * in English. 0–1 values print with their 4 published decimals.
 */
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
import { ratioHalfUp } from '../../arithmetic/scaled.js';
import { formatNumber, term, type Lang } from '../format/locale.js';
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

/**
 * Builds the demo report as text, in one language: Vietnamese (the default) or English.
 *
 * @example
 * ```ts
 * runDemo('vi'); // '…Tổng điểm 398,49/1000 → DTI 0,3985…'
 * runDemo('en'); // '…Total 398.49/1000 → DTI 0.3985…'
 * ```
 */
export function runDemo(lang: Lang = 'vi'): string {
  const out: string[] = [];
  const say = (s = '') => out.push(s);
  /** The text of this run's language. */
  const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);
  /** A number in this run's language (`decimals` fixed where given: 4 for 0–1 values). */
  const n = (x: number, decimals?: number) => formatNumber(x, lang, decimals);
  const table = (header: readonly string[], rows: readonly (readonly (string | number | null)[])[], decimals: readonly (number | undefined)[] = []) =>
    renderTable(header, rows, { lang, decimals });
  say(t('vn-digital-index — chạy thử trên dữ liệu mẫu đi kèm (fixtures/)', 'vn-digital-index — demo on the bundled fixtures (fixtures/)'));
  say(t(
    'Tên thật chỉ đi kèm số liệu đã công bố, có ghi nguồn; mọi dòng khác là minh họa (các đơn vị hư cấu "Tỉnh Minh Họa" và doanh nghiệp mẫu).',
    'Real names carry only published figures, each with its source; every other row is illustrative (fictional "Tỉnh Minh Họa" units and sample enterprises).',
  ));
  say();
  say(t('Các bộ chỉ số', 'Frameworks'));
  say(table([term('id', lang), term('decision', lang), term('status', lang), term('title', lang)], listFrameworks().map((f) => [f.id, f.legalBasis.decision, term(f.status, lang), f.shortTitle[lang]])));

  // 1. Đắk Lắk 2021
  const dti2021 = load<DtiRow[]>('dti-2021.json');
  // fictional units are placed in real regions: rank within regions by each row's region
  const units2021 = dti2021.map((r) => ({ id: r.id, name: r.name, group: r.region, result: scoreRow(r) }));
  const dakLak = units2021.find((u) => u.name === 'Đắk Lắk')!;
  say(t('1. DTI 2021 — Đắk Lắk (điểm trích từ kế hoạch của tỉnh; Quyết định 922/QĐ-BTTTT)', '1. DTI 2021 — Đắk Lắk (points quoted in its provincial plan; Decision 922/QĐ-BTTTT)'));
  say(table(
    [t('Chỉ số chính', 'Main indicator'), t('Điểm', 'Points'), t('Tối đa', 'Maximum'), t('Giá trị', 'Value')],
    dakLak.result.mainIndicators.filter((m) => m.group !== 'unscored').map((m) => [m.name[lang], m.points, m.max, m.value]),
    [undefined, undefined, undefined, 4],
  ));
  const p = dakLak.result.pillars;
  say(`   ${t('Tổng điểm', 'Total')} ${n(dakLak.result.total)}/1000 → DTI ${n(dakLak.result.value, 4)}`);
  say(`   ${p.government.name[lang]} ${n(p.government.value, 4)} · ${p.economy.name[lang]} ${n(p.economy.value, 4)} · ${p.society.name[lang]} ${n(p.society.value, 4)}`);
  const ranking2021 = rankDti(units2021, { groupBy: 'group' });
  // Only the regional place is shown: it matches the plan's published 2/5 in Tây Nguyên; a national
  // rank among illustrative rows would be a figure no one published.
  const place = ranking2021.find((r) => r.id === dakLak.id)!;
  say(t(
    `   Trong ${place.groupName?.vi}: ${place.rankInGroup}/${place.ofInGroup} (kế hoạch của tỉnh: 2/5, sau Lâm Đồng; các đơn vị khác trong tệp là minh họa)`,
    `   In ${place.groupName?.en}: ${place.rankInGroup}/${place.ofInGroup} (the provincial plan: 2/5, after Lâm Đồng; the other units in the file are illustrative)`,
  ));
  const gap = dtiGap(dakLak.result, { value: 0.5 }, { peers: units2021, id: dakLak.id });
  say(t(
    `   Để đạt DTI ${n(0.5)} cần thêm ${n(gap.pointsNeeded)} điểm; chỉ số nền tảng tác động cả ba trụ cột:`,
    `   DTI ${n(0.5)} needs ${n(gap.pointsNeeded)} more points; foundation indicators count in all three pillars:`,
  ));
  say(table(
    [t('Chỉ số', 'Indicator'), t('Còn trống', 'Headroom'), t('Cần thêm', 'Needed'), t('Khoảng cách tới dẫn đầu (minh họa)', 'Gap to leader (illustrative)')],
    gap.indicators.filter((i) => i.needed > 0).map((i) => [i.name[lang], i.headroom, i.needed, gap.benchmarks.find((b) => b.id === i.id)?.gapToLeader ?? null]),
    [undefined, undefined, undefined, 4],
  ));

  // 2. Quảng Ninh 2022
  const dti2022 = load<DtiRow[]>('dti-2022.json');
  const units2022 = dti2022.map((r) => ({ id: r.id, name: r.name, group: r.region, result: scoreRow(r) }));
  const qn = units2022.find((u) => u.name === 'Quảng Ninh')!.result;
  const published = [0.7024, 0.7804, 0.7187, 0.6864].map((x) => n(x, 4)).join(' · ');
  say(t('2. DTI 2022 — Quảng Ninh từ giá trị các chỉ số chính đã công bố (dti.gov.vn)', '2. DTI 2022 — Quảng Ninh from its published main-indicator values (dti.gov.vn)'));
  say(`   DTI ${n(qn.value, 4)} · ${t('CQS', 'DG')} ${n(qn.pillars.government.value, 4)} · ${t('KTS', 'DE')} ${n(qn.pillars.economy.value, 4)} · ${t('XHS', 'DS')} ${n(qn.pillars.society.value, 4)}  (${t('công bố', 'published')}: ${published})`);
  const sample = units2021.find((u) => u.id === 'MH01')!;
  const change = rankChange(rankDti(units2021), rankDti(units2022)).find((c) => c.id === sample.id)!;
  say(`   ${sample.name} 2021 → 2022 (${t('minh họa', 'illustrative')}): ${t(change.labelVi, change.label)}`);
  say();

  // 3. merger
  const dti2024 = load<DtiRow[]>('dti-2024.json');
  const units2024 = dti2024.map((r) => ({ id: r.id, result: scoreRow(r) }));
  const merger = load<{ units: { id: string; name: string; from: string[] }[]; mapping: Record<string, string[]> }>('merger-2025-illustrative.json');
  const merged = mergeUnits(units2024, merger.mapping);
  const three = merger.units.find((u) => u.from.length === 3)!;
  const threeMerged = merged.find((m) => m.id === three.id)!;
  say(t('3. DTI 2024 — sáp nhập năm 2025 (63 → 34 đơn vị; trung bình các chỉ số chính)', '3. DTI 2024 — the 2025 merger (63 → 34 units; mean of the main indicators)'));
  say(`   ${t('Minh họa', 'Illustrative')}: ${three.from.map((id) => `${id} ${n(units2024.find((u) => u.id === id)!.result.value, 4)}`).join(' + ')} → ${three.name} ${n(threeMerged.result.value, 4)}`);
  // The published check, from the two published DTI 2024 values alone (every main indicator set to
  // the unit's DTI, so only the DTI values, which are published, are shown).
  const fromDti = (v: number) => scoreDti('dti-province-2025', { values: Object.fromEntries(['awareness', 'institutions', 'infrastructure', 'humanResources', 'cybersecurity', 'digitalGovernment', 'digitalEconomy', 'digitalSociety'].map((k) => [k, v])) });
  const daNang = mergeUnits([{ id: '48', result: fromDti(0.8335) }, { id: '49', result: fromDti(0.5803) }], { '48': ['48', '49'] })[0]!;
  say(`   ${t('Công bố', 'Published')}: Đà Nẵng ${n(0.8335, 4)} + Quảng Nam ${n(0.5803, 4)} → ${t('Đà Nẵng mới', 'new Đà Nẵng')} ${n(daNang.result.value, 4)}  (${t('công bố', 'published')}: ${n(0.7069, 4)})`);
  say();

  // 4. enterprises
  const smes = load<DbiRow[]>('dbi-sme-daklak.json');
  const registered = load<{ registered: Record<string, number> }>('registered-smes-daklak.json').registered;
  const entries = smes.map((e) => ({ ...e, result: scoreDbi(e.framework, { answers: e.answers }) }));
  const s = summarize(entries, { groupBy: 'district', registered, target: 0.5 });
  const levels = Object.keys(s.overall.levels);
  say(t(
    `4. DBI 2021 (bộ chỉ số DNNVV, Quyết định 1970/QĐ-BTTTT) — ${smes.length} doanh nghiệp minh họa ở Đắk Lắk, theo huyện; mục tiêu: ${n(50)}% DNNVV được đánh giá`,
    `4. DBI 2021 (SME set, Decision 1970/QĐ-BTTTT) — ${smes.length} illustrative enterprises in Đắk Lắk, by district; target: ${n(50)}% of SMEs assessed`,
  ));
  say(table(
    [t('Huyện', 'District'), t('Số DN', 'Enterprises'), ...levels.map((l) => `${t('Mức', 'Level')} ${l}`), t('Trung vị', 'Median'), t('Đăng ký', 'Registered'), t('Tỷ lệ đánh giá (%)', 'Coverage (%)'), t('Còn thiếu', 'Shortfall')],
    [...s.groups, s.overall].map((g) => [
      g === s.overall ? t('Toàn tỉnh', 'Whole province') : g.key, g.count, ...levels.map((l) => g.levels[l] ?? 0), g.total.median,
      // coverage as the reports print it: a percentage, 2 decimals, half-up from the exact counts
      g.coverage?.registered ?? null, g.coverage ? ratioHalfUp(g.coverage.assessed * 100, g.coverage.registered, 2) : null, g.coverage?.shortfall ?? null,
    ]),
    [...Array<undefined>(levels.length + 4).fill(undefined), 2],
  ));

  // 5. one enterprise
  const one = entries[0]!;
  say(`5. ${one.id} ${one.name} (${one.district}, ${one.sector}, ${one.size}): ${n(one.result.total)}/${n(one.result.max)} ${t('điểm', 'points')} → ${t('Mức', 'Level')} ${one.result.level} — ${one.result.levelName?.[lang] ?? ''}`);
  say(table(
    [t('Trụ cột', 'Pillar'), t('Điểm', 'Points'), t('Tối đa', 'Maximum'), '%', t('Mức', 'Level')],
    one.result.pillars.map((x) => [x.name[lang], x.points, x.max, x.percent, x.level]),
    [undefined, undefined, undefined, 2],
  ));
  const plan = dbiGap('dbi-2021-sme', { answers: one.answers });
  say(`   ${t('Lộ trình lên mức', 'Path to level')} ${plan.targetLevel}: ${plan.why?.message[lang] ?? ''}`);
  if (plan.steps.length) say(table([t('Tiêu chí', 'Criterion'), t('Nội dung', 'Content'), t('Từ', 'From'), t('Lên', 'To')], plan.steps.map((x) => [x.criterion, x.name[lang], x.from, x.to])));
  else say(`   ${plan.reason?.[lang] ?? ''}`);
  return out.join('\n') + '\n';
}
