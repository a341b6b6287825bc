/**
 * The self-assessment page's questionnaire and what it computes, in Node: the questions are the
 * scorer's answer slots in form order (pillars, direct questions, groups, sector parts), and every
 * figure, level, provisional result and plan is exactly `scoreDbi` and `dbiGap` of the answers.
 * Saved JSON and CSV files read back (with the command line's reader) to the same answers.
 */
import { describe, expect, it } from 'vitest';
import { NotScorableError, criterionOrder, dbiGap, getFramework, scoreDbi, type DbiAnswerInput, type DbiFramework } from '../../src/index.js';
import { defineDbiFramework } from '../../src/schema.js';
import { applicable, checkEntered, evaluate, lowestAnswer, pageLayout, targetLevels } from '../../src/presentation/page/model.js';
import { MAX_SAVED_CHARACTERS, answerCell, readSaved, savedCsv, savedJson } from '../../src/presentation/page/saved.js';
import { notScorableHtml } from '../../src/presentation/page/form-html.js';
import { word } from '../../src/presentation/page/words.js';
import { readFrameworkJson } from '../frameworks/load.js';
import { issuesOf } from '../helpers.js';
import { questionnaire998, randomAnswer, randomSector, rng } from './helpers.js';

const sme = getFramework('dbi-2021-sme') as DbiFramework;
const q998 = questionnaire998();
const weighted = defineDbiFramework(readFrameworkJson('dbi-weighted.json'));

describe('the questionnaire of the page', () => {
  it('dbi-2021-sme: 60 points questions in the scorer\'s order, grouped by pillar and component', () => {
    const layout = pageLayout(sme);
    expect(layout.questions.map((q) => q.id)).toEqual(criterionOrder('dbi-2021-sme'));
    expect(layout.questions.every((q) => q.kind === 'points' && q.sector === null)).toBe(true);
    expect(layout.questions.find((q) => q.id === '2.1.1')!.steps).toEqual([0, 5, 10, 15, 20, 25]);
    expect(layout.pillars.map((p) => p.pillar.id)).toEqual(sme.pillars.map((p) => p.id));
    expect(layout.pillars[0]!.parts[0]!.groups.map((g) => g.component.id)).toEqual(sme.pillars[0]!.components.map((c) => c.id));
  });

  it('the Decision 998 questionnaire: every answer kind, questions under a pillar, a part per sector', () => {
    const layout = pageLayout(q998);
    const kinds = Object.fromEntries(layout.questions.map((q) => [`${q.sector?.id ?? ''}/${q.id}`, q.kind]));
    expect(kinds).toEqual({
      '/1.1': 'single', '/1.2': 'single', '/2.1.1': 'multiple', '/2.1.2': 'figure', '/2.1.3': 'single', '/3.1.1': 'points', '/3.1.2': 'single',
      'thuong-mai/4.1.1': 'multiple', 'du-lich/4.2.1': 'single',
    });
    const strategy = layout.pillars[0]!.parts[0]!;
    expect(strategy.direct.map((q) => q.id)).toEqual(['1.1', '1.2']);
    expect(strategy.groups).toEqual([]);
    expect(layout.pillars[3]!.parts.map((p) => p.sector?.id)).toEqual(['thuong-mai', 'du-lich']);
    expect(layout.questions.find((q) => q.id === '2.1.3')!.notApplicable).toBe(true);
    const figure = layout.questions.find((q) => q.id === '2.1.2')!;
    expect([figure.min, figure.max, figure.decimals]).toEqual([0, 100, 1]);
    // the questions that apply are the scorer's answer ids for that sector
    for (const sector of ['thuong-mai', 'du-lich']) expect(applicable(layout, sector).map((q) => q.id)).toEqual(criterionOrder(q98(), { sector }));
    expect(applicable(layout, 'Dịch vụ').map((q) => q.id)).toEqual(criterionOrder(q98(), { sector: 'Dịch vụ' }));
  });

  it('points in a range and pillar points are typed numbers with their bounds', () => {
    const range = pageLayout(weighted).questions.find((q) => q.id === '1.1.1')!;
    expect([range.kind, range.min, range.max, range.decimals]).toEqual(['number', 0, 5, 1]);
    const large = pageLayout(getFramework('dbi-2021-large') as DbiFramework);
    expect(large.questions.map((q) => [q.id, q.kind, q.max])).toEqual([['customer', 'number', 125], ['strategy', 'number', 120], ['technology', 'number', 145], ['operations', 'number', 110], ['culture', 'number', 110], ['data', 'number', 85]]);
    // a list of steps too long for radio buttons is typed, its steps listed
    const long = defineDbiFramework(withScale(readFrameworkJson('dbi-weighted.json'), { kind: 'steps', values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] }));
    const q = pageLayout(long).questions[0]!;
    expect([q.kind, q.steps.length, q.max]).toEqual(['number', 13, 12]);
  });

  it('a framework whose maxima are not published has no questionnaire', () => {
    expect(() => pageLayout(getFramework('dbi-2023-sme-readiness') as DbiFramework)).toThrow(NotScorableError);
  });

  it('the levels a plan may aim at', () => {
    expect(targetLevels(sme)).toEqual([1, 2, 3, 4, 5]);
    expect(targetLevels(q998)).toEqual([1, 2, 3, 4]);
    expect(targetLevels(getFramework('dbi-2021-large') as DbiFramework)).toEqual([]);
  });
});

// (criterionOrder's type wants a literal id or a checked framework)
const q98 = () => q998 as never;

function withScale(data: unknown, scale: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(data)) as { pillars: { components: { max: number; criteria: { scale: unknown }[] }[]; max: number }[]; totalMax: number };
  const c = copy.pillars[0]!.components[0]!;
  const old = (c.criteria[0]!.scale as { max: number }).max;
  c.criteria[0]!.scale = scale;
  const diff = 12 - old;
  c.max += diff;
  copy.pillars[0]!.max += diff;
  copy.totalMax += diff;
  return copy;
}

describe('what the page computes is the library\'s', () => {
  for (const [name, f, sets] of [['dbi-2021-sme', sme, 150], ['Decision 998', q998, 300], ['weighted', weighted, 100], ['dbi-2021-large', getFramework('dbi-2021-large') as DbiFramework, 50]] as const) {
    it(`${name}: the result, the level and the plan are scoreDbi and dbiGap (${sets} random answer sets, some partial)`, () => {
      const layout = pageLayout(f);
      const r = rng(name.length * 7919);
      for (let k = 0; k < sets; k++) {
        const sector = randomSector(layout, r);
        const tendency = r();
        const answers: Record<string, DbiAnswerInput> = {};
        const partial = k % 5 === 4;
        for (const q of applicable(layout, sector)) if (!partial || r() < 0.7) answers[q.id] = randomAnswer(q, r, tendency);
        const assessment = sector === undefined ? { answers } : { sector, answers };
        const levels = targetLevels(f);
        const target = levels.length && r() < 0.3 ? levels[Math.floor(r() * levels.length)] : undefined;
        const ev = evaluate(layout, assessment, target);
        const missing = applicable(layout, sector).filter((q) => !(q.id in answers));
        expect(ev.status.unanswered).toEqual(missing.map((q) => q.id));
        expect(ev.status.total).toBe(applicable(layout, sector).length);
        if (missing.length === 0) {
          if (!ev.status.complete) {
            // every answer n/a is nothing to score: the library's message
            expect(ev.status.issues[0]!.message.en).toMatch(/nothing to score/);
            continue;
          }
          expect(ev.result).toEqual(scoreDbi(f as never, assessment as never));
          expect(ev.plan).toEqual(dbiGap(f, assessment, target === undefined ? {} : { targetLevel: target }));
          expect(ev.provisional).toBeNull();
        } else {
          expect(ev.result).toBeNull();
          expect(ev.plan).toBeNull();
          const filled = { ...answers, ...Object.fromEntries(missing.map((q) => [q.id, lowestAnswer(q)])) };
          expect(ev.provisional).toEqual(scoreDbi(f as never, (sector === undefined ? { answers: filled } : { sector, answers: filled }) as never));
        }
      }
    });
  }

  it('an answer the library refuses is an issue at its question, with the library\'s message', () => {
    const layout = pageLayout(q998);
    const ev = evaluate(layout, { sector: 'thuong-mai', answers: { '1.1': 'b', '2.1.1': ['a', 'b'], '2.1.2': '250' } });
    expect(ev.status.issues.map((i) => i.criterion)).toEqual(['2.1.1', '2.1.2']);
    expect(ev.status.issues[0]!.message.en).toMatch(/exclusive/);
    expect(ev.provisional).toBeNull();
  });

  it('a blank or mostly blank form has no "answers to correct": past the scorer\'s first 50 issues only the answers given count', () => {
    const layout = pageLayout(sme);
    const blank = evaluate(layout, { answers: {} });
    expect(blank.status.unanswered).toHaveLength(60);
    expect(blank.status.issues).toEqual([]);
    expect(blank.provisional!.total).toBe(0);
    const one = evaluate(layout, { answers: { '1.1.1': 3, '1.1.2': 9 } });
    expect(one.status.issues.map((i) => [i.criterion, i.message.en])).toEqual([['1.1.2', expect.stringMatching(/9/)]]);
    expect(one.provisional).toBeNull();
  });

  it('a framework with sector parts waits for the sector; an unlisted sector is scored on the common part', () => {
    const layout = pageLayout(q998);
    const waiting = evaluate(layout, { answers: { '1.1': 'b' } });
    expect(waiting.status.sectorMissing).toBe(true);
    expect(waiting.status.total).toBe(7);
    expect(waiting.provisional).toBeNull();
    const other = evaluate(layout, { sector: 'Dịch vụ', answers: { '1.1': 'b', '1.2': 'có', '2.1.1': ['b'], '2.1.2': 5, '2.1.3': 'n/a', '3.1.1': 2, '3.1.2': 'c' } });
    expect(other.status.complete).toBe(true);
    expect(other.result!.notices![0]!.code).toBe('unlisted_sector');
  });

  it('a pillar-level framework without a level rule: the figures, and the decision\'s reason for no level', () => {
    const f = getFramework('dbi-2021-large') as DbiFramework;
    const ev = evaluate(pageLayout(f), { answers: { customer: 100, strategy: '60.5', technology: 0, operations: 110, culture: 1, data: 85 } });
    expect(ev.result!.level).toBeNull();
    expect(ev.result!.noLevelReason).toEqual(f.levelRule.kind === 'none' ? f.levelRule.reason : null);
    expect(ev.plan!.reachable).toBe(false);
  });
});

describe('answers given to the page are checked with the library', () => {
  const layout = pageLayout(q998);
  it('accepts a partial set, options by letter, and answers to another sector\'s part', () => {
    expect(checkEntered(layout, { sector: 'du-lich', answers: { '1.1': 'đ', '4.1.1': ['a'] } })).toEqual({ sector: 'du-lich', answers: { '1.1': 'đ', '4.1.1': ['a'] } });
    expect(checkEntered(layout, { answers: { '4.2.1': 'đặt-chỗ' } })).toEqual({ answers: { '4.2.1': 'đặt-chỗ' } });
  });
  it('refuses what scoreDbi refuses, with its message', () => {
    expect(issuesOf(() => checkEntered(layout, { answers: { '1.1': 'z' } }))[0]!.message.en).toMatch(/"z" is not an option of criterion 1.1/);
    expect(issuesOf(() => checkEntered(layout, { answers: { '9.9': 1 } }))[0]!.code).toBe('unknown_key');
    expect(issuesOf(() => checkEntered(layout, { answers: { '4.1.1': ['a', 'c'] } }))[0]!.message.en).toMatch(/exclusive/);
    expect(issuesOf(() => checkEntered(layout, { answers: {}, extra: 1 }))[0]!.code).toBe('unknown_key');
    expect(issuesOf(() => checkEntered(layout, 'x'))[0]!.code).toBe('invalid_type');
    expect(issuesOf(() => checkEntered(pageLayout(sme), { sector: 'x', answers: {} }))[0]!.code).toBe('unknown_key');
    expect(issuesOf(() => checkEntered(pageLayout(sme), { answers: { '1.1.1': 9 } }))[0]!.pathString).toBe('answers.1.1.1');
  });
  it('refuses an unlisted sector where the framework refuses such enterprises', () => {
    const refusing = defineDbiFramework({ ...(readFrameworkJson('dbi-questionnaire-998.json') as object), sectorRules: { unlistedSector: 'refuse', otherSectorAnswers: 'refuse' } });
    expect(issuesOf(() => checkEntered(pageLayout(refusing), { sector: 'dich-vu', answers: {} }))[0]!.path).toEqual(['sector']);
  });
});

describe('saved answers', () => {
  const layout = pageLayout(q998);
  const complete = { sector: 'thuong-mai', answers: { '1.1': 'hiểu-rõ', '1.2': 'có', '2.1.1': ['website', 'sàn-tmđt'], '2.1.2': '12.5', '2.1.3': 'n/a', '3.1.1': 3, '3.1.2': 'một-phần', '4.1.1': [] } } as const;

  it('cells in the command line\'s syntax: letters, "b; d", "—" for none ticked, "Không áp dụng", numbers', () => {
    const q = (id: string) => layout.questions.find((x) => x.id === id)!;
    expect(answerCell(q('1.1'), 'hiểu-rõ', 'vi')).toBe('c');
    expect(answerCell(q('1.2'), 'có', 'vi')).toBe('có');
    expect(answerCell(q('2.1.1'), ['website', 'sàn-tmđt'], 'vi')).toBe('b; d');
    expect(answerCell(q('4.1.1'), [], 'vi')).toBe('—');
    expect(answerCell(q('2.1.3'), 'n/a', 'vi')).toBe('Không áp dụng');
    expect(answerCell(q('2.1.3'), 'n/a', 'en')).toBe('n/a');
    expect(answerCell(q('2.1.2'), '12.5', 'vi')).toBe(12.5);
    expect(answerCell(q('2.1.2'), undefined, 'vi')).toBeNull();
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`JSON and CSV (${lang}) read back to the same answers and the same result`, () => {
      const enterprise = { id: 'DN-07', name: '=HYPERLINK("http://x","y") Công ty Ánh Dương' };
      const json = savedJson(layout, complete, enterprise, lang);
      const csv = savedCsv(layout, complete, enterprise, lang);
      expect(JSON.parse(json)[0]).toMatchObject({ id: 'DN-07', framework: q998.id, sector: 'thuong-mai', answers: { '2.1.2': 12.5 } });
      expect(csv.startsWith('\uFEFF')).toBe(true);
      expect(csv).toContain(`'=HYPERLINK`);
      for (const [text, name] of [[json, 'a.json'], [csv, 'a.csv']] as const) {
        const back = readSaved(layout, text, name);
        expect(back.enterprise).toEqual(enterprise);
        expect(back.entered.sector).toBe('thuong-mai');
        expect(scoreDbi(q998 as never, back.entered as never)).toEqual(scoreDbi(q998 as never, complete as never));
      }
    });
  }

  it('a partial set saves blank cells and opens again as partial', () => {
    const partial = { answers: { '1.1': 'b', '2.1.2': '40' } };
    const back = readSaved(layout, savedCsv(layout, partial, {}, 'vi'), 'p.csv');
    expect(back.entered).toEqual({ answers: { '1.1': 'b', '2.1.2': '40' } });
    expect(back.enterprise).toEqual({ id: 'tu-danh-gia' });
    expect(JSON.parse(savedJson(layout, partial, {}, 'en'))[0].id).toBe('self-assessment');
  });

  it('refuses a file of another framework, of several rows, or broken, in both languages', () => {
    const other = savedJson(pageLayout(sme), { answers: { '1.1.1': 3 } }, {}, 'vi');
    expect(issuesOf(() => readSaved(layout, other, 'x.json'))[0]!.message.en).toMatch(/answers framework dbi-2021-sme, not dbi-998-xyz-sme/);
    expect(issuesOf(() => readSaved(layout, '[{"id":"a","answers":{}},{"id":"b","answers":{}}]', 'x.json'))[0]!.message.vi).toMatch(/tệp có 2 dòng/);
    expect(issuesOf(() => readSaved(layout, '[{"id": ', 'x.json'))[0]!.message.en).toMatch(/invalid JSON/);
    expect(issuesOf(() => readSaved(layout, 'id;1.1;1.1\nA;a;b\n', 'x.csv')).length).toBeGreaterThan(0);
  });

  it('refuses, with the command line\'s bounds and a bilingual message, a file too long, nested too deep, or not text', () => {
    const sme1 = pageLayout(sme);
    const long = JSON.stringify([{ id: 'a'.repeat(MAX_SAVED_CHARACTERS), framework: 'dbi-2021-sme', answers: {} }]);
    const tooLong = issuesOf(() => readSaved(sme1, long, 'x.json'))[0]!.message;
    expect(tooLong.vi).toMatch(/quá 2\.097\.152 ký tự/);
    expect(tooLong.en).toMatch(/more than the 2,097,152/);
    expect(issuesOf(() => readSaved(sme1, `${'a,'.repeat(MAX_SAVED_CHARACTERS)}\n`, 'x.csv'))[0]!.message.en).toMatch(/characters long/);
    // 5,000 levels deep: V8's JSON.parse takes it, the row reader would overflow its stack
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    expect(issuesOf(() => readSaved(sme1, deep, 'x.json'))[0]!.message.en).toMatch(/nested deeper than 64 levels/);
    const deepAnswer = `[{"id":"a","framework":"dbi-2021-sme","answers":{"1.1.1":${'{"a":'.repeat(100)}1${'}'.repeat(100)}}}]`;
    expect(issuesOf(() => readSaved(sme1, deepAnswer, 'x.txt'))[0]!.message.vi).toMatch(/lồng sâu quá 64 cấp/);
    const deepLine = `{"id":"a","framework":"dbi-2021-sme","answers":{"1.1.1":${'['.repeat(5000)}${']'.repeat(5000)}}}\n`;
    expect(issuesOf(() => readSaved(sme1, deepLine, 'x.ndjson'))[0]!.message.en).toMatch(/nested deeper than 64 levels/);
    expect(issuesOf(() => readSaved(sme1, null as never))[0]!.path).toEqual(['text']);
    expect(issuesOf(() => readSaved(sme1, '[]', 42 as never))[0]!.path).toEqual(['fileName']);
  });

  it('says which columns of a file it does not read, rather than dropping them silently', () => {
    const read = readSaved(pageLayout(sme), 'id,name,framework,Huyện,9.9.9,1.1.1\nA,B,dbi-2021-sme,Krông Pắc,3,4\n', 'x.csv');
    expect(read.entered.answers).toEqual({ '1.1.1': '4' });
    expect(read.ignored).toEqual(['district', '9.9.9']);
    expect(readSaved(layout, savedCsv(layout, { sector: 'thuong-mai', answers: { '1.1': 'b' } }, { id: 'A', name: 'B' }, 'vi'), 'A.csv').ignored).toEqual([]);
  });
});

describe('a framework that cannot be scored', () => {
  it('names its pillars without maxima by code and name for the officer, and labels the developer\'s hint', () => {
    const f = getFramework('dbi-2023-sme-readiness') as DbiFramework;
    const vi = notScorableHtml(f, 'Call overrideDbiPillarMaxima(framework, { supplyChain: … })', 'vi');
    expect(vi).toContain('<li><span class="code">3.</span> Chuỗi cung ứng</li>');
    expect(vi).toContain('2158/QĐ-BTTTT không công bố điểm tối đa');
    expect(vi.replace(/<p class="dev">.*?<\/p>/, '')).not.toMatch(/supplyChain|overrideDbi/);
    expect(vi).toMatch(/<p class="dev"><b>Dành cho lập trình viên \/ For developers:<\/b> <code>Call overrideDbiPillarMaxima/);
    const en = notScorableHtml(f, undefined, 'en');
    expect(en).toContain('<li><span class="code">3.</span> Supply chain</li>');
    expect(en).not.toContain('class="dev"');
  });
});

describe('words', () => {
  it('fill their placeholders and leave unknown ones', () => {
    expect(word('questionsAnswered', 'vi', { n: 3, total: 9 })).toBe('3/9 câu đã trả lời');
    expect(word('planTo', 'en', {})).toBe('Plan to level {level}');
  });
});
