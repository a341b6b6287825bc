/**
 * Writing outputs: spreadsheet safety (OWASP CSV injection), Markdown and terminal escaping, the
 * `.xlsx` workbook read back by an independent reader, languages and decimals, provenance in every
 * format.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { getFramework, scoreDti, ValidationError } from '../../src/index.js';
import { formatFromName, render, renderBytes, renderOutput, csvRow, csvHeader, type Tabular } from '../../src/presentation/cli/output.js';
import { toCsv } from '../../src/presentation/io/csv.js';
import { columnDecimals, formatNumber, frameworkLabels, localizeHeaders, term } from '../../src/presentation/format/locale.js';
import { isIllustrative, provenanceOf } from '../../src/presentation/format/provenance.js';
import { markdownText, spreadsheetText, terminalText } from '../../src/presentation/format/safety.js';
import { renderMarkdown, renderTable } from '../../src/presentation/format/table.js';
import { XLSX_SHEETS } from '../../src/presentation/format/xlsx.js';

const EVIL = ['=HYPERLINK("http://x","y")', '+cmd', '-2+3', '@SUM(1)', '\t=1', '\r=1'];

describe('spreadsheet safety', () => {
  it('neutralises each formula trigger with a leading quote, and nothing else', () => {
    expect(EVIL.map(spreadsheetText)).toEqual(EVIL.map((s) => `'${s}`));
    for (const safe of ['Buôn Hồ', 'DN001', '2+3', 'a=b', " '=x", '']) expect(spreadsheetText(safe)).toBe(safe);
  });

  it('writes a formula sign alone as it is (nothing to evaluate), and anything after it still neutralised', () => {
    for (const lone of ['=', '+', '-', '@']) expect(spreadsheetText(lone)).toBe(lone);
    expect(spreadsheetText('\u202E=')).toBe('=');
    for (const more of ['==', '= ', '=1', '-1', '+ ', '@A1', '\t', '\r']) expect(spreadsheetText(more)).toBe(`'${more}`);
  });

  it('CSV: text cells neutralised and quoted, numbers (negative too) stay numbers', () => {
    const csv = toCsv(['name', 'n'], [...EVIL.map((s) => [s, -2] as const), ['ok', 0.5]]);
    const parsed = Papa.parse<string[]>(csv.trimEnd(), { delimiter: ',' }).data;
    expect(parsed[0]).toEqual(['name', 'n']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual([...EVIL.map((s) => `'${s}`), 'ok']);
    expect(parsed.slice(1).map((r) => r[1])).toEqual([...EVIL.map(() => '-2'), '0.5']);
    // every cell starting with a trigger character after parsing is a quoted-neutralised text
    for (const row of parsed.slice(1)) expect(row[0]!).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('CSV for Excel: BOM, `;`, decimal commas, CRLF everywhere, still neutralised', () => {
    const csv = toCsv(['id', 'value', 'name'], [['66', 0.3985, '@SUM(1)'], ['67', -1.5, '-2+3']], { excel: true });
    expect(csv).toBe("\uFEFFid;value;name\r\n66;0,3985;'@SUM(1)\r\n67;-1,5;'-2+3\r\n");
  });

  it('csvRow and csvHeader stream the same text as toCsv', () => {
    const rows = [['=1', 2.5, null], ['b', -3, 'x;y']] as const;
    const whole = toCsv(['a', 'b', 'c'], rows, { excel: true });
    expect(csvHeader(['a', 'b', 'c'], { excel: true }) + rows.map((r) => csvRow(r, { excel: true })).join('')).toBe(whole);
    expect(csvRow(['=1', -2, 0.3985], { excel: true })).toBe("'=1;-2;0,3985\r\n");
    expect(csvRow(['x;y', 'say "hi"'], {})).toBe('"x;y","say ""hi"""\n');
  });

  it('Markdown escapes HTML, pipes, Markdown syntax and line breaks', () => {
    expect(markdownText('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markdownText('a|b\nc')).toBe('a\\|b<br>c');
    expect(markdownText('[x](javascript:alert)')).toBe('\\[x\\](javascript:alert)');
    const md = renderMarkdown(['name', 'n'], [['<script>alert(1)</script>', 1], ['a|b\nc', 2], ['\u001b[31mred', 3]]);
    const lines = md.trimEnd().split('\n');
    expect(lines).toHaveLength(5); // header, rule, three rows: no cell broke its row
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('\u001b');
    for (const l of lines.slice(2)) expect(l.split(/(?<!\\)\|/).length).toBe(4); // two cells between three unescaped pipes
  });

  it('terminal tables strip escape sequences, controls and bidirectional overrides', () => {
    expect(terminalText('\u001b[31mred\u001b[0m')).toBe('red');
    expect(terminalText('\u202Egnp.exe')).toBe('gnp.exe');
    expect(terminalText('a\u2066b\u2069c\u200e\u200fd')).toBe('abcd');
    expect(terminalText('x\u001b]0;title\u0007y\u009b2Jz\u0085')).toBe('xyz');
    expect(terminalText('tab\there\nnext\u2028line\ufeff')).toBe('tab here next line');
    const table = renderTable(['name'], [['\u001b[31mred'], ['\u202Egnp.exe'], ['<script>alert(1)</script>']]);
    expect(table).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(table.split('\n').slice(2, 5)).toEqual(['red', 'gnp.exe', '<script>alert(1)</script>']);
  });
});

const dti = getFramework('dti-province-2022');
const dbi = getFramework('dbi-2021-sme');

describe('languages and numbers', () => {
  it('prints Vietnamese decimals with a comma, English with a dot, fixed decimals where the column has them', () => {
    expect(formatNumber(398.49, 'vi')).toBe('398,49');
    expect(formatNumber(0.3985, 'vi', 4)).toBe('0,3985');
    expect(formatNumber(0.4, 'vi', 4)).toBe('0,4000');
    expect(formatNumber(0.4, 'en', 4)).toBe('0.4000');
    expect(formatNumber(-2, 'vi')).toBe('-2');
    expect(formatNumber(1e-7, 'en')).toBe('0.0000001');
    expect(columnDecimals('value')).toBe(4);
  });

  it('localises the CLI column keys, pillar ids by the framework, levels and terms', () => {
    expect(localizeHeaders(['rank', 'id', 'name', 'value', 'group', 'rankInGroup', 'change', 'coverage', 'level 3', 'level none'], 'vi')).toEqual([
      'Xếp hạng', 'Mã', 'Tên', 'Giá trị DTI', 'Nhóm', 'Hạng trong nhóm', 'Thay đổi so với năm trước', 'Tỷ lệ đánh giá', 'Mức 3', 'Chưa xếp mức',
    ]);
    expect(localizeHeaders(['operations', 'operations.level'], 'vi', frameworkLabels(dbi))).toEqual(['Vận hành', 'Mức Vận hành']);
    expect(localizeHeaders(['awareness', 'government'], 'en', frameworkLabels(dti))).toEqual(['Digital awareness', 'Digital government']);
    expect(term('all', 'vi')).toBe('Tất cả');
    expect(localizeHeaders(['unknownKey'], 'vi')).toEqual(['unknownKey']);
  });

  it('the score table of the CLI has no English word left in Vietnamese', () => {
    const keys = ['id', 'name', 'framework', 'total', 'max', 'percent', 'level', 'levelName', ...dbi.pillars.flatMap((p) => [p.id, `${p.id}.level`])];
    const vi = localizeHeaders(keys, 'vi', frameworkLabels(dbi));
    for (const [i, h] of vi.entries()) expect(h, keys[i]).not.toBe(keys[i]);
    expect(vi.join(' ')).not.toMatch(/\b(rank|coverage|all|operations|customer|strategy|technology|culture|data|level|total|percent)\b/);
  });
});

const provenance = provenanceOf(dbi, [
  { id: 'DN001', meta: { source: 'minh họa' } },
  { id: 'DN002', source: 'Sở KH&CN 2023' },
]);
const table: Tabular = {
  header: ['id', 'name', 'total', 'percent', 'level', 'operations'],
  rows: [['DN001', '=HYPERLINK("http://x","y")', 192.5, 60.16, 3, 12], ['DN002', '-2+3', -0, 0, 0, 0]],
  json: [{ id: 'DN001' }, { id: 'DN002' }],
  provenance,
  labels: frameworkLabels(dbi),
};

describe('provenance', () => {
  it('is built from the framework: decision, status, assumptions, sources, row sources', () => {
    expect(provenance.frameworks[0]).toMatchObject({ id: 'dbi-2021-sme', decision: '1970/QĐ-BTTTT', status: 'reconstructed' });
    expect(provenance.frameworks[0]!.assumptions.map((a) => a.id)).toEqual(dbi.assumptions.map((a) => a.id));
    expect(provenance.frameworks[0]!.sources.map((s) => s.id)).toEqual(dbi.sources.map((s) => s.id));
    expect(provenance.rows).toEqual([
      { id: 'DN001', source: 'minh họa', illustrative: true },
      { id: 'DN002', source: 'Sở KH&CN 2023', illustrative: false },
    ]);
    expect(provenance.illustrative).toBe(true);
    expect(['Illustrative', 'minh hoạ', 'MINH HỌA', 'minh hoa'].every(isIllustrative)).toBe(true);
    expect(isIllustrative('dti.gov.vn')).toBe(false);
    expect(provenanceOf([dti, dti]).frameworks).toHaveLength(1);
  });

  it('table: heading with status, footer with assumptions and sources, a source column with the illustrative mark', () => {
    const out = render(table, 'table');
    const [first] = out.split('\n');
    expect(first).toContain('1970/QĐ-BTTTT');
    expect(first).toContain('tái lập / reconstructed');
    expect(out).toContain('minh họa / illustrative');
    expect(out).toContain('Sở KH&CN 2023');
    expect(out).toContain('Nguồn số liệu');
    expect(out).toContain('Vận hành');
    for (const a of dbi.assumptions) expect(out).toContain(a.description.vi);
    for (const s of dbi.sources) expect(out).toContain(s.title);
    expect(out).toContain('192,5');
    expect(out).toContain('60,16');
  });

  it('CSV: the data rows parse as a clean rectangle; provenance trails after an empty line', () => {
    for (const options of [{ excel: true }, {}, { lang: 'en' as const }]) {
      const csv = render(table, 'csv', options);
      const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
      const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
      expect(blank).toBe(3); // header + 2 data rows
      expect(rows.slice(0, 3).every((r) => r.length === 7)).toBe(true);
      expect(rows[1]![6]).toBe('minh họa / illustrative');
      expect(rows[2]![6]).toBe('Sở KH&CN 2023');
      expect(rows[1]![1]).toBe(`'=HYPERLINK("http://x","y")`);
      expect(rows[2]![1]).toBe("'-2+3");
      const trailer = rows.slice(4).filter((r) => r.some((c) => c !== ''));
      expect(trailer.every((r) => r.length === 1 && r[0]!.startsWith('# '))).toBe(true);
      const text = trailer.map((r) => r[0]).join('\n');
      expect(text).toContain('1970/QĐ-BTTTT');
      expect(text).toMatch(/tái lập \/ reconstructed/);
      for (const a of dbi.assumptions) expect(text).toContain(a.id);
    }
    // the Vietnamese Excel form: localised header, `;`, decimal comma
    const excel = render(table, 'csv', { excel: true });
    expect(excel.split('\r\n')[0]).toBe('\uFEFFMã;Tên;Tổng điểm;Tỷ lệ (%);Mức;Vận hành;Nguồn số liệu');
    expect(excel.split('\r\n')[1]).toBe(`DN001;"'=HYPERLINK(""http://x"",""y"")";192,5;60,16;3;12;minh họa / illustrative`);
    // the machine form keeps keys and dots
    expect(render(table, 'csv').split('\n')[0]).toBe('id,name,total,percent,level,operations,source');
  });

  it('JSON: a top-level provenance object; an array result moves under `rows`', () => {
    const json = JSON.parse(render(table, 'json'));
    expect(json.rows).toEqual(table.json);
    expect(json.provenance.frameworks[0].status).toBe('reconstructed');
    expect(json.provenance.frameworks[0].assumptions.length).toBe(dbi.assumptions.length);
    expect(json.provenance.rows[0]).toEqual({ id: 'DN001', source: 'minh họa', illustrative: true });
    expect(JSON.parse(render({ ...table, json: { a: 1 } }, 'json'))).toMatchObject({ a: 1, provenance: { illustrative: true } });
    // without provenance the JSON is as before
    expect(JSON.parse(render({ ...table, provenance: undefined }, 'json'))).toEqual(table.json);
    // NDJSON: one result per line, machine form
    expect(render(table, 'ndjson')).toBe('{"id":"DN001"}\n{"id":"DN002"}\n');
  });

  it('Markdown: status before the table, assumptions and sources after, row sources in a column', () => {
    const md = render(table, 'md', { lang: 'vi' });
    expect(md.split('\n')[0]).toMatch(/^> Bộ chỉ số: dbi-2021-sme .*tái lập \/ reconstructed/);
    expect(md).toContain('| Mã | Tên | Tổng điểm |');
    expect(md).toContain('minh họa / illustrative');
    expect(md).toContain('criterion-scale');
    expect(md).toContain('**Nguồn:**');
    // Markdown is officer-facing like the table and HTML: Vietnamese unless English is asked for
    // (RenderOptions.lang); without provenance it is the bare table
    const bare = render({ ...table, provenance: undefined }, 'md');
    expect(bare.split('\n')[0]).toBe('| Mã | Tên | Tổng điểm | Tỷ lệ (%) | Mức | Vận hành |');
    const english = render({ ...table, provenance: undefined }, 'md', { lang: 'en' });
    expect(english.split('\n')[0]).toMatch(/^\| ID \| Name \| Total points \| /);
  });
});

describe('xlsx', () => {
  it('writes a workbook that an independent reader reads back: numbers as numbers, neutralised text, Vietnamese headers, sources sheet', async () => {
    const bytes = await renderBytes(table);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual([XLSX_SHEETS.data.vi, XLSX_SHEETS.sources]);
    const data = sheets[0]!.data;
    expect(data[0]).toEqual(['Mã', 'Tên', 'Tổng điểm', 'Tỷ lệ (%)', 'Mức', 'Vận hành', 'Nguồn số liệu']);
    // formula-like texts read back as written: text cells with the quote-prefix style, never formulas
    expect(data[1]).toEqual(['DN001', '=HYPERLINK("http://x","y")', 192.5, 60.16, 3, 12, 'minh họa / illustrative']);
    expect(data[2]).toEqual(['DN002', '-2+3', 0, 0, 0, 0, 'Sở KH&CN 2023']);
    const zipped = join(mkdtempSync(join(tmpdir(), 'vndi-xlsx-')), 'quoted.xlsx');
    writeFileSync(zipped, bytes);
    const sheet = execFileSync('unzip', ['-p', zipped, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    const xfs = [...execFileSync('unzip', ['-p', zipped, 'xl/styles.xml'], { encoding: 'utf8' }).matchAll(/<xf [^>]*>/g)].slice(1).map((m) => m[0]);
    for (const text of ['=HYPERLINK', '-2+3']) {
      const cell = new RegExp(`<c r="B\\d+" s="(\\d+)" t="inlineStr"><is><t>${text.replace(/[+]/g, '\\+')}`).exec(sheet);
      expect(xfs[Number(cell![1])]).toContain('quotePrefix="1"');
    }
    expect(sheet).not.toContain('<f>');
    expect(typeof data[1]![2]).toBe('number');
    // the status line below the data
    const status = data.slice(3).flat().filter((c) => typeof c === 'string').join('\n');
    expect(status).toContain('1970/QĐ-BTTTT');
    expect(status).toContain('tái lập / reconstructed');
    const sources = sheets[1]!.data.flat().filter((c) => typeof c === 'string').join('\n');
    for (const a of dbi.assumptions) expect(sources).toContain(a.description.vi);
    for (const s of dbi.sources) expect(sources).toContain(s.title);
    expect(sources).toContain('minh họa / illustrative');
  });

  it('freezes the header row and sets column widths', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(await renderBytes(table));
    const sheet1 = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet1).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet1).toMatch(/<col [^>]*width="/);
  });

  it('English workbook, 4-decimal values, through renderOutput', async () => {
    const r = scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } });
    const t: Tabular = { header: ['id', 'total', 'value', 'government'], rows: [['66', r.total, r.value, r.pillars.government.value]], json: [], provenance: provenanceOf(dti), labels: frameworkLabels(dti) };
    const bytes = (await renderOutput(t, 'xlsx', { lang: 'en' })) as Uint8Array;
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets[0]!.sheet).toBe('Results');
    expect(sheets[0]!.data[0]).toEqual(['ID', 'Total points', 'DTI value', 'Digital government']);
    expect(sheets[0]!.data[1]).toEqual(['66', 398.49, 0.3985, 0.4153]);
    const { unzipSync, strFromU8 } = await import('fflate');
    expect(strFromU8(unzipSync(bytes)['xl/styles.xml']!)).toContain('formatCode="0.0000"');
  });

  it('rejects bad cells with a ValidationError', async () => {
    await expect(renderBytes({ ...table, rows: [[NaN]] })).rejects.toBeInstanceOf(ValidationError);
    expect(() => toCsv(['a'], [[{} as never]])).toThrow(ValidationError);
    expect(() => toCsv('a' as never, [])).toThrow(ValidationError);
  });
});

describe('formatFromName', () => {
  it('knows the writable extensions and answers undefined for others', () => {
    expect(['a.xlsx', 'a.ndjson', 'a.jsonl', 'A.CSV', 'a.json', 'a.md', 'a.htm', 'a.txt'].map(formatFromName)).toEqual(['xlsx', 'ndjson', 'ndjson', 'csv', 'json', 'md', 'html', 'table']);
    expect(['a.pdf', 'a.xls', 'noext', '.csv', undefined].map(formatFromName)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('cells in both languages, CSV options', () => {
  it('a Localized cell prints in the format’s language (machine form: en)', () => {
    const t: Tabular = { header: ['group', 'count'], rows: [[{ vi: 'Tất cả', en: 'all' }, 60]], json: [] };
    expect(render(t, 'table').split('\n')[2]).toMatch(/^Tất cả +60$/);
    expect(render(t, 'csv').split('\n')[1]).toBe('all,60');
    expect(render(t, 'csv', { lang: 'en' }).split('\n')[0]).toBe('Group,Enterprises');
  });

  it('a decimal comma under an explicit `,` separator is quoted; bad options are a ValidationError', () => {
    expect(toCsv(['v'], [[0.5]], { lang: 'vi', separator: ',' })).toBe('v\n"0,5"\n');
    expect(() => toCsv(['v'], [[1]], { lang: 'fr' as never })).toThrow(ValidationError);
    expect(() => toCsv(['v'], [[1]], { separator: '|' as never })).toThrow(ValidationError);
    expect(() => toCsv(['v'], [[1]], null as never)).toThrow(ValidationError);
  });
});

describe('resultsContext', () => {
  it('gathers the frameworks, row sources and column labels of scored rows', async () => {
    const { resultsContext } = await import('../../src/presentation/cli/output.js');
    const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
    const scored = [
      { id: 'A', meta: { source: 'minh họa' }, result: scoreDti('dti-province-2022', { points }) },
      { id: 'B', meta: {}, result: scoreDti('dti-province-2022', { points }) },
    ];
    const c = resultsContext(scored);
    expect(c.provenance.frameworks.map((f) => f.id)).toEqual(['dti-province-2022']);
    expect(c.provenance.rows).toEqual([{ id: 'A', source: 'minh họa', illustrative: true }]);
    expect(c.labels.awareness!.vi).toBe('Nhận thức số');
    const out = render({ header: ['id', 'value', 'awareness'], rows: scored.map((s) => [s.id, s.result.value, s.result.mainIndicators[0]!.points]), json: [], ...c }, 'table');
    expect(out).toContain('Nhận thức số');
    expect(out).toMatch(/A +0,3985 +74 +minh họa \/ illustrative/);
  });
});

describe('no silent blanks', () => {
  it('a streamed row with NaN or an object is a ValidationError; so is a table rendered with one', () => {
    expect(() => csvRow(['a', NaN])).toThrow(ValidationError);
    expect(() => csvRow([{} as never])).toThrow(ValidationError);
    expect(() => render({ header: ['a'], rows: [[Infinity]], json: [] }, 'table')).toThrow(ValidationError);
  });
});

describe('hostile arguments', () => {
  it('provenanceOf refuses what is not a framework or a row, with a ValidationError', () => {
    expect(() => provenanceOf(null as never)).toThrow(ValidationError);
    expect(() => provenanceOf({ ...dbi, assumptions: [{ id: 'x' }] } as never)).toThrow(ValidationError);
    expect(() => provenanceOf([] as never)).toThrow(ValidationError);
    expect(() => provenanceOf(dbi, [{ id: 1 }] as never)).toThrow(ValidationError);
    expect(() => provenanceOf(dbi, [{ id: 'a', source: {} }] as never)).toThrow(ValidationError);
    expect(() => provenanceOf(dbi, 'rows' as never)).toThrow(ValidationError);
  });

  it('toCsv copies arrays index by index (an own constructor cannot hijack it) and checks options', () => {
    const rows = [['a', 1]] as unknown as (string | number)[][];
    Object.defineProperty(rows, 'constructor', { value: 5 });
    expect(toCsv(['x', 'y'], rows)).toBe('x,y\na,1\n');
    expect(() => toCsv(['x'], [[1]], { decimals: ['a'] } as never)).toThrow(ValidationError);
    expect(() => toCsv(['x'], [[1]], { provenance: { frameworks: {} } } as never)).toThrow(ValidationError);
  });
});

describe('toCsv on sparse arrays of length 2³²−1', () => {
  const sparse = (): unknown[] => {
    const a: unknown[] = [];
    a.length = 2 ** 32 - 1;
    return a;
  };
  const refused = (fn: () => unknown): number => {
    const t0 = performance.now();
    expect(fn).toThrow(ValidationError);
    return performance.now() - t0;
  };

  it('takes or refuses them in milliseconds (decimals ran the process out of memory; a header or row was read to its end)', () => {
    const t0 = performance.now();
    expect(toCsv(['a'], [[1]], { decimals: sparse() as number[] })).toBe('a\n1\n'); // no entry: no decimals given
    expect(performance.now() - t0).toBeLessThan(500);
    expect(refused(() => toCsv(sparse() as string[], [['x']]))).toBeLessThan(500);
    expect(refused(() => toCsv(['a'], [sparse() as string[]]))).toBeLessThan(500);
    expect(refused(() => toCsv(['a'], sparse() as string[][]))).toBeLessThan(500);
  });

  it('still reads a sparse decimals list by the entries it has', () => {
    const d: number[] = [];
    d[1] = 1;
    expect(toCsv(['a', 'b'], [[0.25, 0.25]], { decimals: d, lang: 'en' })).toBe('a,b\n0.25,0.3\n');
  });
});

describe('spreadsheet text: controls and bidirectional overrides', () => {
  it('are dropped from CSV cells and headers, before the formula check (ESC and U+202E were written as they came)', () => {
    expect(spreadsheetText('x\u001b[31mred a\u202Eb')).toBe('x[31mred ab');
    expect(spreadsheetText('\u202E=1+1')).toBe("'=1+1");
    expect(spreadsheetText('a\tb\nc')).toBe('a\tb\nc');
    expect(toCsv(['n\u202Eame'], [['\u001b[2J'], ['\u001b=cmd']])).toBe("name\n[2J\n'=cmd\n");
  });
});
