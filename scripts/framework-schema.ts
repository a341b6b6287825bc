/**
 * Generates the published JSON Schema of the framework file format (schema/framework.schema.json)
 * and the format reference in docs/framework-format.md (between its markers), both from the zod
 * schemas of src/framework/schema.ts, so that neither can drift from the code. Tests check that the
 * committed files equal what this script generates.
 *
 *   npx tsx scripts/framework-schema.ts          # rewrite both files
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import { MAX_URL_LENGTH, dtiFrameworkSchema, frameworkSchema } from '../src/framework/schema.js';

type Json = Record<string, unknown>;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = join(root, 'schema', 'framework.schema.json');
export const DOC_PATH = join(root, 'docs', 'framework-format.md');
export const SCHEMA_ID = 'https://unpkg.com/vn-digital-index/schema/framework.schema.json';
const BEGIN = '<!-- BEGIN GENERATED FORMAT REFERENCE (scripts/framework-schema.ts) -->';
const END = '<!-- END GENERATED FORMAT REFERENCE -->';

const SCHEMA_KEY = {
  type: 'string',
  maxLength: MAX_URL_LENGTH,
  description: 'The JSON Schema of this file, for editors (e.g. the URL of schema/framework.schema.json). Ignored by defineFramework.',
};

// the DTI variant gets its name here (its section of schema.ts is edited elsewhere)
const named = z.discriminatedUnion('kind', [
  dtiFrameworkSchema.meta({ id: 'DtiFramework', description: 'A provincial digital-transformation index (DTI).' }),
  ...frameworkSchema.options.filter((o) => o !== dtiFrameworkSchema),
]);

/** The JSON Schema of a framework file, as published. */
export function frameworkJsonSchema(): Json {
  const generated = z.toJSONSchema(named, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }) as Json;
  const defs = generated.$defs as Record<string, Json>;
  for (const name of ['DtiFramework', 'DbiFramework']) {
    const def = defs[name]!;
    def.properties = { $schema: SCHEMA_KEY, ...(def.properties as Json) };
  }
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCHEMA_ID,
    title: 'vn-digital-index framework',
    description: 'A framework file of vn-digital-index: a DTI or DBI index as data (see docs/framework-format.md). Shape only: defineFramework also checks the invariants (sums, unique ids, ordered bands).',
    ...rest,
  };
}

// ---------------------------------------------------------------- reference tables

function typeOf(s: Json): string {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/$defs/', '');
    return `[${name}](#${name.toLowerCase()})`;
  }
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
  if (Array.isArray(s.anyOf)) return (s.anyOf as Json[]).map(typeOf).join(' | ');
  if (Array.isArray(s.oneOf)) return (s.oneOf as Json[]).map(typeOf).join(' | ');
  if (s.type === 'array') {
    const items = typeOf((s.items ?? {}) as Json);
    const bounds = [s.minItems !== undefined ? `≥ ${String(s.minItems)}` : '', s.maxItems !== undefined ? `≤ ${String(s.maxItems)}` : ''].filter(Boolean);
    return `${items.includes(' ') ? `(${items})` : items}[]${bounds.length ? ` (${bounds.join(', ')} items)` : ''}`;
  }
  if (s.type === 'integer' || s.type === 'number') {
    const parts: string[] = [];
    if (s.minimum !== undefined) parts.push(`≥ ${String(s.minimum)}`);
    if (s.exclusiveMinimum !== undefined) parts.push(`> ${String(s.exclusiveMinimum)}`);
    if (s.maximum !== undefined && s.maximum !== Number.MAX_SAFE_INTEGER) parts.push(`≤ ${String(s.maximum)}`);
    return `${String(s.type)}${parts.length ? ` ${parts.join(', ')}` : ''}`;
  }
  if (s.type === 'string') {
    const length = s.maxLength !== undefined ? ` (≤ ${String(s.maxLength)} characters)` : '';
    if (s.format) return `string (${String(s.format)})${length}`;
    if (s.pattern) return `string \`${String(s.pattern)}\`${length}`;
    return `string${length}`;
  }
  if (s.type === 'object') return 'object';
  return String(s.type ?? 'any');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(name: string, s: Json, out: string[], pending: [string, Json][], defs: Record<string, Json>): void {
  out.push(`### ${name}`, '');
  if (typeof s.description === 'string') out.push(s.description, '');
  const variants = (s.oneOf ?? s.anyOf) as Json[] | undefined;
  if (variants && !s.properties) {
    out.push(`One of: ${variants.map(typeOf).join(', ')}.`, '');
    return;
  }
  if (s.type !== 'object') {
    out.push(`Type: ${typeOf({ ...s, description: undefined })}.`, '');
    return;
  }
  const required = new Set((s.required ?? []) as string[]);
  out.push('| field | type | required | description |', '|---|---|---|---|');
  for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    let type = typeOf(prop);
    // an inline object (or array of one) gets its own table below
    const inner = prop.type === 'object' ? prop : prop.type === 'array' && (prop.items as Json | undefined)?.type === 'object' ? (prop.items as Json) : null;
    if (inner && inner.properties) {
      const sub = `${name}.${key}${prop.type === 'array' ? '[]' : ''}`;
      pending.push([sub, inner]);
      type = `[${sub}](#${sub.toLowerCase().replace(/[^a-z0-9]/g, '')})${prop.type === 'array' ? '[]' : ''}`;
    }
    const referenced = typeof prop.$ref === 'string' ? defs[prop.$ref.replace('#/$defs/', '')] : undefined;
    const description = typeof prop.description === 'string' ? prop.description : typeof referenced?.description === 'string' ? referenced.description : '';
    out.push(`| \`${key}\` | ${cell(type)} | ${required.has(key) ? 'yes' : 'no'} | ${cell(description)} |`);
  }
  out.push('');
}

/** The format reference: one table per named type of the JSON Schema, fields in schema order. */
export function formatReference(schema: Json = frameworkJsonSchema()): string {
  const defs = schema.$defs as Record<string, Json>;
  const order = ['DbiFramework', 'DtiFramework', ...Object.keys(defs).filter((k) => k !== 'DbiFramework' && k !== 'DtiFramework').sort()];
  const out: string[] = [];
  const pending: [string, Json][] = [];
  for (const name of order) {
    table(name, defs[name]!, out, pending, defs);
    while (pending.length) {
      const [sub, s] = pending.shift()!;
      table(sub, s, out, pending, defs);
    }
  }
  return out.join('\n');
}

/** The docs page with its generated section replaced. */
export function docWithReference(page: string, reference = formatReference()): string {
  const a = page.indexOf(BEGIN);
  const b = page.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC_PATH} lacks the markers ${BEGIN} … ${END}`);
  return `${page.slice(0, a + BEGIN.length)}\n\n${reference}\n${page.slice(b)}`;
}

export function schemaFileText(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_PATH, schemaFileText());
  writeFileSync(DOC_PATH, docWithReference(readFileSync(DOC_PATH, 'utf8')));
  console.log(`wrote ${SCHEMA_PATH} and the reference in ${DOC_PATH}`);
}
