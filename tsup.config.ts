import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // the library: ESM and CommonJS, with types
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    target: 'node20',
    treeshake: true,
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
