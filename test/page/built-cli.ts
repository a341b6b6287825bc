/**
 * The `vndi` command built by the project's own build configuration (tsup.config.ts, its `cli`
 * entry), into a folder of this test run: the test runs the built command without depending on
 * `dist/`, which the package test deletes and rebuilds while other test files run.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Options } from 'tsup';

const root = join(__dirname, '..', '..');

/** Builds dist/cli.js's twin into a fresh folder (under node_modules/.cache, where zod and decimal.js resolve) and returns its path. */
export async function buildCli(): Promise<{ cli: string; dir: string }> {
  const config = (await import('../../tsup.config.js')).default as unknown as (o: Options) => Promise<Options[]>;
  const cliConfig = (await config({})).find((c) => typeof c.entry === 'object' && c.entry !== null && 'cli' in c.entry);
  if (!cliConfig) throw new Error('tsup.config.ts has no cli entry');
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'vndi-page-cli-'));
  // node_modules ends a package scope: say that this folder's .js files are ES modules, as dist's are
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  await build({ ...cliConfig, outDir: dir, config: false, silent: true });
  return { cli: join(dir, 'cli.js'), dir };
}
