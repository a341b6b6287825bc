/** Facts shared by the DBI versions: the 1970 pillars, the level names, the answer scales. */
import type { DbiComponent, DbiCriterion, DbiLevel, DbiScale } from '../schema.js';

export const MIC = { vi: 'Bộ Thông tin và Truyền thông', en: 'Ministry of Information and Communications' } as const;
export const MOST = { vi: 'Bộ Khoa học và Công nghệ', en: 'Ministry of Science and Technology' } as const;

/** Decision 1970/QĐ-BTTTT, the legal basis of the three 2021 indices. */
export const LEGAL_BASIS_1970 = {
  decision: '1970/QĐ-BTTTT',
  date: '2021-12-13',
  issuer: MIC,
  signedBy: 'Nguyễn Mạnh Hùng',
} as const;

/** 0–5 points per criterion (Không = 0, then five ascending answers). */
export const SCALE_0_5: DbiScale = { kind: 'steps', values: [0, 1, 2, 3, 4, 5] };
/** The single strategy criterion of the SME set: 0–25 in steps of 5. */
export const SCALE_0_25_BY_5: DbiScale = { kind: 'steps', values: [0, 5, 10, 15, 20, 25] };

/** The six pillars of Decision 1970, shared by its three indices. */
export const PILLARS_1970 = {
  customer: { code: '1', name: { vi: 'Trải nghiệm số cho khách hàng', en: 'Digital customer experience' } },
  strategy: { code: '2', name: { vi: 'Chiến lược', en: 'Strategy' } },
  technology: { code: '3', name: { vi: 'Hạ tầng và công nghệ số', en: 'Digital infrastructure and technology' } },
  operations: { code: '4', name: { vi: 'Vận hành', en: 'Operations' } },
  culture: { code: '5', name: { vi: 'Chuyển đổi số văn hóa doanh nghiệp', en: 'Digital transformation of corporate culture' } },
  data: { code: '6', name: { vi: 'Dữ liệu và tài sản thông tin', en: 'Data and information assets' } },
} as const;

/**
 * What the level texts below rest on. The names Mức 0–5 come from secondary sources (vendor and news
 * articles citing Decision 1970, and re-encodings), not from the decision's text. The Vietnamese
 * descriptions are back-translations of the reference's condensed English, except Mức 0 and the
 * phrases in quotation marks, which the secondary sources quote.
 */
export const LEVEL_TEXTS_1970_NOTE = {
  vi: 'Tên Mức 0–5 lấy từ nguồn thứ cấp (bài viết, trang của nhà cung cấp trích Quyết định 1970 và các bản mã hóa lại), không phải nguyên văn quyết định. Mô tả mức bằng tiếng Việt là bản dịch ngược từ phần tóm tắt tiếng Anh của tài liệu tham chiếu, không phải nguyên văn; riêng mô tả Mức 0 và các cụm trong ngoặc kép là lời trích của các nguồn thứ cấp.',
  en: 'The names Mức 0–5 come from secondary sources (articles and vendor pages citing Decision 1970, and re-encodings), not from the decision’s text. The Vietnamese level descriptions are back-translations of the reference’s condensed English, not quotations; only the Mức 0 description and the phrases in quotation marks are quoted from the secondary sources.',
} as const;

/** Mức 0–5 of Decision 1970 (names secondary; descriptions back-translated: see {@link LEVEL_TEXTS_1970_NOTE}). */
export const LEVELS_1970: DbiLevel[] = [
  {
    level: 0, name: { vi: 'Chưa chuyển đổi số', en: 'Not yet transformed' },
    description: {
      vi: 'Doanh nghiệp chưa có hoạt động nào, hoặc có nhưng không đáng kể các hoạt động chuyển đổi số.',
      en: 'The enterprise has no, or no significant, digital-transformation activity.',
    },
  },
  {
    level: 1, name: { vi: 'Khởi động', en: 'Starting' },
    description: {
      vi: 'Doanh nghiệp đã bắt đầu một số hoạt động (nhỏ) trong quá trình chuyển đổi số.',
      en: 'The enterprise has started some (small) activities in the transformation.',
    },
  },
  {
    level: 2, name: { vi: 'Bắt đầu', en: 'Beginning' },
    description: {
      vi: 'Nhận thức được tầm quan trọng của chuyển đổi số; các hoạt động bắt đầu đem lại lợi ích cho vận hành và trải nghiệm khách hàng.',
      en: 'Recognises the importance of digital transformation; activities start to benefit operations and customer experience.',
    },
  },
  {
    level: 3, name: { vi: 'Hình thành', en: 'Forming' },
    description: {
      vi: 'Chuyển đổi số cơ bản hình thành ở các trụ cột và bộ phận, đem lại lợi ích thiết thực; "bắt đầu hình thành doanh nghiệp số".',
      en: 'Transformation is basically formed across pillars and departments with practical benefits; a digital enterprise begins to form.',
    },
  },
  {
    level: 4, name: { vi: 'Nâng cao', en: 'Advanced' },
    description: {
      vi: 'Nền tảng, công nghệ và dữ liệu số tối ưu sản xuất, kinh doanh và trải nghiệm khách hàng; doanh nghiệp "đã trở thành doanh nghiệp số với mô thức chính dựa trên nền tảng, dữ liệu số".',
      en: 'Platforms, technology and data optimise production, business and customer experience; the enterprise has become a digital enterprise run on platforms and data.',
    },
  },
  {
    level: 5, name: { vi: 'Dẫn dắt', en: 'Leading' },
    description: {
      vi: '"Tiệm cận hoàn thiện": doanh nghiệp số thực thụ, mô hình kinh doanh chủ yếu dựa trên nền tảng và dữ liệu số; có khả năng dẫn dắt, "tạo lập hệ sinh thái doanh nghiệp số vệ tinh".',
      en: 'Near complete: a true digital enterprise whose business runs mostly on platforms and data; able to lead and build a satellite ecosystem.',
    },
  },
];

/** A criterion row: id, Vietnamese name, English label, and its scale (0–5 unless given). */
export function criterion(id: string, vi: string, en: string, scale: DbiScale = SCALE_0_5): DbiCriterion {
  return { id, name: { vi, en }, scale: scale.kind === 'steps' ? { kind: 'steps', values: [...scale.values] } : { ...scale } };
}

/** A component indicator (chỉ số thành phần) whose criteria are known. */
export function component(id: string, vi: string, en: string, max: number, criteria: DbiCriterion[]): DbiComponent {
  return { id, name: { vi, en }, max, criterionCount: criteria.length, criteria };
}

/** A component indicator known only by name and criterion count (criteria not published). */
export function namedComponent(id: string, vi: string, en: string, criterionCount: number | null): DbiComponent {
  return { id, name: { vi, en }, max: null, criterionCount, criteria: [] };
}
