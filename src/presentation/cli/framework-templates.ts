/**
 * The starting files `vndi framework template dbi|dti` prints. Each is a minimal framework that
 * validates as it stands (a test defines both), so that a Department edits a working file rather
 * than an empty skeleton. JSON has no comments: the fields are explained by the JSON Schema named
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
