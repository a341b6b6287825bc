import { dtiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DtiFramework, DtiMainIndicator } from '../schema.js';
import { MIC, dtiPillars } from './shared.js';

type PillarId = DtiMainIndicator['pillars'][number];

/** The seven main-indicator names that recur in every 1726 pillar (reference dti-province.md §1.1). */
const SEVEN = [
  ['Awareness', 'Chuyển đổi nhận thức', 'Awareness transformation'],
  ['Institutions', 'Kiến tạo thể chế', 'Institution building'],
  ['Infrastructure', 'Phát triển hạ tầng và nền tảng số', 'Digital infrastructure and platforms'],
  ['Data', 'Thông tin và dữ liệu số', 'Digital information and data'],
  ['Activity', 'Hoạt động chuyển đổi số', 'Digital transformation activity'],
  ['Cybersecurity', 'An toàn, an ninh mạng', 'Cybersecurity'],
  ['HumanResources', 'Đào tạo và phát triển nhân lực', 'Training and human-resource development'],
] as const;

/** Component counts published per main indicator (HCMC pages); the others were not found. */
const KNOWN_COMPONENTS: Record<string, number> = {
  governmentAwareness: 4, governmentInstitutions: 4, governmentInfrastructure: 10,
  societyAwareness: 4, societyInstitutions: 4, societyInfrastructure: 3, societyData: 3,
};

/**
 * One pillar's own seven main indicators: 21 in all, not 7 shared by the three pillars. Each is
 * scored within its pillar (the pillar points are their sum); only its maximum is not published, so
 * it is `ungrouped` with `max: null`, never "unscored".
 */
function pillarMainIndicators(pillar: PillarId, code: string): DtiMainIndicator[] {
  return SEVEN.map(([suffix, vi, en], i) => {
    const id = `${pillar}${suffix}`;
    // In the government pillar the activity indicator is named "Hoạt động Chính quyền số".
    const name = pillar === 'government' && suffix === 'Activity'
      ? { vi: 'Hoạt động chính quyền số', en: 'Digital government activity' }
      : { vi, en };
    return {
      id, code: `${code}.${i + 1}`, name, group: 'ungrouped' as const, max: null, maxStatus: 'not-found' as const,
      componentCount: KNOWN_COMPONENTS[id] ?? null, pillars: [pillar],
    };
  });
}

/**
 * Provincial DTI of Decision 1726/QĐ-BTTTT (12/10/2020), used for DTI 2020.
 *
 * Three pillars scored separately (400 / 300 / 300 points). Each pillar has its own seven main
 * indicators (45 / 36 / 27 components and 133 / 101 / 72 criteria; the same seven names recur in
 * each pillar, but they are 21 indicators, not 7 shared ones);
 * DTI = total points / 1000 = 0.4·CQS + 0.3·KTS + 0.3·XHS. The points of each main indicator are not
 * published, so the inputs are the three pillar values (as the 2020 results were published).
 */
export const dtiProvince2020: DtiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DtiFramework>({
    kind: 'dti',
    id: 'dti-province-2020',
    title: {
      vi: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh theo Quyết định 1726/QĐ-BTTTT',
      en: 'Provincial Digital Index (DTI) under Decision 1726/QĐ-BTTTT',
    },
    shortTitle: { vi: 'DTI cấp tỉnh 2020', en: 'Provincial DTI 2020' },
    legalBasis: { decision: '1726/QĐ-BTTTT', date: '2020-10-12', issuer: { ...MIC } },
    // which years: the decisions table, the one place that says which decision applies when
    years: dtiFrameworkYears('dti-province-2020'),
    status: 'official',
    sources: [
      { id: 'tvpl-1726', title: 'Decision 1726/QĐ-BTTTT', url: 'https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Decision-1726-QD-BTTTT-2020-scheme-for-creation-of-digital-transformation-indexes-applicable-to-ministries-457069.aspx' },
      { id: 'vndx', title: '3 pillars × 7 main indicators', url: 'https://vndx.gov.vn/bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-bo-co-quan-ngang-bo-co-quan-thuoc-chinh-phu-cac-tinh-thanh-pho-truc-thuoc-trung-uong-va-cua-quoc-gia' },
      { id: 'hcmc-cqs', title: 'Chính quyền số pillar: 7 main indicators, 45 components, 133 criteria', url: 'https://chuyendoiso.hochiminhcity.gov.vn/-/cac-tieu-chi-anh-gia-chinh-quyen-so' },
      { id: 'hcmc-xhs', title: 'Xã hội số pillar: 7 main indicators, 27 components, 72 criteria', url: 'https://chuyendoiso.hochiminhcity.gov.vn/-/cac-tieu-chi-anh-gia-xa-hoi-so' },
      { id: 'phapluatmoitruong', title: 'Pillar points 400 / 300 / 300, 306 criteria', url: 'https://phapluatmoitruong.vn/buc-tranh-tong-the-ve-chuyen-doi-so-o-viet-nam-nam-2020/' },
      { id: 'dangcongsan-bacninh', title: 'Bắc Ninh 2020 pillar values (formula check)', url: 'https://en.dangcongsan.vn/bac-ninh-province-integration-and-development/bac-ninh-s-provincial-digital-transformation-index-ranked-third-nationwide-585850.html' },
      { id: 'daidoanket', title: '2020 DTI was the sum of the pillar scores', url: 'https://daidoanket.vn/thanh-hoa-tang-3-bac-tren-bang-xep-hang-chuyen-doi-so-nam-2021-10228777.html' },
    ],
    assumptions: [],
    notes: [
      {
        vi: 'Điểm của từng chỉ số chính trong mỗi trụ cột không tìm thấy trong nguồn chính thức; chỉ nhập giá trị hoặc điểm của ba trụ cột.',
        en: 'The points of each main indicator within a pillar were not found in any official source; inputs are the three pillar values or points.',
      },
      {
        vi: 'Mỗi trụ cột có 7 chỉ số chính riêng (cùng bảy tên): Chính quyền số 45 chỉ số thành phần, 133 tiêu chí; Kinh tế số 36 (suy luận: 108 − 45 − 27), 101 tiêu chí; Xã hội số 27, 72 tiêu chí; tổng 108 chỉ số thành phần, 306 tiêu chí. Tên tiếng Anh trong quyết định là "Digital Index" (DTI).',
        en: 'Each pillar has its own 7 main indicators (the same seven names): Chính quyền số 45 components, 133 criteria; Kinh tế số 36 (inferred: 108 − 45 − 27), 101 criteria; Xã hội số 27, 72 criteria; 108 components and 306 criteria in all. The decision’s English name is "Digital Index" (DTI).',
      },
    ],
    inputKeys: 'pillars',
    totalMax: 1000,
    componentCount: 108,
    mainIndicators: [
      ...pillarMainIndicators('government', 'CQS'),
      ...pillarMainIndicators('economy', 'KTS'),
      ...pillarMainIndicators('society', 'XHS'),
    ],
    pillars: dtiPillars(400, 300, 300),
    valueFormula: {
      vi: 'DTI = (điểm CQS + điểm KTS + điểm XHS) / 1000 = 0,4·CQS + 0,3·KTS + 0,3·XHS',
      en: 'DTI = (government + economy + society points) / 1000 = 0.4·CQS + 0.3·KTS + 0.3·XHS',
    },
  }))();
