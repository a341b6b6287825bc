/**
 * Text as a key: two spellings a reader cannot tell apart are one key. Offices' files hold the same
 * district as NFC ("Krông Pắc" as Word types it) and as NFD (as macOS or a web form sends it), with a
 * doubled or a non-breaking space, or a zero-width character pasted from a web page; on screen the
 * three are one name, and a summary must not make three groups of them.
 */

// characters a reader does not see: zero-width space, non-joiner, joiner, word joiner, soft hyphen, BOM
const INVISIBLE = /[\u200b-\u200d\u2060\u00ad\ufeff]/g;
// any run of white space (\s covers the no-break, figure, narrow no-break and ideographic spaces)
const SPACES = /\s+/g;
// a space other than one ordinary space between words, or an invisible character
const ODD_SPACING = /[^\S ]| {2}|^ | $|[\u200b-\u200d\u2060\u00ad\ufeff]/;

/**
 * The canonical form of a text key: Unicode NFC, invisible characters removed, every run of white
 * space (non-breaking spaces included) one ordinary space, no space at either end. Case and
 * diacritics are kept: they are visible, and "Hòa" is not "Hoa".
 *
 * @example
 * ```ts
 * canonicalText('Kro\u0302ng Pa\u0306\u0301c\u00a0 '); // 'Krông Pắc'
 * ```
 *
 * @internal
 */
export function canonicalText(text: string): string {
  // the common case, plain printable ASCII with single inner spaces, is returned as it is
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c < 0x20 || (c === 0x20 && (i === 0 || i === text.length - 1 || text.charCodeAt(i - 1) === 0x20))) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  // text with letters beyond ASCII but single ordinary spaces needs only NFC (the same string when it is)
  if (!ODD_SPACING.test(text)) return text.normalize('NFC');
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim().normalize('NFC');
}
