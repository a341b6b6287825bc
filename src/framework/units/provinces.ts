/**
 * The 63 provincial units ranked in DTI 2020–2024 (administrative codes and socio-economic regions)
 * and the 34 units created on 1 July 2025 (Resolution 202/2025/QH15). Reference: provinces.md.
 */
import type { Localized } from '../../errors.js';

/** The six socio-economic regions. */
export const REGIONS = /* @__PURE__ */ Object.freeze({
  redRiverDelta: Object.freeze({ vi: 'Đồng bằng sông Hồng', en: 'Red River Delta' }),
  northernMidlandsAndMountains: Object.freeze({ vi: 'Trung du và miền núi phía Bắc', en: 'Northern Midlands and Mountains' }),
  northCentralAndCentralCoast: Object.freeze({ vi: 'Bắc Trung Bộ và duyên hải miền Trung', en: 'North Central and Central Coast' }),
  centralHighlands: Object.freeze({ vi: 'Tây Nguyên', en: 'Central Highlands' }),
  southeast: Object.freeze({ vi: 'Đông Nam Bộ', en: 'Southeast' }),
  mekongDelta: Object.freeze({ vi: 'Đồng bằng sông Cửu Long', en: 'Mekong River Delta' }),
}) satisfies Record<string, Localized>;

export type RegionId = keyof typeof REGIONS;

/** A provincial unit before the 2025 merger. */
export interface Province {
  /** Administrative code (General Statistics Office list). */
  readonly code: string;
  readonly name: string;
  readonly region: RegionId;
}

/** The 63 units of DTI 2020–2024, by administrative code. */
export const PROVINCES_63: readonly Province[] = /* @__PURE__ */ Object.freeze([
  Object.freeze({ code: '01', name: 'Hà Nội', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '02', name: 'Hà Giang', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '04', name: 'Cao Bằng', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '06', name: 'Bắc Kạn', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '08', name: 'Tuyên Quang', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '10', name: 'Lào Cai', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '11', name: 'Điện Biên', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '12', name: 'Lai Châu', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '14', name: 'Sơn La', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '15', name: 'Yên Bái', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '17', name: 'Hòa Bình', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '19', name: 'Thái Nguyên', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '20', name: 'Lạng Sơn', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '22', name: 'Quảng Ninh', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '24', name: 'Bắc Giang', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '25', name: 'Phú Thọ', region: 'northernMidlandsAndMountains' as const }),
  Object.freeze({ code: '26', name: 'Vĩnh Phúc', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '27', name: 'Bắc Ninh', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '30', name: 'Hải Dương', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '31', name: 'Hải Phòng', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '33', name: 'Hưng Yên', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '34', name: 'Thái Bình', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '35', name: 'Hà Nam', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '36', name: 'Nam Định', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '37', name: 'Ninh Bình', region: 'redRiverDelta' as const }),
  Object.freeze({ code: '38', name: 'Thanh Hóa', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '40', name: 'Nghệ An', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '42', name: 'Hà Tĩnh', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '44', name: 'Quảng Bình', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '45', name: 'Quảng Trị', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '46', name: 'Thừa Thiên Huế', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '48', name: 'Đà Nẵng', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '49', name: 'Quảng Nam', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '51', name: 'Quảng Ngãi', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '52', name: 'Bình Định', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '54', name: 'Phú Yên', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '56', name: 'Khánh Hòa', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '58', name: 'Ninh Thuận', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '60', name: 'Bình Thuận', region: 'northCentralAndCentralCoast' as const }),
  Object.freeze({ code: '62', name: 'Kon Tum', region: 'centralHighlands' as const }),
  Object.freeze({ code: '64', name: 'Gia Lai', region: 'centralHighlands' as const }),
  Object.freeze({ code: '66', name: 'Đắk Lắk', region: 'centralHighlands' as const }),
  Object.freeze({ code: '67', name: 'Đắk Nông', region: 'centralHighlands' as const }),
  Object.freeze({ code: '68', name: 'Lâm Đồng', region: 'centralHighlands' as const }),
  Object.freeze({ code: '70', name: 'Bình Phước', region: 'southeast' as const }),
  Object.freeze({ code: '72', name: 'Tây Ninh', region: 'southeast' as const }),
  Object.freeze({ code: '74', name: 'Bình Dương', region: 'southeast' as const }),
  Object.freeze({ code: '75', name: 'Đồng Nai', region: 'southeast' as const }),
  Object.freeze({ code: '77', name: 'Bà Rịa - Vũng Tàu', region: 'southeast' as const }),
  Object.freeze({ code: '79', name: 'Thành phố Hồ Chí Minh', region: 'southeast' as const }),
  Object.freeze({ code: '80', name: 'Long An', region: 'mekongDelta' as const }),
  Object.freeze({ code: '82', name: 'Tiền Giang', region: 'mekongDelta' as const }),
  Object.freeze({ code: '83', name: 'Bến Tre', region: 'mekongDelta' as const }),
  Object.freeze({ code: '84', name: 'Trà Vinh', region: 'mekongDelta' as const }),
  Object.freeze({ code: '86', name: 'Vĩnh Long', region: 'mekongDelta' as const }),
  Object.freeze({ code: '87', name: 'Đồng Tháp', region: 'mekongDelta' as const }),
  Object.freeze({ code: '89', name: 'An Giang', region: 'mekongDelta' as const }),
  Object.freeze({ code: '91', name: 'Kiên Giang', region: 'mekongDelta' as const }),
  Object.freeze({ code: '92', name: 'Cần Thơ', region: 'mekongDelta' as const }),
  Object.freeze({ code: '93', name: 'Hậu Giang', region: 'mekongDelta' as const }),
  Object.freeze({ code: '94', name: 'Sóc Trăng', region: 'mekongDelta' as const }),
  Object.freeze({ code: '95', name: 'Bạc Liêu', region: 'mekongDelta' as const }),
  Object.freeze({ code: '96', name: 'Cà Mau', region: 'mekongDelta' as const }),
]);

/** A unit after the 1 July 2025 merger, with the codes of the old units it joins. */
export interface MergedProvince {
  /** Code of the unit that kept its name (the first listed). */
  readonly code: string;
  readonly name: string;
  readonly from: readonly string[];
}

/** The 34 units from 1 July 2025: 11 unchanged, 23 merged (first old unit gives the new name). */
export const PROVINCES_34: readonly MergedProvince[] = /* @__PURE__ */ Object.freeze([
  Object.freeze({ code: '01', name: 'Hà Nội', from: Object.freeze(['01']) }),
  Object.freeze({ code: '46', name: 'Huế', from: Object.freeze(['46']) }),
  Object.freeze({ code: '12', name: 'Lai Châu', from: Object.freeze(['12']) }),
  Object.freeze({ code: '11', name: 'Điện Biên', from: Object.freeze(['11']) }),
  Object.freeze({ code: '14', name: 'Sơn La', from: Object.freeze(['14']) }),
  Object.freeze({ code: '20', name: 'Lạng Sơn', from: Object.freeze(['20']) }),
  Object.freeze({ code: '22', name: 'Quảng Ninh', from: Object.freeze(['22']) }),
  Object.freeze({ code: '38', name: 'Thanh Hóa', from: Object.freeze(['38']) }),
  Object.freeze({ code: '40', name: 'Nghệ An', from: Object.freeze(['40']) }),
  Object.freeze({ code: '42', name: 'Hà Tĩnh', from: Object.freeze(['42']) }),
  Object.freeze({ code: '04', name: 'Cao Bằng', from: Object.freeze(['04']) }),
  Object.freeze({ code: '08', name: 'Tuyên Quang', from: Object.freeze(['08', '02']) }),
  Object.freeze({ code: '10', name: 'Lào Cai', from: Object.freeze(['10', '15']) }),
  Object.freeze({ code: '19', name: 'Thái Nguyên', from: Object.freeze(['19', '06']) }),
  Object.freeze({ code: '25', name: 'Phú Thọ', from: Object.freeze(['25', '26', '17']) }),
  Object.freeze({ code: '27', name: 'Bắc Ninh', from: Object.freeze(['27', '24']) }),
  Object.freeze({ code: '33', name: 'Hưng Yên', from: Object.freeze(['33', '34']) }),
  Object.freeze({ code: '31', name: 'Hải Phòng', from: Object.freeze(['31', '30']) }),
  Object.freeze({ code: '37', name: 'Ninh Bình', from: Object.freeze(['37', '35', '36']) }),
  Object.freeze({ code: '45', name: 'Quảng Trị', from: Object.freeze(['45', '44']) }),
  Object.freeze({ code: '48', name: 'Đà Nẵng', from: Object.freeze(['48', '49']) }),
  Object.freeze({ code: '51', name: 'Quảng Ngãi', from: Object.freeze(['51', '62']) }),
  Object.freeze({ code: '64', name: 'Gia Lai', from: Object.freeze(['64', '52']) }),
  Object.freeze({ code: '56', name: 'Khánh Hòa', from: Object.freeze(['56', '58']) }),
  Object.freeze({ code: '68', name: 'Lâm Đồng', from: Object.freeze(['68', '67', '60']) }),
  Object.freeze({ code: '66', name: 'Đắk Lắk', from: Object.freeze(['66', '54']) }),
  Object.freeze({ code: '79', name: 'Thành phố Hồ Chí Minh', from: Object.freeze(['79', '74', '77']) }),
  Object.freeze({ code: '75', name: 'Đồng Nai', from: Object.freeze(['75', '70']) }),
  Object.freeze({ code: '72', name: 'Tây Ninh', from: Object.freeze(['72', '80']) }),
  Object.freeze({ code: '92', name: 'Cần Thơ', from: Object.freeze(['92', '94', '93']) }),
  Object.freeze({ code: '86', name: 'Vĩnh Long', from: Object.freeze(['86', '83', '84']) }),
  Object.freeze({ code: '87', name: 'Đồng Tháp', from: Object.freeze(['87', '82']) }),
  Object.freeze({ code: '96', name: 'Cà Mau', from: Object.freeze(['96', '95']) }),
  Object.freeze({ code: '89', name: 'An Giang', from: Object.freeze(['89', '91']) }),
]);

/**
 * The 2025 merger as a mapping for `mergeUnits`: new unit code → old unit codes.
 *
 * @example
 * ```ts
 * MERGER_2025['48']; // ['48', '49']  (Đà Nẵng ← Đà Nẵng, Quảng Nam)
 * ```
 */
export const MERGER_2025: Readonly<Record<string, readonly string[]>> = /* @__PURE__ */ (() =>
  Object.freeze(Object.fromEntries(PROVINCES_34.map((p) => [p.code, p.from]))))();

// Vietnamese tone marks (in NFD): grave, acute, hook above, tilde, dot below. The other marks
// (circumflex, breve, horn) are part of the letter and are kept.
const TONE_MARKS = /[\u0300\u0301\u0309\u0303\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/**
 * A spelling-insensitive key: case, Unicode form (NFC/NFD), spacing, dashes and the old/new tone
 * placement ("Hoà"/"Hòa", "Thuỵ"/"Thụy") do not matter. Each syllable keeps its tone, wherever the
 * mark sits.
 */
function spellingKey(name: string): string {
  const words = name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[-‐‑‒–—―]/g, ' ')
    .replace(/[.,()]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  // "Tỉnh", "Thành phố", "TP" name the unit's kind, not the unit.
  const prefixes = [['tỉnh'], ['thành', 'phố'], ['tp']].map((p) => p.map((w) => w.normalize('NFD')));
  for (const prefix of prefixes) {
    if (words.length > prefix.length && prefix.every((w, i) => words[i] === w)) words.splice(0, prefix.length);
  }
  return words
    .map((w) => {
      const tones = w.match(TONE_MARKS) ?? [];
      return `${w.replace(TONE_MARKS, '')}${tones.join('')}`;
    })
    .join(' ')
    .normalize('NFC');
}

/** The same key without any diacritic (đ → d): used only when it points to a single unit. */
function bareKey(name: string): string {
  const bare = spellingKey(name).normalize('NFD').replace(ALL_MARKS, '').replace(/đ/g, 'd');
  const prefix = /^(tinh|thanh pho|tp) (?=\S)/.exec(bare);
  return prefix ? bare.slice(prefix[0].length) : bare;
}

/**
 * Other names a unit goes by in the sources (reference provinces.md, dti-province.md): Huế since
 * 2025, and the abbreviations of Thành phố Hồ Chí Minh.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  '46': ['Huế'],
  '79': ['HCM', 'TP HCM', 'TPHCM', 'Hồ Chí Minh'],
};

/**
 * The name lookups, built on the first `findProvince` call rather than at import: normalising the
 * 63 names (and their aliases) costs a few milliseconds that an app importing the library for
 * anything else should not pay (import time, issue #12).
 */
let lookups: { byKey: ReadonlyMap<string, string>; byBareKey: ReadonlyMap<string, string | null> } | undefined;

function nameLookups(): NonNullable<typeof lookups> {
  if (lookups) return lookups;
  const byKey = new Map<string, string>();
  const byBareKey = new Map<string, string | null>();
  for (const p of PROVINCES_63) {
    for (const n of [p.name, ...(ALIASES[p.code] ?? [])]) {
      byKey.set(spellingKey(n), p.code);
      const k = bareKey(n);
      // null marks a key two units share: it never answers.
      byBareKey.set(k, byBareKey.has(k) && byBareKey.get(k) !== p.code ? null : p.code);
    }
  }
  lookups = { byKey, byBareKey };
  return lookups;
}

/**
 * Looks a pre-merger unit up by administrative code or by name.
 *
 * A code may lose its leading zero ("1" is "01", as spreadsheets often write it). A name matches
 * whatever its case, Unicode form (NFC or NFD), spacing and dashes ("Bà Rịa–Vũng Tàu"), tone
 * placement ("Hoà Bình" or "Hòa Bình", "Thanh Hoá"), a leading "Tỉnh", "Thành phố" or "TP", and the
 * names the sources also use ("Huế" and "Thừa Thiên - Huế" for Thừa Thiên Huế; "TP HCM" for Thành
 * phố Hồ Chí Minh). A name written without diacritics ("Da Nang") matches only when a single unit
 * has it. An unknown or ambiguous name gives `undefined`, never a guess.
 *
 * @example
 * ```ts
 * findProvince('66')?.name; // 'Đắk Lắk'
 * findProvince('Đắk Lắk')?.region; // 'centralHighlands'
 * findProvince('Hoà Bình')?.code; // '17' (old tone placement of "Hòa Bình")
 * findProvince('Huế')?.name; // 'Thừa Thiên Huế'
 * findProvince('TP. Hồ Chí Minh')?.code; // '79'
 * findProvince('Hà Tây'); // undefined (merged into Hà Nội in 2008; not a DTI unit)
 * ```
 */
export function findProvince(codeOrName: string): Province | undefined {
  if (typeof codeOrName !== 'string') return undefined;
  const trimmed = codeOrName.trim();
  const code = /^\d{1,2}$/.test(trimmed) ? trimmed.padStart(2, '0') : undefined;
  const byCode = code === undefined ? undefined : PROVINCES_63.find((p) => p.code === code);
  if (byCode) return byCode;
  if (trimmed.length === 0) return undefined;
  const { byKey, byBareKey } = nameLookups();
  const found = byKey.get(spellingKey(trimmed)) ?? byBareKey.get(bareKey(trimmed)) ?? undefined;
  return found === undefined ? undefined : PROVINCES_63.find((p) => p.code === found);
}
