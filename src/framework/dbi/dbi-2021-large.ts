import { dbiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DbiFramework } from '../schema.js';
import { LARGE_MAXIMA_ASSUMPTION, largeEnterpriseStructure } from './large.js';
import { LEGAL_BASIS_1970, LEVEL_TEXTS_1970_NOTE } from './shared.js';

/**
 * DBI for large enterprises of Decision 1970/QĐ-BTTTT: 6 pillars, 25 component indicators,
 * 139 criteria (confirmed). The criteria and the level thresholds were not found, so a caller enters
 * each pillar's points; the result gives points and percentages and no level, with the reason.
 */
export const dbi2021Large: DbiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DbiFramework>({
    kind: 'dbi',
    id: 'dbi-2021-large',
    title: {
      vi: 'Chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp lớn (Quyết định 1970/QĐ-BTTTT)',
      en: 'Digital Business Indicators for large enterprises (Decision 1970/QĐ-BTTTT)',
    },
    shortTitle: { vi: 'DBI 2021 – DN lớn', en: 'DBI 2021 – large enterprises' },
    legalBasis: { ...LEGAL_BASIS_1970, issuer: { ...LEGAL_BASIS_1970.issuer } },
    // which years: the decisions table, the one place that says which decision applies when
    years: dbiFrameworkYears('dbi-2021-large'),
    status: 'reconstructed',
    sources: [
      { id: 'S4', title: 'Large-enterprise index: 25 components, 139 criteria', url: 'http://hoitinhocxaydung.vn/2023/05/31/bo-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep/' },
      { id: 'S5', title: 'Applies to independent large enterprises', url: 'https://aceo.com.vn/tin-tuc/kien-thuc-quan-tri/bo-tt---tt-phe-duyet-de-an-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep' },
      { id: 'S10', title: 'Pillars 1–2: 4 components / 25 criteria, 6 components / 24 criteria', url: 'https://phanmemerp.vn/en/news/business-administration/6-tru-cot-danh-gia-muc-do-chuyen-doi-so-cho-doanh-nghiep-lon-o-viet-nam-hien-nay/1189/1' },
    ],
    assumptions: [LARGE_MAXIMA_ASSUMPTION],
    notes: [
      {
        vi: 'Tên và cách chấm 139 tiêu chí chưa tìm thấy; nhập điểm từng trụ cột.',
        en: 'The 139 criteria and their scoring were not found; enter each pillar’s points.',
      },
      { ...LEVEL_TEXTS_1970_NOTE },
    ],
    ...largeEnterpriseStructure({ withComponents: false }),
  }))();
