/**
 * Runs documented code against the installed package (test/trust/packed.ts): TypeScript compiled
 * by tsc in the consumer projects (the current TypeScript, and the oldest supported where CI
 * installed it), programs run by Node, servers started on 127.0.0.1 and asked by the blocks that
 * follow them, REPL sessions, and notebook cells in real Jupyter kernels (tslab, Deno).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { deserialize } from 'node:v8';
import type TS from 'typescript';
import { root } from '../trust/packed.js';

const requireHere = createRequire(__filename);
export const TOOLS = join(root, '.ci', 'tools', 'node_modules');
/** Set by .ci/run: what CI installs (old TypeScript, kernels) must be there, not skipped. */
export const REQUIRE_TOOLS = process.env.VNDI_REQUIRE_CI_TOOLS === '1';

export type Project = 'esm' | 'cjs';

/** A TypeScript version the samples must compile with, and how. */
export interface Compiler {
  readonly label: string;
  readonly ts: typeof TS;
  /** Compiler options for one kind of project. */
  readonly options: (project: Project) => TS.CompilerOptions;
  /** Whether this one writes the JavaScript that runs (the current version). */
  readonly emits: boolean;
}

function load(path: string): typeof TS | undefined {
  return existsSync(path) ? (requireHere(path) as typeof TS) : undefined;
}

/**
 * The TypeScript versions the samples compile with, all under `--strict`: the current one (the
 * project's devDependency) without `skipLibCheck`; the oldest supported, 5.0, with `skipLibCheck`
 * (zod's declarations use `NoInfer`, TypeScript 5.4), in a CommonJS project with the classic
 * resolution as tslab and older projects have it; and 5.4, the oldest that checks every
 * declaration. `missing` names the versions CI installs (.ci/tools) that are not installed here.
 */
export function compilers(): { list: Compiler[]; missing: string[] } {
  const list: Compiler[] = [];
  const missing: string[] = [];
  const base = (t: typeof TS): TS.CompilerOptions => ({
    strict: true, target: t.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'], types: ['node'], esModuleInterop: true,
    experimentalDecorators: true, emitDecoratorMetadata: true, resolveJsonModule: true,
  });
  const current = requireHere('typescript') as typeof TS;
  list.push({
    label: `TypeScript ${current.version}`, ts: current, emits: true,
    options: () => ({ ...base(current), module: current.ModuleKind.NodeNext, moduleResolution: current.ModuleResolutionKind.NodeNext, skipLibCheck: false }),
  });
  const oldest = load(join(TOOLS, 'typescript-5.0'));
  if (oldest) {
    list.push({
      label: `TypeScript ${oldest.version} (skipLibCheck)`, ts: oldest, emits: false,
      options: (p) => ({
        ...base(oldest), skipLibCheck: true,
        ...(p === 'esm'
          ? { module: oldest.ModuleKind.NodeNext, moduleResolution: oldest.ModuleResolutionKind.NodeNext }
          : { module: oldest.ModuleKind.CommonJS, moduleResolution: oldest.ModuleResolutionKind.NodeJs }),
      }),
    });
  } else missing.push('TypeScript 5.0 (.ci/tools)');
  const checked = load(join(TOOLS, 'typescript-5.4'));
  if (checked) {
    list.push({
      label: `TypeScript ${checked.version}`, ts: checked, emits: false,
      options: () => ({ ...base(checked), module: checked.ModuleKind.NodeNext, moduleResolution: checked.ModuleResolutionKind.NodeNext, skipLibCheck: false }),
    });
  } else missing.push('TypeScript 5.4 (.ci/tools)');
  return { list, missing };
}

/**
 * Diagnostics a CommonJS project gives for syntax only ES modules have: top-level `await`
 * (TS1309, TS1378) and `import.meta` (TS1343, TS1470). A block using them runs in the ES module
 * project only.
 */
export const ESM_ONLY = new Set([1309, 1378, 1343, 1470]);

export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: number;
  readonly text: string;
}

/**
 * Compiles `files` (name → TypeScript) in a consumer project, under `sub/` of it; emits JavaScript
 * to `sub/out/` when the compiler emits. Returns every diagnostic, by file name (`''` for those of
 * no file of ours, such as a library's declarations).
 */
export function compile(compiler: Compiler, dir: string, project: Project, sub: string, files: Readonly<Record<string, string>>): Map<string, Diagnostic[]> {
  const src = join(dir, sub);
  mkdirSync(src, { recursive: true });
  const paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(src, name), text);
    return join(src, name);
  });
  const t = compiler.ts;
  const options = { ...compiler.options(project), ...(compiler.emits ? { outDir: join(src, 'out'), rootDir: src } : { noEmit: true }) };
  const program = t.createProgram(paths, options);
  const emitted = compiler.emits ? program.emit() : undefined;
  const all = [...t.getPreEmitDiagnostics(program), ...(emitted?.diagnostics ?? [])];
  const out = new Map<string, Diagnostic[]>();
  for (const d of all) {
    const name = d.file && d.file.fileName.startsWith(`${src}/`) ? d.file.fileName.slice(src.length + 1) : '';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    const text = `${d.file ? `${d.file.fileName.startsWith(dir) ? d.file.fileName.slice(dir.length + 1) : d.file.fileName}:${line}: ` : ''}TS${d.code} ${t.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    out.set(name, [...(out.get(name) ?? []), { file: name, line, code: d.code, text }]);
  }
  return out;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The values the program recorded (see `instrument` in blocks.ts). */
  readonly recorded: [number, unknown][];
}

/** Runs a compiled program with Node in `cwd`, collecting what it recorded. */
export function runProgram(file: string, cwd: string, env: Readonly<Record<string, string>> = {}, timeout = 60_000): Run {
  const results = join(mkdtempSync(join(cwd, '.results-')), 'results.bin');
  const r = spawnSync(process.execPath, [file], { cwd, env: { ...process.env, ...env, VNDI_RESULTS: results }, encoding: 'utf8', timeout, maxBuffer: 64 * 1024 * 1024 });
  const recorded = existsSync(results) ? (deserialize(readFileSync(results)) as [number, unknown][]) : [];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr + (r.error ? `\n${r.error.message}` : ''), recorded };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const connects = (port: number) => new Promise<boolean>((resolve) => {
  const c = connect(port, '127.0.0.1');
  c.once('connect', () => { c.destroy(); resolve(true); });
  c.once('error', () => resolve(false));
});

/**
 * Starts a compiled server program on a free port of 127.0.0.1 (`PORT`), waits until it accepts
 * connections, runs `use` with its URL, then stops it. Fails with the server's output if it exits
 * or does not listen within 30 s.
 */
export async function withServer<T>(file: string, cwd: string, use: (url: string) => Promise<T> | T): Promise<T> {
  const port = await freePort();
  const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (b: Buffer) => { output += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { output += b.toString(); });
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => { exited = code; resolve(); }));
  try {
    const started = Date.now();
    while (!(await connects(port))) {
      if (exited !== undefined) throw new Error(`the server exited (code ${exited}) before listening:\n${output}`);
      if (Date.now() - started > 30_000) throw new Error(`the server did not listen on 127.0.0.1:${port} within 30 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return await use(`http://127.0.0.1:${port}`);
  } finally {
    if (exited === undefined) {
      child.kill('SIGTERM');
      await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
      if (exited === undefined) child.kill('SIGKILL');
    }
  }
}

/**
 * A REPL session as a guide shows it: the `> ` lines are typed into `node -i` in `cwd`, each once
 * the REPL prompts again (so that a line with `await` has finished before the next); every other
 * non-empty line must appear in the output, in order. Returns the lines that did not.
 */
export async function runRepl(code: string, cwd: string): Promise<{ missing: string[]; output: string }> {
  const lines = code.split('\n');
  const input = lines.filter((l) => l.startsWith('> ')).map((l) => l.slice(2));
  const expected = lines.filter((l) => !l.startsWith('> ') && l.trim() !== '').map((l) => l.trim());
  const child = spawn(process.execPath, ['-i'], { cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_READLINE: '1', NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (b: Buffer) => { output += b.toString(); });
  child.stderr.on('data', (b: Buffer) => { output += b.toString(); });
  const prompts = () => output.split('> ').length - 1;
  const until = async (n: number) => {
    for (const started = Date.now(); prompts() < n; await new Promise((r) => setTimeout(r, 20))) {
      if (Date.now() - started > 30_000) throw new Error(`the REPL did not prompt within 30 s:\n${output}`);
    }
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await until(1);
    for (const [i, line] of input.entries()) {
      child.stdin.write(`${line}\n`);
      await until(i + 2);
    }
    child.stdin.end('.exit\n');
    await exited;
  } finally {
    child.kill();
  }
  const got = output.split('\n').map((l) => l.replace(/^(> )+/, '').trim());
  const missing: string[] = [];
  let at = 0;
  for (const e of expected) {
    const i = got.indexOf(e, at);
    if (i < 0) missing.push(e);
    else at = i + 1;
  }
  return { missing, output };
}

/** The Python that has Debian's Jupyter client (python3-nbclient), when installed. */
function jupyterPython(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import nbclient, nbformat, jupyter_client'], { encoding: 'utf8' });
    if (r.status === 0) return python;
  }
  return undefined;
}

export interface Kernels {
  /** Kernel names available (`tslab`, `deno`), with a kernel spec folder for JUPYTER_PATH. */
  readonly available: ReadonlySet<'tslab' | 'deno'>;
  readonly missing: readonly string[];
  readonly run: (kernel: 'tslab' | 'deno', cwd: string, cells: readonly string[]) => KernelOutput[][];
}

/** What a cell printed or displayed: a stream, a rich result, or an error. */
export interface KernelOutput {
  readonly output_type: 'stream' | 'display_data' | 'execute_result' | 'error';
  readonly text?: string;
  readonly data?: Record<string, string>;
  readonly ename?: string;
  readonly evalue?: string;
  readonly traceback?: string[];
}

const NOTEBOOK = `
import json, sys
import nbformat
from nbclient import NotebookClient
kernel, cwd, cells = sys.argv[1], sys.argv[2], json.load(sys.stdin)
nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
NotebookClient(nb, kernel_name=kernel, timeout=120, startup_timeout=120, allow_errors=True, resources={'metadata': {'path': cwd}}).execute()
json.dump([c.outputs for c in nb.cells], sys.stdout)
`;

/**
 * The Jupyter kernels of the notebook guide, from .ci/tools (tslab and Deno, installed by npm)
 * and Debian's Jupyter client; each cell list runs in a fresh kernel started in `cwd`.
 */
export function kernels(work: string): Kernels {
  const missing: string[] = [];
  const python = jupyterPython();
  if (!python) missing.push('Jupyter (Debian: python3-nbclient jupyter-client)');
  const specs = join(work, 'jupyter');
  const available = new Set<'tslab' | 'deno'>();
  const spec = (name: string, argv: string[], env: Record<string, string> = {}) => {
    mkdirSync(join(specs, 'kernels', name), { recursive: true });
    writeFileSync(join(specs, 'kernels', name, 'kernel.json'), JSON.stringify({ argv, display_name: name, language: 'typescript', env }));
  };
  const tslab = join(TOOLS, 'tslab', 'bin', 'tslab');
  if (existsSync(tslab)) {
    spec('tslab', [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}']);
    if (python) available.add('tslab');
  } else missing.push('tslab (.ci/tools)');
  // The deno package's postinstall (not run: .ci/tools allows no install scripts) would copy its
  // platform package's binary to deno/deno; the binary is taken from the platform package itself.
  const denoPlatform = `@deno/${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch === 'arm64' ? 'arm64' : 'x64'}${process.platform === 'linux' ? '-glibc' : ''}`;
  const deno = [join(TOOLS, denoPlatform, process.platform === 'win32' ? 'deno.exe' : 'deno'), join(TOOLS, 'deno', 'deno')].find((p) => existsSync(p));
  if (deno) {
    spec('deno', [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'], { DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' });
    if (python) available.add('deno');
  } else missing.push('Deno (.ci/tools)');
  const script = join(work, 'notebook.py');
  writeFileSync(script, NOTEBOOK);
  const run = (kernel: 'tslab' | 'deno', cwd: string, cells: readonly string[]): KernelOutput[][] => {
    const r = spawnSync(python!, [script, kernel, cwd], {
      input: JSON.stringify(cells), encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, JUPYTER_PATH: specs, JUPYTER_RUNTIME_DIR: join(work, 'runtime'), JUPYTER_PLATFORM_DIRS: '1', NO_COLOR: '1' },
    });
    if (r.status !== 0) throw new Error(`the ${kernel} kernel did not run the notebook:\n${r.stderr}${r.error?.message ?? ''}`);
    return JSON.parse(r.stdout) as KernelOutput[][];
  };
  return { available, missing, run };
}

/** Removes what a run left (kept when VNDI_KEEP_PACK is set, like the packed package). */
export function cleanup(dir: string): void {
  if (!process.env.VNDI_KEEP_PACK) rmSync(dir, { recursive: true, force: true });
}
