import { dtiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DtiFramework } from '../schema.js';
import { MIC, dtiPillars, mainIndicators922 } from './shared.js';

/**
 * Provincial DTI of Decision 922/QĐ-BTTTT (20/5/2022), Phụ lục I, used for DTI 2021, 2022 and 2023.
 *
 * Nine main indicators (98 components, 1,000 points); Đô thị thông minh is listed but not scored.
 * Every foundation indicator counts in all three pillars; each pillar adds its own activity
 * indicator, so the pillar maxima are 700 / 650 / 650. Verified on Quảng Ninh's published 2022
 * values (reference dti-province.md §2.3). `official`: every fact scoring uses is confirmed (Bảng
 * I.1 and the formula checked on 2022 figures); that DTI 2021 and 2023 were computed by the same
 * formula is inferred, and carried as the assumption `formula-2021-2023` (the decisions table
 * labels those years `inferred`).
 */
export const dtiProvince2022: DtiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DtiFramework>({
    kind: 'dti',
    id: 'dti-province-2022',
    title: {
      vi: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI cấp tỉnh) theo Quyết định 922/QĐ-BTTTT',
      en: 'Provincial Digital Transformation Index (DTI) under Decision 922/QĐ-BTTTT',
    },
    shortTitle: { vi: 'DTI cấp tỉnh 2021–2023', en: 'Provincial DTI 2021–2023' },
    legalBasis: {
      decision: '922/QĐ-BTTTT', date: '2022-05-20', issuer: { ...MIC }, signedBy: 'Nguyễn Huy Dũng', part: 'Phụ lục I',
    },
    // which years: the decisions table, the one place that says which decision applies when
    years: dtiFrameworkYears('dti-province-2022'),
    status: 'official',
    sources: [
      { id: 'eballsviet', title: 'Phụ lục I of 922 reproduced (Bảng I.1, cấu trúc DTI cấp tỉnh)', url: 'http://eballsviet.com/bo-chi-so-danh-gia-chuyen-doi-so-cap-tinh-59970' },
      { id: 'sctyenbai', title: 'Sở Công Thương Yên Bái (27/05/2022) reproducing Phụ lục I of 922: row 9 (8 components, 150 points); CQS pillar 7 main indicators, 78 components, 700 points', url: 'https://www.sctyenbai.gov.vn/vi/tin-tuc/chi-so-chuyen-doi-so-cap-tinh' },
      { id: 'thuviennhadat', title: 'Quyết định 922/QĐ-BTTTT (issuance)', url: 'https://thuviennhadat.vn/vbpl/quyet-dinh-922-qd-btttt-2022-xac-dinh-bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-bo-514140.html' },
      { id: 'bacninh-2021', title: 'DTI 2021 report quoted: pillar composition (6 foundation + own activity)', url: 'https://skhdt.bacninh.gov.vn/news/-/details/57283/bac-ninh-chi-so-anh-gia-chuyen-oi-so-dti-nam-2021-ung-thu-4-trong-ca-nuoc-41052774' },
      { id: 'dti-2022', title: 'dti.gov.vn DTI 2022 ranking (8 scored columns plus PDTI)', url: 'https://dti.gov.vn/xep-hang-2022' },
      { id: 'quangninh-2022', title: 'Quảng Ninh 2022 pillar values (formula check)', url: 'https://vietnamnet.vn/quang-ninh-vao-top-3-dia-phuong-dan-dau-ve-chi-so-chuyen-doi-so-2165207.html' },
    ],
    assumptions: [
      {
        id: 'formula-2021-2023',
        description: {
          vi: 'Công thức giá trị DTI và trụ cột được kiểm chứng đến 4 chữ số thập phân trên số liệu DTI 2022 đã công bố. DTI 2021 và DTI 2023 dùng cùng cấu trúc của Quyết định 922 (9 chỉ số chính, 98 chỉ số thành phần: đã xác nhận), nhưng việc chúng được tính bằng cùng công thức là suy luận, chưa kiểm chứng bằng số liệu của hai năm đó.',
          en: 'The DTI and pillar formulas were verified to 4 decimals on published DTI 2022 figures. DTI 2021 and DTI 2023 used the same structure of Decision 922 (9 main indicators, 98 components: confirmed), but that they were computed by the same formula is inferred, not checked on those years\' figures.',
        },
        status: 'reconstructed',
        override: 'Where a published DTI 2021 or 2023 table disagrees, encode that year\'s reading as a framework file (defineFramework; vndi --framework-file).',
      },
    ],
    notes: [
      {
        vi: 'Hàng 9 của Bảng I.1 (Hoạt động xã hội số: 8 chỉ số thành phần, 150 điểm) được nêu trong bản trích Phụ lục I của Sở Công Thương Yên Bái (27/05/2022); 150 điểm cũng khớp các giá trị DTI đã công bố.',
        en: 'Row 9 of Bảng I.1 (Hoạt động xã hội số: 8 components, 150 points) is stated in the reproduction of Phụ lục I by Sở Công Thương Yên Bái (27/05/2022); the 150 points also reproduce published DTI values.',
      },
      {
        vi: 'Trụ cột Chính quyền số được nêu rõ: 7 chỉ số chính (6 chỉ số nhóm nền tảng chung, kể cả Đô thị thông minh, và Hoạt động chính quyền số), 78 chỉ số thành phần, thang điểm 700. Với Kinh tế số và Xã hội số, cùng cách ghép cho 68 chỉ số thành phần / 650 điểm và 64 / 650: suy luận.',
        en: 'The Chính quyền số pillar is stated: 7 main indicators (the 6 of the foundation group, Đô thị thông minh included, and Hoạt động chính quyền số), 78 components, 700 points. For Kinh tế số and Xã hội số the same construction gives 68 components / 650 points and 64 / 650: inferred.',
      },
      {
        vi: 'Tên, điểm tối đa và cách chấm của 98 chỉ số thành phần chưa được công bố công khai; thư viện tính từ điểm hoặc giá trị của các chỉ số chính.',
        en: 'Names, maxima and scoring of the 98 components are not public; the library scores from main-indicator points or values.',
      },
    ],
    inputKeys: 'mainIndicators',
    totalMax: 1000,
    componentCount: 98,
    mainIndicators: mainIndicators922({ withSmartCity: true, maxStatus: 'confirmed', componentCounts: true }),
    pillars: dtiPillars(700, 650, 650),
    valueFormula: {
      vi: 'DTI = tổng điểm 8 chỉ số chính / 1000; trụ cột = (điểm nhóm nền tảng + điểm chỉ số hoạt động của trụ cột) / điểm tối đa của trụ cột (700, 650, 650)',
      en: 'DTI = sum of the 8 scored main indicators / 1000; pillar = (foundation points + the pillar’s own activity points) / pillar maximum (700, 650, 650)',
    },
  }))();
