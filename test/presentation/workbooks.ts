/**
 * Workbooks built by the tests, part by part (yazl), hostile ones included: far cells, bombs,
 * entity declarations, entries hidden from the archive's central directory.
 */
import { Readable } from 'node:stream';
import yazl from 'yazl';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A part's content: text, bytes, or a stream of bytes (for parts too large to hold). */
export type PartContent = string | Buffer | (() => Readable);

/** Zips parts in order (deflated at `level`; duplicate names are kept, as a hostile archive has them). */
export function zipParts(parts: readonly (readonly [string, PartContent])[], level = 6): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of parts) {
    if (typeof content === 'function') zip.addReadStream(content(), name, { compressionLevel: level });
    else zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { compressionLevel: level });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One sheet of a built workbook: its name, its XML (or rows to write as inline strings and numbers), its state. */
export interface BuiltSheet {
  readonly name: string;
  readonly xml?: string;
  readonly rows?: readonly (readonly (string | number | null)[])[];
  readonly state?: 'hidden' | 'veryHidden';
}

/** The sheet XML of rows: strings inline, numbers as numbers, `null` left out. */
export function sheetXml(rows: readonly (readonly (string | number | null)[])[], { dimension }: { dimension?: string } = {}): string {
  const cols = (i: number) => {
    let n = '';
    for (let c = i + 1; c > 0; c = Math.floor((c - 1) / 26)) n = String.fromCharCode(65 + ((c - 1) % 26)) + n;
    return n;
  };
  const body = rows
    .map((r, ri) => `<row r="${ri + 1}">${r.map((v, ci) => (v === null ? '' : typeof v === 'number' ? `<c r="${cols(ci)}${ri + 1}"><v>${v}</v></c>` : `<c r="${cols(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)).join('')}</row>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${body}</sheetData></worksheet>`;
}

/** The parts of a workbook: its sheets (at `xl/worksheets/sheetN.xml`), shared strings if given, and any extra parts. */
export function workbookParts(sheets: readonly BuiltSheet[], { sharedStrings, extra = [] }: { sharedStrings?: string; extra?: readonly (readonly [string, PartContent])[] } = {}): [string, PartContent][] {
  const list = sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RELS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const sst = sharedStrings === undefined ? '' : `<Relationship Id="rIdS" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/>`;
  return [
    ['[Content_Types].xml', `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`],
    ['_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${RELS}"><sheets>${list}</sheets></workbook>`],
    ['xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}${sst}</Relationships>`],
    ...(sharedStrings === undefined ? [] : [['xl/sharedStrings.xml', sharedStrings] as [string, PartContent]]),
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, s.xml ?? sheetXml(s.rows ?? [])] as [string, PartContent]),
    ...extra.map(([n, c]) => [n, c] as [string, PartContent]),
  ];
}

/**
 * Removes the `occurrence`-th entry named `name` from a zip's central directory (its data stays in
 * the file, behind its local header): what Excel reads no longer lists it.
 */
export function hideFromCentralDirectory(zip: Buffer, name: string, occurrence = 0): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  let p = offset;
  let seen = 0;
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory entry');
    const length = 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    const entryName = zip.subarray(p + 46, p + 46 + zip.readUInt16LE(p + 28)).toString('utf8');
    if (entryName === name && seen++ === occurrence) {
      const out = Buffer.concat([zip.subarray(0, p), zip.subarray(p + length)]);
      const e = eocd - length;
      out.writeUInt16LE(count - 1, e + 8);
      out.writeUInt16LE(count - 1, e + 10);
      out.writeUInt32LE(size - length, e + 12);
      return out;
    }
    p += length;
  }
  throw new Error(`no entry ${name}`);
}

/** A stream of `bytes` bytes of one character (a bomb's payload), in 1 MiB pieces. */
export function repeated(bytes: number, char = ' '): () => Readable {
  return () => {
    const piece = Buffer.alloc(1 << 20, char);
    let left = bytes;
    return new Readable({
      read() {
        if (left <= 0) return void this.push(null);
        const n = Math.min(left, piece.length);
        left -= n;
        this.push(n === piece.length ? piece : piece.subarray(0, n));
      },
    });
  };
}
