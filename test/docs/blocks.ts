/**
 * Extracts the TypeScript and JavaScript code blocks of the README and the guides, says how each
 * runs, and turns their `expression; // result` comments into checks. Used by code-blocks.test.ts
 * and examples.test.ts.
 *
 * A result comment starts with a literal (a number, a string, `[`, `{`, `true`, `false`, `null`);
 * prose may follow it (`// 192 of 320`). `…` inside an array or object literal means "and more":
 * `['a', …]` checks the first elements, `{ id: 'x', … }` checks the listed keys only. A comment
 * that starts like a literal but does not parse fails the test, so no claimed result goes unchecked.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * How a block runs. Every TypeScript or JavaScript block of the docs runs one way or another; a
 * fence whose words name no way (`check-only` included) is an error.
 *
 * - `program` (```` ```ts ````): a program compiled with tsc in the consumer projects and run by Node;
 * - `server` (```` ```ts server ````): a program that listens on 127.0.0.1 (`process.env.PORT`); the
 *   blocks after it in its file run while it is up, with `process.env.API_URL` pointing at it;
 * - `repl` (```` ```js ```` with `> ` prompts): a Node REPL session, fed its input lines, whose
 *   output must hold the lines shown;
 * - `kernel` (```` ```ts kernel=tslab ```` or `kernel=deno`): a notebook cell for that Jupyter kernel only.
 */
export type BlockKind = 'program' | 'server' | 'repl' | 'kernel';

/** One fenced code block. */
export interface CodeBlock {
  /** e.g. `README.md:42` */
  readonly name: string;
  /** The file it is in, from the root (`README.md`, `docs/backends.md`). */
  readonly file: string;
  /** A file-name-safe version of the name. */
  readonly slug: string;
  readonly code: string;
  readonly kind: BlockKind;
  /** The kernel of a `kernel` block. */
  readonly kernel?: 'tslab' | 'deno';
  /**
   * The files its guide shows as ```` ```json file=NAME ```` blocks (a framework file the code then
   * reads by name): the block runs in a folder that holds them.
   */
  readonly files: readonly { readonly name: string; readonly content: string }[];
}

const FILE_FENCE = /^```json[ \t]+file=([\w.-]+)[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;

/** One `expression; // result` line of a block. */
export interface ResultComment {
  readonly id: number;
  readonly line: number;
  readonly expression: string;
  readonly comment: string;
  readonly expected: unknown;
}

const FENCE = /^([ \t]*)```(ts|typescript|js|javascript)(?![\w-])([^\n]*)\n([\s\S]*?)^\1```[ \t]*$/gm;

function kindOf(lang: string, words: readonly string[], code: string, name: string): { kind: BlockKind; kernel?: 'tslab' | 'deno' } {
  const fail = (why: string) => new Error(`${name}: ${why} (fence words: ${JSON.stringify(words.join(' '))})`);
  if (lang === 'js' || lang === 'javascript') {
    if (words.length > 0 || !/^> /m.test(code)) throw fail('a JavaScript block is a REPL session (lines starting with "> "), without other words');
    return { kind: 'repl' };
  }
  if (words.length === 0) return { kind: 'program' };
  if (words.length === 1 && words[0] === 'server') return { kind: 'server' };
  const kernel = words.length === 1 ? /^kernel=(tslab|deno)$/.exec(words[0]!)?.[1] : undefined;
  if (kernel) return { kind: 'kernel', kernel: kernel as 'tslab' | 'deno' };
  throw fail('every block runs: no words (a program), `server`, or `kernel=tslab` / `kernel=deno`');
}

export function extractBlocks(root: string, files: readonly string[]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const shown = [...text.matchAll(FILE_FENCE)].map((m) => ({ name: m[1]!, content: m[2]! }));
    for (const m of text.matchAll(FENCE)) {
      const indent = m[1]!;
      const words = m[3]!.trim().split(/\s+/).filter(Boolean);
      const line = text.slice(0, m.index).split('\n').length;
      const code = m[4]!.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
      const name = `${relative(root, file)}:${line}`;
      blocks.push({ name, file: relative(root, file), slug: name.replace(/[^\w]+/g, '_'), code, ...kindOf(m[2]!, words, code, name), files: shown });
    }
  }
  return blocks;
}

/** Marks the "and more" of `['a', …]` and `{ id: 'x', … }`. */
export const MORE = Symbol('…');

const LITERAL_START = /^(?:[-+]?\d|['"[{]|true\b|false\b|null\b)/;
const STATEMENT = /^\s*(?:(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*)?(.+?);\s*\/\/\s*(.+)$/;
const KEYWORD = /^(?:if|for|while|return|import|export|function|class|try|switch|await\s+import)\b/;

function evaluateLiteral(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    // the docs' own result literals, read as JavaScript (… becomes the "and more" marker)
    const source = text.replace(/…/g, '__MORE__');
    const value = new Function('__MORE__', `"use strict"; return (${source});`)(MORE) as unknown;
    return { ok: true, value: typeof value === 'function' ? undefined : value };
  } catch {
    return { ok: false };
  }
}

/** The literal a comment starts with: its longest prefix that evaluates. */
export function parseResult(comment: string): { ok: true; value: unknown } | { ok: false } {
  if (!LITERAL_START.test(comment)) return { ok: false };
  for (let end = comment.length; end > 0; end--) {
    const prefix = comment.slice(0, end).trimEnd();
    if (end < comment.length && !/^[\s,;:—–(]/.test(comment.slice(end))) continue;
    const r = evaluateLiteral(prefix);
    if (r.ok) return r;
  }
  return { ok: false };
}

/**
 * Where a run leaves the values it recorded: `node` writes them at exit to the file named by
 * `VNDI_RESULTS` (V8's serialization, which keeps typed arrays, BigInts and undefined), a `kernel`
 * cell prints them as JSON on one line after the marker {@link RESULTS_MARKER}.
 */
export type Recorder = 'node' | 'kernel';

export const RESULTS_MARKER = '__vndi_results__';

/** The recording function a rewritten line calls (tslab renames identifiers that start with `__`). */
const RECORD: Record<Recorder, string> = { node: '__r', kernel: 'vndiRecord' };

const HEADERS: Record<Recorder, string> = {
  node: [
    "import { writeFileSync as __vndiWrite } from 'node:fs';",
    "import { serialize as __vndiSerialize } from 'node:v8';",
    'const __results: [number, unknown][] = [];',
    // a value structured clone cannot copy (a function) is recorded as its description
    'const __r = (id: number, value: unknown): void => { let v: unknown; try { v = structuredClone(value); } catch { v = `<${typeof value}>`; } __results.push([id, v]); };',
    "process.on('exit', () => { if (process.env.VNDI_RESULTS) __vndiWrite(process.env.VNDI_RESULTS, __vndiSerialize(__results)); });",
  ].join('\n'),
  kernel: [
    'const vndiResults: [number, unknown][] = [];',
    'const vndiRecord = (id: number, value: unknown): void => { vndiResults.push([id, value]); };',
  ].join('\n'),
};

/**
 * The cell a kernel runs after a block's own: it prints what the block recorded (a cell of its own,
 * so that the block's last expression stays the one its cell displays).
 */
export const KERNEL_FOOTER = `console.log(${JSON.stringify(RESULTS_MARKER)} + JSON.stringify(vndiResults));`;

/** Code with its string literals emptied (a `//` inside one is no comment). */
function withoutStrings(code: string): string {
  return code.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

/** `if (…) rest` as `['if (…) ', 'rest']` (parentheses balanced); any other statement as `['', statement]`. */
function splitGuard(statement: string): [string, string] {
  if (!/^if\s*\(/.test(statement)) return ['', statement];
  let depth = 0;
  for (let i = statement.indexOf('('); i < statement.length; i++) {
    if (statement[i] === '(') depth++;
    else if (statement[i] === ')' && --depth === 0) {
      const rest = statement.slice(i + 1).trim();
      return rest.startsWith('{') ? ['', statement] : [`${statement.slice(0, i + 1)} `, rest];
    }
  }
  return ['', statement];
}

/** How many lines {@link instrument} puts before a block's own first line. */
export function headerLines(recorder: Recorder): number {
  return HEADERS[recorder].split('\n').length;
}

/**
 * The result comments of a block, and the block rewritten to record each expression's value:
 * `expr; // 3` becomes `__r(0, (expr));`, `const x = f(); // 3` records `x` after the line.
 * Throws on a comment that starts like a literal but cannot be read or checked.
 */
export function instrument(block: Pick<CodeBlock, 'name' | 'code'>, recorder: Recorder = 'node'): { code: string; results: ResultComment[] } {
  const results: ResultComment[] = [];
  const r = RECORD[recorder];
  const source = block.code.split('\n');
  const lines = source.map((line, index) => {
    const m = STATEMENT.exec(line);
    if (!m) return line;
    // a statement that starts on an earlier line cannot be recorded from its last line
    const before = source.slice(0, index).reverse().find((l) => l.trim() !== '' && !l.trim().startsWith('//'))?.trim() ?? '';
    const continues = /[,([=+\-*/?:&|]$/.test(before.replace(/\s*\/\/.*$/, ''));
    const [, binding, statement, comment] = m as unknown as [string, string | undefined, string, string];
    if (!LITERAL_START.test(comment)) return line;
    const parsed = parseResult(comment);
    if (!parsed.ok) throw new Error(`${block.name}: line ${index + 1}: cannot read the result comment "// ${comment}"`);
    // `if (condition) expression; // result`: the expression's value, recorded when the condition holds
    if (continues) throw new Error(`${block.name}: line ${index + 1}: a result comment must end a statement that starts on its line`);
    const [guard, expression] = binding ? ['', statement] : splitGuard(statement.trim());
    if (KEYWORD.test(expression.trim()) || withoutStrings(expression).includes('//')) {
      throw new Error(`${block.name}: line ${index + 1}: a result comment must follow an expression or a declaration`);
    }
    const id = results.length;
    results.push({ id, line: index + 1, expression: binding ?? expression.trim(), comment, expected: parsed.value });
    const indent = /^\s*/.exec(line)![0];
    if (!binding) return `${indent}${guard}${r}(${id}, (${expression.trim()}));`;
    // the declaration, then the recording, then the comment
    const at = line.lastIndexOf('//', line.length - comment.length);
    return `${line.slice(0, at).trimEnd()} ${r}(${id}, ${binding}); ${line.slice(at)}`;
  });
  return { code: `${HEADERS[recorder]}\n${lines.join('\n')}\n`, results };
}

/** Checks recorded values against a block's result comments; returns what does not hold. */
export function unmet(name: string, results: readonly ResultComment[], recorded: readonly (readonly [number, unknown])[]): string[] {
  const out: string[] = [];
  for (const r of results) {
    const seen = recorded.filter(([id]) => id === r.id);
    if (seen.length === 0) out.push(`${name} line ${r.line}: \`${r.expression}\` never ran`);
    else {
      const why = mismatch(seen[seen.length - 1]![1], r.expected);
      if (why) out.push(`${name} line ${r.line}: \`${r.expression}\` // ${r.comment}: ${why}`);
    }
  }
  return out;
}

function isTyped(x: unknown): x is ArrayLike<number> {
  return ArrayBuffer.isView(x) && !(x instanceof DataView);
}

/** Whether `actual` is what the comment says, with `…` as "and more". Returns a reason when not. */
export function mismatch(actual: unknown, expected: unknown, at = '$'): string | undefined {
  if (isTyped(actual)) actual = Array.from(actual);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${describe(actual)}`;
    const open = expected.length > 0 && expected[expected.length - 1] === MORE;
    const items = open ? expected.slice(0, -1) : expected;
    if (open ? actual.length < items.length : actual.length !== items.length) return `${at}: expected ${open ? 'at least ' : ''}${items.length} items, got ${actual.length}`;
    for (let i = 0; i < items.length; i++) {
      const r = mismatch(actual[i], items[i], `${at}[${i}]`);
      if (r) return r;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${at}: expected an object, got ${describe(actual)}`;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    const open = '__MORE__' in e;
    const keys = Object.keys(e).filter((k) => k !== '__MORE__');
    if (!open) {
      const extra = Object.keys(a).filter((k) => !keys.includes(k));
      if (extra.length > 0) return `${at}: unexpected keys ${extra.join(', ')} (add … to the comment if they are meant to be left out)`;
    }
    for (const k of keys) {
      if (!(k in a)) return `${at}.${k}: missing`;
      const r = mismatch(a[k], e[k], `${at}.${k}`);
      if (r) return r;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${at}: expected ${describe(expected)}, got ${describe(actual)}`;
}

function describe(x: unknown): string {
  try {
    return typeof x === 'string' ? JSON.stringify(x) : typeof x === 'object' ? JSON.stringify(x)?.slice(0, 200) ?? String(x) : String(x);
  } catch {
    return String(x);
  }
}

/** The README and every guide in docs/. */
export function docFiles(root: string): string[] {
  const guides = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return [join(root, 'README.md'), ...guides.map((f) => join(root, 'docs', f))];
}
