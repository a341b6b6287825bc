/**
 * The words of the self-assessment page, in Vietnamese and English. The page shows one language
 * (`lang`); a framework's own texts (pillars, questions, options) come from the framework, in
 * Vietnamese where it gives no English.
 *
 * @internal
 */
import type { Localized } from '../../errors.js';

export const PAGE_WORDS = {
  title: { vi: 'Tự đánh giá mức độ chuyển đổi số', en: 'Digital transformation self-assessment' },
  noScript: {
    vi: 'Trang này cần JavaScript để chấm điểm (mã chấm điểm nằm ngay trong tệp, không cần kết nối mạng). Hãy mở tệp bằng một trình duyệt có bật JavaScript.',
    en: 'This page needs JavaScript to score (the scoring code is inside the file; no connection is needed). Open the file in a browser with JavaScript enabled.',
  },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  enterpriseName: { vi: 'Tên doanh nghiệp', en: 'Enterprise name' },
  enterpriseId: { vi: 'Mã số thuế hoặc mã doanh nghiệp', en: 'Tax code or enterprise code' },
  optional: { vi: 'không bắt buộc', en: 'optional' },
  sector: { vi: 'Ngành của doanh nghiệp', en: "The enterprise's sector" },
  sectorOther: { vi: 'Ngành khác (không có trong danh sách)', en: 'Another sector (not listed)' },
  sectorOtherName: { vi: 'Tên ngành', en: 'Sector name' },
  sectorCommonOnly: {
    vi: 'Doanh nghiệp ngành khác được chấm trên phần chung (phần theo ngành không áp dụng).',
    en: 'An enterprise of another sector is scored on the common part (the sector part does not apply).',
  },
  sectorRefused: {
    vi: 'Bộ chỉ số chỉ chấm doanh nghiệp thuộc các ngành trên.',
    en: 'The framework scores only enterprises of the sectors above.',
  },
  otherSectorIgnored: {
    vi: 'Câu trả lời cho câu hỏi của ngành khác không được tính.',
    en: "Answers to another sector's questions do not count.",
  },
  sectorPart: { vi: 'Phần của ngành', en: 'Part of the sector' },
  sectorPartHint: { vi: 'Chọn ngành của doanh nghiệp ở đầu phiếu để trả lời phần này.', en: "Choose the enterprise's sector at the top of the form to answer this part." },
  upTo: { vi: 'tối đa', en: 'up to' },
  pointsWord: { vi: 'điểm', en: 'points' },
  pointWord: { vi: 'điểm', en: 'point' },
  weight: { vi: 'trọng số', en: 'weight' },
  notApplicable: { vi: 'Không áp dụng', en: 'Not applicable' },
  noneOfThese: { vi: 'Không chọn phương án nào', en: 'None of these' },
  exclusive: { vi: 'chọn riêng', en: 'chosen alone' },
  chooseAll: { vi: 'Chọn mọi phương án phù hợp', en: 'Choose every option that applies' },
  cap: { vi: 'Tổng điểm của câu tối đa', en: 'The question gives at most' },
  unit: { vi: 'Đơn vị', en: 'Unit' },
  figureValue: { vi: 'Số liệu', en: 'Figure' },
  pillarPoints: { vi: 'Điểm của trụ cột', en: 'Points of the pillar' },
  between: { vi: 'từ {min} đến {max}', en: 'from {min} to {max}' },
  decimals: { vi: 'tối đa {d} chữ số thập phân', en: 'at most {d} decimals' },
  wholeNumber: { vi: 'số nguyên', en: 'a whole number' },
  thresholds: { vi: 'Cách tính điểm', en: 'Points' },
  unanswered: { vi: 'Chưa trả lời', en: 'Not answered' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  sectorNotChosen: { vi: 'Chưa chọn ngành', en: 'No sector chosen' },
  progress: { vi: 'Tiến độ', en: 'Progress' },
  questionsAnswered: { vi: '{n}/{total} câu đã trả lời', en: '{n} of {total} questions answered' },
  nextUnanswered: { vi: 'Đến câu chưa trả lời', en: 'Go to an unanswered question' },
  toResult: { vi: 'Xem kết quả', en: 'See the result' },
  result: { vi: 'Kết quả', en: 'Result' },
  provisional: {
    vi: 'Tạm tính: còn {n} câu chưa trả lời, được tính theo phương án thấp nhất. Kết quả và lộ trình chính thức có khi trả lời đủ mọi câu.',
    en: 'Provisional: {n} questions are not answered yet and count at their lowest answer. The result and the plan come once every question is answered.',
  },
  chooseSector: { vi: 'Chọn ngành của doanh nghiệp để xem kết quả.', en: "Choose the enterprise's sector to see the result." },
  problems: { vi: 'Câu trả lời cần sửa', en: 'Answers to correct' },
  overallLevel: { vi: 'Mức tổng thể', en: 'Overall level' },
  level: { vi: 'Mức', en: 'Level' },
  // The framework's own reason (shown under it) says why: a rule not published, or not found in the sources read.
  noLevel: { vi: 'Không xếp mức: bộ chỉ số không có quy tắc xếp mức', en: 'No level: the framework has no level rule' },
  total: { vi: 'Tổng điểm', en: 'Total points' },
  percent: { vi: 'Tỷ lệ điểm', en: 'Percent of maximum' },
  pillar: { vi: 'Trụ cột', en: 'Pillar' },
  points: { vi: 'Điểm', en: 'Points' },
  max: { vi: 'Tối đa', en: 'Maximum' },
  radar: { vi: 'Trụ cột (% điểm tối đa)', en: 'Pillars (% of maximum)' },
  plan: { vi: 'Lộ trình', en: 'Plan' },
  planTo: { vi: 'Lộ trình lên mức {level}', en: 'Plan to level {level}' },
  target: { vi: 'Mức mục tiêu', en: 'Target level' },
  nextLevel: { vi: 'Mức tiếp theo', en: 'The next level' },
  planWhenComplete: { vi: 'Lộ trình có khi trả lời đủ mọi câu.', en: 'The plan comes once every question is answered.' },
  criterion: { vi: 'Tiêu chí', en: 'Criterion' },
  content: { vi: 'Nội dung', en: 'Description' },
  from: { vi: 'Hiện tại', en: 'Now' },
  to: { vi: 'Cần đạt', en: 'Needed' },
  gain: { vi: 'Điểm tăng', en: 'Points gained' },
  save: { vi: 'Lưu và in', en: 'Save and print' },
  saveJson: { vi: 'Lưu câu trả lời (JSON)', en: 'Save the answers (JSON)' },
  saveCsv: { vi: 'Lưu câu trả lời (CSV cho Excel)', en: 'Save the answers (CSV for Excel)' },
  load: { vi: 'Mở tệp câu trả lời đã lưu', en: 'Open saved answers' },
  print: { vi: 'In phiếu (A4)', en: 'Print the record (A4)' },
  clear: { vi: 'Xóa mọi câu trả lời', en: 'Clear every answer' },
  clearConfirm: { vi: 'Xóa mọi câu trả lời trên phiếu?', en: 'Clear every answer on the form?' },
  loaded: { vi: 'Đã mở {file}.', en: 'Opened {file}.' },
  loadFailed: { vi: 'Không mở được {file}', en: 'Cannot open {file}' },
  ignoredColumns: { vi: 'Cột không dùng, bỏ qua: {columns}.', en: 'Columns not used, ignored: {columns}.' },
  savedNote: {
    vi: 'Tệp đã lưu chấm lại được bằng lệnh vndi score (cùng kết quả) và mở lại được trên trang này.',
    en: 'A saved file scores again with vndi score (the same result) and opens again on this page.',
  },
  printedOn: { vi: 'In ngày', en: 'Printed on' },
  restsOn: { vi: 'Căn cứ của phiếu', en: 'What this form rests on' },
  offline: {
    vi: 'Trang chạy hoàn toàn trên máy: không gửi câu trả lời đi đâu, không cần kết nối mạng.',
    en: 'The page runs entirely on this computer: it sends the answers nowhere and needs no connection.',
  },
  generatedBy: { vi: 'Tạo bởi vn-digital-index', en: 'Made with vn-digital-index' },
  cannotScore: { vi: 'Bộ chỉ số này chưa chấm điểm được', en: 'This framework cannot be scored yet' },
  cannotScoreWhy: {
    vi: 'Phiếu chưa được tạo vì chưa tính được điểm: {decision} không công bố điểm tối đa của các trụ cột dưới đây (chưa tìm thấy trong văn bản nào đã đọc), mà thiếu điểm tối đa thì không chấm được.',
    en: 'No form is shown because no score can be computed: {decision} publishes no maximum for the pillars below (none was found in any source read), and without the maxima nothing can be scored.',
  },
  cannotScoreWhatToDo: {
    vi: 'Đơn vị phát hành phiếu cần bổ sung điểm tối đa của từng trụ cột này vào một tệp bộ chỉ số rồi tạo lại trang (vndi form --framework-file tệp-bộ-chỉ-số.json).',
    en: 'Whoever hands out this form supplies the maximum of each of these pillars in a framework file and makes the page again (vndi form --framework-file framework.json).',
  },
  forDevelopers: { vi: 'Dành cho lập trình viên / For developers', en: 'For developers' },
  badFramework: { vi: 'Bộ chỉ số trong trang không hợp lệ', en: 'The framework in this page is not valid' },
  badFrameworkWhy: {
    vi: 'Trang không chấm điểm với một bộ chỉ số không qua kiểm tra. Hãy tạo lại trang bằng vndi form hoặc renderAssessmentPage.',
    en: 'The page does not score with a framework that fails the checks. Make the page again with vndi form or renderAssessmentPage.',
  },
  question: { vi: 'Câu', en: 'Question' },
  alreadyAtTop: { vi: 'Doanh nghiệp đã ở mức cao nhất.', en: 'The enterprise is at the highest level.' },
} satisfies Record<string, Localized>;

export type PageWord = keyof typeof PAGE_WORDS;

/** A word of the page in one language, with `{name}` placeholders filled. */
export function word(key: PageWord, lang: 'vi' | 'en', values: Readonly<Record<string, string | number>> = {}): string {
  return PAGE_WORDS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}
