import { describe, expect, it } from 'vitest';
import { findProvince, PROVINCES_63 } from '../../src/index.js';

const strip = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

describe('findProvince', () => {
  it('finds every unit by its code, its name, its NFD form, upper case and extra spaces', () => {
    for (const p of PROVINCES_63) {
      expect(findProvince(p.code)).toBe(p);
      expect(findProvince(p.name)).toBe(p);
      expect(findProvince(p.name.normalize('NFD'))).toBe(p);
      expect(findProvince(p.name.toUpperCase())).toBe(p);
      expect(findProvince(`  ${p.name.replace(/ /g, '   ')} `)).toBe(p);
    }
  });

  it('matches the old and new tone placement and the other spellings the sources use', () => {
    expect(findProvince('Hoà Bình')?.code).toBe('17');
    expect(findProvince('Hòa Bình')?.code).toBe('17');
    expect(findProvince('Thanh Hoá')?.code).toBe('38');
    expect(findProvince('Khánh Hoà')?.code).toBe('56');
    expect(findProvince('Hoà Bình'.normalize('NFD'))?.code).toBe('17');
    expect(findProvince('Huế')?.code).toBe('46');
    expect(findProvince('Thừa Thiên–Huế')?.code).toBe('46');
    expect(findProvince('Thừa Thiên - Huế')?.code).toBe('46');
    expect(findProvince('Bà Rịa–Vũng Tàu')?.code).toBe('77');
    expect(findProvince('TP HCM')?.code).toBe('79');
    expect(findProvince('TP. Hồ Chí Minh')?.code).toBe('79');
    expect(findProvince('Tỉnh Đắk Lắk')?.code).toBe('66');
    expect(findProvince('Thành phố Đà Nẵng')?.code).toBe('48');
    expect(findProvince('1')?.name).toBe('Hà Nội');
  });

  it('matches a name without diacritics only when a single unit has it', () => {
    expect(findProvince('Da Nang')?.code).toBe('48');
    expect(findProvince('dak lak')?.code).toBe('66');
    // no two of the 63 units share a bare name, so every bare name finds its own unit and no other
    for (const p of PROVINCES_63) expect(findProvince(strip(p.name))).toBe(p);
  });

  it('gives undefined, never a wrong unit, for unknown or partial names', () => {
    for (const name of ['Hà Tây', 'Quảng', 'Quang', 'Bắc', 'Nam', 'Sông Bé', 'Tỉnh', 'Thành phố', '', '   ', '100', '00', 'Hà Nội Hà Nội']) {
      expect(findProvince(name), name).toBeUndefined();
    }
    expect(findProvince(undefined as unknown as string)).toBeUndefined();
  });
});
