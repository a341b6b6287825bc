/**
 * The package as a user receives it, made once per test run and shared by the test files that
 * need it (test/trust/package.test.ts, test/docs/*): the project copied as a fresh clone has it
 * (tracked and new files, no `dist/`), packed there with `npm pack` (whose `prepack` builds it), and
 * the tarball installed with `npm install` into two fresh projects outside the repository, one ES
 * module and one CommonJS, where nothing of the repository can be resolved by walking up.
 *
 * The server frameworks the guides embed the library in (Express, Fastify, NestJS) and the Node
 * types are linked into both projects from the repository's devDependencies, as a project that
 * installed them would have them; `npm install` fetches the package's own dependencies (zod,
 * decimal.js) from npm's cache, which `npm ci` filled.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { inject } from 'vitest';

export const root = join(__dirname, '..', '..');

/** Packages a consumer project of the guides has installed beside the library. */
export const HOSTS = [
  'express', 'fastify', '@nestjs/common', '@nestjs/core', '@nestjs/platform-express', 'reflect-metadata', 'rxjs', '@types/node', '@types/express',
] as const;

export interface Packed {
  /** The tarball `npm pack` wrote. */
  readonly tarball: string;
  /** The paths inside the tarball. */
  readonly files: readonly string[];
  /** Whether the copy that was packed had a `dist/` before `npm pack` (it must not). */
  readonly builtBefore: boolean;
  /** The two consumer projects: `type: module` and `type: commonjs`. */
  readonly esm: string;
  readonly cjs: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** A fresh folder for this run's tarball and consumer projects (test/trust/pack-setup.ts). */
    packDir: string;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function run(cmd: string, args: readonly string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** The project as a fresh clone of it would be (with the work not yet committed): no build output, no dependencies. */
function copyProject(to: string): void {
  const listed = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], root).split('\0').filter(Boolean);
  for (const file of listed) {
    if (!existsSync(join(root, file))) continue; // deleted in the work tree
    mkdirSync(dirname(join(to, file)), { recursive: true });
    copyFileSync(join(root, file), join(to, file));
  }
  // the dependencies `npm ci` installed, as they would be in the clone
  symlinkSync(join(root, 'node_modules'), join(to, 'node_modules'), 'dir');
}

function consumer(dir: string, type: 'module' | 'commonjs', tarball: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${type}`, version: '1.0.0', private: true, type }, null, 2)}\n`);
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], dir);
  for (const host of HOSTS) {
    const at = join(dir, 'node_modules', host);
    mkdirSync(dirname(at), { recursive: true });
    symlinkSync(join(root, 'node_modules', host), at, 'dir');
  }
}

function make(dir: string): Packed {
  const project = join(dir, 'project');
  copyProject(project);
  const builtBefore = existsSync(join(project, 'dist'));
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], project)) as { filename: string; files: { path: string }[] }[];
  const tarball = join(dir, info!.filename);
  const esm = join(dir, 'esm');
  const cjs = join(dir, 'cjs');
  consumer(esm, 'module', tarball);
  consumer(cjs, 'commonjs', tarball);
  return { tarball, files: info!.files.map((f) => f.path), builtBefore, esm, cjs };
}

/**
 * The packed and installed package of this run: made by the first test file that asks, waited for
 * by the others (a lock folder in the run's folder).
 */
export function packed(): Packed {
  const dir = inject('packDir');
  const done = join(dir, 'packed.json');
  const failed = join(dir, 'failed.txt');
  try {
    mkdirSync(join(dir, 'lock'));
  } catch {
    for (let waited = 0; !existsSync(done) && !existsSync(failed); waited += 200) {
      if (waited > 15 * 60_000) throw new Error(`the package was not packed within 15 minutes (${dir})`);
      sleep(200);
    }
    if (existsSync(failed)) throw new Error(`packing the package failed in another test file:\n${readFileSync(failed, 'utf8')}`);
    return JSON.parse(readFileSync(done, 'utf8')) as Packed;
  }
  try {
    const p = make(dir);
    writeFileSync(done, JSON.stringify(p));
    return p;
  } catch (e) {
    const err = e as { message?: string; stderr?: string };
    writeFileSync(failed, `${err.message ?? e}\n${err.stderr ?? ''}`);
    throw e;
  }
}
