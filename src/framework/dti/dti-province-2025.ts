import { dtiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DtiFramework } from '../schema.js';
import { MOST, dtiPillars, mainIndicators922 } from './shared.js';

/**
 * Provincial DTI of Decision 405/QĐ-BKHCN (03/4/2025), taken to be the set used for DTI 2024 (the
 * first year ranked among 63 and among the 34 merged units). That DTI 2024 was scored under 405 is
 * inferred from matching structure counts, not stated; no source says which set DTI 2025 uses, so
 * `years` lists 2024 only.
 *
 * Confirmed: 3 pillars, 8 main indicators, 47 components, values on 0–1. Not published: the maxima
 * of the main indicators. This framework is therefore `reconstructed`: it carries the maxima of
 * Decision 922 (100 × 5, 200, 150, 150) as a documented assumption, which a caller replaces with
 * `overrideDtiMaxima` once the official figures are known.
 */
export const dtiProvince2025: DtiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DtiFramework>({
    kind: 'dti',
    id: 'dti-province-2025',
    title: {
      vi: 'Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh (DTI năm 2025) theo Quyết định 405/QĐ-BKHCN',
      en: 'Provincial Digital Transformation Index (DTI 2025 set) under Decision 405/QĐ-BKHCN',
    },
    shortTitle: { vi: 'DTI cấp tỉnh 2024', en: 'Provincial DTI 2024' },
    legalBasis: { decision: '405/QĐ-BKHCN', date: '2025-04-03', issuer: { ...MOST } },
    // which years: the decisions table, the one place that says which decision applies when
    years: dtiFrameworkYears('dti-province-2025'),
    status: 'reconstructed',
    sources: [
      { id: 'tvpl-405', title: 'Decision 405/QĐ-BKHCN (bulletin)', url: 'https://thuvienphapluat.vn/bulletin/document.aspx?bid=80c046b9-9fe8-4f3f-8c21-09a875e66f3c&key=CbEyTxFir7vKATT7XIRXAw%3D%3D' },
      { id: 'laocai-405', title: 'Bộ chỉ số DTI năm 2025 issued', url: 'https://skhcn.laocai.gov.vn/tin-trong-nuoc/ban-hanh-bo-chi-so-danh-gia-chuyen-doi-so-dti-nam-2025-1337596' },
      { id: 'vietnamnet-2024', title: 'DTI 2024: 8 main indicators, 47 components', url: 'https://vietnamnet.vn/ha-noi-hue-hai-phong-dan-dau-ve-chuyen-doi-so-2455309.html' },
      { id: 'dantri-2024', title: 'DTI 2024 results; merged units from the mean of main indicators', url: 'https://dantri.com.vn/khoa-hoc/ha-noi-dan-dau-ca-nuoc-ve-chi-so-chuyen-doi-so-20251021181803153.htm' },
    ],
    assumptions: [
      {
        id: 'main-indicator-maxima',
        description: {
          vi: 'Điểm tối đa của 8 chỉ số chính theo Quyết định 405 chưa được công bố; thư viện giả định giữ nguyên mức của Quyết định 922 (5 × 100, 200, 150, 150; tổng 1000).',
          en: 'The maxima of the 8 main indicators under Decision 405 are not published; the library assumes the maxima of Decision 922 (5 × 100, 200, 150, 150; total 1000).',
        },
        status: 'reconstructed',
        override: 'overrideDtiMaxima(getFramework("dti-province-2025"), { awareness: …, … })',
      },
      {
        id: 'pillar-composition',
        description: {
          vi: 'Nguyên tắc trụ cột (nhóm nền tảng + chỉ số hoạt động của trụ cột) được nêu chính thức; trọng số cụ thể là giả định theo Quyết định 922.',
          en: 'The pillar principle (foundation group + the pillar’s own activity indicator) is stated officially; the weights are assumed from Decision 922.',
        },
        status: 'reconstructed',
        override: 'overrideDtiMaxima (pillar maxima follow the main-indicator maxima)',
      },
    ],
    notes: [
      {
        vi: 'Số chỉ số thành phần của từng chỉ số chính chưa tìm thấy (tổng 47).',
        en: 'The number of components per main indicator was not found (47 in all).',
      },
      {
        vi: 'Việc DTI 2024 được chấm theo Quyết định 405 là suy luận, dựa trên số lượng khớp nhau (cấp tỉnh 8 chỉ số chính, 47 chỉ số thành phần; cấp bộ từ 70 còn 31; cấp quốc gia từ 24 còn 12), không phải một câu nói rõ trong nguồn. Chưa nguồn nào cho biết DTI năm 2025 (đánh giá năm 2026) dùng bộ chỉ số nào: tên "Bộ chỉ số DTI năm 2025" không nói bộ chỉ số chấm năm đánh giá nào (bộ này ban hành năm 2025 và, theo suy luận, đã chấm DTI 2024), nên năm 2025 không được ghi vào `years`.',
        en: 'That DTI 2024 was scored under Decision 405 is inferred from matching structure counts (provincial 8 main indicators and 47 components; ministry 70 → 31; national 24 → 12), not stated in a source. No source says which set DTI 2025 (assessed in 2026) uses: the name "Bộ chỉ số DTI năm 2025" does not say which assessment year the set scores (it was issued in 2025 and, by inference, scored DTI 2024), so 2025 is not listed in `years`.',
      },
      {
        vi: 'DTI và giá trị trụ cột phụ thuộc vào giả định điểm tối đa, vì điểm tối đa chính là trọng số của các chỉ số chính. Ví dụ, cùng các giá trị (5 chỉ số nền tảng 0,74; Hoạt động chính quyền số 0,9; Hoạt động kinh tế số 0,6; Hoạt động xã hội số 0,3) cho DTI 0,685 với điểm tối đa của Quyết định 922 và 0,715 nếu Hoạt động chính quyền số tối đa 250, Hoạt động xã hội số tối đa 100.',
        en: 'The DTI and pillar values depend on the assumed maxima, because the maxima are the weights of the main indicators. For example, the same values (the 5 foundation indicators 0.74; digital-government activity 0.9; digital-economy activity 0.6; digital-society activity 0.3) give DTI 0.685 with the maxima of Decision 922 and 0.715 with digital-government activity at 250 and digital-society activity at 100.',
      },
    ],
    inputKeys: 'mainIndicators',
    totalMax: 1000,
    componentCount: 47,
    mainIndicators: mainIndicators922({ withSmartCity: false, maxStatus: 'reconstructed', componentCounts: false }),
    pillars: dtiPillars(700, 650, 650),
    valueFormula: {
      vi: 'Giả định như Quyết định 922: DTI = tổng điểm / 1000; trụ cột = (nền tảng + hoạt động của trụ cột) / điểm tối đa của trụ cột',
      en: 'Assumed as in Decision 922: DTI = total points / 1000; pillar = (foundation + own activity) / pillar maximum',
    },
  }))();
