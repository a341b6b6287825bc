/**
 * What the self-assessment page tests share: the frameworks they render, and random answer sets
 * over every answer kind (seeded, so a failure replays).
 */
import type { DbiAnswerInput } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import type { PageLayout, PageQuestion } from '../../src/presentation/page/model.js';
import { readFrameworkJson } from '../frameworks/load.js';

/** test/frameworks/dbi-questionnaire-998.json: every answer kind, sectors with their rules, weights, level conditions. */
export const questionnaire998 = () => defineDbiFramework(readFrameworkJson('dbi-questionnaire-998.json'));

/** A small seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** A decimal text of at most `decimals` decimals in [min, max], as an officer types it (a figure or points). */
function typedNumber(r: () => number, min: number, max: number, decimals: number, tendency: number): string {
  const scale = 10 ** decimals;
  const span = Math.round((max - min) * scale);
  const at = Math.max(0, Math.min(span, Math.round((tendency + (r() - 0.5) * 0.6) * span)));
  const units = Math.round(min * scale) + at;
  return decimals === 0 ? String(units) : (units / scale).toFixed(decimals).replace(/\.?0+$/, '');
}

/**
 * A random answer to a question, leaning to high answers as `tendency` nears 1: a step, an option,
 * options ticked (an exclusive one alone now and then, "none" where the form offers it), a figure
 * (at a threshold now and then), a typed number, and "n/a" where allowed.
 */
export function randomAnswer(q: PageQuestion, r: () => number, tendency: number): DbiAnswerInput {
  if (q.notApplicable && r() < 0.15) return 'n/a';
  const answer = q.criterion?.answer;
  const lean = (n: number) => Math.max(0, Math.min(n - 1, Math.round((tendency + (r() - 0.5) * 0.8) * (n - 1))));
  if (q.kind === 'points') return q.steps[lean(q.steps.length)]!;
  if (answer?.kind === 'single') {
    const byPoints = [...answer.options].sort((a, b) => a.points - b.points);
    return byPoints[lean(byPoints.length)]!.id;
  }
  if (answer?.kind === 'multiple') {
    const exclusive = answer.options.filter((o) => o.exclusive);
    if (exclusive.length && r() < 0.2 * (1 - tendency)) return [pick(r, exclusive).id];
    const ticked = answer.options.filter((o) => !o.exclusive && r() < tendency * 0.9 + 0.05).map((o) => o.id);
    if (ticked.length === 0 && exclusive.length) return [pick(r, exclusive).id];
    return ticked;
  }
  if (answer?.kind === 'figure') {
    if (r() < 0.25) {
      const t = pick(r, answer.thresholds);
      if (t.from >= answer.min && t.from <= answer.max) return t.from;
    }
    return typedNumber(r, answer.min, answer.max, answer.decimals, tendency);
  }
  if (q.steps.length) return q.steps[lean(q.steps.length)]!;
  return typedNumber(r, q.min, q.max, q.decimals, tendency);
}

/** A random sector: a listed one, or (where the framework scores them) one it does not list. */
export function randomSector(layout: PageLayout, r: () => number): string | undefined {
  const f = layout.framework;
  if (!f.sectors) return undefined;
  const choices = f.sectors.map((s) => s.id);
  if (f.sectorRules?.unlistedSector === 'common-part-only') choices.push('Dịch vụ lưu trú');
  return pick(r, choices);
}

/**
 * The Decision 998 questionnaire with the answer kinds it lacks added: "not applicable" on a typed
 * figure and on a multiple-choice question, a multiple-choice question without an exclusive option
 * (the form's "none of these"), and points typed in a range with a decimal.
 */
export function everyKindData(): Record<string, unknown> {
  const d = readFrameworkJson('dbi-questionnaire-998.json') as {
    criterionCount: number;
    pillars: { max: number; components: { max: number; criterionCount: number; criteria: Record<string, unknown>[] }[] }[];
  };
  const customer = d.pillars[1]!;
  const channels = customer.components[0]!;
  channels.criteria.find((c) => c.id === '2.1.2')!.notApplicable = true;
  channels.criteria.push({
    id: '2.1.4', name: { vi: 'Kênh chăm sóc khách hàng trực tuyến' }, notApplicable: true,
    answer: { kind: 'multiple', options: [{ id: 'zalo', letter: 'a', text: { vi: 'Zalo OA' }, points: 0.5 }, { id: 'email', letter: 'b', text: { vi: 'Thư điện tử' }, points: 0.5 }] },
  });
  channels.max = 7;
  channels.criterionCount = 4;
  customer.max = 7;
  const data = d.pillars[2]!;
  const records = data.components[0]!;
  records.criteria.push({ id: '3.1.3', name: { vi: 'Mức độ đào tạo kỹ năng số (doanh nghiệp tự chấm 0–2, một chữ số thập phân)' }, scale: { kind: 'range', min: 0, max: 2, decimals: 1 } });
  records.max = 8;
  records.criterionCount = 3;
  data.max = 8;
  d.criterionCount = 11;
  return d as unknown as Record<string, unknown>;
}

/**
 * The Decision 998 questionnaire with its data pillar grown to `groups` × 100 questions of points
 * 0–5 typed in a range (no English texts: the file form a province writes), for a framework of
 * thousands of questions that is still within the framework check's bounds as a file.
 */
export function manyQuestionsData(groups: number): Record<string, unknown> {
  const d = readFrameworkJson('dbi-questionnaire-998.json') as {
    criterionCount: number;
    componentCount: number;
    pillars: { id: string; max: number; components: unknown[] }[];
  };
  const data = d.pillars.find((p) => p.id === 'duLieu')!;
  const before = (data.components as { criterionCount: number }[]).reduce((n, c) => n + c.criterionCount, 0);
  data.components = Array.from({ length: groups }, (_, g) => ({
    id: `3.${g + 1}`,
    name: { vi: `Nhóm câu hỏi ${g + 1}` },
    max: 500,
    criterionCount: 100,
    criteria: Array.from({ length: 100 }, (__, i) => ({ id: `3.${g + 1}.${i + 1}`, name: { vi: `Câu hỏi ${g * 100 + i + 1} về dữ liệu số` }, scale: { kind: 'range', min: 0, max: 5, decimals: 0 } })),
  }));
  data.max = groups * 500;
  d.criterionCount += groups * 100 - before;
  d.componentCount += groups - 1;
  return d as unknown as Record<string, unknown>;
}
