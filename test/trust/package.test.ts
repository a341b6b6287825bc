/**
 * The published package: packed as `npm pack` packs a fresh clone (nothing built before: `prepack`
 * builds it), installed with `npm install` into fresh ES module and CommonJS projects, and checked
 * as a user receives it — publint and arethetypeswrong on the tarball, only what users need inside
 * it, tree-shaking that leaves the DBI data out of a DTI-only bundle, both module formats loading,
 * the sample data without import attributes, and the `vndi` command npm linked.
 * (test/docs/* run every documented block against the same installed package.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { packed, root, type Packed } from './packed.js';

let pkg: Packed;
let tarball: string;
/** The ES module project that installed the tarball. */
let consumer: string;

beforeAll(() => {
  pkg = packed();
  tarball = pkg.tarball;
  consumer = pkg.esm;
}, 15 * 60_000);

describe('the packed tarball', () => {
  it('is built by `npm pack` itself on a fresh clone: prepack, not prepare (npm ci builds nothing)', () => {
    expect(pkg.builtBefore).toBe(false);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.prepack).toMatch(/^npm run build\b/);
    expect(scripts.prepare).toBeUndefined();
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/schema.js', 'dist/schema.cjs', 'dist/cli.js', 'dist/presentation.cjs', 'dist/modules/index.js']) {
      expect(pkg.files).toContain(f);
    }
  });

  it('holds only what users need', () => {
    const files = pkg.files;
    for (const f of files) expect(f).toMatch(/^(dist\/((index|schema|presentation)\.cjs|[\w-]+\.d\.c?ts|([\w-]+\/)*[\w-]+\.js)|fixtures\/[\w-]+\.(json|js|cjs|d\.ts|d\.cts)|schema\/(framework\.schema|package)\.json|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || (f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.endsWith('.d.cts')))).toBe(false);
    // every JSON fixture ships with its modules (for CommonJS, TypeScript 5.0 and tslab: no import attributes)
    const json = files.filter((f) => /^fixtures\/[\w-]+\.json$/.test(f));
    expect(json.length).toBeGreaterThanOrEqual(7);
    for (const f of json) for (const ext of ['js', 'cjs', 'd.ts', 'd.cts']) expect(files).toContain(f.replace(/json$/, ext));
  });

  it('passes publint', () => {
    const out = execFileSync(join(root, 'node_modules', '.bin', 'publint'), ['run', '--strict', tarball], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/All good!|No problems found/);
    expect(out).not.toMatch(/Suggestion|Warning|Error/i);
  }, 60_000);

  it('passes arethetypeswrong (ESM, CJS, node10, node16, bundler)', () => {
    const out = execFileSync(join(root, 'node_modules', '.bin', 'attw'), [tarball, '--format', 'json'], { cwd: root, encoding: 'utf8' });
    const report = JSON.parse(out) as { analysis: { problems: unknown[] } };
    expect(report.analysis.problems).toEqual([]);
  }, 60_000);
});

describe('tree-shaking', () => {
  /**
   * A user's bundle of the installed package (esbuild: minified, ESM, for the browser, with its
   * default export conditions, which include "module") importing only `names`; text in UTF-8, as
   * production builds ship it (see bundle-size.test.ts).
   */
  async function userBundle(names: string, entry = 'vn-digital-index'): Promise<{ bytes: number; packages: string[] }> {
    const r = await build({
      stdin: { contents: `import { ${names} } from ${JSON.stringify(entry)};\nconsole.log(${names});\n`, resolveDir: consumer },
      bundle: true, minify: true, format: 'esm', platform: 'browser', charset: 'utf8', write: false, metafile: true, logLevel: 'silent',
    });
    const output = Object.values(r.metafile.outputs)[0]!;
    const packages = new Set(Object.keys(output.inputs).filter((f) => output.inputs[f]!.bytesInOutput > 0 && f.includes('node_modules/')).map((f) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)![1]!));
    packages.delete('vn-digital-index');
    return { bytes: r.outputFiles[0]!.contents.length, packages: [...packages] };
  }

  it('bundles of the built package stay small: scoreDti ≤ 60 KB and scoreDbi without zod or decimal.js, rank ≤ 20 KB', async () => {
    const dti = await userBundle('scoreDti');
    expect(dti.packages).toEqual([]);
    expect(dti.bytes).toBeLessThanOrEqual(60 * 1024);
    expect((await userBundle('scoreDbi')).packages).toEqual([]);
    const ranked = await userBundle('rank');
    expect(ranked.packages).toEqual([]);
    expect(ranked.bytes).toBeLessThanOrEqual(20 * 1024);
    // not vacuous: a bundle of the framework schemas does bring zod
    expect((await userBundle('frameworkSchema', 'vn-digital-index/schema')).packages).toContain('zod');
  }, 60_000);

  it('a bundle importing only scoreDti leaves out the DBI framework data', async () => {
    const entry = join(consumer, 'entry.mjs');
    writeFileSync(entry, `import { scoreDti } from 'vn-digital-index';\nconsole.log(scoreDti('dti-province-2022', { points: { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 } }).value);\n`);
    const dtiOnly = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, external: ['zod', 'decimal.js'], minify: false });
    const code = dtiOnly.outputFiles[0]!.text;
    expect(code).toContain('dti-province-2022');
    for (const dbi of ['dbi-2021-sme', 'dbi-2021-large', 'dbi-2025-large', '1970/Q', '2158/Q', '1567/Q']) expect(code).not.toContain(dbi);
    // the bundle still runs and scores
    const out = join(consumer, 'tree-shaken.mjs');
    writeFileSync(out, code);
    expect(execFileSync(process.execPath, [out], { cwd: consumer, encoding: 'utf8' }).trim()).toBe('0.3985');
    // and a bundle of everything does hold the DBI data (the check above is not vacuous)
    writeFileSync(entry, `import * as all from 'vn-digital-index';\nconsole.log(Object.keys(all).length);\n`);
    const full = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, external: ['zod', 'decimal.js'] });
    expect(full.outputFiles[0]!.text).toContain('dbi-2021-sme');
  }, 60_000);
});

describe('module formats', () => {
  it('loads from CommonJS and ESM with the same API', () => {
    const script = 'console.log(typeof m.scoreDbi, typeof m.scoreDti, m.listFrameworks().length)';
    const cjs = execFileSync(process.execPath, ['-e', `const m = require('vn-digital-index'); ${script}`], { cwd: pkg.cjs, encoding: 'utf8' });
    expect(cjs.trim()).toBe('function function 9');
    const esm = execFileSync(process.execPath, ['--input-type=module', '-e', `const m = await import('vn-digital-index'); ${script}`], { cwd: pkg.esm, encoding: 'utf8' });
    expect(esm.trim()).toBe('function function 9');
  });

  it('an error thrown by one build is instanceof the classes of the other (dual-package hazard)', () => {
    const script = `
      const cjs = require('vn-digital-index');
      import('vn-digital-index').then((esm) => {
        const fromCjs = cjs.safeScoreDbi('dbi-2023-sme-readiness', { answers: {} }).error;
        let fromEsm;
        try { esm.rank([{ id: 'A', score: 'x' }]); } catch (e) { fromEsm = e; }
        console.log(JSON.stringify([
          cjs.ValidationError === esm.ValidationError,
          fromCjs instanceof esm.NotScorableError, fromCjs instanceof esm.ValidationError, fromCjs instanceof esm.VndiError,
          esm.isVndiError(fromCjs), esm.isValidationError(fromCjs),
          fromEsm instanceof cjs.ValidationError, fromEsm instanceof cjs.VndiError, fromEsm instanceof cjs.NotScorableError,
          cjs.isValidationError(fromEsm), fromEsm instanceof Error, new TypeError('x') instanceof esm.VndiError,
          esm.rebuildError(structuredClone(fromCjs)) instanceof cjs.NotScorableError,
        ]));
      });`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: pkg.cjs, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([false, true, true, true, true, true, true, true, false, true, true, false, true]);
  });
});

describe('a consumer project that installed the tarball', () => {
  it('Node loads one file per entry; bundlers get one file per module (the "module" condition)', async () => {
    const resolved = execFileSync(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('vn-digital-index'), import.meta.resolve('vn-digital-index/schema'))"], { cwd: consumer, encoding: 'utf8' }).trim().split(' ');
    expect(resolved.map((u) => u.slice(u.indexOf('/vn-digital-index/')))).toEqual(['/vn-digital-index/dist/index.js', '/vn-digital-index/dist/schema.js']);
    const nodeBuild = readFileSync(join(consumer, 'node_modules', 'vn-digital-index', 'dist', 'index.js'), 'utf8');
    // no relative imports: the entry is self-contained (its only imports are node:module and, lazily, decimal.js)
    expect(nodeBuild).not.toMatch(/from\s*["']\.\.?\//);
    // lines stay short: Node prints the source line of an uncaught error
    expect(Math.max(...nodeBuild.split('\n').map((l) => l.length))).toBeLessThanOrEqual(500);
    // bundlers for the browser or for Node match "module"; a tool with none of the conditions gets the
    // per-module build too ("default"), which needs nothing from Node
    for (const platform of ['browser', 'node', 'neutral'] as const) {
      const r = await build({
        stdin: { contents: "export { rank } from 'vn-digital-index';", resolveDir: consumer }, bundle: true, format: 'esm', platform, write: false, metafile: true, logLevel: 'silent',
      });
      expect(Object.keys(r.metafile.inputs).filter((f) => f.endsWith('node_modules/vn-digital-index/dist/modules/analysis/rank.js'))).toHaveLength(1);
    }
  });

  it('the two Node entries, one file each, accept each other\'s frameworks and errors', () => {
    writeFileSync(join(consumer, 'entries.mjs'), `
import * as main from 'vn-digital-index';
import * as schema from 'vn-digital-index/schema';
const data = JSON.parse(JSON.stringify(main.dbi2021Sme));
data.id = 'tinh-minh-hoa-sme';
const defined = schema.defineFramework(data);
const answers = Object.fromEntries(main.criterionOrder(defined).map((id) => [id, 5]));
const overridden = schema.overrideDtiMaxima(main.dtiProvince2022, { awareness: 100 });
let error;
try { schema.defineFramework({}); } catch (e) { error = e; }
console.log(JSON.stringify([
  main.isDefinedFramework(defined), main.scoreDbi(defined, { answers }).framework.id, main.isDefinedFramework(overridden),
  error instanceof main.ValidationError, main.isValidationError(error), error instanceof Error,
]));`);
    const out = execFileSync(process.execPath, ['entries.mjs'], { cwd: consumer, encoding: 'utf8' });
    expect(JSON.parse(out)).toEqual([true, 'tinh-minh-hoa-sme', true, true, true, true]);
  });

  it('two copies of the package (ES module and CommonJS) accept each other\'s results and bundled frameworks', () => {
    writeFileSync(join(consumer, 'dual.mjs'), `
import { createRequire } from 'node:module';
import * as esm from 'vn-digital-index';
import { defineFramework } from 'vn-digital-index/schema';
const cjs = createRequire(import.meta.url)('vn-digital-index');
const data = JSON.parse(JSON.stringify(esm.dtiProvince2022));
data.id = 'tinh-minh-hoa-dti';
data.status = 'reconstructed'; // a framework file is never 'official'
const defined = defineFramework(data);
const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
const fromEsm = esm.scoreDti(defined, { points });
const fromCjs = cjs.scoreDti(defined, { points });
// a bundled framework object of one copy is accepted by the other (each holds its own copy of the data)
const bundled = [cjs.scoreDti(esm.dtiProvince2022, { points }).value, esm.scoreDti(cjs.getFramework('dti-province-2022'), { points }).value];
console.log(JSON.stringify([cjs.dtiGap(fromEsm, { value: 0.5 }).pointsNeeded, esm.dtiGap(fromCjs, { value: 0.5 }).pointsNeeded, cjs.toTable([fromEsm])[0].framework, ...bundled, esm.dtiProvince2022 === cjs.dtiProvince2022]));`);
    const out = execFileSync(process.execPath, ['dual.mjs'], { cwd: consumer, encoding: 'utf8' });
    // Đắk Lắk's 2021 points: 398.49 of 1000, so 101.51 more for a DTI of 0.5 (the figure the demo
    // prints), and a DTI of 0.3985; the two copies' bundled objects are distinct
    expect(JSON.parse(out)).toEqual([101.51, 101.51, 'tinh-minh-hoa-dti', 0.3985, 0.3985, false]);
  });

  /**
   * Runs one script against the installed package as Node loads it and against the bundlers'
   * build (`dist/modules`): the body sees the package as `m`, Đắk Lắk's 2021 `result`, and
   * `loaded(part)`, whether a file whose path contains `part` has been required; it prints JSON.
   */
  function nodeAndModules(name: string, body: string): [Record<string, unknown>, Record<string, unknown>] {
    const script = (spec: string) => `
import { createRequire } from 'node:module';
import * as m from ${JSON.stringify(spec)};
const loaded = (part) => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes(part));
const atImport = { chunk: loaded('presentation.cjs'), decimal: loaded('decimal.js') };
const points = { awareness: 74, institutions: 30, infrastructure: 41.6, humanResources: 12.63, cybersecurity: 54, digitalGovernment: 78.47, digitalEconomy: 61.62, digitalSociety: 46.17 };
const result = m.scoreDti('dti-province-2022', { points });
const afterScoring = { chunk: loaded('presentation.cjs'), decimal: loaded('decimal.js') };
${body}`;
    const run = (file: string, spec: string) => {
      writeFileSync(join(consumer, file), script(spec));
      return JSON.parse(execFileSync(process.execPath, [file], { cwd: consumer, encoding: 'utf8' })) as Record<string, unknown>;
    };
    return [run(`${name}.mjs`, 'vn-digital-index'), run(`${name}-modules.mjs`, './node_modules/vn-digital-index/dist/modules/index.js')];
  }

  it('the presentation helpers load on their first call in Node, and give what the bundlers\' build gives', () => {
    const [node, modules] = nodeAndModules('chunk', `
let error;
try { m.toCsv(['id'], [[{}]]); } catch (e) { error = [e instanceof m.ValidationError, m.isValidationError(e), e.issues[0].pathString]; }
const out = {
  html: m.toHtml(result, { title: 'Đắk Lắk' }), table: m.toTable([result]), csv: m.toCsv(['id', 'value'], [['66', 0.3985]], { excel: true }),
  parsed: m.parseCsv('id;value\\r\\n66;"0,3985"\\r\\n'), provenance: m.provenanceOf(m.getFramework('dti-province-2022')),
  report: m.renderReport({ kind: 'province', name: 'Đắk Lắk', result }).length,
};
console.log(JSON.stringify({ atImport, afterScoring, after: loaded('presentation.cjs'), error, out }));`);
    expect([node.atImport, node.afterScoring, node.after]).toEqual([{ chunk: false, decimal: false }, { chunk: false, decimal: false }, true]);
    expect(modules.after).toBe(false);
    // an error thrown in the chunk is the package's own, in either copy's terms
    expect(node.error).toEqual([true, true, 'rows.0.0']);
    expect(node.out).toEqual(modules.out);
    expect(JSON.stringify(node.out)).toContain('398,49');
  });

  it('importing the package does not load decimal.js; the first analysis does, with the same figures as the bundlers\' build', () => {
    const [node, modules] = nodeAndModules('lazy', `
const gap = m.dtiGap(result, { points: 500 });
console.log(JSON.stringify({ atImport, afterScoring, gap, after: loaded('decimal.js') }));`);
    expect([node.atImport, node.afterScoring]).toEqual([{ chunk: false, decimal: false }, { chunk: false, decimal: false }]);
    expect(node.gap).toEqual(modules.gap);
    expect(JSON.stringify(node.gap)).toContain('pointsNeeded');
    // and after the analysis decimal.js is loaded (the check above is not vacuous)
    expect(node.after).toBe(true);
  });


  it('reads the bundled fixtures by package path: JSON import, and a path on disk', () => {
    writeFileSync(join(consumer, 'fixtures.mjs'), `
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { scoreDbi, scoreDti } from 'vn-digital-index';
import rows from 'vn-digital-index/fixtures/dbi-sme-daklak.json' with { type: 'json' };
const path = createRequire(import.meta.url).resolve('vn-digital-index/fixtures/dti-2021.json');
const provinces = JSON.parse(readFileSync(path, 'utf8'));
const p = provinces[0];
console.log(rows.length, scoreDbi(rows[0].framework, { answers: rows[0].answers }).total, path.includes('node_modules'), scoreDti(p.framework, { points: p.points, values: p.values }).framework.id);
`);
    const out = execFileSync(process.execPath, ['fixtures.mjs'], { cwd: consumer, encoding: 'utf8' }).trim().split(' ');
    const rows = JSON.parse(readFileSync(join(root, 'fixtures', 'dbi-sme-daklak.json'), 'utf8')) as unknown[];
    expect(out).toEqual([String(rows.length), '262', 'true', 'dti-province-2022']);
  });

  it('imports and requires every fixture without import attributes: the same data as its JSON, one copy of it', () => {
    const names = pkg.files.filter((f) => /^fixtures\/[\w-]+\.json$/.test(f)).map((f) => f.slice('fixtures/'.length, -'.json'.length));
    const script = (load: string) => `
const names = ${JSON.stringify(names)};
const out = {};
for (const n of names) {
  const viaModule = ${load};
  const json = JSON.parse(require('node:fs').readFileSync(require.resolve('vn-digital-index/fixtures/' + n + '.json'), 'utf8'));
  out[n] = JSON.stringify(viaModule) === JSON.stringify(json) && (Array.isArray(json) ? json.length : Object.keys(json).length);
}
`;
    writeFileSync(join(pkg.cjs, 'fixtures.js'), `${script("require('vn-digital-index/fixtures/' + n)")}
console.log(JSON.stringify([out, require('vn-digital-index/fixtures/dbi-sme-daklak') === require('vn-digital-index/fixtures/dbi-sme-daklak.json')]));`);
    writeFileSync(join(pkg.esm, 'fixture-modules.mjs'), `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const loaded = {};
for (const n of ${JSON.stringify(names)}) loaded[n] = (await import('vn-digital-index/fixtures/' + n)).default;
${script('loaded[n]')}
const rows = (await import('vn-digital-index/fixtures/dbi-sme-daklak')).default;
const json = (await import('vn-digital-index/fixtures/dbi-sme-daklak.json', { with: { type: 'json' } })).default;
console.log(JSON.stringify([out, rows === require('vn-digital-index/fixtures/dbi-sme-daklak'), rows.length === json.length]));`);
    const [fromCjs, same] = JSON.parse(execFileSync(process.execPath, ['fixtures.js'], { cwd: pkg.cjs, encoding: 'utf8' })) as [Record<string, number | false>, boolean];
    const [fromEsm, shared, counted] = JSON.parse(execFileSync(process.execPath, ['fixture-modules.mjs'], { cwd: pkg.esm, encoding: 'utf8' })) as [Record<string, number | false>, boolean, boolean];
    expect(Object.keys(fromCjs)).toEqual(names);
    for (const n of names) expect([n, fromCjs[n]]).toEqual([n, expect.any(Number)]);
    expect(fromEsm).toEqual(fromCjs);
    // the CommonJS module is the JSON itself (require caches it), the ES module re-exports it
    expect([same, shared, counted]).toEqual([true, true, true]);
  });

  it("`npx vndi` runs on the installed fixtures (npm linked the bin; as the README's commands do)", () => {
    for (const dir of [pkg.esm, pkg.cjs]) {
      const out = execFileSync('npx', ['--no-install', 'vndi', 'score', 'node_modules/vn-digital-index/fixtures/dti-2021.json', '--format', 'json'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const { rows } = JSON.parse(out) as { rows: unknown[] };
      const fixtureRows = JSON.parse(readFileSync(join(root, 'fixtures', 'dti-2021.json'), 'utf8')) as unknown[];
      expect(rows).toHaveLength(fixtureRows.length);
      expect(out).toContain('dti-province-2022');
    }
  }, 60_000);

  /** Diagnostics of a TypeScript file of a consumer project, as `line: TScode`. */
  function diagnostics(dir: string, name: string, text: string, options: ts.CompilerOptions): string[] {
    const file = join(dir, name);
    writeFileSync(file, text);
    const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, esModuleInterop: true, types: [], ...options });
    return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? d.file.getLineAndCharacterOfPosition(d.start!).line + 1 : '-'}: TS${d.code} ${d.file?.fileName.slice(dir.length + 1) ?? ''}`.trim());
  }

  it('types from the built declarations: ids and keys checked, typos refused, fixtures typed', () => {
    const messages = diagnostics(consumer, 'typed.ts', `
import { getFramework, scoreDbi, scoreDti, type DbiFramework } from 'vn-digital-index';
import rows from 'vn-digital-index/fixtures/dbi-sme-daklak.json' with { type: 'json' };
const sme: DbiFramework = getFramework('dbi-2021-sme');
const id: 'dbi-2021-sme' = getFramework('dbi-2021-sme').id;
scoreDbi(rows[0]!.framework, { answers: rows[0]!.answers });
scoreDti('dti-province-2022', { points: { awareness: 74 } });
scoreDti('dti-provinse-2022', { points: { awareness: 74 } });
scoreDti('dti-province-2022', { points: { awarenes: 74 } });
export { sme, id };
`, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, resolveJsonModule: true, skipLibCheck: true });
    expect(messages).toEqual(['8: TS2345 typed.ts', '9: TS2561 typed.ts']);
  }, 60_000);

  it('the declared types of every fixture module hold its JSON (ES module and CommonJS declarations)', () => {
    const names = pkg.files.filter((f) => /^fixtures\/[\w-]+\.json$/.test(f)).map((f) => f.slice('fixtures/'.length, -'.json'.length));
    const camel = (n: string) => n.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^(\d)/, '_$1');
    const text = (json: boolean) => names.map((n) => json
      ? `import ${camel(n)}Json from 'vn-digital-index/fixtures/${n}.json' with { type: 'json' };\nimport ${camel(n)} from 'vn-digital-index/fixtures/${n}';\nexport const ${camel(n)}Holds: typeof ${camel(n)} = ${camel(n)}Json;`
      : `import ${camel(n)} from 'vn-digital-index/fixtures/${n}';\nexport const ${camel(n)}Rows: typeof ${camel(n)} = ${camel(n)};`).join('\n');
    const nodenext = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, resolveJsonModule: true, skipLibCheck: false };
    // the JSON (as TypeScript infers it) is assignable to the declared type, in both kinds of project
    expect(diagnostics(pkg.esm, 'fixture-types.ts', text(true), nodenext)).toEqual([]);
    expect(diagnostics(pkg.cjs, 'fixture-types.ts', text(false), nodenext)).toEqual([]);
    // CommonJS with the classic resolution (no exports map: tslab, older setups) finds the declarations beside the modules
    expect(diagnostics(pkg.cjs, 'fixture-node10.ts', text(false), { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, ignoreDeprecations: '6.0', skipLibCheck: true })).toEqual([]);
  }, 60_000);
});
