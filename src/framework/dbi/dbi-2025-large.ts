import { dbiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DbiFramework } from '../schema.js';
import { LARGE_MAXIMA_ASSUMPTION, largeEnterpriseStructure, levelsCarriedOverAssumption, pillarNamesAssumption } from './large.js';
import { MOST } from './shared.js';

/**
 * Large-enterprise index of Decision 1567/QĐ-BKHCN (30/6/2025), "Bộ tiêu chí đánh giá mức độ chuyển
 * đổi số doanh nghiệp (Phiên bản 1.0)". Its existence is confirmed by the press; its appendix number
 * (Phụ lục II), its 25 groups and the 695-point total come only from unofficial encodings, so the
 * number is a note, not part of the legal basis. Pillar-level input, no level.
 */
export const dbi2025Large: DbiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DbiFramework>({
    kind: 'dbi',
    id: 'dbi-2025-large',
    title: {
      vi: 'Bộ chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp lớn (Quyết định 1567/QĐ-BKHCN)',
      en: 'Digital transformation index for large enterprises (Decision 1567/QĐ-BKHCN)',
    },
    shortTitle: { vi: 'DBI 2025 – DN lớn', en: 'DBI 2025 – large enterprises' },
    legalBasis: { decision: '1567/QĐ-BKHCN', date: '2025-06-30', issuer: { ...MOST }, signedBy: 'Phạm Đức Long' },
    // which years: the decisions table, the one place that says which decision applies when
    years: dbiFrameworkYears('dbi-2025-large'),
    status: 'reconstructed',
    sources: [
      { id: 'nhansu-1567', title: 'Decision 1567/QĐ-BKHCN', url: 'https://nhansu.vn/van-ban-phap-luat/Quyet-dinh-1567-QD-BKHCN-2025-Bo-tieu-chi-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep-663482.html' },
      { id: 'vietnamnet-1567', title: 'Phiên bản 1.0: SME criteria set and large-enterprise index', url: 'https://vietnamnet.vn/bo-tieu-chi-danh-gia-muc-do-chuyen-doi-so-cho-2-nhom-doanh-nghiep-2430734.html' },
      { id: 'G6', title: 'Unofficial TypeScript app on GitHub (repository not identified) that says it encodes the large-enterprise index of Decision 1567 as "Phụ lục II" (25 groups, 695 points); not the decision\'s text' },
    ],
    assumptions: [
      LARGE_MAXIMA_ASSUMPTION,
      {
        id: 'criterion-count',
        description: {
          vi: 'Bản mã hóa liệt kê 140 tiêu chí con (trụ cột dữ liệu 18) trong khi tổng điểm 695 ứng với 139; chưa rõ nhóm nào thừa một tiêu chí.',
          en: 'The encoding lists 140 sub-criteria (18 in the data pillar) while 695 points match 139; which group has the extra item is unknown.',
        },
        status: 'not-found',
        override: 'overrideDbiPillarMaxima(framework, { data: 90 })',
      },
      pillarNamesAssumption(
        '1567',
        'bộ chỉ số doanh nghiệp lớn của quyết định này chỉ được biết qua nhãn của một ứng dụng không chính thức (Khách hàng, Chiến lược, Công nghệ, Vận hành, Văn hóa, Dữ liệu), tên các nhóm cũng vậy.',
        'the decision\'s large-enterprise index is known only through the labels of an unofficial app (Khách hàng, Chiến lược, Công nghệ, Vận hành, Văn hóa, Dữ liệu), and so are the group names.',
      ),
      levelsCarriedOverAssumption('1567'),
    ],
    notes: [
      {
        vi: 'Số phụ lục (Phụ lục I cho doanh nghiệp nhỏ và vừa, Phụ lục II cho doanh nghiệp lớn) chỉ có trong mã nguồn không chính thức và được suy ra từ việc báo chí mô tả hai phần; văn bản chính thức chưa đọc được.',
        en: 'The appendix numbers (Phụ lục I for SMEs, Phụ lục II for large enterprises) appear only in unofficial code and are inferred from the press describing two parts; the official text could not be read.',
      },
      {
        vi: 'Bộ tiêu chí cho doanh nghiệp nhỏ và vừa của Quyết định 1567 (bảng hỏi chung và theo 25 ngành, theo các bản mã hóa không chính thức) chưa được mã hóa vì nội dung chính thức chưa tìm thấy.',
        en: 'The SME criteria set of Decision 1567 (a common and a 25-sector questionnaire, per unofficial encodings) is not encoded: its official content was not found.',
      },
    ],
    ...largeEnterpriseStructure({ withComponents: true, nameStatus: 'reconstructed' }),
  }))();
