/**
 * Text encodings of the files offices really have: UTF-8 (with or without a BOM), UTF-16 with a BOM
 * (Excel's "Unicode Text"), and the legacy Vietnamese Windows-1258 and TCVN3 (ABC) code pages. A file
 * that is not valid UTF-8 is never read as if it were: the legacy code page that decodes it into
 * plausible Vietnamese is chosen, or the run stops with an error naming the likely encoding.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';
import { CliError, ioError } from './cli-error.js';

/** The encodings the command line reads. */
export type EncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'windows1258' | 'tcvn';

const NAMES: Record<string, EncodingName> = {
  utf8: 'utf8', 'utf-8': 'utf8',
  utf16: 'utf16le', 'utf-16': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le', ucs2: 'utf16le', unicode: 'utf16le',
  utf16be: 'utf16be', 'utf-16be': 'utf16be',
  windows1258: 'windows1258', 'windows-1258': 'windows1258', cp1258: 'windows1258', 'cp-1258': 'windows1258', vps: 'windows1258',
  tcvn: 'tcvn', tcvn3: 'tcvn', 'tcvn-3': 'tcvn', tcvn5712: 'tcvn', abc: 'tcvn',
};

/** Human names, as an officer knows them. */
export const ENCODING_LABEL: Record<EncodingName, string> = {
  utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE', windows1258: 'Windows-1258', tcvn: 'TCVN3 (ABC)',
};

/** Reads an `--encoding` value. */
export function parseEncodingName(name: string): EncodingName {
  const e = NAMES[name.trim().toLowerCase().replace(/_/g, '-')];
  if (!e) {
    throw new CliError(2, `--encoding không hợp lệ: ${name} (dùng utf-8, utf-16le, utf-16be, windows-1258, tcvn3)`, `unknown --encoding ${name} (use utf-8, utf-16le, utf-16be, windows-1258, tcvn3)`);
  }
  return e;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
// onset, vowel nucleus, coda of a Vietnamese syllable (tone marks removed; ă â ê ô ơ ư đ kept)
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/**
 * How Vietnamese a text looks: +1 for each word with a Vietnamese letter that is a valid syllable,
 * −1 for each such word that is not, −2 for each control or symbol character a legacy code page
 * produces when it is the wrong one. Plain ASCII words count for nothing.
 */
export function vietnameseScore(text: string): number {
  let score = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0x7f && c < 0xa0) || (c >= 0xa1 && c <= 0xbf) || c === 0xd7 || c === 0xf7) score -= 2;
  }
  for (const word of text.match(/[\p{L}\p{M}]+/gu) ?? []) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    const d = word.normalize('NFD').toLowerCase();
    const tones = d.match(TONES)?.length ?? 0;
    const base = d.replace(TONES, '').normalize('NFC');
    score += tones <= 1 && SYLLABLE.test(base) ? 1 : -1;
  }
  return score;
}

/** Decodes a whole buffer (NFC: Windows-1258 writes tone marks as combining characters). */
export function decodeBytes(bytes: Uint8Array, encoding: EncodingName): string {
  switch (encoding) {
    case 'utf8':
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    case 'utf16le':
    case 'utf16be':
      return new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes);
    default:
      return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding).normalize('NFC');
  }
}

/** The encoding of a file, from its first bytes; `bom` is the length of the byte-order mark. */
export interface DetectedEncoding {
  readonly encoding: EncodingName;
  readonly bom: number;
}

function bomOf(b: Uint8Array): DetectedEncoding | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  return undefined;
}

/** Whether the bytes are valid UTF-8, ignoring a sequence cut at the end of the sample. */
function validUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects the encoding from a sample of the file's first bytes: a BOM; else UTF-16 without a BOM
 * (every other byte zero); else UTF-8 when the sample is valid UTF-8; else the legacy Vietnamese
 * code page whose decoding scores best on {@link vietnameseScore}, or an error naming it.
 */
export function detectEncoding(sample: Uint8Array, file = ''): DetectedEncoding {
  const bom = bomOf(sample);
  if (bom) return bom;
  const n = Math.min(sample.length, 4096) & ~1;
  if (n >= 8) {
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < n; i += 2) {
      if (sample[i] === 0) evenZero++;
      if (sample[i + 1] === 0) oddZero++;
    }
    if (oddZero > n / 4 && evenZero === 0) return { encoding: 'utf16le', bom: 0 };
    if (evenZero > n / 4 && oddZero === 0) return { encoding: 'utf16be', bom: 0 };
  }
  if (validUtf8(sample)) return { encoding: 'utf8', bom: 0 };
  const scored = (['windows1258', 'tcvn'] as const).map((encoding) => ({ encoding, score: vietnameseScore(decodeBytes(sample, encoding)) }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  if (best.score > 0 && best.score > scored[1]!.score) return { encoding: best.encoding, bom: 0 };
  const likely = ENCODING_LABEL[best.encoding];
  throw new CliError(
    1,
    `${file}: tệp không phải UTF-8 và không nhận ra bảng mã tiếng Việt (có thể là ${likely}); hãy lưu lại dạng "CSV UTF-8" hoặc dùng --encoding windows-1258 | tcvn3`,
    `${file}: the file is not UTF-8 and no Vietnamese code page reads it plausibly (perhaps ${likely}); save it as "CSV UTF-8" or use --encoding windows-1258 | tcvn3`,
  );
}

/** Reads up to `size` bytes from the start of a file. */
export function readSample(file: string, size = 65536): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw ioError(`không mở được tệp ${file}`, `cannot open ${file}`, e);
  }
  try {
    const buf = Buffer.alloc(size);
    const n = readSync(fd, buf, 0, size, 0);
    return buf.subarray(0, n);
  } catch (e) {
    throw ioError(`không đọc được tệp ${file}`, `cannot read ${file}`, e);
  } finally {
    closeSync(fd);
  }
}

/** A streaming decoder: bytes in, text out, with the end flushed by `end()`. */
export interface TextStreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * A streaming decoder. Legacy text is normalized to NFC up to the last line break of each piece, so
 * that a tone mark is never separated from its letter by a chunk boundary.
 */
export function streamDecoder(encoding: EncodingName, file = ''): TextStreamDecoder {
  if (encoding === 'utf8' || encoding === 'utf16le' || encoding === 'utf16be') {
    const d = new TextDecoder(encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be', { fatal: encoding === 'utf8' });
    const bad = (e: unknown) =>
      new CliError(
        1,
        `${file}: tệp có đoạn không phải UTF-8 (${(e as Error).message}); có thể tệp ở bảng mã Windows-1258 hoặc TCVN3: dùng --encoding windows-1258 | tcvn3`,
        `${file}: part of the file is not valid UTF-8; it may be in Windows-1258 or TCVN3: use --encoding windows-1258 | tcvn3`,
      );
    return {
      write: (b) => {
        try {
          return d.decode(b, { stream: true });
        } catch (e) {
          throw bad(e);
        }
      },
      end: () => {
        try {
          return d.decode();
        } catch (e) {
          throw bad(e);
        }
      },
    };
  }
  const d = iconv.getDecoder(encoding);
  let carry = '';
  return {
    write: (b) => {
      const text = carry + d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      const cut = text.lastIndexOf('\n') + 1;
      carry = text.slice(cut);
      return text.slice(0, cut).normalize('NFC');
    },
    end: () => {
      const text = (carry + (d.end() ?? '')).normalize('NFC');
      carry = '';
      return text;
    },
  };
}
