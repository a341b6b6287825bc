// The floor of `vndi score x.xlsx --format csv` (bench/cli-files.mjs): what one would write by hand
// for the bench's workbook. It unzips the shared strings and the sheet (yauzl, inflated by Node's zlib
// in 256 KiB pieces, as vndi does), parses their XML with the same streaming parser as vndi (saxes),
// and builds the same score table (bench/score-floor.mjs). It knows the workbook's layout (the sheet
// at xl/worksheets/sheet1.xml, shared strings, numbers as written) and checks nothing.
//
//   node bench/xlsx-floor.mjs input.xlsx out.csv        prints { rows }
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { scoreTable } from './score-floor.mjs';

const [file, outFile] = process.argv.slice(2);
if (!file || !outFile) throw new Error('usage: xlsx-floor.mjs input.xlsx out.csv');

const zip = await new Promise((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))));
const entries = new Map();
await new Promise((resolve, reject) => {
  zip.on('entry', (e) => {
    entries.set(e.fileName, e);
    zip.readEntry();
  });
  zip.on('end', resolve);
  zip.on('error', reject);
  zip.readEntry();
});

async function parse(name, on) {
  const raw = await new Promise((resolve, reject) => zip.openReadStream(entries.get(name), { decodeFileData: false }, (e, s) => (e ? reject(e) : resolve(s))));
  const stream = pipeline(raw, createInflateRaw({ chunkSize: 1 << 18 }), () => {});
  const p = new SaxesParser({ position: false });
  p.on('opentag', on.open);
  p.on('closetag', on.close);
  p.on('text', on.text);
  const decoder = new TextDecoder();
  for await (const chunk of stream) p.write(decoder.decode(chunk, { stream: true }));
  p.close();
}

const strings = [];
let text = '';
let inText = false;
await parse('xl/sharedStrings.xml', {
  open: (t) => {
    if (t.name === 't') inText = true;
  },
  close: (t) => {
    if (t.name === 't') inText = false;
    else if (t.name === 'si') {
      strings.push(text);
      text = '';
    }
  },
  text: (t) => {
    if (inText) text += t;
  },
});

const table = scoreTable(outFile);
let rows = 0;
let cells = [];
let col = 0;
let type = '';
let value = '';
let inValue = false;
let row = 0;
await parse('xl/worksheets/sheet1.xml', {
  open: (t) => {
    if (t.name === 'c') {
      const r = t.attributes.r;
      col = 0;
      for (let i = 0; i < r.length; i++) {
        const c = r.charCodeAt(i);
        if (c < 65) break;
        col = col * 26 + c - 64;
      }
      type = t.attributes.t ?? '';
      value = '';
    } else if (t.name === 'v') inValue = true;
    else if (t.name === 'row') {
      row++;
      cells = [];
    }
  },
  close: (t) => {
    if (t.name === 'v') inValue = false;
    else if (t.name === 'c') cells[col - 1] = type === 's' ? strings[Number(value)] : value;
    else if (t.name === 'row' && row > 1) {
      table.onRow(cells);
      rows++;
    }
  },
  text: (t) => {
    if (inValue) value += t;
  },
});
await table.finish();
zip.close();
console.log(JSON.stringify({ rows }));
