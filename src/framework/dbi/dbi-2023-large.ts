import { dbiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DbiFramework } from '../schema.js';
import { LARGE_MAXIMA_ASSUMPTION, largeEnterpriseStructure, levelsCarriedOverAssumption, pillarNamesAssumption } from './large.js';
import { MIC } from './shared.js';

/**
 * Large-enterprise DBI of Decision 2158/QĐ-BTTTT (07/11/2023), Phụ lục 2. Only its existence and
 * name are confirmed; the structure is inferred to carry over the 1970 large-enterprise index
 * (6 pillars, 25 components, 139 criteria). Pillar-level input, no level.
 */
export const dbi2023Large: DbiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DbiFramework>({
    kind: 'dbi',
    id: 'dbi-2023-large',
    title: {
      vi: 'Bộ chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp lớn (Quyết định 2158/QĐ-BTTTT, Phụ lục 2)',
      en: 'Digital transformation index for large enterprises (Decision 2158/QĐ-BTTTT, Appendix 2)',
    },
    shortTitle: { vi: 'DBI 2023 – DN lớn', en: 'DBI 2023 – large enterprises' },
    legalBasis: { decision: '2158/QĐ-BTTTT', date: '2023-11-07', issuer: { ...MIC }, part: 'Phụ lục 2' },
    // which years: the decisions table, the one place that says which decision applies when
    years: dbiFrameworkYears('dbi-2023-large'),
    status: 'reconstructed',
    sources: [
      { id: 'vbpl-2158', title: 'Decision 2158/QĐ-BTTTT', url: 'https://vanbanphapluat.co/quyet-dinh-2158-qd-btttt-2023-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep' },
      { id: 'dbi-gioi-thieu', title: 'dbi.gov.vn: two component sets (SME, large)', url: 'https://dbi.gov.vn/gioi-thieu' },
      { id: 'dongnai', title: 'Two sets agreed with the Ministry of Planning and Investment', url: 'https://stttt.dongnai.gov.vn/Pages/newsdetail.aspx?NewsId=7193&CatId=93' },
    ],
    assumptions: [
      {
        id: 'structure-carried-over',
        description: {
          vi: 'Cấu trúc (6 trụ cột, 25 chỉ số thành phần, 139 tiêu chí) được suy luận là kế thừa bộ chỉ số doanh nghiệp lớn của Quyết định 1970.',
          en: 'The structure (6 pillars, 25 components, 139 criteria) is inferred to carry over the 1970 large-enterprise index.',
        },
        status: 'reconstructed',
        override: 'overrideDbiPillarMaxima(framework, …)',
      },
      LARGE_MAXIMA_ASSUMPTION,
      pillarNamesAssumption(
        '2158',
        'tên trụ cột của Phụ lục 2 chưa tìm thấy; một đề tài sinh viên nêu 6 trụ cột Khách hàng, Chiến lược, Công nghệ, Vận hành, Văn hóa, Dữ liệu.',
        'the pillar names of Phụ lục 2 were not found; a student project lists six pillars Khách hàng, Chiến lược, Công nghệ, Vận hành, Văn hóa, Dữ liệu.',
      ),
      levelsCarriedOverAssumption('2158'),
      {
        id: 'aggregation',
        description: {
          vi: 'Điểm được cộng (tổng điểm trụ cột ÷ 695). Một nguồn thứ cấp (đề tài sinh viên) nêu Quyết định 2158 tính từ tiêu chí → nhóm → trụ cột → tổng thể bằng trung bình cộng, tiêu chí không thuộc chức năng không tính vào mẫu số; chưa được xác nhận.',
          en: 'Points are summed (pillar points ÷ 695). A secondary source (a student project) reports that Decision 2158 averages criterion → group → pillar → overall by arithmetic means, leaving criteria outside the firm\'s functions out of the denominator; unconfirmed.',
        },
        status: 'reconstructed',
        override: "defineFramework({ ...framework, id: 'dbi-2023-large-mean', aggregation: { kind: 'mean' } })",
      },
    ],
    notes: [
      {
        vi: 'Quyết định 2158 thay thế Quyết định 1970; bị thay thế bởi Quyết định 1567/QĐ-BKHCN (30/6/2025).',
        en: 'Decision 2158 replaced Decision 1970 and was replaced by Decision 1567/QĐ-BKHCN (30/6/2025).',
      },
    ],
    ...largeEnterpriseStructure({ withComponents: false, nameStatus: 'reconstructed' }),
  }))();
