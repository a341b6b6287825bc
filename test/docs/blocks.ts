/**
 * Extracts the TypeScript code blocks of the README and the guides, and turns their
 * `expression; // result` comments into checks. Used by code-blocks.test.ts.
 *
 * A result comment starts with a literal (a number, a string, `[`, `{`, `true`, `false`, `null`);
 * prose may follow it (`// 192 of 320`). `…` inside an array or object literal means "and more":
 * `['a', …]` checks the first elements, `{ id: 'x', … }` checks the listed keys only. A comment
 * that starts like a literal but does not parse fails the test, so no claimed result goes unchecked.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One fenced code block. */
export interface CodeBlock {
  /** e.g. `README.md:42` */
  readonly name: string;
  /** A file-name-safe version of the name. */
  readonly slug: string;
  readonly code: string;
  /** `check-only`: needs a host that is not installed here (a web framework, a notebook kernel). */
  readonly checkOnly: boolean;
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

const FENCE = /^([ \t]*)```(ts|typescript)([^\n]*)\n([\s\S]*?)^\1```[ \t]*$/gm;

export function extractBlocks(root: string, files: readonly string[]): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const shown = [...text.matchAll(FILE_FENCE)].map((m) => ({ name: m[1]!, content: m[2]! }));
    for (const m of text.matchAll(FENCE)) {
      const indent = m[1]!;
      const meta = m[3]!.trim().split(/\s+/);
      const line = text.slice(0, m.index).split('\n').length;
      const code = m[4]!.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l)).join('\n');
      const name = `${relative(root, file)}:${line}`;
      blocks.push({ name, slug: name.replace(/[^\w]+/g, '_'), code, checkOnly: meta.includes('check-only'), files: shown });
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
 * The result comments of a block, and the block rewritten to record each expression's value:
 * `expr; // 3` becomes `__r(0, (expr));`, `const x = f(); // 3` records `x` after the line.
 * Throws on a comment that starts like a literal but cannot be read or checked.
 */
export function instrument(block: CodeBlock): { code: string; results: ResultComment[] } {
  const results: ResultComment[] = [];
  const lines = block.code.split('\n').map((line, index) => {
    const m = STATEMENT.exec(line);
    if (!m) return line;
    const [, binding, expression, comment] = m as unknown as [string, string | undefined, string, string];
    if (!LITERAL_START.test(comment)) return line;
    const parsed = parseResult(comment);
    if (!parsed.ok) throw new Error(`${block.name}: line ${index + 1}: cannot read the result comment "// ${comment}"`);
    if (KEYWORD.test(expression.trim()) || expression.includes('//')) {
      throw new Error(`${block.name}: line ${index + 1}: a result comment must follow an expression or a declaration`);
    }
    const id = results.length;
    results.push({ id, line: index + 1, expression: binding ?? expression.trim(), comment, expected: parsed.value });
    const indent = /^\s*/.exec(line)![0];
    return binding ? `${line} __r(${id}, ${binding});` : `${indent}__r(${id}, (${expression.trim()}));`;
  });
  const header = 'export const __results: [number, unknown][] = [];\nconst __r = (id: number, value: unknown): void => { __results.push([id, value]); };\n';
  return { code: header + lines.join('\n') + '\n', results };
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
