/**
 * The large-enterprise DBI structure (6 pillars, 25 component indicators, 139 criteria), shared by
 * the 1970, 2158 and 1567 large-enterprise sets. Criterion wording and the level rule of these sets
 * are not published in any source read, so they are scored at pillar level (a caller enters each
 * pillar's points) and give no maturity level (reference dbi-2021.md §2B, dbi-2023.md §A.2, §B.2).
 */
import type { Assumption, DbiComponent, DbiFramework, DbiPillar } from '../schema.js';
import { LEVELS_1970, PILLARS_1970, namedComponent as nc } from './shared.js';

/**
 * Pillar maxima inferred from 5 points × criteria per pillar (25/24/29/22/22/17 criteria): pillars 1–2
 * match the published counts (25 and 24 criteria); the total 695 = 139 × 5.
 */
const LARGE_MAXIMA = { customer: 125, strategy: 120, technology: 145, operations: 110, culture: 110, data: 85 } as const;

/** The 25 groups of the 1567 large-enterprise index as encoded by an unofficial app (sub-criteria counts sum to 140). */
export const LARGE_COMPONENTS_1567: Record<keyof typeof LARGE_MAXIMA, DbiComponent[]> = /* @__PURE__ */ (() => ({
  customer: [
    nc('1.1', 'Góc nhìn của khách hàng đối với sản phẩm/dịch vụ', 'Customer view of products and services', 9),
    nc('1.2', 'Quản lý trải nghiệm khách hàng', 'Customer experience management', 8),
    nc('1.3', 'Thấu hiểu khách hàng', 'Customer insight', 3),
    nc('1.4', 'Niềm tin của khách hàng', 'Customer trust', 5),
  ],
  strategy: [
    nc('2.1', 'Quản lý marketing và thương hiệu', 'Marketing and brand management', 4),
    nc('2.2', 'Quản lý hệ sinh thái', 'Ecosystem management', 3),
    nc('2.3', 'Bảo trợ tài chính', 'Financial sponsorship', 3),
    nc('2.4', 'Hiểu biết về thị trường', 'Market understanding', 3),
    nc('2.5', 'Quản lý danh mục sản phẩm/dịch vụ số', 'Digital product and service portfolio management', 3),
    nc('2.6', 'Quản lý chiến lược', 'Strategy management', 8),
  ],
  technology: [
    nc('3.1', 'Quản trị công nghệ', 'Technology governance', 5),
    nc('3.2', 'Kiến trúc công nghệ và ứng dụng', 'Technology and application architecture', 7),
    nc('3.3', 'An toàn thông tin mạng', 'Cybersecurity', 4),
    nc('3.4', 'Ứng dụng và nền tảng', 'Applications and platforms', 4),
    nc('3.5', 'Kết nối và tính toán', 'Connectivity and computing', 9),
  ],
  operations: [
    nc('4.1', 'Quản trị vận hành', 'Operations governance', 4),
    nc('4.2', 'Thiết kế và đổi mới dịch vụ', 'Service design and innovation', 6),
    nc('4.3', 'Chuyển tiếp/Triển khai dịch vụ', 'Service transition and deployment', 4),
    nc('4.4', 'Vận hành dịch vụ', 'Service operation', 8),
  ],
  culture: [
    nc('5.1', 'Giá trị doanh nghiệp', 'Corporate values', 6),
    nc('5.2', 'Quản lý tài năng', 'Talent management', 8),
    nc('5.3', 'Hỗ trợ môi trường làm việc', 'Workplace enablement', 8),
  ],
  data: [
    nc('6.1', 'Quản trị dữ liệu', 'Data governance', 8),
    nc('6.2', 'Kỹ thuật dữ liệu', 'Data engineering', 7),
    nc('6.3', 'Hiện thực hóa giá trị từ dữ liệu', 'Realising value from data', 3),
  ],
}))();

export const LARGE_MAXIMA_ASSUMPTION: Assumption = {
  id: 'pillar-maxima',
  description: {
    vi: 'Điểm tối đa trụ cột 125/120/145/110/110/85 (tổng 695 = 139 tiêu chí × 5 điểm) là suy luận: số tiêu chí của trụ cột 1–2 (25, 24) được xác nhận, thang 0–5 và các trụ cột còn lại lấy từ một bản mã hóa không chính thức (ứng dụng trên GitHub) của bộ chỉ số doanh nghiệp lớn Quyết định 1567.',
    en: 'Pillar maxima 125/120/145/110/110/85 (695 = 139 criteria × 5) are inferred: the criterion counts of pillars 1–2 (25, 24) are confirmed; the 0–5 scale and the other pillars come from an unofficial encoding (an app on GitHub) of the large-enterprise index of Decision 1567.',
  },
  status: 'reconstructed',
  override: 'overrideDbiPillarMaxima(framework, { customer: …, … })',
};

export const NO_LARGE_LEVEL_RULE: DbiFramework['levelRule'] = {
  kind: 'none',
  reason: {
    vi: 'Ngưỡng xếp mức cho doanh nghiệp lớn chưa được công bố trong nguồn nào đã đọc; các nguồn không chính thức mâu thuẫn nhau (6 mức theo %, hoặc 5 mức bước 25%). Thư viện chỉ báo điểm và tỷ lệ %.',
    en: 'No source read publishes the large-enterprise level thresholds; unofficial sources conflict (6 levels by percentage, or 5 levels in 25% steps). The library reports points and percentages only.',
  },
};

/**
 * The 1970 level vocabulary (Mức 0–5) carried over to a later large-enterprise set: an assumption,
 * since no source gives that set's levels, and two secondary sources give five levels (Mức 1–5).
 */
export function levelsCarriedOverAssumption(decision: string): Assumption {
  return {
    id: 'levels-carried-over',
    description: {
      vi: `Các mức Mức 0–5 (tên và mô tả) là của Quyết định 1970, được giả định dùng tiếp cho bộ chỉ số doanh nghiệp lớn của Quyết định ${decision}: chưa nguồn nào công bố các mức của bộ này. Hai nguồn thứ cấp nêu phương án 5 mức (Mức 1 Khởi động … Mức 5 Dẫn dắt, bước 25%, Dẫn dắt chỉ ở 100%); một ứng dụng nêu 6 mức theo dải 10/25/50/75/90%. Không quy tắc nào được áp dụng mặc định.`,
      en: `Levels Mức 0–5 (names and descriptions) are those of Decision 1970, assumed to carry over to the large-enterprise index of Decision ${decision}: no source publishes this set's levels. Two secondary sources give a five-level alternative (Mức 1 Khởi động … Mức 5 Dẫn dắt in 25% steps, Dẫn dắt only at 100%); one app gives six levels by 10/25/50/75/90% bands. No rule is applied by default.`,
    },
    status: 'reconstructed',
    override: "withDbiLevelRule(framework, DBI_2025_CANDIDATE_LEVEL_RULES[i].rule), or defineFramework({ ...framework, id: '<its own id>', levels: […] })",
  };
}

/**
 * The names of the six pillars taken from Decision 1970 for a later set whose own pillar names no
 * official source gives: an assumption.
 */
export function pillarNamesAssumption(decision: string, vi: string, en: string): Assumption {
  return {
    id: 'pillar-names',
    description: {
      vi: `Tên 6 trụ cột lấy theo Quyết định 1970 cho bộ chỉ số doanh nghiệp lớn của Quyết định ${decision}: ${vi}`,
      en: `The six pillar names of Decision 1970 are used for the large-enterprise index of Decision ${decision}: ${en}`,
    },
    status: 'reconstructed',
    override: "defineFramework({ ...framework, id: '<its own id>', pillars: [ … names … ] })",
  };
}

/**
 * The six large-enterprise pillars, with or without the 1567 component list. `nameStatus` is
 * `confirmed` only for the 1970 sets, whose six pillars the sources name for all three indices.
 */
export function largePillars(withComponents: boolean, nameStatus: DbiPillar['nameStatus'] = 'confirmed'): DbiPillar[] {
  return (Object.keys(LARGE_MAXIMA) as (keyof typeof LARGE_MAXIMA)[]).map((id) => ({
    id,
    ...PILLARS_1970[id],
    name: { ...PILLARS_1970[id].name },
    max: LARGE_MAXIMA[id],
    maxStatus: 'reconstructed' as const,
    nameStatus,
    components: withComponents ? LARGE_COMPONENTS_1567[id].map((c) => ({ ...c, criteria: [] })) : [],
  }));
}

/**
 * The scoring structure the large-enterprise sets share: pillar-level input (2 decimals), 695
 * points in 6 pillars, 25 component indicators, 139 criteria, the 1970 level names.
 */
export function largeEnterpriseStructure(options: {
  withComponents: boolean;
  levelRule?: DbiFramework['levelRule'];
  enterpriseSize?: 'large' | 'group';
  nameStatus?: DbiPillar['nameStatus'];
}) {
  return {
    enterpriseSize: options.enterpriseSize ?? 'large',
    inputLevel: 'pillar',
    pillarInputDecimals: 2,
    totalMax: 695,
    componentCount: 25,
    criterionCount: 139,
    pillars: largePillars(options.withComponents, options.nameStatus),
    levels: LEVELS_1970,
    levelRule: options.levelRule ?? NO_LARGE_LEVEL_RULE,
  } satisfies Partial<DbiFramework>;
}
