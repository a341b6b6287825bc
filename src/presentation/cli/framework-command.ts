/**
 * `vndi framework …`: check a framework file, start one from a template, show a framework's tree.
 * Also the reading of `--framework-file FILE` for every other command ({@link loadFrameworkFile}).
 *
 * Exit codes: 0 done, 1 the file is not a valid framework (each problem on its own line, with its
 * path into the file), 2 usage or a file that cannot be read as JSON (one line, never a stack trace).
 * Messages are Vietnamese first, English beside.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { ValidationError, VndiError, type Localized } from '../../errors.js';
import { getFramework } from '../../framework/catalog.js';
import { defineFramework, frameworkIssues } from '../../framework/define.js';
import type { DbiFramework, DtiFramework, FactStatus, Framework } from '../../framework/schema.js';
import { FRAMEWORK_SCHEMA_URL, dbiQuestionnaireTemplate, dbiTemplate, dtiTemplate } from './framework-templates.js';
import { capText } from '../../level/dbi-level.js';
import { terminalLines } from '../format/safety.js';

/** Where a command writes. */
export interface CommandIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

/**
 * A framework file that cannot be read as JSON: missing, a folder, unreadable, empty or not JSON.
 * The command line reports it on one line and exits with 2; a file that is JSON but not a valid
 * framework is a {@link ValidationError} instead.
 *
 * @example
 * ```ts
 * try { loadFrameworkFile('missing.json'); } catch (e) { if (e instanceof FrameworkFileError) console.error(e.reason.vi, e.reason.en); }
 * ```
 */
export class FrameworkFileError extends VndiError {
  override name = 'FrameworkFileError';
  readonly path: string;
  readonly reason: Localized;

  constructor(path: string, reason: Localized) {
    super(`${path}: ${reason.vi} / ${reason.en}`);
    this.path = path;
    this.reason = reason;
  }
}

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

/**
 * Reads a framework file's JSON (UTF-8, with or without BOM) without checking it as a framework.
 *
 * @throws {@link FrameworkFileError} when the file is missing, a folder, unreadable or not JSON.
 * @example
 * ```ts
 * const data = readFrameworkJson('my-dti.json'); // unknown: pass it to defineFramework or frameworkIssues
 * ```
 */
export function readFrameworkJson(path: string): unknown {
  if (typeof path !== 'string' || path.trim() === '') {
    throw new FrameworkFileError(String(path), { vi: 'thiếu đường dẫn tệp bộ chỉ số', en: 'no framework file given' });
  }
  let text: string;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      throw new FrameworkFileError(path, { vi: 'là một thư mục, không phải tệp', en: 'is a folder, not a file' });
    }
    // a FIFO would wait for a writer where Ctrl-C cannot end the wait (see pipeRefusal)
    if (st.isFIFO() || st.isSocket()) {
      throw new FrameworkFileError(path, { vi: 'là một ống (FIFO) hoặc socket, không phải tệp: hãy lưu vào một tệp', en: 'is a pipe (FIFO) or socket, not a file: save it to a file' });
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof FrameworkFileError) throw e;
    const code = (e as { code?: string }).code;
    throw new FrameworkFileError(path, code === 'ENOENT'
      ? { vi: 'không tìm thấy tệp', en: 'no such file' }
      : code === 'EACCES' || code === 'EPERM'
        ? { vi: 'không có quyền đọc tệp', en: 'permission denied' }
        : { vi: `không đọc được tệp (${code ?? 'lỗi'})`, en: `cannot read the file (${code ?? 'error'})` });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new FrameworkFileError(path, { vi: 'tệp rỗng', en: 'the file is empty' });
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? ` (${lineColumn(text, Number(at[1]))})` : '';
    throw new FrameworkFileError(path, { vi: `không phải JSON hợp lệ${where}`, en: `not valid JSON${where}: ${message}` });
  }
}

/**
 * Reads a framework file (JSON, UTF-8 with or without BOM) and defines it: the framework that the
 * command line's `--framework-file FILE` passes to every command.
 *
 * @throws {@link FrameworkFileError} when the file cannot be read as JSON; {@link ValidationError}
 *   (paths into the file) when it is not a valid framework.
 * @example
 * ```ts
 * const mine = loadFrameworkFile('test/frameworks/dti-fictional.json');
 * scoreDti(mine, { points: { … } });
 * ```
 */
export function loadFrameworkFile(path: string): Framework {
  return defineFramework(readFrameworkJson(path));
}

const USAGE = `vndi framework — bộ chỉ số dưới dạng tệp / frameworks as files

Usage:
  vndi framework validate FILE        kiểm tra một tệp bộ chỉ số / check a framework file (exit 0 valid, 1 invalid, 2 unreadable)
  vndi framework template dbi|dti     in một tệp mẫu hợp lệ để bắt đầu / print a valid starting file
  vndi framework template dbi-questionnaire
                                      một bộ câu hỏi mẫu đủ mọi tính năng (phương án, ngành, điều kiện mức)
                                      / a questionnaire with every feature (options, sectors, level conditions)
  vndi framework template ID          in một bộ chỉ số có sẵn dưới dạng tệp / print a bundled framework as a file
  vndi framework show ID|FILE         cây chỉ số với điểm tối đa và trạng thái / the tree with maxima and statuses

Giải thích từng trường / every field explained: docs/encoding-a-new-decision.md, docs/framework-format.md
and the JSON Schema named by "$schema" in the file.
`;

const STATUS: Record<FactStatus, string> = {
  confirmed: 'xác nhận / confirmed',
  reconstructed: 'tái lập / reconstructed',
  'not-found': 'không tìm thấy / not found',
};
const FRAMEWORK_STATUS: Record<Framework['status'], string> = {
  official: 'chính thức / official',
  reconstructed: 'tái lập / reconstructed',
};
const GROUP: Record<DtiFramework['mainIndicators'][number]['group'], string> = {
  foundation: 'nền tảng / foundation',
  activity: 'hoạt động / activity',
  ungrouped: 'tính điểm trong trụ cột, không thuộc nhóm nào / scored in its pillar, no group',
  unscored: 'không tính điểm / unscored',
};
const SCORING = { points: 'điểm / points', ratio: 'tỷ lệ × tối đa / ratio × max' } as const;

const both = (t: Localized) => (t.vi === t.en ? t.vi : `${t.vi} / ${t.en}`);
const max = (m: number | null) => (m === null ? 'tối đa / max ?' : `tối đa / max ${m}`);

function header(f: Framework): string[] {
  const lb = f.legalBasis;
  const lines = [
    `${f.id} — ${both(f.shortTitle)}`,
    `  ${both(f.title)}`,
    `Quyết định / Decision: ${lb.decision} (${lb.date})${lb.part ? `, ${lb.part}` : ''} — ${both(lb.issuer)}`,
    `Trạng thái / Status: ${FRAMEWORK_STATUS[f.status]}`,
    `Năm đánh giá / Years: ${f.years.join(', ')}`,
    `Tổng điểm tối đa / Total maximum: ${f.totalMax ?? '?'}`,
  ];
  return lines;
}

function footer(f: Framework): string[] {
  const lines = ['', `Giả định / Assumptions: ${f.assumptions.length === 0 ? 'không có / none' : ''}`.trimEnd()];
  for (const a of f.assumptions) lines.push(`  - ${a.id} [${STATUS[a.status]}]: ${both(a.description)}`, `    thay bằng / override: ${a.override}`);
  if (f.notes.length > 0) {
    lines.push('', 'Ghi chú / Notes:');
    for (const n of f.notes) lines.push(`  - ${both(n)}`);
  }
  lines.push('', 'Nguồn / Sources:');
  for (const s of f.sources) lines.push(`  - ${s.id}: ${s.title}${s.url ? ` <${s.url}>` : ''}`);
  return lines;
}

function dtiTree(f: DtiFramework): string[] {
  const lines = [`Công thức / Formula: ${both(f.valueFormula)}`, '', 'Trụ cột / Pillars:'];
  for (const p of f.pillars) lines.push(`  ${p.code} ${both(p.name)} — ${max(p.max)}`);
  lines.push('', `Chỉ số chính / Main indicators (${f.inputKeys === 'pillars' ? 'nhập theo trụ cột / inputs are pillar figures' : 'nhập theo chỉ số chính / inputs are main-indicator figures'}):`);
  const codeOf = new Map(f.pillars.map((p) => [p.id, p.code]));
  for (const m of f.mainIndicators) {
    const pillars = m.pillars.map((p) => codeOf.get(p) ?? p).join(', ') || '—';
    const count = m.componentCount === null ? '' : ` — ${m.componentCount} chỉ số thành phần / components`;
    lines.push(`  ${m.code} ${both(m.name)} [${m.id}] — ${max(m.max)} [${STATUS[m.maxStatus]}] — ${GROUP[m.group]} — ${pillars}${count}`);
    for (const c of m.components ?? []) {
      lines.push(`    ${c.code} ${both(c.name)} [${c.id}] — ${max(c.max)} [${STATUS[c.maxStatus]}] — ${SCORING[c.scoring]} [${STATUS[c.scoringStatus]}]`);
    }
  }
  return lines;
}

type DbiCriterionDef = DbiFramework['pillars'][number]['components'][number]['criteria'][number];

/** How a criterion is answered: its scale of points, or its question's options or thresholds. */
function answerLines(k: DbiCriterionDef, indent: string): string[] {
  const na = k.notApplicable ? ' — có thể "n/a" / "n/a" allowed' : '';
  if (k.scale) {
    const s = k.scale;
    const text = s.kind === 'steps' ? s.values.join(', ') : `${s.min}–${s.max} (${s.decimals} số lẻ / decimals)`;
    return [`${indent}${k.id} ${both(k.name)} — thang / scale ${text}${na}`];
  }
  const a = k.answer;
  if (!a) return [`${indent}${k.id} ${both(k.name)}${na}`];
  const lines: string[] = [];
  if (a.kind === 'figure') {
    lines.push(`${indent}${k.id} ${both(k.name)} — số liệu / figure ${a.min}–${a.max} ${both(a.unit)} (${a.decimals} số lẻ / decimals)${na}`);
    for (const t of a.thresholds) lines.push(`${indent}  ${t.inclusive ? '≥' : '>'} ${t.from}: ${t.points} điểm / points`);
  } else {
    const kind = a.kind === 'single' ? 'chọn một / single choice' : `chọn nhiều / multiple choice${a.cap === undefined ? '' : `, tối đa / cap ${a.cap}`}`;
    lines.push(`${indent}${k.id} ${both(k.name)} — ${kind}${na}`);
    for (const o of a.options) lines.push(`${indent}  ${o.letter === undefined ? '' : `${o.letter}) `}[${o.id}] ${both(o.text)}: ${o.points} điểm / points${o.exclusive ? ' (loại trừ / exclusive)' : ''}`);
  }
  if (k.question) lines.splice(1, 0, `${indent}  ? ${both(k.question)}`);
  return lines;
}

function componentLines(c: DbiFramework['pillars'][number]['components'][number], indent: string): string[] {
  return [
    `${indent}${c.id} ${both(c.name)} — ${max(c.max)}${c.criterionCount === null ? '' : ` — ${c.criterionCount} tiêu chí / criteria`}`,
    ...c.criteria.flatMap((k) => answerLines(k, `${indent}  `)),
  ];
}

function levelRuleLines(f: DbiFramework): string[] {
  const rule = f.levelRule;
  if (rule.kind === 'none') return [`Quy tắc xếp mức / Level rule: none — ${both(rule.reason)}`];
  // the level conditions beside the bands, each in words
  const caps = (rule.caps ?? []).map((c) => {
    const t = capText(f, c);
    return `  điều kiện / condition: ${t.vi} / ${t.en}${c.basis ? ` — ${both(c.basis)}` : ''}`;
  });
  if (rule.kind === 'pillar-bands-and-count') {
    return [
      `Quy tắc xếp mức / Level rule: pillar-bands-and-count [${STATUS[rule.status]}]${rule.basis ? ` — ${both(rule.basis)}` : ''}`,
      `  trụ cột / pillar bands: ${rule.pillarBands.map((b) => `mức / level ${b.level} ≤ ${b.upToPercent}%`).join('; ')}`,
      ...rule.overall.map((o) => `  mức / level ${o.level}: tổng / total > ${o.totalAbove} và / and ≥ ${o.minPillarsAtLevel} trụ cột / pillars at ${o.level}+`),
      ...caps,
    ];
  }
  return [
    `Quy tắc xếp mức / Level rule: total-percent-bands [${STATUS[rule.status]}]${rule.basis ? ` — ${both(rule.basis)}` : ''}${rule.pillarLevels ? ' — mức từng trụ cột theo cùng các dải / pillar levels by the same bands' : ''}`,
    ...rule.bands.map((b) => `  mức / level ${b.level}: ${b.fromInclusive ? '≥' : '>'} ${b.fromPercent}%`),
    ...caps,
  ];
}

const UNLISTED = { refuse: 'từ chối / refused', 'common-part-only': 'chấm trên phần chung / scored on the common part' } as const;
const OTHER_ANSWERS = { refuse: 'từ chối / refused', ignore: 'bỏ qua, có ghi chú / ignored with a notice' } as const;

function dbiTree(f: DbiFramework): string[] {
  const aggregation = f.aggregation === undefined || f.aggregation.kind === 'sum'
    ? 'tổng điểm / sum of points'
    : f.aggregation.kind === 'mean'
      ? 'trung bình tỷ lệ / mean of percentages'
      : `trọng số / weights ${f.aggregation.weights.map((w) => `${w.pillar} ${w.weight}`).join(', ')}`;
  const lines = [
    `Doanh nghiệp / Enterprises: ${f.enterpriseSize} — nhập theo / input by ${f.inputLevel === 'criterion' ? 'tiêu chí / criterion' : 'trụ cột / pillar'} — cộng điểm / aggregation: ${aggregation}`,
    '', 'Trụ cột / Pillars:',
  ];
  for (const p of f.pillars) {
    const sector = p.sectorSpecific ? ' — theo ngành / sector part' : '';
    lines.push(`  ${p.code} ${both(p.name)} [${p.id}] — ${max(p.max)} [${STATUS[p.maxStatus]}] — tên / name [${STATUS[p.nameStatus]}]${sector}`);
    for (const k of p.criteria ?? []) lines.push(...answerLines(k, '    '));
    for (const c of p.components) lines.push(...componentLines(c, '    '));
  }
  if (f.sectors) {
    lines.push('', 'Ngành / Sectors:');
    for (const sector of f.sectors) {
      lines.push(`  ${sector.id} ${both(sector.name)} — ${max(sector.max)}`);
      for (const k of sector.criteria ?? []) lines.push(...answerLines(k, '    '));
      for (const c of sector.components) lines.push(...componentLines(c, '    '));
    }
    const rules = f.sectorRules ?? { unlistedSector: 'refuse', otherSectorAnswers: 'refuse' } as const;
    lines.push(
      `  ngành không có trong danh sách / an unlisted sector: ${UNLISTED[rules.unlistedSector]}`,
      `  câu trả lời cho câu hỏi của ngành khác / answers to another sector's questions: ${OTHER_ANSWERS[rules.otherSectorAnswers]}`,
    );
  }
  lines.push('', ...levelRuleLines(f));
  if (f.levels.length > 0) lines.push('', 'Mức / Levels:', ...f.levels.map((l) => `  ${l.level} ${both(l.name)}: ${both(l.description)}`));
  return lines;
}

/** The tree of a framework, as printed by `vndi framework show`. */
function showFramework(f: Framework): string {
  // a framework file's names and titles are the file's own text: no ESC sequence or bidirectional override reaches the terminal
  return terminalLines([...header(f), ...(f.kind === 'dti' ? dtiTree(f) : dbiTree(f)), ...footer(f)].join('\n')) + '\n';
}

function issueLines(issues: readonly { pathString: string; message: Localized }[]): string {
  return terminalLines(issues.map((i) => `${i.pathString || '(tệp / file)'}: ${i.message.vi} / ${i.message.en}`).join('\n')) + '\n';
}

/** The framework of a file, or `undefined` after writing each problem, prefixed by the file, on its own line. */
function checkedFile(file: string, io: CommandIo): Framework | undefined {
  const data = readFrameworkJson(file);
  const issues = frameworkIssues(data);
  if (issues.length === 0) return defineFramework(data);
  io.stderr(issueLines(issues.map((i) => ({ ...i, pathString: `${file}: ${i.pathString || '(tệp / file)'}` }))));
  return undefined;
}

function isBundledId(ref: string): boolean {
  try {
    getFramework(ref);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `vndi framework <validate|template|show> …` and returns the exit code (`template` also
 * takes a bundled framework id: that framework as a file, to start its revision from). `args` are the words
 * after `framework`.
 *
 * @example
 * ```ts
 * let out = '';
 * const code = runFrameworkCommand(['validate', 'my-dti.json'], { stdout: (s) => (out += s), stderr: (s) => (out += s) });
 * // code 0: 'my-dti.json: hợp lệ / valid — my-dti-framework (DTI, 8 chỉ số chính / main indicators)'
 * ```
 */
export function runFrameworkCommand(args: readonly string[], io: CommandIo): number {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '-h' || sub === '--help' || sub === 'help') {
    (sub === undefined ? io.stderr : io.stdout)(USAGE);
    return sub === undefined ? 2 : 0;
  }
  // one line, with where to find the usage
  const usage = (vi: string, en: string) => {
    io.stderr(`vndi framework: ${vi} / ${en} (vndi framework --help)\n`);
    return 2;
  };
  const one = (what: string) => {
    if (rest.length === 0) return usage(`thiếu ${what}`, `missing ${what}`);
    if (rest.length > 1) return usage(`thừa tham số: ${rest.slice(1).join(' ')}`, `unexpected arguments: ${rest.slice(1).join(' ')}`);
    return undefined;
  };
  try {
    switch (sub) {
      case 'validate': {
        const bad = one('FILE');
        if (bad !== undefined) return bad;
        const file = rest[0]!;
        const f = checkedFile(file, io);
        if (f === undefined) return 1;
        const size = f.kind === 'dti'
          ? `DTI, ${f.mainIndicators.length} chỉ số chính / main indicators`
          : `DBI, ${f.pillars.length} trụ cột / pillars`;
        io.stdout(`${file}: hợp lệ / valid — ${f.id} (${size})\n`);
        return 0;
      }
      case 'template': {
        const bad = one('dbi|dti|dbi-questionnaire|ID');
        if (bad !== undefined) return bad;
        const kind = rest[0]!;
        if (kind === 'dbi' || kind === 'dti' || kind === 'dbi-questionnaire') {
          io.stdout(JSON.stringify(kind === 'dti' ? dtiTemplate() : kind === 'dbi' ? dbiTemplate() : dbiQuestionnaireTemplate(), null, 2) + '\n');
          return 0;
        }
        // a bundled framework as a file: the start for its next revision, or for the appendix's full table
        if (isBundledId(kind)) {
          io.stdout(JSON.stringify({ $schema: FRAMEWORK_SCHEMA_URL, ...getFramework(kind) }, null, 2) + '\n');
          return 0;
        }
        return usage(`cần dbi, dti, dbi-questionnaire hoặc mã một bộ chỉ số có sẵn, nhận "${kind}"`, `expected dbi, dti, dbi-questionnaire or a bundled framework id, got "${kind}"`);
      }
      case 'show': {
        const bad = one('ID|FILE');
        if (bad !== undefined) return bad;
        const ref = rest[0]!;
        if (!isBundledId(ref) && !existsSync(ref)) {
          io.stderr(`vndi framework: "${ref}" không phải mã bộ chỉ số có sẵn cũng không phải tệp / is neither a bundled framework id nor a file (vndi frameworks)\n`);
          return 2;
        }
        if (isBundledId(ref)) {
          io.stdout(showFramework(getFramework(ref)));
          return 0;
        }
        const f = checkedFile(ref, io);
        if (f === undefined) return 1;
        io.stdout(showFramework(f));
        return 0;
      }
      default:
        return usage(`lệnh con không hợp lệ "${sub}"`, `unknown subcommand "${sub}"`);
    }
  } catch (e) {
    if (e instanceof FrameworkFileError) {
      io.stderr(`vndi framework: ${e.path}: ${e.reason.vi} / ${e.reason.en}\n`);
      return 2;
    }
    if (e instanceof ValidationError) {
      io.stderr(issueLines(e.issues));
      return 1;
    }
    throw e;
  }
}
