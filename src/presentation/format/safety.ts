/**
 * Making untrusted text safe for where it is written. Names, districts and notes come from officers'
 * spreadsheets: a cell that starts with `=` becomes a formula when the output is opened in Excel
 * (OWASP "CSV injection"), raw HTML runs in a Markdown viewer, and escape sequences repaint a
 * terminal. Each writer passes its text through the one function for its medium.
 */

/**
 * The characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP), and
 * their full-width forms (＝ ＋ － ＠), which Excel under an East Asian input method takes for them.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
/** One formula sign alone: nothing a spreadsheet can evaluate (see {@link spreadsheetText}). */
const LONE_SIGN = /^[=+\-@\uff1d\uff0b\uff0d\uff20]$/;

/**
 * Neutralises a text cell for a spreadsheet (CSV or XLSX): a text that begins with `=`, `+`, `-`,
 * `@` (or their full-width forms `＝`, `＋`, `－`, `＠`), a tab or a carriage return gets a leading `'`, so that the spreadsheet shows it as text and
 * never evaluates it. Numbers are not text: write them as numbers and do not pass them here.
 *
 * A cell that is one of those signs alone (`=`, `+`, `-`, `@`: a rank change "=" meaning "no
 * change", a "-" for "none") is written as it is: it holds no function, reference or link, so
 * there is nothing to evaluate (LibreOffice opens each as that text; the test suite checks it by
 * converting such a CSV with LibreOffice headless), and a `'` would show to the reader, since
 * LibreOffice keeps the apostrophe of a CSV cell as text.
 *
 * @example
 * ```ts
 * spreadsheetText('=HYPERLINK("http://x","y")'); // `'=HYPERLINK("http://x","y")`
 * spreadsheetText('Buôn Hồ'); // 'Buôn Hồ'
 * spreadsheetText('='); // '='
 * ```
 */
// Controls other than tab, line feed and carriage return (an ESC recolours the terminal the CSV is
// printed to; XML 1.0, hence an .xlsx sheet, cannot hold them at all) and bidirectional overrides
// (U+202E shows a cell backwards): dropped before the formula check, so that '\u202E=1+1' is caught.
// A byte order mark (U+FEFF) too: at the start of a file Excel takes it for the encoding's mark and reads what follows.
const SPREADSHEET_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g;

export function spreadsheetText(text: string): string {
  const cell = spreadsheetCell(text);
  return cell.formulaLike ? `'${cell.text}` : cell.text;
}

/**
 * The text of a spreadsheet cell without its controls, and whether it would be read as a formula.
 * A CSV can only neutralise such a text with a leading `'` (which LibreOffice then shows); an .xlsx
 * writes it as a text cell with the quote-prefix style, as Excel does for a text typed after `'`:
 * the reader sees the text as written, and editing the cell keeps it text.
 *
 * @example
 * ```ts
 * spreadsheetCell('=1+1'); // { text: '=1+1', formulaLike: true }
 * spreadsheetCell('Buôn Hồ'); // { text: 'Buôn Hồ', formulaLike: false }
 * ```
 */
export function spreadsheetCell(text: string): { readonly text: string; readonly formulaLike: boolean } {
  const clean = text.replace(SPREADSHEET_UNSAFE, '');
  return { text: clean, formulaLike: FORMULA_START.test(clean) && !LONE_SIGN.test(clean) };
}

// ESC-introduced sequences: CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and any other ESC + one character.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[\s\S]?/g;
// C1 controls also include the 8-bit CSI (U+009B), so they are removed with what follows like ESC [.
const C1_CSI = /\u009b[0-?]*[ -/]*[@-~]/g;
// C0 controls, DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional embedding, override and isolate characters and the directional marks. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * Text for a terminal: escape sequences, control characters (C0, DEL, C1) and bidirectional
 * override characters are removed, so that a cell can neither repaint the screen nor reorder what
 * is shown (`\u202Egnp.exe` displaying as `exe.png`). Tabs and line breaks become spaces: a table
 * cell stays on its line.
 *
 * @example
 * ```ts
 * terminalText('\u001b[31mred\u001b[0m'); // 'red'
 * terminalText('\u202Egnp.exe'); // 'gnp.exe'
 * ```
 */
export function terminalText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C1_CSI, '')
    .replace(/[\t\r\n\u2028\u2029]+/g, ' ')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/\ufeff/g, '');
}

/**
 * Multi-line terminal text (a heading above a table): {@link terminalText} on each line.
 *
 * @example
 * ```ts
 * terminalLines('a\n\u001b[2Jb'); // 'a\nb'
 * ```
 */
export function terminalLines(text: string): string {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).map(terminalText).join('\n');
}

/**
 * Text for a Markdown table cell: control and bidirectional characters removed, HTML and Markdown
 * syntax escaped (`<script>` is shown, not run; `|` does not split the cell; `[x](javascript:…)`
 * is not a link, its brackets being escaped), and line breaks written as `<br>` so that a cell cannot end the table row.
 *
 * @example
 * ```ts
 * markdownText('<script>alert(1)</script>'); // '&lt;script&gt;alert(1)&lt;/script&gt;'
 * markdownText('a|b\nc'); // 'a\\|b<br>c'
 * ```
 */
export function markdownText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C1_CSI, '')
    .replace(/\t/g, ' ')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) =>
      line
        .replace(CONTROL, '')
        .replace(BIDI, '')
        .replace(/\ufeff/g, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`),
    )
    .join('<br>');
}

/** Cuts a text to at most `max` UTF-16 units, never inside a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && text.charCodeAt(max - 1) >= 0xd800 && text.charCodeAt(max - 1) <= 0xdbff ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * A value from a file (a header, a cell, a sheet name) as a message quotes it: neutralised like a
 * terminal cell ({@link terminalText}) and at most `max` characters, with `…` where it was cut, so
 * that a 50 MB header is never echoed whole.
 *
 * @example
 * ```ts
 * quoted('\u001b]0;pwned\u0007Mã tỉnh'); // 'Mã tỉnh'
 * quoted('x'.repeat(100), 10); // 'xxxxxxxxx…'
 * ```
 */
export function quoted(text: string, max = 60): string {
  // neutralise a bounded prefix only (a few characters more than kept, for what the neutraliser drops)
  const clean = terminalText(cut(text, max * 4 + 64));
  return clean.length > max || text.length > max * 4 + 64 ? `${cut(clean, max - 1)}…` : clean;
}

/**
 * One line of a message for the terminal: {@link terminalText}, and at most `max` characters (a
 * notice listing a file's columns, an error quoting what a file holds), with the count of what was
 * left out.
 *
 * @example
 * ```ts
 * terminalLine('vndi: \u001b[2Jdone'); // 'vndi: done'
 * ```
 */
export function terminalLine(text: string, max = 2000): string {
  if (text.length <= max) return terminalText(text);
  const clean = terminalText(cut(text, max));
  return `${cut(clean, max)}… (+${(text.length - max).toLocaleString('en')})`;
}

/**
 * A message of one or more lines for the terminal (stderr): each line as {@link terminalLine}.
 *
 * @example
 * ```ts
 * terminalMessage('a\u001b[2J\nb\n'); // 'a\nb\n'
 * ```
 */
export function terminalMessage(text: string, max = 2000): string {
  return text.split(/\r\n|\r|\n|\u2028|\u2029/).map((l) => terminalLine(l, max)).join('\n');
}
