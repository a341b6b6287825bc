import { dbiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DbiFramework, DbiPillar } from '../schema.js';
import { MIC } from './shared.js';

function pillar(id: string, code: string, vi: string, en: string, nameStatus: DbiPillar['nameStatus']): DbiPillar {
  return { id, code, name: { vi, en }, max: null, maxStatus: 'not-found', nameStatus, components: [] };
}

/**
 * SME digital-transformation readiness index of Decision 2158/QĐ-BTTTT (07/11/2023), Phụ lục 1:
 * 7 pillars. Five pillar names and the name of the first level ("Cơ bản", unnumbered, quoted in a
 * note) are confirmed; pillars 6–7, the questions, the points and the level rule are not found. Scoring needs the pillar maxima supplied
 * (`overrideDbiPillarMaxima`) and gives no level.
 */
export const dbi2023SmeReadiness: DbiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DbiFramework>({
    kind: 'dbi',
    id: 'dbi-2023-sme-readiness',
    title: {
      vi: 'Bộ chỉ số đánh giá mức độ sẵn sàng chuyển đổi số dành cho doanh nghiệp nhỏ và vừa (Quyết định 2158/QĐ-BTTTT, Phụ lục 1)',
      en: 'Digital transformation readiness index for SMEs (Decision 2158/QĐ-BTTTT, Appendix 1)',
    },
    shortTitle: { vi: 'DBI 2023 – Sẵn sàng DNNVV', en: 'DBI 2023 – SME readiness' },
    legalBasis: { decision: '2158/QĐ-BTTTT', date: '2023-11-07', issuer: { ...MIC }, part: 'Phụ lục 1' },
    // which years: the decisions table, the one place that says which decision applies when
    years: dbiFrameworkYears('dbi-2023-sme-readiness'),
    status: 'reconstructed',
    sources: [
      { id: 'dbi-chi-tiet', title: 'dbi.gov.vn: 7 pillars with their assessment content', url: 'https://dbi.gov.vn/chi-tiet-bo-chi-so?Tinbai=doanh-nghiep-vua-va-nho' },
      { id: 'dbi-gioi-thieu', title: 'dbi.gov.vn: purpose, rating scale ("Cơ bản" …)', url: 'https://dbi.gov.vn/gioi-thieu' },
      { id: 'vbpl-2158', title: 'Decision 2158/QĐ-BTTTT', url: 'https://vanbanphapluat.co/quyet-dinh-2158-qd-btttt-2023-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep' },
    ],
    assumptions: [
      {
        id: 'pillar-maxima',
        description: {
          vi: 'Điểm tối đa của các trụ cột chưa tìm thấy; người dùng phải cung cấp trước khi tính điểm.',
          en: 'The pillar maxima were not found; callers must supply them before scoring.',
        },
        status: 'not-found',
        override: 'overrideDbiPillarMaxima(framework, { strategy: …, customer: …, … })',
      },
    ],
    notes: [
      {
        vi: 'Tên trụ cột 6 và 7, câu hỏi, điểm và quy tắc xếp mức chưa tìm thấy.',
        en: 'The names of pillars 6 and 7, the questions, the points and the level rule were not found.',
      },
      {
        vi: 'Thang đo xếp hạng (dbi.gov.vn/gioi-thieu) nêu cấp độ đầu tiên là "Cơ bản": "Doanh nghiệp chưa ban hành mục tiêu cụ thể về chuyển đổi số, chưa triển khai bất kỳ giải pháp chuyển đổi số nào hoặc có thể đ…" (đoạn trích của nguồn bị cắt tại đây). Nguồn không đánh số cấp độ; số cấp độ và các cấp độ khác chưa tìm thấy.',
        en: 'The rating scale (dbi.gov.vn/gioi-thieu) names the first level "Cơ bản" (basic): "the enterprise has issued no specific digital-transformation goal, has deployed no digital-transformation solution, or may …" (the source excerpt is cut off here). The source does not number the levels; their number and the other levels were not found.',
      },
    ],
    enterpriseSize: 'sme',
    inputLevel: 'pillar',
    pillarInputDecimals: 2,
    totalMax: null,
    componentCount: null,
    criterionCount: null,
    pillars: [
      pillar('strategy', '1', 'Định hướng chiến lược', 'Strategic direction', 'confirmed'),
      pillar('customer', '2', 'Trải nghiệm khách hàng và bán hàng đa kênh', 'Customer experience and omnichannel sales', 'confirmed'),
      pillar('supplyChain', '3', 'Chuỗi cung ứng', 'Supply chain', 'confirmed'),
      pillar('informationSystems', '4', 'Hệ thống thông tin và quản trị dữ liệu', 'Information systems and data governance', 'confirmed'),
      pillar('riskAndSecurity', '5', 'Quản lý rủi ro và an toàn thông tin mạng', 'Risk management and cybersecurity', 'confirmed'),
      pillar('pillar6', '6', 'Trụ cột 6 (chưa tìm thấy tên)', 'Pillar 6 (name not found)', 'not-found'),
      pillar('pillar7', '7', 'Trụ cột 7 (chưa tìm thấy tên)', 'Pillar 7 (name not found)', 'not-found'),
    ],
    // The source names a first level, "Cơ bản", without a number, and its description is cut off in
    // the only copy read: it is quoted in a note, not numbered as a level.
    levels: [],
    levelRule: {
      kind: 'none',
      reason: {
        vi: 'Chỉ cấp độ đầu tiên ("Cơ bản") được xác nhận; số cấp độ và ngưỡng điểm chưa tìm thấy.',
        en: 'Only the first level ("Cơ bản") is confirmed; the number of levels and the thresholds were not found.',
      },
    },
  }))();
