/**
 * Text encodings of the files offices really have: UTF-8 (with or without a BOM), UTF-16 with a BOM
 * (Excel's "Unicode Text"), and the legacy Vietnamese Windows-1258 and TCVN3 (ABC) code pages. A file
 * that is not valid UTF-8 is never read as if it were: the legacy code page that decodes it into
 * plausible Vietnamese is chosen, or the run stops with an error naming the likely encoding.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import iconv from 'iconv-lite';
import { quoted } from '../format/safety.js';
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
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  // own keys only: `--encoding constructor` named Object's constructor through the prototype
  const e = Object.hasOwn(NAMES, key) ? NAMES[key] : undefined;
  if (!e) {
    throw new CliError(2, `--encoding không hợp lệ: ${quoted(name)} (dùng utf-8, utf-16le, utf-16be, windows-1258, tcvn3)`, `unknown --encoding ${quoted(name)} (use utf-8, utf-16le, utf-16be, windows-1258, tcvn3)`);
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

/**
 * The refusal of an input that is a pipe (a FIFO, `<(command)`) or a socket, or undefined for any
 * other path: opening a FIFO waits for a writer on the main thread, where Ctrl-C cannot end it (a
 * hang only `kill -9` ended), and a pipe cannot be read twice (its sample, then its rows: ESPIPE).
 * `what` names the input (`--columns map.json`, or the file alone).
 */
export function pipeRefusal(path: string, what = path): CliError | undefined {
  let pipe = false;
  try {
    const st = statSync(path);
    pipe = st.isFIFO() || st.isSocket();
  } catch {
    // a missing or unreadable path: the reader reports it
  }
  if (!pipe) return undefined;
  return new CliError(2, `${what} là một ống (FIFO) hoặc socket, không phải tệp: hãy lưu dữ liệu vào một tệp rồi đọc tệp đó`, `${what} is a pipe (FIFO) or socket, not a file: save the data to a file and read that`);
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
      // normalise up to the last character that no later character can combine with: a long line
      // without a line break (a 200 MB single-line file) is decoded piece by piece, in linear time
      // (the carry had been everything after the last line break, re-scanned with each piece)
      const text = carry + d.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      const cut = lastStarter(text);
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

/**
 * Where a decoded piece can be cut so that NFC of the two parts is NFC of the whole: before the last
 * character that is not a combining mark (Windows-1258 writes tone marks as combining characters
 * after their letter; nothing composes with a following letter). A piece of marks only (no letter
 * to attach them to, never Vietnamese) is cut at its end once it is long, so that the carry stays small.
 */
function lastStarter(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (!(c >= 0x300 && c <= 0x36f)) return i;
  }
  return text.length > 1 << 16 ? text.length : 0;
}

/** The legacy Vietnamese code pages whose text a workbook can hold in disguise. */
export type LegacyEncoding = 'windows1258' | 'tcvn';

let cp1252Bytes: Map<number, number> | undefined;
/** Character → byte of Windows-1252 (and of Latin-1 where Windows-1252 leaves a byte undefined). */
function windows1252(): Map<number, number> {
  if (cp1252Bytes) return cp1252Bytes;
  cp1252Bytes = new Map();
  const all = iconv.decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows1252');
  for (let b = 0; b < 256; b++) {
    const c = all.charCodeAt(b);
    cp1252Bytes.set(c === 0xfffd ? b : c, b);
    if (b >= 0x80 && b < 0xa0 && !cp1252Bytes.has(b)) cp1252Bytes.set(b, b);
  }
  return cp1252Bytes;
}

/**
 * The bytes a legacy program typed, when a workbook holds them as the characters Windows-1252 gives
 * them (Excel stored TCVN3 text so, and a `.VnTime` font drew it as Vietnamese); undefined when a
 * character is not one of those (the text is Unicode already) or the text is plain ASCII.
 */
function legacyBytes(text: string): Buffer | undefined {
  const map = windows1252();
  const bytes = Buffer.allocUnsafe(text.length);
  let high = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes[i] = c;
    else {
      const b = map.get(c);
      if (b === undefined) return undefined;
      bytes[i] = b;
      high = true;
    }
  }
  return high ? bytes : undefined;
}

/**
 * A workbook's text typed in a legacy code page, read as Vietnamese: `Tªn doanh nghiÖp` (TCVN3
 * bytes shown through Windows-1252) is `Tên doanh nghiệp`. A text that is Unicode already (a
 * character no Windows-1252 byte gives) or plain ASCII is returned as it is.
 *
 * @example
 * ```ts
 * legacyText('M· sè thuÕ', 'tcvn'); // 'Mã số thuế'
 * ```
 */
export function legacyText(text: string, encoding: LegacyEncoding): string {
  const bytes = legacyBytes(text);
  return bytes ? iconv.decode(bytes, encoding).normalize('NFC') : text;
}

/**
 * Detects legacy text in a workbook, as for a CSV file: from a sample of its texts (the header
 * rows), the code page whose reading scores best on {@link vietnameseScore}, when it scores above
 * the text as stored; undefined when the texts read best as they are.
 */
export function detectLegacyText(texts: readonly string[]): LegacyEncoding | undefined {
  const sample = texts.filter((t) => legacyBytes(t) !== undefined).join('\n');
  if (sample === '') return undefined;
  const asIs = vietnameseScore(sample);
  const scored = (['tcvn', 'windows1258'] as const).map((encoding) => ({ encoding, score: vietnameseScore(legacyText(sample, encoding)) }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  return best.score > 0 && best.score > asIs && best.score > scored[1]!.score ? best.encoding : undefined;
}
