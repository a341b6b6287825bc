/** Names shared by every provincial DTI version (the three pillars and the 922 main indicators). */
import type { DtiMainIndicator, DtiPillar } from '../schema.js';

export const GOVERNMENT = { vi: 'Chính quyền số', en: 'Digital government' } as const;
export const ECONOMY = { vi: 'Kinh tế số', en: 'Digital economy' } as const;
export const SOCIETY = { vi: 'Xã hội số', en: 'Digital society' } as const;

export function dtiPillars(maxGovernment: number, maxEconomy: number, maxSociety: number): DtiPillar[] {
  return [
    { id: 'government', code: 'CQS', name: { ...GOVERNMENT }, max: maxGovernment },
    { id: 'economy', code: 'KTS', name: { ...ECONOMY }, max: maxEconomy },
    { id: 'society', code: 'XHS', name: { ...SOCIETY }, max: maxSociety },
  ];
}

const ALL_PILLARS: DtiMainIndicator['pillars'] = ['government', 'economy', 'society'];

/**
 * The eight scored main indicators of Decision 922 (and, by inference, 405), with the maxima of
 * Bảng I.1 of 922. `withSmartCity` adds the unscored Đô thị thông minh indicator in its table place.
 */
export function mainIndicators922(options: {
  withSmartCity: boolean;
  maxStatus: DtiMainIndicator['maxStatus'];
  componentCounts: boolean;
}): DtiMainIndicator[] {
  const c = (n: number) => (options.componentCounts ? n : null);
  const foundation = (id: string, code: string, vi: string, en: string, components: number): DtiMainIndicator => ({
    id, code, name: { vi, en }, group: 'foundation', max: 100, maxStatus: options.maxStatus,
    componentCount: c(components), pillars: [...ALL_PILLARS],
  });
  const list: DtiMainIndicator[] = [
    foundation('awareness', '1', 'Nhận thức số', 'Digital awareness', 10),
    foundation('institutions', '2', 'Thể chế số', 'Digital institutions', 11),
    foundation('infrastructure', '3', 'Hạ tầng số', 'Digital infrastructure', 7),
    foundation('humanResources', '4', 'Nhân lực số', 'Digital human resources', 13),
    foundation('cybersecurity', '5', 'An toàn thông tin mạng', 'Cybersecurity', 12),
  ];
  if (options.withSmartCity) {
    list.push({
      id: 'smartCity', code: '6', name: { vi: 'Đô thị thông minh', en: 'Smart city' }, group: 'unscored',
      max: 0, maxStatus: 'confirmed', componentCount: c(3), pillars: [],
    });
  }
  const offset = options.withSmartCity ? 0 : -1;
  list.push(
    {
      id: 'digitalGovernment', code: String(7 + offset), name: { vi: 'Hoạt động chính quyền số', en: 'Digital government activity' },
      group: 'activity', max: 200, maxStatus: options.maxStatus, componentCount: c(22), pillars: ['government'],
    },
    {
      id: 'digitalEconomy', code: String(8 + offset), name: { vi: 'Hoạt động kinh tế số', en: 'Digital economy activity' },
      group: 'activity', max: 150, maxStatus: options.maxStatus, componentCount: c(12), pillars: ['economy'],
    },
    {
      id: 'digitalSociety', code: String(9 + offset), name: { vi: 'Hoạt động xã hội số', en: 'Digital society activity' },
      group: 'activity', max: 150, maxStatus: options.maxStatus, componentCount: c(8), pillars: ['society'],
    },
  );
  return list;
}

export const MIC = { vi: 'Bộ Thông tin và Truyền thông', en: 'Ministry of Information and Communications' } as const;
export const MOST = { vi: 'Bộ Khoa học và Công nghệ', en: 'Ministry of Science and Technology' } as const;
