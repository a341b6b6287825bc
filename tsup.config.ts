import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { defineConfig, type Options } from 'tsup';

/**
 * The library's own modules: every source file its two entries reach (`src/index.ts`, and
 * `src/schema.ts` for 'vn-digital-index/schema'). The ES module build keeps them as separate files,
 * so that a user's bundler drops whole modules an app does not import (`"sideEffects": false`). One
 * bundled file cannot do that: its import of decimal.js (a package with module-level side effects)
 * and its module-level statements would keep decimal.js and much of the library in every bundle.
 */
async function libraryModules(): Promise<string[]> {
  const r = await build({
    entryPoints: ['src/index.ts', 'src/schema.ts'], bundle: true, write: false, outdir: 'dist', metafile: true,
    platform: 'neutral', format: 'esm', external: ['zod', 'decimal.js'], logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs).filter((f) => f.startsWith('src/'));
}

/**
 * For the Node build only: `src/arithmetic/decimal-js.ts` (a static import of decimal.js) becomes
 * `decimal-js.node.ts` (decimal.js required on first use), so that importing the library does not
 * load decimal.js until an analysis computes with it.
 */
export const decimalOnFirstUse: Plugin = {
  name: 'decimal-js-on-first-use',
  setup(b) {
    b.onResolve({ filter: /\/decimal-js\.js$/ }, (args) =>
      args.importer.includes(`${resolve('src/arithmetic')}`) ? { path: resolve('src/arithmetic/decimal-js.node.ts') } : undefined);
  },
};

/**
 * The main entry's presentation modules (re-exported by src/index.ts) and the names they give it.
 * The Node build of the main entry takes them from `dist/presentation.cjs` on first call.
 */
export const PRESENTATION: Record<string, readonly string[]> = {
  './presentation/report/html.js': ['renderReport'],
  './presentation/io/csv.js': ['parseCsv', 'toCsv'],
  './presentation/format/provenance.js': ['provenanceOf'],
  './presentation/notebook.js': ['toTable', 'toHtml'],
  './presentation/page/render.js': ['renderAssessmentPage'],
};

/**
 * For the Node builds of the main entry: its re-exports of `modules` become functions that
 * require `dist/presentation.cjs` (src/presentation/node-chunk.ts) on their first call, so that
 * importing the package does not parse their code. The chunk holds its own copy of what it uses;
 * results, checked frameworks, bundled frameworks and errors are recognised across copies
 * (process-wide registries, error brands), as between the ES module and CommonJS builds.
 */
function chunkOnFirstUse(modules: Record<string, readonly string[]>, format: 'esm' | 'cjs'): Plugin {
  return {
    name: `presentation-on-first-use-${format}`,
    setup(b) {
      // the chunk is a file beside the built entry, loaded at run time, never bundled into it
      b.onResolve({ filter: /^\.\/presentation\.cjs$/ }, () => ({ path: './presentation.cjs', external: true }));
      b.onResolve({ filter: /^\.\/presentation\// }, (args) =>
        args.importer === resolve('src/index.ts') && args.path in modules ? { path: args.path, namespace: 'vndi-presentation-on-first-use' } : undefined);
      b.onLoad({ filter: /.*/, namespace: 'vndi-presentation-on-first-use' }, (args) => ({
        loader: 'js',
        contents: [
          ...(format === 'esm' ? ["import { createRequire } from 'node:module';"] : []),
          'let chunk;',
          format === 'esm' ? "const load = () => (chunk ??= createRequire(import.meta.url)('./presentation.cjs'));" : "const load = () => (chunk ??= require('./presentation.cjs'));",
          ...modules[args.path]!.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
        ].join('\n'),
      }));
    },
  };
}

/**
 * The ES module build for Node: every presentation helper from the chunk on first call (the report
 * and CSV code is a fifth of the file).
 */
export const presentationOnFirstUse: Plugin = chunkOnFirstUse(PRESENTATION, 'esm');

/**
 * The CommonJS build, which otherwise holds everything (its users do not tree-shake): the
 * self-assessment page's renderer from the chunk on first call, because the page's script it
 * carries (the scorer, planner and framework check bundled for browsers) would be a third of the
 * file, parsed by every `require('vn-digital-index')`.
 */
export const pageOnFirstUse: Plugin = chunkOnFirstUse({ './presentation/page/render.js': PRESENTATION['./presentation/page/render.js']! }, 'cjs');

export default defineConfig(async (): Promise<Options[]> => [
  {
    // the library as ES modules for bundlers (the "module" export condition, which esbuild,
    // webpack, Rollup and Vite match and Node does not): one file per source module, so that a
    // user's bundle keeps only what the app imports
    entry: await libraryModules(),
    outDir: 'dist/modules',
    format: ['esm'],
    bundle: false,
    target: 'node20',
  },
  {
    // the library as ES modules for Node (and Deno, Bun): one file per entry, as for CommonJS, so
    // that `import` reads one file instead of seventy, and decimal.js loaded on first use (start-up
    // time, issue #12). The two files share no state that matters (see the CommonJS build below).
    // Whitespace and syntax are minified (a fifth less to parse), names are kept, and lines are
    // broken near 160 characters, because Node prints the source line of an uncaught error and one
    // minified line would be the whole library
    entry: { index: 'src/index.ts', schema: 'src/schema.ts' },
    format: ['esm'],
    splitting: false,
    esbuildPlugins: [decimalOnFirstUse, presentationOnFirstUse],
    minifyWhitespace: true,
    minifySyntax: true,
    esbuildOptions(options) {
      options.lineLimit = 160;
    },
    dts: { entry: { index: 'src/index.ts', schema: 'src/schema.ts' } },
    target: 'node20',
  },
  {
    // the presentation helpers of the Node build of the main entry, required on first call (see
    // presentationOnFirstUse); CommonJS so that any Node 20 loads it synchronously
    entry: { presentation: 'src/presentation/node-chunk.ts' },
    format: ['cjs'],
    esbuildPlugins: [decimalOnFirstUse],
    minifyWhitespace: true,
    minifySyntax: true,
    esbuildOptions(options) {
      options.lineLimit = 160;
    },
    target: 'node20',
  },
  {
    // the library for require(): one file per entry (CommonJS users do not tree-shake), with types;
    // the two files share no state that matters: checked frameworks are registered process-wide
    entry: { index: 'src/index.ts', schema: 'src/schema.ts' },
    format: ['cjs'],
    esbuildPlugins: [pageOnFirstUse],
    dts: true,
    target: 'node20',
  },
  {
    // the `vndi` command
    entry: { cli: 'src/presentation/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    // the bundled CommonJS dependencies (iconv-lite, papaparse …) require Node built-ins: give the
    // ES module a `require`
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __vndiCreateRequire } from 'node:module';\nconst require = __vndiCreateRequire(import.meta.url);" },
  },
]);
