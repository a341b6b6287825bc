/**
 * The page adds nothing to `import 'vn-digital-index'`: a bundler's scoreDti-only, rank-only or
 * scoreDbi-only bundle has as many bytes as it has without the page's export, the Node build of
 * the main entry takes `renderAssessmentPage` from the presentation chunk on first call, and the
 * page's script (with its framework check, zod) is only in a bundle that renders a page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PRESENTATION, decimalOnFirstUse, pageOnFirstUse, presentationOnFirstUse } from '../../tsup.config.js';
import { PAGE_SCRIPT_SHA256 } from '../../src/presentation/page/generated-runtime.js';

const src = join(__dirname, '..', '..', 'src');
const INDEX = readFileSync(join(src, 'index.ts'), 'utf8');
const PAGE_LINE = /^export \{ renderAssessmentPage\b.*\n/m;

/** The library's entry as it is, or without the page's export line. */
function entry(withPage: boolean): Plugin {
  return {
    name: 'entry',
    setup(b) {
      b.onResolve({ filter: /^vndi-entry$/ }, () => ({ path: 'index', namespace: 'vndi-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'vndi-entry' }, () => ({ contents: withPage ? INDEX : INDEX.replace(PAGE_LINE, ''), loader: 'ts', resolveDir: src }));
    },
  };
}

/** A user's bundle of `names`, as bundle-size.test.ts measures one (minified ESM, platform neutral, UTF-8). */
async function bundle(names: string, withPage = true): Promise<{ text: string; packages: string[] }> {
  const r = await build({
    stdin: { contents: `import { ${names} } from 'vndi-entry';\nconsole.log(${names});\n`, resolveDir: src, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], charset: 'utf8', write: false, metafile: true, logLevel: 'silent',
    plugins: [entry(withPage)],
  });
  const output = Object.values(r.metafile.outputs)[0]!;
  const packages = [...new Set(Object.keys(output.inputs).filter((f) => output.inputs[f]!.bytesInOutput > 0 && f.includes('node_modules/')).map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)![1]!))];
  return { text: r.outputFiles[0]!.text, packages };
}

describe('the page and the library\'s bundles', () => {
  it('the entry has the page\'s export (the comparison below is not vacuous)', () => {
    expect(INDEX).toMatch(PAGE_LINE);
  });

  for (const names of ['scoreDti', 'rank', 'scoreDbi', 'scoreDbi, dbiGap', 'renderReport']) {
    it(`a bundle of ${names} is no larger with the page than without it`, async () => {
      const [withPage, without] = await Promise.all([bundle(names, true), bundle(names, false)]);
      // the same code (the minifier may name its variables otherwise: the bytes are counted)
      expect(Buffer.byteLength(withPage.text)).toBe(Buffer.byteLength(without.text));
      expect(withPage.packages).toEqual(without.packages);
      expect(withPage.text).not.toContain(PAGE_SCRIPT_SHA256);
    }, 60_000);
  }

  it('a bundle that renders a page carries the page\'s script, zod inside it as text', async () => {
    const b = await bundle('renderAssessmentPage');
    expect(b.text).toContain(PAGE_SCRIPT_SHA256);
    // the page's framework check runs in the page: the bundle itself does not import zod
    expect(b.packages).not.toContain('zod');
  }, 60_000);

  for (const [format, plugins] of [['esm', [decimalOnFirstUse, presentationOnFirstUse]], ['cjs', [pageOnFirstUse]]] as const) {
    it(`the Node ${format} build of the main entry takes renderAssessmentPage from the presentation chunk on first call`, async () => {
      expect(PRESENTATION['./presentation/page/render.js']).toEqual(['renderAssessmentPage']);
      const r = await build({
        entryPoints: [join(src, 'index.ts')], bundle: true, write: false, format, platform: 'node', target: 'node20',
        external: ['zod', 'decimal.js'], plugins: [...plugins], logLevel: 'silent',
      });
      const text = r.outputFiles[0]!.text;
      expect(text).toMatch(/function renderAssessmentPage\(\.\.\.args\) \{\n\s+return load\d*\(\)\.renderAssessmentPage\(\.\.\.args\);/);
      expect(text).toContain(format === 'esm' ? '("./presentation.cjs")' : 'require("./presentation.cjs")');
      expect(text).not.toContain(PAGE_SCRIPT_SHA256);
      const chunk = await import('../../src/presentation/node-chunk.js');
      expect(typeof chunk.renderAssessmentPage).toBe('function');
    }, 60_000);
  }
});
