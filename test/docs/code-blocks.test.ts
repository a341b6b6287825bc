/**
 * Docs that run: every TypeScript block of the README and the guides is a standalone program that
 * imports 'vn-digital-index' (mapped to src/index.ts), type-checks under `strict` (one TypeScript
 * program for all blocks), and runs, with each `expression; // result` comment checked against the
 * actual value. A deliberately misspelt id and input key must fail to compile, so the type check is
 * known to bite.
 *
 * Blocks fenced as `ts check-only` need a host that is not installed here (Express, NestJS, a
 * notebook kernel): they are type-checked against minimal declarations of that host, not run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { docFiles, extractBlocks, instrument, mismatch, parseResult, MORE } from './blocks.js';

const root = join(__dirname, '..', '..');
const blocks = extractBlocks(root, docFiles(root));
const work = mkdtempSync(join(root, '.docs-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What check-only blocks may use that is not installed here: only the surface the guides call. */
const HOSTS = `
declare module 'express' {
  // express types a parsed body as any
  interface Request { params: Record<string, string>; body: any }
  interface Response { json(body: unknown): Response; status(code: number): Response }
  interface App { use(handler: unknown): void; post(path: string, handler: (req: Request, res: Response) => unknown): void }
  interface Express { (): App; json(options?: { limit?: string }): unknown }
  const express: Express;
  export default express;
}
declare module 'fastify' {
  interface Reply { code(status: number): Reply; send(body: unknown): Reply }
  interface App { post(path: string, options: { schema?: { body?: unknown } }, handler: (req: { body: unknown }, reply: Reply) => Promise<unknown>): void }
  export default function Fastify(): App;
}
declare module '@nestjs/common' {
  export class BadRequestException extends Error { constructor(body: unknown) }
  export function Controller(prefix: string): ClassDecorator;
  export function Post(path: string): MethodDecorator;
  export function Body(): ParameterDecorator;
  export function Param(name: string): ParameterDecorator;
}
declare module 'tslab' {
  export const display: { html(html: string): void; markdown(text: string): void; text(text: string): void };
}
declare const Deno: { jupyter: { html(strings: TemplateStringsArray, ...values: unknown[]): unknown } };
`;
const HOST_USE = /from '(express|fastify|@nestjs\/common|tslab)'|\bDeno\./;

function compilerOptions(): ts.CompilerOptions {
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    resolveJsonModule: true,
    esModuleInterop: true,
    skipLibCheck: true,
    experimentalDecorators: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules', '@types')],
    paths: {
      'vn-digital-index': [join(root, 'src', 'index.ts')],
      'vn-digital-index/schema': [join(root, 'src', 'schema.ts')],
      'npm:vn-digital-index': [join(root, 'src', 'index.ts')],
      'vn-digital-index/fixtures/*': [join(root, 'fixtures', '*')],
    },
  };
}

/** Type-checks files in one program; returns the diagnostics of each, as text. */
function typeCheck(files: Record<string, string>): Record<string, string[]> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(work, name), text);
  const paths = Object.keys(files).map((f) => join(work, f));
  const program = ts.createProgram(paths, compilerOptions());
  const out: Record<string, string[]> = {};
  for (const [name] of Object.entries(files)) {
    const sf = program.getSourceFile(join(work, name))!;
    const diagnostics = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    out[name] = diagnostics.map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `line ${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  }
  return out;
}

const TYPO = `import { scoreDti, scoreDbi } from 'vn-digital-index';
scoreDti('dti-provinse-2022', { points: { awareness: 74 } });
scoreDti('dti-province-2022', { points: { awarenes: 74 } });
scoreDbi('dbi-2021-sme', { answers: { '7.1.1': 3 } });
`;

describe('the result-comment reader', () => {
  it('reads a literal and ignores the prose after it', () => {
    expect(parseResult("398.49   (exact: '398.49' — plain floats would drift)")).toEqual({ ok: true, value: 398.49 });
    expect(parseResult('192 of 320')).toEqual({ ok: true, value: 192 });
    expect(parseResult("'answers.3.2.4'")).toEqual({ ok: true, value: 'answers.3.2.4' });
    expect(parseResult('Float64Array, one total per row')).toEqual({ ok: false });
  });

  it('treats … as "and more", and nothing else', () => {
    const r = parseResult("{ id: 'customer', points: 39, … }");
    expect(r.ok && mismatch({ id: 'customer', points: 39, max: 65 }, r.value)).toBeUndefined();
    expect(r.ok && mismatch({ id: 'customer', points: 38 }, r.value)).toBe('$.points: expected 39, got 38');
    expect(mismatch([1, 2, 3], [1, MORE])).toBeUndefined();
    expect(mismatch([1, 2, 3], [1, 2])).toBe('$: expected 2 items, got 3');
    expect(mismatch({ a: 1, b: 2 }, { a: 1 })).toMatch(/unexpected keys b/);
    expect(mismatch(new Float64Array([1, 2]), [1, 2])).toBeUndefined();
  });
});

describe('README and guide code blocks', () => {
  it('there are blocks to check (README, backends, methodology, notebooks)', () => {
    expect(blocks.filter((b) => b.name.startsWith('README.md')).length).toBeGreaterThanOrEqual(5);
    for (const guide of ['docs/backends.md', 'docs/notebooks.md', 'docs/methodology.md']) {
      expect(blocks.some((b) => b.name.startsWith(guide)), guide).toBe(true);
    }
  });

  it('only blocks that need an absent host are check-only', () => {
    for (const b of blocks) expect(HOST_USE.test(b.code), `${b.name}: check-only exactly when it uses a host`).toBe(b.checkOnly);
  });

  it('every block type-checks under strict, standalone; a misspelt id or key does not', () => {
    const files: Record<string, string> = { 'hosts.d.ts': HOSTS, 'typo.ts': TYPO };
    for (const b of blocks) files[`${b.slug}.ts`] = `${b.code}\nexport {};\n`;
    const diagnostics = typeCheck(files);
    for (const b of blocks) expect(diagnostics[`${b.slug}.ts`], b.name).toEqual([]);
    const typo = diagnostics['typo.ts']!;
    expect(typo).toHaveLength(3);
    expect(typo[0]).toMatch(/^line 2: TS2345 Argument of type '"dti-provinse-2022"'/);
    expect(typo[1]).toMatch(/^line 3: TS2561 .*'awarenes' does not exist.*Did you mean to write 'awareness'\?/);
    expect(typo[2]).toMatch(/^line 4: TS2353 .*''7\.1\.1'' does not exist/);
  }, 120_000);

  const runnable = blocks.filter((b) => !b.checkOnly);
  it.each(runnable.map((b) => [b.name, b] as const))('%s runs and gives the results its comments state', async (_name, block) => {
    const { code, results } = instrument(block);
    const file = join(work, `${block.slug}.run.ts`);
    writeFileSync(file, code);
    // the files its guide shows by name, in a folder of their own where the block runs
    const folder = mkdtempSync(join(work, `${block.slug}-`));
    for (const f of block.files) writeFileSync(join(folder, f.name), f.content);
    const quiet = [vi.spyOn(console, 'log').mockImplementation(() => {}), vi.spyOn(console, 'table').mockImplementation(() => {})];
    const cwd = process.cwd();
    let mod: { __results: [number, unknown][] };
    try {
      process.chdir(folder);
      mod = (await import(pathToFileURL(file).href)) as typeof mod;
    } finally {
      process.chdir(cwd);
      for (const s of quiet) s.mockRestore();
    }
    for (const r of results) {
      const seen = mod.__results.filter(([id]) => id === r.id);
      expect(seen.length, `${block.name} line ${r.line}: \`${r.expression}\` never ran`).toBeGreaterThan(0);
      expect(mismatch(seen[seen.length - 1]![1], r.expected), `${block.name} line ${r.line}: \`${r.expression}\` // ${r.comment}`).toBeUndefined();
    }
  }, 60_000);
});
