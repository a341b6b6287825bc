/**
 * `--registered`: the registered enterprises per group, for coverage. JSON (`{"registered": {group:
 * count}}` or `{group: count}`), or a table read as every input is (CSV in any delimiter and encoding,
 * `.xlsx`, title rows, a row-number column): the group in the column the `--group-by` names (else the
 * first text column), the count in the last. A totals or average row ("Tổng cộng", "Cộng" …) is not
 * a group: it is set aside with a notice naming its line (counted, it doubled the province's
 * registered enterprises and halved its coverage). Group names are read in their canonical form, so
 * that they meet the data file's however either spells them; a group listed twice follows the
 * `--duplicates` rule.
 */
import { readFileSync } from 'node:fs';
import { canonicalText } from '../../analysis/text-key.js';
import { CliError, ioError } from '../io/cli-error.js';
import { pipeRefusal } from '../io/decode.js';
import { headerKey, metaField } from '../io/headers.js';
import { isTotalsLabel } from '../io/rows.js';
import { openRows, type ReadOptions } from '../io/source.js';
import type { DuplicateRule } from './units.js';

/** The registered counts by group key, and what the officer should be told about the file. */
export interface Registered {
  readonly counts: Record<string, number>;
  readonly notices: readonly { readonly vi: string; readonly en: string }[];
}

/**
 * Reads a `--registered` file. `groupBy` holds the `--group-by` names as given (a column of the
 * registered file may be named by any of them).
 */
export async function readRegistered(file: string, groupBy: readonly string[], rule: DuplicateRule, options: Pick<ReadOptions, 'encoding' | 'sheet'> = {}): Promise<Registered> {
  const bad = (why: string, whyEn = why) =>
    new CliError(2, `--registered ${file}: ${why}; cần JSON {"nhóm": số} hoặc bảng hai cột (nhóm, số doanh nghiệp đăng ký)`, `--registered ${file}: ${whyEn}; expected JSON {"group": count} or a two-column table (group, registered count)`);
  const toCount = (v: unknown, where: string, whereEn: string): number => {
    const n = typeof v === 'number' ? v : Number(String(v ?? '').trim().replace(/[.\s\u00a0](?=\d{3}\b)/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw bad(`${where}: "${String(v ?? '').slice(0, 40)}" không phải số nguyên dương`, `${whereEn}: "${String(v ?? '').slice(0, 40)}" is not a positive whole number`);
    return n;
  };
  const counts: Record<string, number> = Object.create(null) as Record<string, number>;
  const where = new Map<string, string>();
  const notices: { vi: string; en: string }[] = [];
  const put = (key: string, count: number, place: string, placeEn: string) => {
    const k = canonicalText(key);
    const before = where.get(k);
    if (before !== undefined) {
      if (rule === 'error') {
        throw new CliError(1, `--registered ${file}: nhóm "${k}" có hai lần (${before} và ${place}); giữ một: --duplicates first hoặc last`, `--registered ${file}: group "${k}" is listed twice (${before} and ${placeEn}); keep one with --duplicates first or last`);
      }
      notices.push({ vi: `--registered: nhóm "${k}" có hai lần (${before} và ${place}); giữ bản ${rule === 'first' ? 'đầu' : 'cuối'}`, en: `--registered: group "${k}" is listed twice (${before} and ${placeEn}); the ${rule} one is kept` });
      if (rule === 'first') return;
    }
    where.set(k, place);
    counts[k] = count;
  };
  const setAside = (label: string, place: string, placeEn: string) =>
    notices.push({ vi: `--registered: ${place} là dòng tổng cộng hoặc trung bình ("${label}"), không phải một nhóm: để riêng, không tính`, en: `--registered: ${placeEn} is a totals or average row ("${label}"), not a group: set aside, not counted` });

  let text: string;
  const pipe = pipeRefusal(file, `--registered ${file}`);
  if (pipe) throw pipe;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw ioError(`không đọc được --registered ${file}`, `cannot read --registered ${file}`, e);
  }
  if (text.trimStart().startsWith('{')) {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw bad((e as Error).message);
    }
    const reg = (typeof data.registered === 'object' && data.registered !== null && !Array.isArray(data.registered) ? data.registered : data) as Record<string, unknown>;
    for (const [k, v] of Object.entries(reg)) {
      if (isTotalsLabel(k)) setAside(k, `khóa "${k}"`, `key "${k}"`);
      else put(k, toCount(v, `"${k}"`, `"${k}"`), `khóa "${k}"`, `key "${k}"`);
    }
    if (Object.keys(counts).length === 0) throw bad('tệp không có nhóm nào', 'no group in the file');
    return { counts, notices };
  }

  let source;
  try {
    // a column that is not a known field is the group or the count ("Số doanh nghiệp"), never a
    // misspelt header of a data file ("did you mean Mã doanh nghiệp?")
    source = await openRows(file, { encoding: options.encoding, scores: () => true });
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.exitCode, `--registered ${e.vi}`, `--registered ${e.en}`);
    throw e;
  }
  const plan = source.plan!;
  const wanted = groupBy.map((g) => headerKey(g));
  const wantedFields = groupBy.map((g) => metaField(g) ?? g);
  // the group columns: those the --group-by names, else the first column that is not a row number
  const named = plan.header.map((h, i) => i).filter((i) => plan.role[i] !== 'ignore' && (wanted.includes(headerKey(plan.header[i]!)) || (plan.role[i] === 'meta' && wantedFields.includes(plan.key[i]!))));
  const groupCols = named.length > 0 ? named : [plan.role.findIndex((r) => r !== 'ignore')];
  const countAt = plan.header.length - 1;
  const rows: { line: number; cells: readonly unknown[] }[] = [];
  // a file without a header: its first row is a group and a count
  const headerCount = plan.header[countAt];
  if (source.headerLines && /^\d[\d.\s]*$/.test(String(headerCount ?? '').trim()) && !groupCols.includes(countAt)) rows.push({ line: source.headerLines[0], cells: plan.header });
  for await (const chunk of source.chunks()) {
    for (const r of chunk.records) rows.push({ line: r.line, cells: r.fields });
    for (const s of chunk.setAside) setAside(s.label ?? '', `dòng ${s.line}`, `line ${s.line}`);
    for (const r of chunk.rejected) throw bad(`dòng ${r.line}: ${r.issues[0]!.message.vi}`, `line ${r.line}: ${r.issues[0]!.message.en}`);
  }
  for (const { line, cells } of rows) {
    const key = groupCols.map((i) => String(cells[i] ?? '').trim()).join(' / ');
    if (key === '') throw bad(`dòng ${line}: thiếu tên nhóm`, `line ${line}: no group name`);
    put(key, toCount(cells[countAt], `dòng ${line}`, `line ${line}`), `dòng ${line}`, `line ${line}`);
  }
  if (Object.keys(counts).length === 0) throw bad('tệp không có nhóm nào', 'no group in the file');
  return { counts, notices };
}
