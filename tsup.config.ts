import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

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
const decimalOnFirstUse: Plugin = {
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
const PRESENTATION: Record<string, readonly string[]> = {
  './presentation/report/html.js': ['renderReport'],
  './presentation/io/csv.js': ['parseCsv', 'toCsv'],
  './presentation/format/provenance.js': ['provenanceOf'],
  './presentation/notebook.js': ['toTable', 'toHtml'],
};

/**
 * For the Node build of the main entry only: its re-exports of the presentation helpers become
 * functions that require `dist/presentation.cjs` (src/presentation/node-chunk.ts) on their first
 * call, so that importing the package does not parse the report and CSV code (a fifth of the file).
 * The chunk holds its own copy of what it uses; results, checked frameworks, bundled frameworks and
 * errors are recognised across copies (process-wide registries, error brands), as between the ES
 * module and CommonJS builds.
 */
const presentationOnFirstUse: Plugin = {
  name: 'presentation-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^\.\/presentation\// }, (args) =>
      args.importer === resolve('src/index.ts') && args.path in PRESENTATION ? { path: args.path, namespace: 'vndi-presentation-on-first-use' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'vndi-presentation-on-first-use' }, (args) => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module';",
        'let chunk;',
        "const load = () => (chunk ??= createRequire(import.meta.url)('./presentation.cjs'));",
        ...PRESENTATION[args.path]!.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ].join('\n'),
    }));
  },
};

export default defineConfig(async () => [
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
