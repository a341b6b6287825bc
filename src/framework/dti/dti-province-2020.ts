import { deepFreeze } from '../freeze.js';
import type { DtiFramework, DtiMainIndicator } from '../schema.js';
import { MIC, dtiPillars } from './shared.js';

const ALL: DtiMainIndicator['pillars'] = ['government', 'economy', 'society'];

function main(id: string, code: string, vi: string, en: string): DtiMainIndicator {
  return { id, code, name: { vi, en }, group: 'unscored', max: null, maxStatus: 'not-found', componentCount: null, pillars: [...ALL] };
}

/**
 * Provincial DTI of Decision 1726/QĐ-BTTTT (12/10/2020), used for DTI 2020.
 *
 * Three pillars scored separately (400 / 300 / 300 points), each on its own seven main indicators;
 * DTI = total points / 1000 = 0.4·CQS + 0.3·KTS + 0.3·XHS. The points of each main indicator are not
 * published, so the inputs are the three pillar values (as the 2020 results were published).
 */
export const dtiProvince2020: DtiFramework = /* @__PURE__ */ (() =>
  deepFreeze<DtiFramework>({
    kind: 'dti',
    id: 'dti-province-2020',
    title: {
      vi: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh theo Quyết định 1726/QĐ-BTTTT',
      en: 'Provincial Digital Transformation Index under Decision 1726/QĐ-BTTTT',
    },
    shortTitle: { vi: 'DTI cấp tỉnh 2020', en: 'Provincial DTI 2020' },
    legalBasis: { decision: '1726/QĐ-BTTTT', date: '2020-10-12', issuer: { ...MIC } },
    years: [2020],
    status: 'official',
    sources: [
      { id: 'tvpl-1726', title: 'Decision 1726/QĐ-BTTTT', url: 'https://thuvienphapluat.vn/van-ban/Cong-nghe-thong-tin/Decision-1726-QD-BTTTT-2020-scheme-for-creation-of-digital-transformation-indexes-applicable-to-ministries-457069.aspx' },
      { id: 'vndx', title: '3 pillars × 7 main indicators', url: 'https://vndx.gov.vn/bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-bo-co-quan-ngang-bo-co-quan-thuoc-chinh-phu-cac-tinh-thanh-pho-truc-thuoc-trung-uong-va-cua-quoc-gia' },
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
    ],
    inputKeys: 'pillars',
    totalMax: 1000,
    componentCount: 108,
    mainIndicators: [
      main('awareness', '1', 'Chuyển đổi nhận thức', 'Awareness transformation'),
      main('institutions', '2', 'Kiến tạo thể chế', 'Institution building'),
      main('infrastructure', '3', 'Phát triển hạ tầng và nền tảng số', 'Digital infrastructure and platforms'),
      main('dataAndInformation', '4', 'Thông tin và dữ liệu số', 'Digital information and data'),
      main('activity', '5', 'Hoạt động chuyển đổi số', 'Digital transformation activity'),
      main('cybersecurity', '6', 'An toàn, an ninh mạng', 'Cybersecurity'),
      main('humanResources', '7', 'Đào tạo và phát triển nhân lực', 'Training and human-resource development'),
    ],
    pillars: dtiPillars(400, 300, 300),
    valueFormula: {
      vi: 'DTI = (điểm CQS + điểm KTS + điểm XHS) / 1000 = 0,4·CQS + 0,3·KTS + 0,3·XHS',
      en: 'DTI = (government + economy + society points) / 1000 = 0.4·CQS + 0.3·KTS + 0.3·XHS',
    },
  }))();
