/**
 * Column headers as offices type them. A header matches a field ignoring case, spacing, Unicode form
 * and diacritics (`Mã tỉnh`, `MA TINH`, `Ma  tinh` are one header); the usual Vietnamese names of the
 * row's id, name, year, date of assessment, framework, district, commune, sector and size are known, as are every
 * framework's indicator and criterion ids and Vietnamese names. Row-number and notes columns are set
 * aside; a header close to a known one gets "did you mean"; two columns for one field are an error.
 */
import { DBI_FRAMEWORKS } from '../../framework/dbi/index.js';
import { DTI_FRAMEWORKS } from '../../framework/dti/index.js';
import type { Framework } from '../../framework/schema.js';
import { CliError } from './cli-error.js';

/**
 * The comparison form of a header: NFD without combining marks, `đ` as `d`, lower case, one space
 * between words and none around `/`.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .trim();
}

/** The metadata fields a row can carry, and the headers that name them (as typed; compared by {@link headerKey}). */
export const META_HEADERS: Readonly<Record<string, readonly string[]>> = {
  id: ['id', 'code', 'Mã', 'Mã tỉnh', 'Mã DN', 'Mã doanh nghiệp', 'Mã số thuế', 'MST', 'Mã đơn vị'],
  name: ['name', 'Tên', 'Tên tỉnh', 'Tỉnh', 'Tỉnh/Thành phố', 'Tỉnh/TP', 'Tên doanh nghiệp', 'Doanh nghiệp', 'Tên DN', 'Tên đơn vị', 'Đơn vị'],
  framework: ['framework', 'Bộ chỉ số'],
  year: ['year', 'Năm'],
  date: ['date', 'Ngày đánh giá', 'Ngày tự đánh giá'],
  district: ['district', 'Huyện', 'Quận/Huyện', 'Huyện/Thị xã/Thành phố'],
  commune: ['commune', 'Xã', 'Xã/Phường', 'Phường/Xã', 'Xã/Phường/Thị trấn'],
  sector: ['sector', 'Ngành', 'Ngành nghề', 'Lĩnh vực'],
  size: ['size', 'Quy mô'],
  region: ['region', 'Vùng'],
  group: ['group', 'Nhóm'],
  source: ['source', 'Nguồn'],
  citation: ['citation', 'Trích dẫn'],
};

/** Row-number and notes columns: never scored, never an error. */
export const IGNORED_HEADERS: readonly string[] = ['STT', 'TT', 'Số TT', 'No.', 'Ghi chú', 'Note', 'Notes'];

const metaByKey = new Map<string, string>();
for (const [field, names] of Object.entries(META_HEADERS)) for (const n of names) metaByKey.set(headerKey(n), field);
const ignoredKeys = new Set(IGNORED_HEADERS.map(headerKey));

/** The field a header names, if it is a metadata header. */
export function metaField(header: string): string | undefined {
  return metaByKey.get(headerKey(header));
}

/** The scoring columns a framework accepts: comparison key → input id. */
const indexCache = new WeakMap<Framework, Map<string, string>>();
export function frameworkColumns(framework: Framework): Map<string, string> {
  let index = indexCache.get(framework);
  if (index) return index;
  index = new Map();
  const add = (id: string, vi?: string) => {
    index!.set(headerKey(id), id);
    if (vi) index!.set(headerKey(vi), id);
  };
  if (framework.kind === 'dti') {
    if (framework.inputKeys === 'pillars') for (const p of framework.pillars) add(p.id, p.name.vi);
    else for (const m of framework.mainIndicators) if (m.max !== null) add(m.id, m.name.vi);
  } else if (framework.inputLevel === 'pillar') {
    for (const p of framework.pillars) add(p.id, p.name.vi);
  } else {
    // every criterion: the common part's, those directly under a pillar, and every sector's (a file
    // of several sectors has a column per sector question; a row answers its own sector's); ids
    // first, so that a criterion's name never shadows another's id
    const all = [...framework.pillars, ...(framework.sectors ?? [])].flatMap((part) => [...(part.criteria ?? []), ...part.components.flatMap((k) => k.criteria)]);
    for (const c of all) add(c.id);
    for (const c of all) if (!index.has(headerKey(c.name.vi))) add(c.id, c.name.vi);
  }
  indexCache.set(framework, index);
  return index;
}

let vocabulary: Map<string, string> | undefined;
/** Every bundled framework's scoring headers: comparison key → the header as the framework writes it. */
function scoringVocabulary(): Map<string, string> {
  if (vocabulary) return vocabulary;
  vocabulary = new Map();
  for (const f of [...DTI_FRAMEWORKS, ...DBI_FRAMEWORKS]) {
    const names = new Map<string, string>();
    if (f.kind === 'dti') {
      for (const p of f.pillars) names.set(p.id, p.name.vi);
      for (const m of f.mainIndicators) names.set(m.id, m.name.vi);
    } else {
      for (const p of f.pillars) {
        names.set(p.id, p.name.vi);
        for (const c of p.components.flatMap((k) => k.criteria)) names.set(c.id, c.name.vi);
      }
    }
    for (const [id, vi] of names) {
      vocabulary.set(headerKey(id), id);
      vocabulary.set(headerKey(vi), vi);
    }
  }
  return vocabulary;
}

/** What a column is for. */
export type ColumnRole = 'meta' | 'cell' | 'ignore' | 'info';

/** How a file's columns are read. */
export interface ColumnPlan {
  /** The headers as written (trimmed, NFC). */
  readonly header: readonly string[];
  readonly role: readonly ColumnRole[];
  /** The metadata field (`meta`), the header (`cell`, `info`), or '' (`ignore`). */
  readonly key: readonly string[];
  /** Columns set aside: row numbers, notes, blank headers. */
  readonly ignored: readonly string[];
  /** Columns that are neither scored nor known metadata, kept with each row as information. */
  readonly information: readonly string[];
}

// the two rows of editDistance, kept between calls
let rowA = new Float64Array(64);
let rowB = new Float64Array(64);

/** Levenshtein distance, stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  // only the band |i − j| ≤ limit can hold a path within the limit (Ukkonen): a few cells a row, not
  // the whole row, since it runs for each unknown header against each known one of a near length;
  // cells outside the band count as past the limit
  const band = Math.min(limit, Math.max(a.length, b.length));
  const over = band + 1;
  if (rowA.length <= b.length) {
    rowA = new Float64Array(2 * b.length + 2);
    rowB = new Float64Array(2 * b.length + 2);
  }
  let prev = rowA.fill(over, 0, b.length + 1);
  let cur = rowB.fill(over, 0, b.length + 1);
  for (let j = 0; j <= Math.min(b.length, band); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(b.length, i + band);
    cur.fill(over, Math.max(0, from - 1), Math.min(b.length, to + 1) + 1);
    if (i <= band) cur[0] = i;
    let best = i <= band ? i : over;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/** Every known header in comparison form with its label and place in the list, by length: built once (a 16,384-column header row asks for each). */
let nearCandidates: Map<number, { at: number; key: string; label: string }[]> | undefined;
function candidatesByLength(): Map<number, { at: number; key: string; label: string }[]> {
  if (nearCandidates) return nearCandidates;
  const byLength = new Map<number, { at: number; key: string; label: string }[]>();
  let at = 0;
  const add = (key: string, label: string) => {
    const entry = { at: at++, key, label };
    const list = byLength.get(key.length);
    if (list) list.push(entry);
    else byLength.set(key.length, [entry]);
  };
  for (const [field, names] of Object.entries(META_HEADERS)) for (const n of names) add(headerKey(n), `${n} (${field})`);
  for (const n of IGNORED_HEADERS) add(headerKey(n), n);
  for (const [key, label] of scoringVocabulary()) add(key, label);
  nearCandidates = byLength;
  return byLength;
}

/** The known header nearest to an unknown one, when it is close enough to be a typing slip. */
export function didYouMean(header: string): string | undefined {
  const k = headerKey(header);
  const limit = k.length >= 16 ? 3 : k.length >= 8 ? 2 : k.length >= 4 ? 1 : 0;
  if (limit === 0) return undefined;
  // only a known header whose length is within the limit can be that close (the distance is at
  // least the difference of lengths); taken in the list's order, so the first of equally near wins
  const byLength = candidatesByLength();
  const near: { at: number; key: string; label: string }[] = [];
  for (let length = k.length - limit; length <= k.length + limit; length++) near.push(...(byLength.get(length) ?? []));
  near.sort((x, y) => x.at - y.at);
  let best: string | undefined;
  let bestD = limit + 1;
  for (const { key, label } of near) {
    const d = editDistance(k, key, bestD - 1);
    if (d < bestD) {
      bestD = d;
      best = label;
    }
  }
  return best;
}

/** Whether a header names a known field, an ignored column or a scoring column of any framework. */
export function isKnownHeader(header: string): boolean {
  const k = headerKey(header);
  return k !== '' && (metaByKey.has(k) || ignoredKeys.has(k) || scoringVocabulary().has(k) || scoringHeaderIn(header) !== undefined);
}

// a web form's question header: the criterion id, then the question ("1.1.1. Doanh nghiệp có …",
// "Câu 1.1.1: …", "[1.1.1] …"); compared in header-key form (no diacritics, lower case)
const QUESTION = /^(?:cau|tieu chi|chi tieu|criterion|question|q)?\s*[[(]?(\d+(?:\.\d+)+)\.?[\])]?(?:\s*[.:)\u2013\u2014-])?\s+\S/;
// a numbered or annotated name: "1. Nhận thức số", "II. Thể chế số", "Nhận thức số (100 điểm)"
const NUMBERED = /^(?:[ivx]+|\d+|[a-z])[.)]\s+/;
const ANNOTATED = /\s*\([^)]*\)$/;

/**
 * The scoring column a longer header names: a web form's question header gives its criterion id
 * ("1.1.1. Doanh nghiệp có …" → `1.1.1`), a numbered or annotated header its name ("1. Nhận thức
 * số (100 điểm)" → `Nhận thức số`). `scores` accepts a `--framework-file` framework's own columns.
 * Undefined when the header is not such a header (or names nothing known).
 */
export function scoringHeaderIn(header: string, scores?: (header: string) => boolean): string | undefined {
  const k = headerKey(header);
  const vocab = scoringVocabulary();
  const question = QUESTION.exec(k);
  if (question) {
    const id = question[1]!;
    if (vocab.has(id) || scores?.(id)) return id;
  }
  const bare = k.replace(NUMBERED, '').replace(ANNOTATED, '').trim();
  if (bare !== k && bare !== '') {
    if (vocab.has(bare)) return vocab.get(bare)!;
    const written = header.normalize('NFC').trim().replace(/^(?:[IVXivx]+|\d+|[a-zA-Z])[.)]\s+/, '').replace(ANNOTATED, '').trim();
    if (scores?.(written)) return written;
  }
  return undefined;
}

/**
 * Plans how a header row is read. `columns` (from `--columns map.json`) maps a header as written to
 * a field: a metadata field (`id`, `name` …), an indicator or criterion id, or `ignore`.
 *
 * `scores` (the `--framework-file` framework's columns) names headers that are inputs although no
 * bundled framework has them: they stay information columns (the scoring moves them into the cells),
 * but are never a typing slip ("2.1.2" of a file is not "1.1.2" misspelt).
 *
 * @throws {@link CliError} (exit 1) for a header close to a known one but not equal ("did you mean"),
 *   and for two columns naming the same field.
 */
export function planColumns(rawHeader: readonly string[], columns: Readonly<Record<string, string>> = {}, scores?: (header: string) => boolean): ColumnPlan {
  const mapped = new Map(Object.entries(columns).map(([h, f]) => [headerKey(h), f.trim()]));
  const header = rawHeader.map((h) => String(h ?? '').normalize('NFC').trim());
  const role: ColumnRole[] = [];
  const key: string[] = [];
  const ignored: string[] = [];
  const information: string[] = [];
  const problems: { vi: string; en: string }[] = [];
  const seen = new Map<string, string>();
  const claim = (field: string, h: string) => {
    const before = seen.get(field);
    if (before !== undefined) {
      problems.push({ vi: `hai cột "${before}" và "${h}" cùng là trường ${field}`, en: `two columns "${before}" and "${h}" are both field ${field}` });
    }
    seen.set(field, h);
  };
  const vocab = scoringVocabulary();
  // one answer per header key: a row of 16,384 equal headers asks once
  const nearOf = new Map<string, string | undefined>();
  for (const h of header) {
    const k = headerKey(h);
    const target = mapped.get(k);
    if (k === '' || target === 'ignore' || (target === undefined && ignoredKeys.has(k))) {
      role.push('ignore');
      key.push('');
      if (k !== '') ignored.push(h);
      continue;
    }
    const field = target !== undefined ? (Object.hasOwn(META_HEADERS, target) ? target : undefined) : metaByKey.get(k);
    if (field) {
      claim(field, h);
      role.push('meta');
      key.push(field);
    } else if (target !== undefined) {
      claim(`"${target}"`, h);
      role.push('cell');
      key.push(target);
    } else if (vocab.has(k)) {
      claim(`"${vocab.get(k)}"`, h);
      role.push('cell');
      key.push(h);
    } else if (!scores?.(h) && scoringHeaderIn(h, scores) !== undefined) {
      // a web form's question header, or a numbered or annotated name: the column it names
      const named = scoringHeaderIn(h, scores)!;
      const bundled = vocab.has(headerKey(named));
      claim(`"${bundled ? vocab.get(headerKey(named)) : named}"`, h);
      role.push(bundled ? 'cell' : 'info');
      key.push(named);
    } else {
      const scored = scores?.(h) ?? false;
      // a framework file's scoring column given twice: the row would silently take the last one
      if (scored) claim(`"${k}"`, h);
      if (!scored && !nearOf.has(k)) nearOf.set(k, didYouMean(h));
      const near = scored ? undefined : nearOf.get(k);
      if (near) problems.push({ vi: `cột "${h}" không rõ: có phải "${near}"? (hoặc dùng --columns)`, en: `unknown column "${h}": did you mean "${near}"? (or use --columns)` });
      role.push('info');
      key.push(h);
      information.push(h);
    }
  }
  if (problems.length) throw new CliError(1, `Dòng tiêu đề: ${problems.map((p) => p.vi).join('; ')}`, `Header row: ${problems.map((p) => p.en).join('; ')}`);
  return { header, role, key, ignored, information };
}

/**
 * Maps a plan's scoring columns to a framework's input ids (column index → id, or undefined for a
 * column the framework does not have).
 *
 * @throws {@link CliError} (exit 1) when two columns give the same input (an id and its name).
 */
export function frameworkColumnIds(plan: ColumnPlan, framework: Framework): (string | undefined)[] {
  const index = frameworkColumns(framework);
  const seen = new Map<string, string>();
  return plan.role.map((r, i) => {
    if (r !== 'cell') return undefined;
    const id = index.get(headerKey(plan.key[i]!));
    if (id === undefined) return undefined;
    const before = seen.get(id);
    if (before !== undefined) {
      throw new CliError(1, `Dòng tiêu đề: hai cột "${before}" và "${plan.header[i]}" cùng là chỉ số ${id}`, `Header row: two columns "${before}" and "${plan.header[i]}" are both input ${id}`);
    }
    seen.set(id, plan.header[i]!);
    return id;
  });
}

/** The header of a file, read from one row or from two (group labels above the columns' names). */
export interface HeaderRows {
  /** The headers, one per column. */
  readonly header: readonly string[];
  /** The first and the last row of the header (0-based; equal for a one-row header). */
  readonly first: number;
  readonly last: number;
}

const blankCell = (c: unknown) => c === null || c === undefined || String(c).trim() === '';

/**
 * The header found at row `at`, completed from a second header row where the file has one. Offices
 * put group labels above the columns' names ("Chỉ số nền tảng" merged over five indicators) and
 * merge the id and name cells down over both rows, so that the row below holds the indicator names
 * under blank cells. The row below is a second header row when it names at least two known columns
 * that the row above does not; a blank header under (or above) a known one takes it (a cell merged
 * across the two rows). A column's header is the lower row's where that names a known column, else
 * the upper row's where that does, else whichever is not blank.
 */
export function headerRows(rows: readonly (readonly unknown[])[], at: number): HeaderRows {
  const upper = rows[at] ?? [];
  const text = (c: unknown) => (blankCell(c) ? '' : String(c).trim());
  const lower = rows[at + 1];
  const width = Math.max(upper.length, lower?.length ?? 0);
  if (lower) {
    let adds = 0;
    let known = 0;
    for (let i = 0; i < lower.length; i++) {
      const l = text(lower[i]);
      if (l === '' || !isKnownHeader(l)) continue;
      known++;
      if (!isKnownHeader(text(upper[i]))) adds++;
    }
    if (known >= 2 && adds >= 2) {
      const header = Array.from({ length: width }, (_, i) => {
        const u = text(upper[i]);
        const l = text(lower[i]);
        if (l !== '' && isKnownHeader(l)) return l;
        if (u !== '' && isKnownHeader(u)) return u;
        return l !== '' ? l : u;
      });
      return { header, first: at, last: at + 1 };
    }
  }
  // a header row with blank cells under known headers of the row above (merged down): the row above is part of it
  const above = at > 0 ? rows[at - 1] : undefined;
  if (above && upper.some((c, i) => blankCell(c) && isKnownHeader(text(above[i])))) {
    const header = Array.from({ length: Math.max(upper.length, above.length) }, (_, i) => (blankCell(upper[i]) && isKnownHeader(text(above[i])) ? text(above[i]) : text(upper[i])));
    return { header, first: at - 1, last: at };
  }
  return { header: upper.map(text), first: at, last: at };
}

/**
 * Finds the header row among the first rows: the first with at least two known headers (or one,
 * when the row has only one or two cells). Title rows and blank lines above it are skipped.
 * Returns −1 when no row qualifies.
 */
export function findHeaderRow(rows: readonly (readonly unknown[])[], limit = 50): number {
  for (let r = 0; r < Math.min(rows.length, limit); r++) {
    const cells = rows[r]!.map((c) => String(c ?? '').trim()).filter((c) => c !== '');
    const known = cells.filter(isKnownHeader).length;
    if (known >= 2 || (known >= 1 && cells.length <= 2 && cells.length > 1)) return r;
  }
  return -1;
}
