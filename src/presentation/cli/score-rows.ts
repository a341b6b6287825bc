/**
 * Scoring the rows of an input file chunk by chunk, collecting bad rows with their line numbers.
 *
 * DBI rows whose cells are all plain numbers go through the batch path (`scoreDbiBatch`, one typed
 * array per chunk, no object per cell); every other row, and every row the batch path finds
 * invalid, goes through `scoreDbi` / `scoreDti`, so that rejected rows get the full bilingual list
 * of issues. A batch row's result is built from its pillar units by the same `dbiResultFromUnits`
 * that `scoreDbi` ends with, only when an output needs the whole result (JSON, HTML).
 */
import { compileDbi, type CompiledDbi } from '../../assessment/dbi-input.js';
import { dtiInputFromRecord, hasDtiComponents } from '../../assessment/dti-input.js';
import { NOT_APPLICABLE } from '../../assessment/dbi-answers.js';
import { partCriteria } from '../../framework/dbi-criterion.js';
import { scoreDbiBatch } from '../../batch/score-dbi-batch.js';
import { ValidationError, NotScorableError, makeIssue, type Localized, type ValidationIssue } from '../../errors.js';
import { getFramework } from '../../framework/catalog.js';
import type { DbiCriterion, DbiFramework, DtiFramework, Framework } from '../../framework/schema.js';
import { beyondPoints, dbiResultFromUnits, extendedResult, scoreDbi, type DbiAnswerInput, type DbiAssessment, type DbiResult } from '../../score/score-dbi.js';
import { scoreDti, type DtiResult } from '../../score/score-dti.js';
import { frameworkColumnIds, frameworkColumns, headerKey, type ColumnPlan } from '../io/headers.js';
import { cellValue, mapCells, rowFromFields, type InputRow } from '../io/rows.js';
import type { RowChunk, RowError } from '../io/source.js';
import { setOwn } from '../../own-key.js';

export type { RowError } from '../io/source.js';

/** A scored row. */
export interface ScoredRow {
  readonly line: number;
  readonly id: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly result: DtiResult | DbiResult;
}

/** The batch outputs of one chunk's DBI rows, shared by its rows (no typed array per row). */
export interface BatchBlock {
  readonly compiled: CompiledDbi;
  readonly pillarCount: number;
  /** Pillar units, row-major. */
  readonly units: Int32Array;
  readonly totalUnits: Int32Array;
  /** Overall level per row, −1 where the framework has none. */
  readonly level: Int8Array;
  /** Pillar levels, row-major, −1 where the framework has none. */
  readonly pillarLevel: Int8Array;
}

/**
 * A DBI row scored by the batch path: its pillar units, total units and level (in its chunk's
 * block), with the full result built on first use (identical to `scoreDbi`'s: the same function
 * builds both).
 */
export class BatchScoredRow implements ScoredRow {
  #result: DbiResult | undefined;
  constructor(
    readonly line: number,
    readonly id: string,
    readonly meta: Readonly<Record<string, string>>,
    readonly block: BatchBlock,
    readonly index: number,
  ) {}
  get compiled(): CompiledDbi {
    return this.block.compiled;
  }
  get totalUnits(): number {
    return this.block.totalUnits[this.index]!;
  }
  /** Overall level, −1 where the framework has none. */
  get levelCode(): number {
    return this.block.level[this.index]!;
  }
  pillarUnits(p: number): number {
    return this.block.units[this.index * this.block.pillarCount + p]!;
  }
  /** Pillar level, −1 where the framework has none. */
  pillarLevel(p: number): number {
    return this.block.pillarLevel[this.index * this.block.pillarCount + p]!;
  }
  get result(): DbiResult {
    const b = this.block;
    return (this.#result ??= dbiResultFromUnits(b.compiled, b.units.subarray(this.index * b.pillarCount, (this.index + 1) * b.pillarCount)));
  }
  toJSON(): ScoredRow {
    return { line: this.line, id: this.id, meta: this.meta, result: this.result };
  }
}

/**
 * Why no framework is chosen for a row although its year or day is known: the decision then in
 * force has no set fitting the row's columns, or a changeover needs the day (main.ts says which).
 */
export interface FrameworkRefusal {
  readonly refusal: Localized;
}

/**
 * Chooses the framework of a row from its framework, year and date cells (and, for a JSON row, its
 * keys); `undefined` when nothing says, a {@link FrameworkRefusal} when the year or day says that
 * no bundled framework fits.
 */
export type FrameworkPicker = (frameworkCell: string | undefined, yearCell: string | undefined, rowHeaders?: readonly string[], dateCell?: string) => Framework | FrameworkRefusal | undefined;

/** A picked framework, or `undefined` for a refusal (which {@link scoreOne} reports). */
export const pickedFramework = (p: Framework | FrameworkRefusal | undefined): Framework | undefined => (p === undefined || 'refusal' in p ? undefined : p);

export interface ScoreRowsOptions {
  /** The framework of a row (see main.ts, where the framework of a run is chosen). */
  readonly pick: FrameworkPicker;
  readonly input?: 'points' | 'values';
  readonly strict?: boolean;
}

/** Scores one row on the generic path. */
function scoreOne(row: InputRow, picked: Framework | FrameworkRefusal | undefined, options: ScoreRowsOptions): ScoredRow {
  if (picked !== undefined && 'refusal' in picked) {
    const issue = makeIssue(['framework'], 'invalid_option', { detail: picked.refusal.vi, detailEn: picked.refusal.en });
    throw new ValidationError([{ ...issue, message: { vi: picked.refusal.vi, en: picked.refusal.en } }]);
  }
  const framework = picked;
  if (!framework) {
    if (row.framework) getFramework(row.framework); // an unknown id: its own message, with the known ids
    throw new ValidationError([makeIssue(['framework'], 'missing_input', { fields: ['--framework', '--year', 'framework column'] })]);
  }
  if (!row.id) throw new ValidationError([makeIssue(['id'], 'missing_key', { key: 'id' })]);
  let result: DtiResult | DbiResult;
  if (framework.kind === 'dti') {
    if (row.explicit?.points || row.explicit?.values) {
      result = scoreDti(framework, row.explicit as never);
    } else {
      const mode = options.input ?? 'points';
      if (hasDtiComponents(framework)) {
        // component columns (a framework file's tree): each figure goes under its main indicator
        const { record, issues } = componentCells(row, framework, mode);
        if (issues.length) throw new ValidationError(issues);
        result = scoreDti(framework, dtiInputFromRecord(framework, record, mode));
      } else {
        const { record, issues } = mapCells(withFrameworkColumns(row, framework), framework, mode);
        if (issues.length) throw new ValidationError(issues);
        if (options.input === undefined && looksLikeValues(record)) throw new ValidationError([valuesReadAsPoints()]);
        result = scoreDti(framework, { [mode]: record });
      }
    }
  } else {
    const { assessment, issues } = dbiAssessmentOfRow(row, framework);
    if (issues.length) throw new ValidationError(issues);
    result = scoreDbi(framework, assessment as never);
  }
  return { line: row.line, id: row.id, meta: row.meta, result };
}

/**
 * Whether a DTI row read as points by default (no `--input`) holds values: every main indicator's
 * figure between 0 and 1, one of them a fraction. No province's points are all below 1 (the maxima
 * are 100 to 200), and a row of values scored as points gives a DTI a thousand times too low, with
 * nothing to tell the officer; `--input points` or `--input values` says which the file holds.
 */
export function looksLikeValues(record: Readonly<Record<string, string | number>>): boolean {
  const figures = Object.values(record).map((v) => (typeof v === 'number' ? v : Number(v)));
  return figures.length >= 2 && figures.every((x) => Number.isFinite(x) && x >= 0 && x <= 1) && figures.some((x) => x > 0 && x < 1);
}

function valuesReadAsPoints(): ValidationIssue {
  const vi = 'mọi chỉ số của dòng đều từ 0 đến 1: đây là giá trị (0–1), không phải điểm; chấm theo giá trị: --input values (đúng là điểm: --input points)';
  const en = 'every indicator of the row lies between 0 and 1: these are values (0–1), not points; score them as values: --input values (if they are points: --input points)';
  const issue = makeIssue(['points'], 'invalid_option', { detail: vi, detailEn: en });
  return { ...issue, message: { vi, en } };
}

// ---------------------------------------------------------------- DBI answer cells

/**
 * A cell that says "not applicable" (`n/a`, `N/A`, `NA`, `Không áp dụng`, `KAD`), compared as
 * headers are: without case, spacing or diacritics.
 */
const NOT_APPLICABLE_CELLS = new Set(['n/a', 'na', 'khong ap dung', 'kad'].map(headerKey));
/** A multiple-choice cell that chooses nothing. */
const NOTHING_CHOSEN = new Set(['-', '–', '—']);

/** Every criterion of a framework by id, the sector parts' included. */
const criteriaById = new WeakMap<DbiFramework, Map<string, DbiCriterion>>();
function criterionById(framework: DbiFramework, id: string): DbiCriterion | undefined {
  let m = criteriaById.get(framework);
  if (!m) {
    m = new Map();
    for (const part of [...framework.pillars, ...(framework.sectors ?? [])]) for (const c of partCriteria(part)) if (!m.has(c.id)) m.set(c.id, c);
    criteriaById.set(framework, m);
  }
  return m.get(id);
}

/**
 * The option a cell names, as the framework writes it: the id or letter as typed, else the one id
 * or letter that matches without case (`B` for `b`; `Đ` for `đ`, never `d`).
 */
function optionOfCell(criterion: DbiCriterion, text: string): string {
  const answer = criterion.answer;
  if (!answer || answer.kind === 'figure') return text;
  const t = text.normalize('NFC');
  if (answer.options.some((o) => o.id === t || o.letter === t)) return t;
  const lower = t.toLocaleLowerCase('vi');
  const names = answer.options.flatMap((o) => [o.id, ...(o.letter === undefined ? [] : [o.letter])]).filter((n) => n.toLocaleLowerCase('vi') === lower);
  return names.length === 1 ? names[0]! : t;
}

/**
 * One answer cell as `scoreDbi` reads it, by the criterion's kind (the cell syntax of
 * docs/cli.md): on a framework beyond points, `n/a`, `Không áp dụng` or `KAD` for "not
 * applicable"; a multiple-choice cell lists options by id or letter separated by `;` or `,`
 * (`b; c`), `-` for none chosen; a single-choice cell names one option; points and figures may
 * have a decimal comma (`41,6`). A spreadsheet's number in an option cell is the option whose id
 * is that number. A JSON row's answers are typed already: only its option cells given as text
 * (`"b; c"`) and its "not applicable" words are read so.
 */
export function answerOfCell(framework: DbiFramework, criterion: DbiCriterion | undefined, raw: unknown, json = false): unknown {
  if (typeof raw !== 'string' && typeof raw !== 'number') return raw;
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  if (typeof raw === 'string' && beyondPoints(framework) && NOT_APPLICABLE_CELLS.has(headerKey(text))) return NOT_APPLICABLE;
  const answer = criterion?.answer;
  if (!answer || answer.kind === 'figure') return json || typeof raw === 'number' ? raw : cellValue(text);
  if (json && typeof raw === 'number') return raw;
  if (answer.kind === 'single') return optionOfCell(criterion!, text);
  if (NOTHING_CHOSEN.has(text)) return [];
  return text.split(/[;,]/).map((x) => x.trim()).filter((x) => x !== '').map((x) => optionOfCell(criterion!, x));
}

/** The sector a row names (`sector` / `Ngành` column or key), as the framework's id where it names one of its sectors by id or name. */
function sectorOfRow(row: InputRow, framework: DbiFramework): string | undefined {
  const given = (row.meta.sector ?? '').trim();
  if (given === '' || !framework.sectors) return undefined;
  const exact = framework.sectors.find((s) => s.id === given);
  if (exact) return exact.id;
  const key = headerKey(given);
  return framework.sectors.find((s) => headerKey(s.id) === key || headerKey(s.name.vi) === key || headerKey(s.name.en) === key)?.id ?? given;
}

/**
 * A DBI row as an assessment: its answers by criterion id (whatever the file named its columns, a
 * JSON row's `answers` object included), each cell read by its criterion's kind, and its sector
 * where the framework has sector parts.
 */
export function dbiAssessmentOfRow(row: InputRow, framework: DbiFramework): { assessment: DbiAssessment; issues: ValidationIssue[] } {
  const sector = sectorOfRow(row, framework);
  let given: Record<string, unknown>;
  let issues: ValidationIssue[] = [];
  if (row.explicit?.answers) {
    given = row.explicit.answers;
  } else {
    // the raw cells (a decimal comma of a multiple-choice cell "1,2" is a separator, not a decimal)
    const withColumns = withFrameworkColumns(row, framework);
    const index = frameworkColumns(framework);
    const mapped = mapCells(withColumns, framework, 'answers');
    issues = mapped.issues;
    given = {};
    for (const [header, raw] of Object.entries(withColumns.cells)) {
      const id = index.get(headerKey(header));
      if (id !== undefined && Object.hasOwn(mapped.record, id) && !Object.hasOwn(given, id)) given[id] = raw;
    }
  }
  const answers: Record<string, DbiAnswerInput> = {};
  const isPlain = typeof given === 'object' && given !== null && !Array.isArray(given);
  const json = row.explicit?.answers !== undefined;
  // defined, not assigned: a JSON row's own "__proto__" key stays a key (an unknown one, reported), never a prototype
  if (isPlain) for (const [id, raw] of Object.entries(given)) setOwn(answers, id, answerOfCell(framework, criterionById(framework, id), raw, json));
  const assessment = (isPlain ? { answers } : { answers: given }) as DbiAssessment;
  return { assessment: sector === undefined ? assessment : { ...assessment, sector }, issues };
}

/**
 * The row with the columns its framework scores moved into its cells: a framework file may name
 * inputs that no bundled framework has, and the file reader keeps such columns as information
 * (meta) — under `--framework-file` they are the scores.
 */
export function withFrameworkColumns(row: InputRow, framework: Framework, index: ReadonlyMap<string, string> = frameworkColumns(framework)): InputRow {
  let cells: Record<string, string | number> | undefined;
  for (const [key, value] of Object.entries(row.meta)) {
    if (key === 'id' || key === 'name' || value === '' || !index.has(headerKey(key)) || Object.hasOwn(row.cells, key)) continue;
    (cells ??= { ...row.cells })[key] = value;
  }
  return cells ? { ...row, cells } : row;
}

/** Header key → input id of a DTI framework with components: main indicators and components, by id or Vietnamese name. */
const componentIndexes = new WeakMap<DtiFramework, Map<string, string>>();
function componentIndex(framework: DtiFramework): Map<string, string> {
  let index = componentIndexes.get(framework);
  if (!index) {
    index = new Map(frameworkColumns(framework));
    for (const m of framework.mainIndicators) {
      for (const c of m.components ?? []) {
        index.set(headerKey(c.id), c.id);
        index.set(headerKey(c.name.vi), c.id);
      }
    }
    componentIndexes.set(framework, index);
  }
  return index;
}

/**
 * The scoring columns of a file as it writes them, by input id (`awareness` → `NHAN THUC SO`), over
 * the given frameworks: a rejected row's field is then named as the officer sees it.
 */
export function writtenInputColumns(plan: ColumnPlan, frameworks: readonly Framework[]): Map<string, string> {
  const written = new Map<string, string>();
  // each header's comparison form once, not once per framework (a row of 16,384 headers)
  const keys = plan.header.map((h, i) => (plan.role[i] === 'cell' || plan.role[i] === 'info' ? headerKey(h) : undefined));
  for (const f of frameworks) {
    const index = f.kind === 'dti' && hasDtiComponents(f) ? componentIndex(f) : frameworkColumns(f);
    plan.header.forEach((h, i) => {
      // a framework file's columns are information to the bundled vocabulary: they are read as the file's inputs later
      const key = keys[i];
      const id = key !== undefined ? index.get(key) : undefined;
      if (id !== undefined && !written.has(id)) written.set(id, h);
    });
  }
  return written;
}

/** Whether a column header is an input of the framework (a component of a DTI tree included). */
export function scoresColumn(framework: Framework, header: string): boolean {
  const index = framework.kind === 'dti' && hasDtiComponents(framework) ? componentIndex(framework) : frameworkColumns(framework);
  return index.has(headerKey(header));
}

/** A flat record keyed by main-indicator and component ids, for `dtiInputFromRecord`. */
function componentCells(row: InputRow, framework: DtiFramework, prefix: string): { record: Record<string, string | number>; issues: ValidationIssue[] } {
  const index = componentIndex(framework);
  return mapCells(withFrameworkColumns(row, framework, index), framework, prefix, index);
}

function tryScore(row: InputRow, framework: Framework | FrameworkRefusal | undefined, options: ScoreRowsOptions, scored: ScoredRow[], errors: RowError[]): void {
  try {
    scored.push(scoreOne(row, framework, options));
  } catch (e) {
    // a NotScorableError is a ValidationError too: its `not_scorable` issue says what is missing
    if (e instanceof ValidationError) errors.push({ line: row.line, id: row.id, issues: e.issues });
    else throw e;
  }
}

/** Frameworks given by id in a row's framework column, resolved once. */
const byId = new Map<string, Framework | null>();
export function frameworkById(id: string): Framework | undefined {
  let f = byId.get(id);
  if (f === undefined) {
    try {
      f = getFramework(id);
    } catch {
      f = null;
    }
    byId.set(id, f);
  }
  return f ?? undefined;
}

/** Whether a cell is a plain decimal number (after a decimal comma is read as a point). */
const PLAIN = /^\d{1,15}(\.\d{1,12})?$/;

interface BatchPlan {
  readonly compiled: CompiledDbi;
  /** Per plan column: the item index, −1 for a non-scoring column, −2 for a scoring column this framework lacks. */
  readonly itemOf: Int32Array;
  /** Whether every item of the framework has a column. */
  readonly complete: boolean;
  readonly idAt: number;
}

const checked = new WeakMap<ColumnPlan, Set<Framework>>();
/** Checks once per file and framework that no two columns give the same input (throws CliError). */
function checkColumns(plan: ColumnPlan, framework: Framework): void {
  let done = checked.get(plan);
  if (!done) checked.set(plan, (done = new Set()));
  if (done.has(framework)) return;
  frameworkColumnIds(plan, framework);
  done.add(framework);
}

const batchPlans = new WeakMap<ColumnPlan, Map<Framework, BatchPlan | null>>();
function batchPlanOf(plan: ColumnPlan, framework: DbiFramework): BatchPlan | null {
  let m = batchPlans.get(plan);
  if (!m) batchPlans.set(plan, (m = new Map()));
  if (m.has(framework)) return m.get(framework)!;
  let bp: BatchPlan | null = null;
  try {
    // a framework beyond points per criterion (questions, "n/a", sector parts, mean or weighted
    // aggregation: a framework file may have any of them) is scored row by row, and so is one whose
    // results list each criterion (percentage bands on criteria): pillar sums alone do not give them
    if (beyondPoints(framework) || (extendedResult(framework) && framework.inputLevel === 'criterion')) {
      m.set(framework, null);
      return null;
    }
    const compiled = compileDbi(framework);
    const ids = frameworkColumnIds(plan, framework);
    const itemOf = Int32Array.from(ids.map((id, i) => (id === undefined ? (plan.role[i] === 'cell' ? -2 : -1) : compiled.index.get(id)!)));
    const present = new Set(itemOf.filter((k) => k >= 0));
    bp = { compiled, itemOf, complete: present.size === compiled.items.length, idAt: plan.key.indexOf('id') };
  } catch (e) {
    if (!(e instanceof NotScorableError)) throw e;
  }
  m.set(framework, bp);
  return bp;
}

/** Scores one chunk of rows. */
export function scoreChunk(chunk: RowChunk, options: ScoreRowsOptions): { scored: ScoredRow[]; errors: RowError[] } {
  const scored: ScoredRow[] = [];
  const errors: RowError[] = [];
  const slow: InputRow[] = [];
  const plan = chunk.plan;
  if (plan && chunk.records.length) {
    const fwAt = plan.key.indexOf('framework');
    const yearAt = plan.key.indexOf('year');
    const dateAt = plan.key.indexOf('date');
    const cell = (f: readonly unknown[], at: number) => (at >= 0 ? String(f[at] ?? '').trim() || undefined : undefined);
    // group the records by framework; DBI groups go through the batch path
    const groups = new Map<Framework | FrameworkRefusal | undefined, number[]>();
    for (let r = 0; r < chunk.records.length; r++) {
      const f = chunk.records[r]!.fields;
      const fw = options.pick(cell(f, fwAt), cell(f, yearAt), undefined, cell(f, dateAt));
      let g = groups.get(fw);
      if (!g) groups.set(fw, (g = []));
      g.push(r);
    }
    // each record's outcome, in file order
    const slots: (ScoredRow | RowError)[] = new Array(chunk.records.length);
    for (const [picked, members] of groups) {
      const fw = pickedFramework(picked);
      if (fw) checkColumns(plan, fw);
      const bp = fw && fw.kind === 'dbi' ? batchPlanOf(plan, fw) : null;
      if (!bp || !bp.complete) {
        for (const r of members) slots[r] = slowOutcome(chunk, plan, r, picked, options);
        continue;
      }
      batchGroup(chunk, plan, bp, members, fw as DbiFramework, options, slots);
    }
    for (const o of slots) {
      if ('issues' in o) errors.push(o);
      else scored.push(o);
    }
  }
  for (const row of chunk.rows) slow.push(row);
  for (const row of slow) {
    const keys = [...Object.keys(row.cells), ...Object.keys(row.explicit?.answers ?? row.explicit?.points ?? row.explicit?.values ?? {})];
    const fw = options.pick(row.framework, row.meta.year || undefined, keys, row.meta.date || undefined);
    tryScore(row, fw, options, scored, errors);
  }
  if (options.strict && errors.length) {
    // stop at the first bad row: keep what came before it
    const first = errors.reduce((m, e) => Math.min(m, e.line), Infinity);
    return { scored: scored.filter((s) => s.line < first), errors: errors.filter((e) => e.line === first) };
  }
  return { scored, errors };
}

function slowOutcome(chunk: RowChunk, plan: ColumnPlan, r: number, framework: Framework | FrameworkRefusal | undefined, options: ScoreRowsOptions): ScoredRow | RowError {
  const rec = chunk.records[r]!;
  const s: ScoredRow[] = [];
  const e: RowError[] = [];
  tryScore(rowFromFields(plan, rec.fields, rec.line), framework, options, s, e);
  return s[0] ?? e[0]!;
}

// answer buffers reused from chunk to chunk (scoreDbiBatch keeps no reference to its input)
let bytesBuffer = new Uint8Array(0);
let floatBuffer = new Float64Array(0);

function batchGroup(chunk: RowChunk, plan: ColumnPlan, bp: BatchPlan, members: number[], framework: DbiFramework, options: ScoreRowsOptions, slots: (ScoredRow | RowError)[]): void {
  const { compiled, itemOf } = bp;
  const cols = compiled.items.length;
  if (bytesBuffer.length < members.length * cols) bytesBuffer = new Uint8Array(members.length * cols);
  let floats: Float64Array | null = null;
  const fast: number[] = [];
  const slowRow = (r: number) => {
    slots[r] = slowOutcome(chunk, plan, r, framework, options);
  };
  for (const r of members) {
    const fields = chunk.records[r]!.fields;
    const base = fast.length * cols;
    let ok = bp.idAt >= 0 && String(fields[bp.idAt] ?? '').trim() !== '';
    for (let i = 0; ok && i < itemOf.length; i++) {
      const k = itemOf[i]!;
      if (k === -1) continue;
      const raw = fields[i];
      let s = typeof raw === 'string' ? raw : raw === null || raw === undefined ? '' : String(raw);
      if (k === -2) {
        if (s.trim() !== '') ok = false; // a column of another framework: the slow path reports it
        continue;
      }
      let v: number;
      const n = s.length;
      const c0 = s.charCodeAt(0) - 48;
      if (n === 1 && c0 >= 0 && c0 <= 9) v = c0;
      else if (n === 2 && c0 >= 1 && c0 <= 9 && s.charCodeAt(1) - 48 >= 0 && s.charCodeAt(1) - 48 <= 9) v = c0 * 10 + s.charCodeAt(1) - 48;
      else {
        s = s.trim().replace(',', '.');
        if (!PLAIN.test(s)) {
          ok = false;
          break;
        }
        v = Number(s);
      }
      if (floats === null && (v > 255 || !Number.isInteger(v))) {
        // a value beyond a byte: continue in a Float64Array, copying the rows so far
        if (floatBuffer.length < members.length * cols) floatBuffer = new Float64Array(members.length * cols);
        floats = floatBuffer;
        for (let q = 0; q < base + cols; q++) floats[q] = bytesBuffer[q]!;
      }
      if (floats !== null) floats[base + k] = v;
      else bytesBuffer[base + k] = v;
    }
    if (ok) fast.push(r);
    else slowRow(r);
  }
  if (fast.length === 0) return;
  const input = floats !== null ? floats.subarray(0, fast.length * cols) : bytesBuffer.subarray(0, fast.length * cols);
  const out = scoreDbiBatch(framework, input);
  const P = out.pillarCount;
  const factor = compiled.factor;
  const block: BatchBlock = { compiled, pillarCount: P, units: new Int32Array(fast.length * P), totalUnits: new Int32Array(fast.length), level: out.level, pillarLevel: out.pillarLevel };
  const metaCols: number[] = [];
  plan.role.forEach((role, i) => {
    if (role === 'meta' || role === 'info') metaCols.push(i);
  });
  for (let j = 0; j < fast.length; j++) {
    const r = fast[j]!;
    if (!out.valid[j]) {
      slowRow(r);
      continue;
    }
    const rec = chunk.records[r]!;
    const meta: Record<string, string> = {};
    for (const i of metaCols) meta[plan.key[i]!] = String(rec.fields[i] ?? '').trim();
    let total = 0;
    for (let p = 0; p < P; p++) {
      const u = Math.round(out.pillarPoints[j * P + p]! * factor);
      block.units[j * P + p] = u;
      total += u;
    }
    block.totalUnits[j] = total;
    slots[r] = new BatchScoredRow(rec.line, meta.id ?? '', meta, block, j);
  }
}
