/**
 * The starting files `vndi framework template dbi|dti|dbi-questionnaire` prints. Each is a framework
 * that validates as it stands (a test defines and scores each), so that a Department edits a
 * working file rather than an empty skeleton; `dbi-questionnaire` holds every feature of the
 * decisions in force (2158/QĐ-BTTTT, 1567/QĐ-BKHCN) in a few questions, whose content is for the
 * Department to replace with its copy of the appendix: none of it is the decisions' text. JSON has no comments: the fields are explained by the JSON Schema named
 * in `"$schema"` (an editor shows each field's description), in docs/framework-format.md
 * and in docs/encoding-a-new-decision.md.
 */

/** Where the published JSON Schema of the framework format lives. */
export const FRAMEWORK_SCHEMA_URL = 'https://unpkg.com/vn-digital-index/schema/framework.schema.json';

const fill = (vi: string, en: string) => ({ vi, en });

const common = (kind: 'dti' | 'dbi') => ({
  $schema: FRAMEWORK_SCHEMA_URL,
  kind,
  id: `my-${kind}-framework`,
  title: fill(`Tên đầy đủ của bộ chỉ số ${kind.toUpperCase()} (điền theo quyết định)`, `Full title of the ${kind.toUpperCase()} framework (as in the decision)`),
  shortTitle: fill(`${kind.toUpperCase()} (tên ngắn)`, `${kind.toUpperCase()} (short title)`),
  legalBasis: {
    decision: '000/QĐ-XXX',
    date: '2026-01-01',
    issuer: fill('Cơ quan ban hành', 'Issuing body'),
    part: 'Phụ lục I',
  },
  years: [2026],
  status: 'reconstructed',
  sources: [{ id: 'decision', title: 'The decision and the appendix this file encodes (replace with its title and URL)' }],
  assumptions: [],
  notes: [],
});

/** A DTI framework: three pillars, main indicators, one of them with components (points and ratio). */
export function dtiTemplate(): Record<string, unknown> {
  const all = ['government', 'economy', 'society'];
  const foundation = (id: string, code: string, vi: string, en: string) => ({
    id, code, name: fill(vi, en), group: 'foundation', max: 100, maxStatus: 'confirmed', componentCount: null, pillars: all,
  });
  return {
    ...common('dti'),
    inputKeys: 'mainIndicators',
    totalMax: 1000,
    componentCount: null,
    mainIndicators: [
      {
        ...foundation('awareness', '1', 'Nhận thức số', 'Digital awareness'),
        componentCount: 2,
        components: [
          {
            id: 'awareness1', code: '1.1', name: fill('Chỉ số thành phần 1.1 (điền tên)', 'Component 1.1 (fill in)'),
            max: 40, maxStatus: 'confirmed', scoring: 'points', scoringStatus: 'confirmed',
          },
          {
            id: 'awareness2', code: '1.2', name: fill('Chỉ số thành phần 1.2, một tỷ lệ (điền tên)', 'Component 1.2, a ratio (fill in)'),
            max: 60, maxStatus: 'confirmed', scoring: 'ratio', scoringStatus: 'confirmed',
          },
        ],
      },
      foundation('institutions', '2', 'Thể chế số', 'Digital institutions'),
      foundation('infrastructure', '3', 'Hạ tầng số', 'Digital infrastructure'),
      foundation('humanResources', '4', 'Nhân lực số', 'Digital human resources'),
      foundation('cybersecurity', '5', 'An toàn thông tin mạng', 'Cybersecurity'),
      {
        id: 'digitalGovernment', code: '6', name: fill('Hoạt động chính quyền số', 'Digital government activity'),
        group: 'activity', max: 200, maxStatus: 'confirmed', componentCount: null, pillars: ['government'],
      },
      {
        id: 'digitalEconomy', code: '7', name: fill('Hoạt động kinh tế số', 'Digital economy activity'),
        group: 'activity', max: 150, maxStatus: 'confirmed', componentCount: null, pillars: ['economy'],
      },
      {
        id: 'digitalSociety', code: '8', name: fill('Hoạt động xã hội số', 'Digital society activity'),
        group: 'activity', max: 150, maxStatus: 'confirmed', componentCount: null, pillars: ['society'],
      },
    ],
    pillars: [
      { id: 'government', code: 'CQS', name: fill('Chính quyền số', 'Digital government'), max: 700 },
      { id: 'economy', code: 'KTS', name: fill('Kinh tế số', 'Digital economy'), max: 650 },
      { id: 'society', code: 'XHS', name: fill('Xã hội số', 'Digital society'), max: 650 },
    ],
    valueFormula: fill(
      'DTI = tổng điểm các chỉ số chính / 1000; trụ cột = (điểm nhóm nền tảng + điểm chỉ số hoạt động của trụ cột) / điểm tối đa của trụ cột',
      'DTI = sum of the main indicators / 1000; pillar = (foundation points + the pillar’s own activity points) / pillar maximum',
    ),
  };
}

/** A DBI framework: two pillars of criteria on answer scales, no level rule until one is published. */
export function dbiTemplate(): Record<string, unknown> {
  const criterion = (id: string) => ({
    id, name: fill(`Tiêu chí ${id} (điền tên)`, `Criterion ${id} (fill in)`), scale: { kind: 'steps', values: [0, 1, 2, 3, 4, 5] },
  });
  const pillar = (id: string, code: string, vi: string, en: string) => ({
    id, code, name: fill(vi, en), max: 10, maxStatus: 'confirmed', nameStatus: 'confirmed',
    components: [
      { id: `${code}.1`, name: fill(`Chỉ số thành phần ${code}.1 (điền tên)`, `Component ${code}.1 (fill in)`), max: 10, criterionCount: 2, criteria: [criterion(`${code}.1.1`), criterion(`${code}.1.2`)] },
    ],
  });
  return {
    ...common('dbi'),
    enterpriseSize: 'sme',
    inputLevel: 'criterion',
    pillarInputDecimals: 0,
    totalMax: 20,
    componentCount: 2,
    criterionCount: 4,
    pillars: [
      pillar('customer', '1', 'Trải nghiệm số cho khách hàng', 'Digital customer experience'),
      pillar('strategy', '2', 'Chiến lược chuyển đổi số', 'Digital transformation strategy'),
    ],
    levels: [],
    levelRule: {
      kind: 'none',
      reason: fill(
        'Quyết định chưa công bố quy tắc xếp mức (thay bằng quy tắc khi có)',
        'The decision publishes no level rule (replace it with the rule once known)',
      ),
    },
  };
}

const vi = (text: string) => ({ vi: text });

/**
 * A DBI questionnaire with every feature the decisions in force have, a few questions each (all of
 * them placeholders to be replaced by the appendix's table): questions directly under a pillar and
 * in groups; single choice with option letters a, b, c, d, đ and Vietnamese ids (Có/Không);
 * multiple choice with a cap and an exclusive option; a figure by thresholds; "not applicable"; a
 * question answered in points; a sector part with two sectors and declared rules for other
 * sectors; weights; 25 %-wide bands with pillar levels; a pillar floor and a pillar-level floor.
 * Texts are Vietnamese only where the appendix is (English outputs then show the Vietnamese).
 */
export function dbiQuestionnaireTemplate(): Record<string, unknown> {
  const option = (id: string, letter: string | undefined, text: string, points: number, exclusive?: true) => ({
    id, ...(letter === undefined ? {} : { letter }), text: vi(text), points, ...(exclusive ? { exclusive } : {}),
  });
  const yesNo = (yes: number) => ({ kind: 'single', options: [option('có', undefined, 'Có', yes), option('không', undefined, 'Không', 0)] });
  return {
    ...common('dbi'),
    id: 'my-dbi-questionnaire',
    assumptions: [
      {
        id: 'other-sectors',
        description: {
          vi: 'Thay bằng điều phụ lục quy định cho doanh nghiệp thuộc ngành không có trong danh sách (mẫu: chấm trên phần chung, bỏ qua câu trả lời cho câu hỏi của ngành khác).',
          en: 'Replace with what the appendix says of enterprises of unlisted sectors (here: scored on the common part, answers to another sector\'s questions ignored).',
        },
        status: 'not-found',
        override: 'Edit sectorRules.',
      },
    ],
    enterpriseSize: 'sme',
    inputLevel: 'criterion',
    pillarInputDecimals: 0,
    totalMax: null,
    componentCount: 4,
    criterionCount: 9,
    pillars: [
      {
        id: 'strategy', code: '1', name: vi('Định hướng chiến lược (điền tên trụ cột)'), max: 6, maxStatus: 'confirmed', nameStatus: 'confirmed',
        components: [],
        criteria: [
          {
            id: '1.1', name: vi('Câu hỏi một lựa chọn, phương án a–đ (điền câu hỏi)'),
            answer: {
              kind: 'single',
              options: [option('chưa-có', 'a', 'Chưa có', 0), option('đang-tìm-hiểu', 'b', 'Đang tìm hiểu', 1), option('đã-có-kế-hoạch', 'c', 'Đã có kế hoạch', 2), option('đang-triển-khai', 'd', 'Đang triển khai', 3), option('hoàn-thành', 'đ', 'Đã hoàn thành', 4)],
            },
          },
          { id: '1.2', name: vi('Câu hỏi Có/Không (điền câu hỏi)'), answer: yesNo(2) },
        ],
      },
      {
        id: 'customer', code: '2', name: vi('Trải nghiệm khách hàng (điền tên trụ cột)'), max: 6, maxStatus: 'confirmed', nameStatus: 'confirmed',
        components: [
          {
            id: '2.1', name: vi('Nhóm câu hỏi 2.1 (điền tên)'), max: 6, criterionCount: 3,
            criteria: [
              {
                id: '2.1.1', name: vi('Câu hỏi nhiều lựa chọn, tối đa 3 điểm (điền câu hỏi)'),
                answer: {
                  kind: 'multiple', cap: 3,
                  options: [option('không-sử-dụng', 'a', 'Không sử dụng', 0, true), option('website', 'b', 'Website', 1), option('mạng-xã-hội', 'c', 'Mạng xã hội', 1), option('sàn-tmđt', 'd', 'Sàn thương mại điện tử', 1.5), option('ứng-dụng', 'đ', 'Ứng dụng di động', 1)],
                },
              },
              {
                id: '2.1.2', name: vi('Câu hỏi số liệu, tỷ lệ phần trăm (điền câu hỏi)'),
                answer: {
                  kind: 'figure', unit: vi('%'), min: 0, max: 100, decimals: 1,
                  thresholds: [{ from: 0, inclusive: true, points: 0 }, { from: 10, inclusive: true, points: 1 }, { from: 30, inclusive: false, points: 2 }],
                },
              },
              { id: '2.1.3', name: vi('Câu hỏi có thể "Không áp dụng" (điền câu hỏi)'), notApplicable: true, answer: yesNo(1) },
            ],
          },
        ],
      },
      {
        id: 'data', code: '3', name: vi('Dữ liệu (điền tên trụ cột)'), max: 6, maxStatus: 'confirmed', nameStatus: 'confirmed',
        components: [
          {
            id: '3.1', name: vi('Nhóm câu hỏi 3.1 (điền tên)'), max: 6, criterionCount: 2,
            criteria: [
              { id: '3.1.1', name: vi('Tiêu chí doanh nghiệp tự chấm 0–4 điểm (điền tên)'), scale: { kind: 'steps', values: [0, 1, 2, 3, 4] } },
              { id: '3.1.2', name: vi('Câu hỏi một lựa chọn (điền câu hỏi)'), answer: { kind: 'single', options: [option('không', 'a', 'Không', 0), option('một-phần', 'b', 'Một phần', 1), option('toàn-bộ', 'c', 'Toàn bộ', 2)] } },
            ],
          },
        ],
      },
      {
        id: 'sector', code: '4', name: vi('Giải pháp theo ngành (điền tên trụ cột)'), max: null, maxStatus: 'confirmed', nameStatus: 'confirmed',
        components: [], sectorSpecific: true,
      },
    ],
    sectors: [
      {
        id: 'thuong-mai', name: vi('Thương mại (điền tên ngành)'), max: 4,
        components: [{
          id: '4.1', name: vi('Giải pháp của ngành thương mại (điền tên)'), max: 4, criterionCount: 1,
          criteria: [{ id: '4.1.1', name: vi('Giải pháp doanh nghiệp sử dụng (điền câu hỏi)'), answer: { kind: 'multiple', options: [option('pos', 'a', 'Máy bán hàng (POS)', 2), option('kho', 'b', 'Phần mềm quản lý kho', 2), option('chưa-có', 'c', 'Chưa có giải pháp nào', 0, true)] } }],
        }],
      },
      {
        id: 'du-lich', name: vi('Du lịch (điền tên ngành)'), max: 3,
        components: [{
          id: '4.2', name: vi('Giải pháp của ngành du lịch (điền tên)'), max: 3, criterionCount: 1,
          criteria: [{ id: '4.2.1', name: vi('Doanh nghiệp nhận đặt chỗ trực tuyến (điền câu hỏi)'), answer: yesNo(3) }],
        }],
      },
    ],
    sectorRules: { unlistedSector: 'common-part-only', otherSectorAnswers: 'ignore', basis: vi('Thay bằng quy định của phụ lục (xem giả định other-sectors)') },
    aggregation: { kind: 'weighted', weights: [{ pillar: 'strategy', weight: 3 }, { pillar: 'customer', weight: 3 }, { pillar: 'data', weight: 2 }, { pillar: 'sector', weight: 2 }] },
    levels: [1, 2, 3, 4].map((level) => ({ level, name: vi(`Mức ${level} (điền tên mức)`), description: vi('Điền mô tả mức theo quyết định') })),
    levelRule: {
      kind: 'total-percent-bands',
      bands: [
        { level: 1, fromPercent: 0, fromInclusive: true },
        { level: 2, fromPercent: 25, fromInclusive: true },
        { level: 3, fromPercent: 50, fromInclusive: true },
        { level: 4, fromPercent: 75, fromInclusive: true },
      ],
      pillarLevels: true,
      caps: [
        { atMost: 2, anyPillarBelowPercent: 20, basis: vi('Không cao hơn Mức 2 khi có trụ cột dưới 20% (thay bằng điều kiện của quyết định)') },
        { atMost: 3, anyPillarBelowLevel: 3, pillars: ['strategy'], basis: vi('Không cao hơn Mức 3 khi trụ cột chiến lược dưới Mức 3 (thay bằng điều kiện của quyết định)') },
      ],
      status: 'reconstructed',
    },
  };
}
