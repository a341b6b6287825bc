/**
 * Bundle sizes as a user's bundler sees them (esbuild: minified, ESM, platform neutral, from the
 * library's entry point): zod stays out of the scoring and ranking paths, decimal.js out of
 * ranking, and the sizes stay under the targets.
 *
 * Bytes are counted as a production build ships them, with text in UTF-8 (`charset: 'utf8'`): Vite
 * sets that for its esbuild minifier (vitejs/vite#10753), and Rollup, webpack and terser keep
 * non-ASCII text as it is. esbuild's own default writes each Vietnamese letter of the bilingual
 * messages as a six-byte `\uXXXX` escape, about 700 bytes more in a rank-only bundle.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = join(__dirname, '..', '..', 'src', 'index.ts');
const schemaEntry = join(__dirname, '..', '..', 'src', 'schema.ts');

async function bundle(names: string, from = entry): Promise<{ bytes: number; packages: Set<string> }> {
  const r = await build({
    stdin: { contents: `import { ${names} } from ${JSON.stringify(from)};\nconsole.log(${names});\n`, resolveDir: __dirname, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], charset: 'utf8', write: false, metafile: true, logLevel: 'silent',
  });
  const output = Object.values(r.metafile.outputs)[0]!;
  const packages = new Set(Object.keys(output.inputs).filter((f) => output.inputs[f]!.bytesInOutput > 0 && f.includes('node_modules/')).map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)![1]!));
  return { bytes: r.outputFiles[0]!.contents.length, packages };
}

describe('bundle sizes (minified ESM)', () => {
  it('scoreDti alone: ≤ 60 KB, without zod', async () => {
    const b = await bundle('scoreDti');
    expect(b.packages.has('zod')).toBe(false);
    expect(b.bytes).toBeLessThanOrEqual(60 * 1024);
  }, 30_000);

  it('rank alone: ≤ 20 KB, without zod or decimal.js', async () => {
    const b = await bundle('rank');
    expect([...b.packages]).toEqual([]);
    expect(b.bytes).toBeLessThanOrEqual(20 * 1024);
  }, 30_000);

  it('scoreDbi alone: without zod or decimal.js', async () => {
    const b = await bundle('scoreDbi');
    expect([...b.packages]).toEqual([]);
  }, 30_000);

  it('the measure is not vacuous: the zod schemas do bring zod in', async () => {
    const b = await bundle('dtiInputSchema', schemaEntry);
    expect(b.packages.has('zod')).toBe(true);
    expect(b.bytes).toBeGreaterThan(60 * 1024);
  }, 30_000);
});
