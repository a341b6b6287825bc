/**
 * Docs that run, from the packed tarball: every TypeScript and JavaScript block of the README and
 * the guides runs against the package installed in fresh ES module and CommonJS projects
 * (test/trust/packed.ts), and each `expression; // result` comment is checked against the value.
 *
 * - Programs are compiled by tsc under `--strict` in both projects, with the current TypeScript and
 *   with the oldest supported (5.0, and 5.4 without skipLibCheck) where CI installed them, then run
 *   by Node: in both projects, except a block using syntax only ES modules have (top-level `await`).
 * - Servers (`ts server`: Express, Fastify, NestJS) start for real on 127.0.0.1 in both projects and
 *   answer the blocks after them, which send a valid and an invalid request and state the JSON.
 * - REPL sessions are typed into `node -i`.
 * - Notebook cells run in real Jupyter kernels (tslab, Deno), with the notebook guide's programs.
 *
 * No block is only type-checked: a block whose fence names no way to run fails, and the last test
 * counts that every block ran.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { packed, root, type Packed } from '../trust/packed.js';
import { KERNEL_FOOTER, RESULTS_MARKER, docFiles, extractBlocks, headerLines, instrument, mismatch, parseResult, unmet, MORE, type CodeBlock, type ResultComment } from './blocks.js';
import { ESM_ONLY, REQUIRE_TOOLS, compile, compilers, kernels, runProgram, runRepl, withServer, type Diagnostic, type Kernels, type Project } from './harness.js';

const blocks = extractBlocks(root, docFiles(root));
const compiled = blocks.filter((b) => b.kind === 'program' || b.kind === 'server');
const projects: readonly Project[] = ['esm', 'cjs'];

/** The server block a program block runs under: the last one before it in its file, if any. */
function serverOf(block: CodeBlock): CodeBlock | undefined {
  const before = blocks.slice(0, blocks.indexOf(block)).filter((b) => b.file === block.file);
  return before.reverse().find((b) => b.kind === 'server');
}
const served = (server: CodeBlock) => compiled.filter((b) => b.kind === 'program' && serverOf(b) === server);

let pkg: Packed;
const results = new Map<string, ResultComment[]>();
const sources: Record<string, string> = {};
/** Blocks each project cannot compile because they use ES-module-only syntax. */
const esmOnly = new Set<string>();
const diagnostics = new Map<string, Diagnostic[]>();
const ran = new Map<string, string[]>();
let kernelsHere: Kernels;
let work: string;
const SUB = 'docs';

const noted = (block: CodeBlock, how: string) => ran.set(block.name, [...(ran.get(block.name) ?? []), how]);
const out = (project: Project, block: CodeBlock) => join(pkg[project], SUB, 'out', `${block.slug}.js`);

beforeAll(() => {
  pkg = packed();
  work = mkdtempSync(join(inject('packDir'), 'docs-'));
  for (const b of compiled) {
    const { code, results: r } = instrument(b);
    sources[`${b.slug}.ts`] = code;
    results.set(b.name, r);
  }
  const { list } = compilers();
  for (const compiler of list) {
    for (const project of projects) {
      const sub = compiler.emits ? SUB : `${SUB}-${compiler.label.replace(/\W+/g, '-')}`;
      for (const [file, found] of compile(compiler, pkg[project], project, sub, sources)) {
        const b = compiled.find((x) => `${x.slug}.ts` === file);
        const shift = b ? headerLines('node') : 0;
        const list = found.map((d) => ({ ...d, line: d.line - shift }));
        // ES-module-only syntax in the CommonJS project: the block runs in the ES module project only
        if (b && project === 'cjs' && list.every((d) => ESM_ONLY.has(d.code))) {
          esmOnly.add(b.name);
          continue;
        }
        const key = `${compiler.label}, ${project}: ${b?.name ?? '(declarations)'}`;
        diagnostics.set(key, list);
      }
    }
  }
  kernelsHere = kernels(work);
}, 20 * 60_000);

afterAll(() => {
  // the run's folder is removed by test/trust/pack-setup.ts
});

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

  it('refuses a block that would only be type-checked', () => {
    const dir = mkdtempSync(join(inject('packDir'), 'fence-'));
    const file = join(dir, 'x.md');
    writeFileSync(file, "```ts check-only\nconst x = 1;\n```\n");
    expect(() => extractBlocks(dir, [file])).toThrow(/x\.md:1: every block runs/);
    writeFileSync(file, '```js\nconsole.log(1)\n```\n');
    expect(() => extractBlocks(dir, [file])).toThrow(/a JavaScript block is a REPL session/);
  });
});

describe('README and guide code blocks, from the installed tarball', () => {
  it('there are blocks of every kind to run, none check-only', () => {
    const count = (kind: string) => blocks.filter((b) => b.kind === kind).length;
    expect(blocks.filter((b) => b.file === 'README.md').length).toBeGreaterThanOrEqual(5);
    for (const guide of ['docs/backends.md', 'docs/notebooks.md', 'docs/methodology.md', 'docs/errors.md']) {
      expect(blocks.some((b) => b.file === guide), guide).toBe(true);
    }
    expect(blocks.filter((b) => b.kind === 'server').map((b) => /from '(express|fastify|@nestjs\/common)'/.exec(b.code)?.[1])).toEqual(['express', 'fastify', '@nestjs/common']);
    expect(count('repl')).toBeGreaterThanOrEqual(1);
    expect(blocks.filter((b) => b.kind === 'kernel').map((b) => b.kernel).sort()).toEqual(['deno', 'tslab']);
    // every server is asked by at least one block after it
    for (const s of blocks.filter((b) => b.kind === 'server')) expect(served(s).length, s.name).toBeGreaterThan(0);
  });

  it('every program compiles under --strict, in the ES module and CommonJS projects, with each TypeScript version', () => {
    const { list, missing } = compilers();
    if (REQUIRE_TOOLS) expect(missing, 'VNDI_REQUIRE_CI_TOOLS=1: run .ci/run (npm ci --prefix .ci/tools)').toEqual([]);
    else if (missing.length) console.warn(`docs: not compiled with ${missing.join(', ')}: not installed (npm ci --prefix .ci/tools)`);
    expect(list.length).toBeGreaterThanOrEqual(1);
    const problems = [...diagnostics].filter(([, d]) => d.length > 0).map(([k, d]) => `${k}\n  ${d.map((x) => x.text).join('\n  ')}`);
    expect(problems).toEqual([]);
    // only blocks with top-level await are left to the ES module project
    for (const name of esmOnly) expect(blocks.find((b) => b.name === name)!.code, name).toMatch(/^(?!\s*\/\/).*\bawait\b/m);
  });

  const standalone = compiled.filter((b) => b.kind === 'program' && !serverOf(b));
  it.each(standalone.map((b) => [b.name, b] as const))('%s runs and gives the results its comments state', (_name, block) => {
    for (const project of projects) {
      if (project === 'cjs' && esmOnly.has(block.name)) continue;
      const cwd = join(work, `${block.slug}-${project}`);
      mkdirSync(cwd, { recursive: true });
      // the files its guide shows by name, in the folder where it runs
      for (const f of block.files) writeFileSync(join(cwd, f.name), f.content);
      const r = runProgram(out(project, block), cwd);
      expect(r.status, `${block.name} (${project}) exited with ${r.status}:\n${r.stderr}`).toBe(0);
      expect(unmet(`${block.name} (${project})`, results.get(block.name)!, r.recorded)).toEqual([]);
      noted(block, project);
    }
  }, 120_000);

  const servers = blocks.filter((b) => b.kind === 'server');
  it.each(servers.map((b) => [b.name, b] as const))('%s starts on 127.0.0.1 and answers the requests of the blocks after it', async (_name, server) => {
    for (const project of projects) {
      await withServer(out(project, server), pkg[project], (url) => {
        for (const client of served(server)) {
          // a block with top-level await runs from the ES module project against either server
          const from: Project = project === 'cjs' && esmOnly.has(client.name) ? 'esm' : project;
          const r = runProgram(out(from, client), pkg[from], { API_URL: url });
          expect(r.status, `${client.name} against the ${project} server exited with ${r.status}:\n${r.stderr}`).toBe(0);
          expect(unmet(`${client.name} (${project} server)`, results.get(client.name)!, r.recorded)).toEqual([]);
          noted(client, `${from} against the ${project} server`);
        }
      });
      noted(server, project);
    }
  }, 180_000);

  const repls = blocks.filter((b) => b.kind === 'repl');
  it.each(repls.map((b) => [b.name, b] as const))('%s: the REPL session prints what the guide shows', async (_name, block) => {
    for (const project of projects) {
      const r = await runRepl(block.code, pkg[project]);
      expect(r.missing, `${block.name} (${project}) printed:\n${r.output}`).toEqual([]);
      noted(block, `node -i (${project})`);
    }
  }, 120_000);

  // the notebook guide's cells: its kernel blocks, and its programs, which it says run in notebooks
  const cells = blocks.filter((b) => b.kind === 'kernel' || (b.kind === 'program' && b.file === 'docs/notebooks.md'));
  const runs = cells.flatMap((b) => (b.kernel ? [b.kernel] : (['tslab', 'deno'] as const)).map((k) => [`${b.name} in ${k}`, b, k] as const));
  it.each(runs)('%s: the cell runs in a real Jupyter kernel', (_name, block, kernel) => {
    if (!kernelsHere.available.has(kernel)) {
      if (REQUIRE_TOOLS) expect(kernelsHere.missing, 'VNDI_REQUIRE_CI_TOOLS=1: .ci/run installs the kernels').toEqual([]);
      console.warn(`docs: ${block.name} not run in ${kernel}: ${kernelsHere.missing.join(', ')} not installed (see .ci/run)`);
      return;
    }
    const { code, results: comments } = instrument(block, 'kernel');
    // tslab compiles to CommonJS and requires from its folder; Deno reads the ES module project's node_modules
    const outputs = kernelsHere.run(kernel, pkg[kernel === 'tslab' ? 'cjs' : 'esm'], [code, KERNEL_FOOTER]).flat();
    const errors = outputs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && /^(Error|\d+:\d+ - )/m.test(o.text ?? '')));
    expect(errors.map((e) => `${e.ename ?? ''} ${e.evalue ?? ''} ${e.text ?? ''}`), `${block.name} in ${kernel}`).toEqual([]);
    const marker = outputs.map((o) => o.text ?? '').join('').split('\n').find((l) => l.includes(RESULTS_MARKER));
    expect(marker, `${block.name} in ${kernel}: the cell did not finish`).toBeDefined();
    const recorded = JSON.parse(marker!.slice(marker!.indexOf(RESULTS_MARKER) + RESULTS_MARKER.length)) as [number, unknown][];
    expect(unmet(`${block.name} (${kernel})`, comments, recorded)).toEqual([]);
    if (block.kind === 'kernel') {
      // its rich output: the result card as HTML
      const html = outputs.map((o) => o.data?.['text/html'] ?? '').join('');
      expect(html, `${block.name}: no HTML shown`).toMatch(/<div[^>]*>[\s\S]*(398,49|192)/);
    }
    noted(block, kernel);
  }, 300_000);

  it('every block ran', () => {
    const notRun = blocks.filter((b) => !ran.has(b.name));
    const onlyKernels = notRun.every((b) => b.kind === 'kernel') && !REQUIRE_TOOLS && kernelsHere.available.size < 2;
    if (notRun.length > 0 && onlyKernels) {
      console.warn(`docs: ${notRun.map((b) => b.name).join(', ')} need a Jupyter kernel that is not installed here; CI runs them`);
      return;
    }
    expect(notRun.map((b) => b.name)).toEqual([]);
  });
});
