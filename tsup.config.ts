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
    banner: { js: '#!/usr/bin/env node' },
  },
]);
