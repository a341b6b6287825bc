/**
 * Global setup: a fresh folder per test run for the packed package and its consumer projects
 * (test/trust/packed.ts makes them when a test first asks), removed at the end of the run
 * (kept with VNDI_KEEP_PACK=1, to look into; VNDI_PACK_DIR=<a kept folder> reuses one while working
 * on a test, without packing again).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export default function setup(project: TestProject): () => void {
  const reused = process.env.VNDI_PACK_DIR;
  const dir = reused ?? mkdtempSync(join(tmpdir(), 'vndi-pack-'));
  project.provide('packDir', dir);
  if (reused) return () => {};
  return () => {
    if (process.env.VNDI_KEEP_PACK) console.log(`vndi: the packed package and its consumer projects are kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
}
