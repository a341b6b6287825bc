/**
 * The API reference's examples run: every `@example` of the declarations the tarball ships (what
 * typedoc and an editor's hover show; `@internal` ones are not shipped), and of the two entries'
 * module comments (typedoc's module pages), is compiled under
 * `--strict` in the ES module and CommonJS projects that installed the package, with the names it
 * uses imported from the entry that exports them, run by Node, and each `expression; // result`
 * comment checked. An example must stand alone: a name it neither defines nor imports from the
 * package does not compile.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { packed, root, type Packed } from '../trust/packed.js';
import { headerLines, instrument, unmet, type ResultComment } from './blocks.js';
import { ESM_ONLY, compile, compilers, runProgram, type Diagnostic, type Project } from './harness.js';

/** One `@example` of a shipped declaration. */
interface Example {
  /** The declaration it documents, e.g. `scoreDti`, and which of its examples (overloads repeat theirs). */
  readonly name: string;
  readonly slug: string;
  readonly code: string;
}

/** The `@example` blocks of the declarations in `text` (a .d.ts file), without `@internal` ones. */
export function examplesOf(text: string): { of: string; code: string }[] {
  const out: { of: string; code: string }[] = [];
  for (const m of text.matchAll(/\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?(?:declare\s+)?(?:abstract\s+)?(?:function|class|const|let|interface|type|namespace)\s+([\w$]+)/g)) {
    const comment = m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
    if (/@internal\b/.test(comment)) continue;
    for (const e of comment.matchAll(/@example\s*\n\s*```(?:ts|typescript)\n([\s\S]*?)\n\s*```/g)) out.push({ of: m[2]!, code: e[1]! });
  }
  return out;
}

/**
 * The `@example` blocks of an entry's module comment (`@packageDocumentation`), which typedoc shows
 * on the module's page; declaration files do not carry it, so it is read from the entry's source.
 */
export function moduleExamplesOf(text: string): string[] {
  const comment = /\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
  if (!comment.includes('@packageDocumentation')) return [];
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n');
  return [...lines.matchAll(/@example\s*\n\s*```(?:ts|typescript)\n([\s\S]*?)\n\s*```/g)].map((m) => m[1]!);
}

/** The names an entry's declaration file exports. */
function exportedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name) names.add(name);
    }
  }
  for (const m of text.matchAll(/export\s+(?:declare\s+)?(?:function|class|const|interface|type)\s+([\w$]+)/g)) names.add(m[1]!);
  return names;
}

/** The names an example defines or imports itself. */
function ownNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const m of code.matchAll(/\b(?:const|let|var|function|class)\s+([\w$]+)/g)) names.add(m[1]!);
  for (const m of code.matchAll(/\b(?:const|let|var)\s+[{[]([^=]*)[}\]]\s*=/g)) for (const n of m[1]!.matchAll(/[\w$]+/g)) names.add(n[0]);
  for (const m of code.matchAll(/import\s*\{([^}]*)\}/g)) for (const part of m[1]!.split(',')) names.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  return names;
}

/** An example as a program: the names it uses from the package imported from the entry that exports them. */
function program(example: Example, main: Set<string>, schema: Set<string>): string {
  const own = ownNames(example.code);
  const used = new Set([...example.code.replace(/\/\/.*$/gm, '').replace(/'(?:[^'\\]|\\.)*'/g, "''").matchAll(/\b[A-Za-z_$][\w$]*\b/g)].map((m) => m[0]));
  const from = (names: Set<string>, also?: Set<string>) => [...used].filter((n) => names.has(n) && !own.has(n) && !also?.has(n)).sort();
  const fromMain = from(main);
  const fromSchema = from(schema, main);
  const lines = [
    fromMain.length ? `import { ${fromMain.join(', ')} } from 'vn-digital-index';` : '',
    fromSchema.length ? `import { ${fromSchema.join(', ')} } from 'vn-digital-index/schema';` : '',
  ].filter(Boolean);
  return `${lines.join('\n')}\n${example.code}\nexport {};\n`;
}

let pkg: Packed;
let examples: Example[] = [];
const sources: Record<string, string> = {};
const results = new Map<string, ResultComment[]>();
const diagnostics = new Map<string, Diagnostic[]>();
const esmOnly = new Set<string>();
/** Examples whose result comments cannot be read (reported by the compile test). */
const unreadable: string[] = [];
const SUB = 'examples';

beforeAll(() => {
  pkg = packed();
  const dist = join(pkg.esm, 'node_modules', 'vn-digital-index', 'dist');
  const dts = readdirSync(dist).filter((f) => f.endsWith('.d.ts')).sort();
  const seen = new Map<string, number>();
  const unique = new Set<string>();
  for (const file of dts) {
    for (const e of examplesOf(readFileSync(join(dist, file), 'utf8'))) {
      // an overloaded function repeats its comment on each signature: one example, once
      if (unique.has(`${e.of}\n${e.code}`)) continue;
      unique.add(`${e.of}\n${e.code}`);
      const n = (seen.get(e.of) ?? 0) + 1;
      seen.set(e.of, n);
      const name = n === 1 ? e.of : `${e.of} (example ${n})`;
      examples.push({ name, slug: `example_${name.replace(/\W+/g, '_')}`, code: e.code });
    }
  }
  for (const [entry, module] of [['index', 'vn-digital-index'], ['schema', 'vn-digital-index/schema']] as const) {
    for (const [i, code] of moduleExamplesOf(readFileSync(join(root, 'src', `${entry}.ts`), 'utf8')).entries()) {
      const name = `module ${module}${i ? ` (example ${i + 1})` : ''}`;
      examples.push({ name, slug: `example_${name.replace(/\W+/g, '_')}`, code });
    }
  }
  const main = exportedNames(readFileSync(join(dist, 'index.d.ts'), 'utf8'));
  const schema = exportedNames(readFileSync(join(dist, 'schema.d.ts'), 'utf8'));
  for (const e of examples) {
    try {
      const { code, results: r } = instrument({ name: e.name, code: program(e, main, schema) });
      sources[`${e.slug}.ts`] = code;
      results.set(e.name, r);
    } catch (error) {
      unreadable.push((error as Error).message);
    }
  }
  const current = compilers().list.find((c) => c.emits)!;
  for (const project of ['esm', 'cjs'] as const) {
    for (const [file, found] of compile(current, pkg[project], project, SUB, sources)) {
      const e = examples.find((x) => `${x.slug}.ts` === file);
      const list = found.map((d) => ({ ...d, line: d.line - (e ? headerLines('node') : 0) }));
      if (e && project === 'cjs' && list.every((d) => ESM_ONLY.has(d.code))) {
        esmOnly.add(e.name);
        continue;
      }
      diagnostics.set(`${project}: ${e?.name ?? '(declarations)'}`, list);
    }
  }
}, 20 * 60_000);

describe('the examples of the API reference, from the installed tarball', () => {
  it('every public function and class has one, and none is internal', () => {
    const names = new Set(examples.map((e) => e.name.replace(/ \(example \d+\)$/, '')));
    for (const n of ['scoreDti', 'scoreDbi', 'rank', 'dbiGap', 'dtiGap', 'summarize', 'inputJsonSchema', 'defineFramework', 'rebuildError', 'flattenError', 'ValidationError', 'module vn-digital-index', 'module vn-digital-index/schema']) expect(names, n).toContain(n);
    expect(examples.length).toBeGreaterThanOrEqual(50);
  });

  it('every example compiles under --strict, standalone, in the ES module and CommonJS projects', () => {
    const problems = [...diagnostics].filter(([, d]) => d.length > 0).map(([k, d]) => `${k}\n  ${d.map((x) => x.text).join('\n  ')}`);
    expect([...unreadable, ...problems]).toEqual([]);
  });

  it('every example runs and gives the results its comments state', () => {
    const failures: string[] = [];
    for (const e of examples.filter((x) => results.has(x.name))) {
      for (const project of ['esm', 'cjs'] as Project[]) {
        if (project === 'cjs' && esmOnly.has(e.name)) continue;
        const r = runProgram(join(pkg[project], SUB, 'out', `${e.slug}.js`), pkg[project]);
        if (r.status !== 0) failures.push(`${e.name} (${project}) exited with ${r.status}:\n${r.stderr.split('\n').slice(0, 12).join('\n')}`);
        else failures.push(...unmet(`${e.name} (${project})`, results.get(e.name)!, r.recorded));
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
