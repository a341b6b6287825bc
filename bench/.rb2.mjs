import { build } from 'esbuild';
for (const charset of ['ascii', 'utf8']) {
  const r = await build({
    stdin: { contents: `import { rank } from '${process.argv[2] ?? '/work/main/src/index.ts'}';\nconsole.log(rank);\n`, resolveDir: '/work/main', loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], write: false, logLevel: 'silent', charset,
  });
  console.log(charset, r.outputFiles[0].contents.length);
}
