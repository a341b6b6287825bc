/**
 * One language and one decimal style per output: every officer-facing format (table, Markdown, HTML,
 * CSV for Excel, XLSX) × `--lang vi|en`, read from the real command line. Vietnamese output prints
 * decimal commas and Vietnamese headers; English output decimal points and English headers; JSON,
 * NDJSON and plain CSV stay machine form (keys, points). The figures are the fixtures' own,
 * checked elsewhere against published ones: Đắk Lắk 2021 scores 398.49 points, DTI 0.3985, and needs
 * 101.51 points for DTI 0.5; 60 SMEs of 287 registered is a coverage of 20.91%.
 */
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../src/presentation/cli/demo.js';
import { main } from '../../src/presentation/cli/main.js';

const fx = (name: string) => join(__dirname, '..', '..', 'fixtures', name);

/** Runs the CLI in-process, capturing stdout as text and as bytes (an .xlsx workbook). */
async function run(args: string[]): Promise<{ code: number; out: string; bytes: Buffer }> {
  const chunks: Buffer[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string | Uint8Array) => (chunks.push(Buffer.from(s)), true)) as typeof process.stdout.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    const code = await main(args);
    const bytes = Buffer.concat(chunks);
    return { code, out: bytes.toString('utf8'), bytes };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

/**
 * The prose and cells of an output, without what is not a figure: tags, styles and scripts of an
 * HTML page, web addresses, criterion ids (`1.2.1`), dates (`13/12/2021`) and section marks (`§2.3`)
 * of the source titles.
 */
function figuresText(s: string): string {
  return s
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/[^\s>)"]+/g, ' ')
    .replace(/§\d+(?:\.\d+)*/g, ' ')
    .replace(/\b\d+\.\d+\.\d+\b/g, ' ');
}

/** Decimals written the other language's way: a point between digits in Vietnamese, a comma in English. */
const wrongDecimals = (s: string, lang: 'vi' | 'en') => figuresText(s).match(lang === 'vi' ? /\d\.\d+/g : /\d,\d+/g) ?? [];

/** In English CSV the comma separates fields: a decimal comma there would be a quoted numeral cell. */
const wrongCsvDecimals = (s: string) => s.match(/(?:^|,)"-?\d+,\d+"(?=,|\r?$)/gm) ?? [];

/** One command per kind of table: a DTI score table, a DTI gap (with its heading), a DBI summary. */
const commands = {
  score: ['score', fx('dti-2021.json')],
  gap: ['gap', fx('dti-2021.json'), '--unit', '66', '--target', 'value:0.5'],
  summary: ['summary', fx('dbi-sme-daklak.json'), '--group-by', 'district', '--registered', fx('registered-smes-daklak.json'), '--target', '0.5'],
} as const;
type Command = keyof typeof commands;
type Format = 'table' | 'md' | 'html' | 'csv';

/**
 * Figures and headers each output must show, in each language: Đắk Lắk's DTI 0.3985 (and 398.49
 * points where the table has totals); its gap to DTI 0.5 (87.37 points of human resources, of the
 * 101.51 needed: the heading of table and Markdown says so); the province's coverage of 20.91%.
 */
function expected(command: Command, format: Format, lang: 'vi' | 'en'): string[] {
  const vi = lang === 'vi';
  switch (command) {
    case 'score':
      return [vi ? '0,3985' : '0.3985', vi ? 'Nguồn số liệu' : 'Data source', ...(format === 'html' ? [] : [vi ? '398,49' : '398.49', vi ? 'Giá trị DTI' : 'DTI value'])];
    case 'gap':
      return [
        // the points-needed column: 'Cần thêm'; in English 'Needed' in a table, 'Points needed' in the HTML report
        vi ? '87,37' : '87.37', vi ? 'Cần thêm' : format === 'html' ? 'Points needed' : 'Needed',
        ...(format === 'table' || format === 'md' ? [vi ? 'DTI 0,3985 → 0,5; cần thêm 101,51 điểm' : 'DTI 0.3985 → 0.5; needs 101.51 more points'] : []),
        ...(format === 'html' ? [vi ? '0,3985 → 0,5000' : '0.3985 → 0.5000'] : []),
      ];
    case 'summary':
      return [vi ? '20,91' : '20.91', vi ? 'Còn thiếu' : 'Shortfall'];
  }
}

/** Words that must not appear in the other language's output (a heading or header left untranslated). */
const foreign: Record<Command, Record<'vi' | 'en', string[]>> = {
  score: { vi: ['DTI value', 'Total points', 'Data source'], en: ['Giá trị DTI', 'Tổng điểm', 'Nguồn số liệu'] },
  gap: { vi: ['needs', 'Needed', 'Gap to leader'], en: ['cần thêm', 'Cần thêm'] },
  summary: { vi: ['Coverage', 'Shortfall'], en: ['Tỷ lệ đánh giá', 'Còn thiếu'] },
};

const textFormats: readonly (readonly [Format, ...string[]])[] = [['table'], ['md'], ['html'], ['csv', '--excel']];

describe('one decimal style and one language per output (format × lang)', () => {
  for (const [command, args] of Object.entries(commands) as [Command, readonly string[]][]) {
    for (const format of textFormats) {
      for (const lang of ['vi', 'en'] as const) {
        it(`${command} --format ${format.join(' ')} --lang ${lang}`, async () => {
          const r = await run([...args, '--format', ...format, '--lang', lang]);
          expect(r.code).toBe(0);
          for (const word of expected(command, format[0], lang)) expect(r.out).toContain(word);
          for (const word of foreign[command][lang]) expect(r.out).not.toContain(word);
          expect(format[0] === 'csv' && lang === 'en' ? wrongCsvDecimals(r.out) : wrongDecimals(r.out, lang)).toEqual([]);
        });
      }
    }
  }

  it('Markdown is Vietnamese by default, like the table and HTML (an officer reads it)', async () => {
    for (const format of ['table', 'md', 'html']) {
      const r = await run([...commands.score, '--format', format]);
      expect(r.out).toContain('Giá trị DTI');
      expect(r.out).toContain('0,3985');
      expect(wrongDecimals(r.out, 'vi')).toEqual([]);
    }
  });

  it('XLSX: headers and notes in one language, figures as numbers (Excel shows the reader\'s decimal mark)', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const r = await run([...commands.score, '--format', 'xlsx', '--lang', lang]);
      expect(r.code).toBe(0);
      const sheet = (await readXlsxFile(r.bytes)) as unknown as { sheet: string; data: unknown[][] }[];
      const data = sheet[0]!.data;
      expect(data[0]).toContain(lang === 'vi' ? 'Giá trị DTI' : 'DTI value');
      expect(data[0]).not.toContain(lang === 'vi' ? 'DTI value' : 'Giá trị DTI');
      const dakLak = data.find((row) => row[0] === '66')!;
      expect(dakLak.slice(6, 8)).toEqual([398.49, 0.3985]);
      const text = data.flat().filter((c): c is string => typeof c === 'string').join('\n');
      expect(wrongDecimals(text, lang)).toEqual([]);
      const status = data.flat().find((c) => typeof c === 'string' && /^(Bộ chỉ số|Framework): /.test(c));
      expect(status).toMatch(lang === 'vi' ? /^Bộ chỉ số: dti-province-2022 — Quyết định 922/ : /^Framework: dti-province-2022 — Decision 922/);
    }
  });

  it('machine forms keep keys and points whatever --lang says: JSON, NDJSON; plain CSV without --lang', async () => {
    const json = await run([...commands.score, '--format', 'json', '--lang', 'vi']);
    const row = JSON.parse(json.out).rows.find((x: { id: string }) => x.id === '66');
    expect([row.result.total, row.result.value]).toEqual([398.49, 0.3985]);
    const ndjson = await run([...commands.score, '--format', 'ndjson', '--lang', 'vi']);
    expect(ndjson.out).toContain('"value":0.3985');
    const csv = await run([...commands.score, '--format', 'csv']);
    expect(csv.out.split('\n')[0]).toMatch(/^id,name,region,year,nameEn,framework,total,value,/);
    expect(csv.out).toContain('66,Đắk Lắk,Central Highlands,2021,,dti-province-2022,398.49,0.3985,');
  });
});

describe('the demo: one language per run', () => {
  it('Vietnamese by default: decimal commas, Vietnamese words, no English sentence', async () => {
    const r = await run(['demo']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(runDemo('vi'));
    expect(r.out).toContain('Tổng điểm 398,49/1000 → DTI 0,3985');
    expect(r.out).toContain('Để đạt DTI 0,5 cần thêm 101,51 điểm');
    // Quảng Ninh 2022 reproduces its published values; the Đà Nẵng merger its published 0.7069
    expect(r.out).toContain('DTI 0,7024 · CQS 0,7804 · KTS 0,7187 · XHS 0,6864  (công bố: 0,7024 · 0,7804 · 0,7187 · 0,6864)');
    expect(r.out).toContain('Đà Nẵng 0,8335 + Quảng Nam 0,5803 → Đà Nẵng mới 0,7069');
    // Toàn tỉnh: 60 assessed of 287 registered = 20.91%; median total 150
    expect(r.out).toMatch(/Toàn tỉnh +60 .* 150 +287 +20,91 +84\n/);
    for (const english of ['illustrative', 'published', 'Main indicator', 'Pillar', 'Advanced']) expect(r.out).not.toContain(english);
    expect(wrongDecimals(r.out, 'vi')).toEqual([]);
  });

  it('--lang en: decimal points, English words', async () => {
    const r = await run(['demo', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Total 398.49/1000 → DTI 0.3985');
    expect(r.out).toContain('DTI 0.5 needs 101.51 more points');
    expect(r.out).toContain('(published: 0.7024 · 0.7804 · 0.7187 · 0.6864)');
    expect(r.out).toMatch(/Whole province +60 .* 150 +287 +20\.91 +84\n/);
    expect(r.out).toContain('→ Level 4 — Advanced');
    for (const vietnamese of ['Tổng điểm', 'minh họa', 'công bố', 'Trụ cột', 'Nâng cao']) expect(r.out).not.toContain(vietnamese);
    expect(wrongDecimals(r.out, 'en')).toEqual([]);
  });
});
