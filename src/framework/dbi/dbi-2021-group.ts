import { dbiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DbiFramework } from '../schema.js';
import { LARGE_MAXIMA_ASSUMPTION, largeEnterpriseStructure } from './large.js';
import { LEGAL_BASIS_1970, LEVEL_TEXTS_1970_NOTE } from './shared.js';

/**
 * DBI for groups and corporations (tập đoàn, tổng công ty) of Decision 1970/QĐ-BTTTT. Same
 * structure as the large-enterprise index; the official result aggregates the member units'
 * results (Bước 1: a level and points Mđv per member unit), but the aggregation formula beyond that
 * step was not found. A caller enters the pillar points it has aggregated; no level is given.
 */
export const dbi2021Group: DbiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DbiFramework>({
    kind: 'dbi',
    id: 'dbi-2021-group',
    title: {
      vi: 'Chỉ số đánh giá mức độ chuyển đổi số tập đoàn, tổng công ty (Quyết định 1970/QĐ-BTTTT)',
      en: 'Digital Business Indicators for groups and corporations (Decision 1970/QĐ-BTTTT)',
    },
    shortTitle: { vi: 'DBI 2021 – Tập đoàn, TCT', en: 'DBI 2021 – groups' },
    legalBasis: { ...LEGAL_BASIS_1970, issuer: { ...LEGAL_BASIS_1970.issuer } },
    // which years: the decisions table, the one place that says which decision applies when
    years: dbiFrameworkYears('dbi-2021-group'),
    status: 'reconstructed',
    sources: [
      { id: 'S3', title: 'dbi.gov.vn (2021): group index, aggregation from member units (Bước 1)', url: 'https://dbi.gov.vn/(X(1)S(2ir5ipog5x4prqlz41lfgrey))/chi-tiet-bo-chi-so?Tinbai=tap-doan-tong-cong-ty&AspxAutoDetectCookieSupport=1' },
      { id: 'S4', title: 'Group index built on member-unit results', url: 'http://hoitinhocxaydung.vn/2023/05/31/bo-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep/' },
    ],
    assumptions: [LARGE_MAXIMA_ASSUMPTION],
    notes: [
      {
        vi: 'Công thức tổng hợp từ kết quả các đơn vị thành viên (trọng số của Mđv) chưa tìm thấy; người dùng tự tổng hợp điểm trụ cột.',
        en: 'The formula aggregating member-unit results (weights of Mđv) was not found; callers aggregate pillar points themselves.',
      },
      { ...LEVEL_TEXTS_1970_NOTE },
    ],
    ...largeEnterpriseStructure({
      withComponents: false,
      enterpriseSize: 'group',
      levelRule: {
        kind: 'none',
        reason: {
          vi: 'Công thức tổng hợp và ngưỡng xếp mức cho tập đoàn, tổng công ty chưa được công bố trong nguồn nào đã đọc.',
          en: 'No source read publishes the group aggregation formula or level thresholds.',
        },
      },
    }),
  }))();
