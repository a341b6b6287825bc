/**
 * Each unit counted once. An office's file holds resubmissions: an enterprise's tax code twice, a
 * province twice (its code twice, or two spellings of its name that `findProvince` reads as one
 * unit, "Hòa Bình" and "Hoà Bình", NFC and NFD). Every row command (score, rank, gap, summary)
 * applies the same rule, chosen with `--duplicates`:
 *
 * - `error` (the default): the first submission of a unit that scores is the one that counts; every
 *   later one is rejected, its message naming both lines, and the run exits 1.
 * - `first`: the same submission counts; the later ones are set aside with a notice (exit 0).
 * - `last`: the last submission in the file counts (the file is read once more to find it); the
 *   earlier ones are set aside with a notice. If that last one is rejected, the unit is not counted.
 *
 * A unit is its id in canonical form (NFC, spacing); a DTI row's unit is the province its id names
 * (`1`, `01`), or where its id names none, the province its name names.
 */
import { canonicalText } from '../../analysis/text-key.js';
import type { ValidationIssue } from '../../errors.js';
import { findProvince } from '../../framework/units/provinces.js';
import type { RowError, SetAsideRow } from '../io/source.js';

/** Which submission of a unit counts. */
export type DuplicateRule = 'error' | 'first' | 'last';

/** The unit a row stands for: `dti:` and a province code, or the kind and the canonical id. */
export function unitKey(kind: 'dti' | 'dbi', id: string, name?: string): string {
  const own = canonicalText(id);
  if (kind === 'dti') {
    const province = (own !== '' ? findProvince(own) : undefined) ?? (name ? findProvince(name) : undefined);
    if (province) return `dti:${province.code}`;
  }
  return kind + ':' + own;
}

/** A row as the ledger sees it. */
export interface LedgerRow {
  readonly line: number;
  readonly id: string;
  readonly meta: Readonly<Record<string, string>>;
  readonly kind: 'dti' | 'dbi';
}

/** What becomes of a row: it counts, it is rejected (a duplicate under `error`), or it is set aside. */
export type Admission = { readonly keep: true } | { readonly reject: RowError } | { readonly setAside: SetAsideRow };

const KEEP: Admission = { keep: true };

/**
 * Unit keys and a line number each, compactly: a national file has a million units, and a Map of
 * strings took some 300 bytes a unit (the keys, their table, and the chunks of file text a key cut
 * from them kept alive). Here a unit takes about 30 bytes: its characters copied into one arena, its
 * hash, its line and a slot of an open-addressing table.
 */
class UnitTable {
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 11);
  private lines = new Int32Array(1 << 11);
  private starts = new Int32Array((1 << 11) + 1);
  private chars = new Uint16Array(1 << 14);
  private size = 0;

  /** The line stored for a key, or −1. */
  get(key: string): number {
    const e = this.find(key, hashOf(key));
    return e < 0 ? -1 : this.lines[e]!;
  }

  /** Stores a key's line (the key must not be there yet). */
  add(key: string, line: number): void {
    if (2 * (this.size + 1) > this.slots.length) this.grow();
    const n = this.size;
    if (n + 1 >= this.hashes.length) {
      this.hashes = resized(this.hashes, 2 * this.hashes.length);
      this.lines = resized(this.lines, 2 * this.lines.length);
      this.starts = resized(this.starts, this.hashes.length + 1);
    }
    const start = this.starts[n]!;
    if (start + key.length > this.chars.length) this.chars = resized(this.chars, Math.max(2 * this.chars.length, start + key.length));
    for (let i = 0; i < key.length; i++) this.chars[start + i] = key.charCodeAt(i);
    const h = hashOf(key);
    this.hashes[n] = h;
    this.lines[n] = line;
    this.starts[n + 1] = start + key.length;
    this.size++;
    this.place(n, h);
  }

  private find(key: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i]!;
      if (slot === 0) return -1;
      const e = slot - 1;
      if (this.hashes[e] === h && this.equals(e, key)) return e;
    }
  }

  private equals(e: number, key: string): boolean {
    const start = this.starts[e]!;
    if (this.starts[e + 1]! - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.chars[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private place(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = e + 1;
  }

  private grow(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    for (let e = 0; e < this.size; e++) this.place(e, this.hashes[e]!);
  }
}

function resized<T extends Int32Array | Uint16Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/** FNV-1a over the UTF-16 code units, mixed (the table masks its low bits). */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** The units seen so far, and which submission of each counts. */
export class UnitLedger {
  private readonly counted = new UnitTable();
  /**
   * @param last Under `last`: each unit's last line in the file (see {@link UnitLedger.lastLines}).
   */
  constructor(readonly rule: DuplicateRule, private readonly last?: ReadonlyMap<string, number>) {}

  /** Whether the row counts; each unit counts once. Rows must come in file order. */
  admit(row: LedgerRow): Admission {
    if (row.id === '' && row.kind === 'dbi') return KEEP;
    const key = unitKey(row.kind, row.id, row.meta.name);
    if (this.rule === 'last') {
      const last = this.last?.get(key);
      if (last === undefined || last === row.line) return KEEP;
      return { setAside: { line: row.line, id: row.id, why: { vi: `bản nộp trước của cùng đơn vị; bản ở dòng ${last} được tính (--duplicates last)`, en: `an earlier submission of the unit on line ${last}, which counts (--duplicates last)` } } };
    }
    const first = this.counted.get(key);
    if (first < 0) {
      this.counted.add(key, row.line);
      return KEEP;
    }
    if (this.rule === 'first') {
      return { setAside: { line: row.line, id: row.id, why: { vi: `nộp lại của đơn vị ở dòng ${first}; bản ở dòng ${first} được tính (--duplicates first)`, en: `a resubmission of the unit on line ${first}, which counts (--duplicates first)` } } };
    }
    const name = row.meta.name && row.meta.name !== row.id ? ` (${row.meta.name})` : '';
    return { reject: { line: row.line, id: row.id, issues: [duplicateIssue(row.id, name, first, row.line)] } };
  }

  /** Under `last`: the last line of each unit, from a first reading of the rows. */
  static lastLines(rows: Iterable<Omit<LedgerRow, 'meta'> & { readonly name?: string }>, into = new Map<string, number>()): Map<string, number> {
    for (const r of rows) if (r.id !== '' || r.kind === 'dti') into.set(unitKey(r.kind, r.id, r.name), r.line);
    return into;
  }
}

/** The issue of a second submission of a unit, naming both lines. */
function duplicateIssue(given: string, named: string, first: number, line: number): ValidationIssue {
  const id = '"' + (given.length > 60 ? `${given.slice(0, 60)}…` : given) + '"' + (named.length > 80 ? `${named.slice(0, 80)}…)` : named);
  return {
    path: ['id'],
    pathString: 'id',
    code: 'duplicate_id',
    params: { id, lines: [first, line] },
    message: {
      vi: `đơn vị ${id} đã có ở dòng ${first} (dòng ${first} và ${line} là cùng một đơn vị); bản ở dòng ${first} được tính. Giữ một bản: --duplicates first (bản đầu) hoặc --duplicates last (bản cuối)`,
      en: `unit ${id} is already on line ${first} (lines ${first} and ${line} are one unit); line ${first} counts. Keep one submission: --duplicates first or --duplicates last`,
    },
  };
}
