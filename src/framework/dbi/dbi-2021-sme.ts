import { dbiFrameworkYears } from '../decisions.js';
import { bundledFramework } from '../freeze.js';
import type { DbiFramework } from '../schema.js';
import { LEVELS_1970, LEVEL_TEXTS_1970_NOTE, LEGAL_BASIS_1970, PILLARS_1970, SCALE_0_25_BY_5, component as comp, criterion as c } from './shared.js';

/**
 * DBI for small and medium-sized enterprises of Decision 1970/QĐ-BTTTT (13/12/2021): 6 pillars,
 * 10 component indicators, 60 criteria, 320 points, maturity levels 0–5.
 *
 * The decision's appendix could not be read; pillars and counts are confirmed by the 2021
 * dbi.gov.vn pages; the criteria and points come from re-encodings of the questionnaire in An
 * Giang student projects on GitHub (application code and an SQL database dump, which agree with each
 * other and with the official counts), and the level rule from one of them (reference dbi-2021.md
 * §2A, §3); the level names come from secondary sources and the Vietnamese level descriptions are
 * back-translations. The framework is therefore `reconstructed`.
 */
export const dbi2021Sme: DbiFramework = /* @__PURE__ */ (() =>
  bundledFramework<DbiFramework>({
    kind: 'dbi',
    id: 'dbi-2021-sme',
    title: {
      vi: 'Chỉ số đánh giá mức độ chuyển đổi số doanh nghiệp nhỏ và vừa (Quyết định 1970/QĐ-BTTTT)',
      en: 'Digital Business Indicators for small and medium-sized enterprises (Decision 1970/QĐ-BTTTT)',
    },
    shortTitle: { vi: 'DBI 2021 – DN nhỏ và vừa', en: 'DBI 2021 – SMEs' },
    legalBasis: { ...LEGAL_BASIS_1970, issuer: { ...LEGAL_BASIS_1970.issuer } },
    // which years: the decisions table, the one place that says which decision applies when
    years: dbiFrameworkYears('dbi-2021-sme'),
    status: 'reconstructed',
    sources: [
      { id: 'S1', title: 'Decision 1970/QĐ-BTTTT (header and Article 1)', url: 'https://thuvienphapluat.vn/van-ban/doanh-nghiep/quyet-dinh-1970-qd-btttt-2021-xac-dinh-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep-497354.aspx' },
      { id: 'S2', title: 'dbi.gov.vn (2021 version): 6 pillars, 10 components, 60 criteria', url: 'https://dbi.gov.vn/(X(1)S(lppq5zmg0kcatmza1aeqy0xp))/chi-tiet-bo-chi-so?Tinbai=doanh-nghiep-vua-va-nho&AspxAutoDetectCookieSupport=1' },
      { id: 'S4', title: 'Three indices; SME 10 components, 60 criteria', url: 'http://hoitinhocxaydung.vn/2023/05/31/bo-chi-so-danh-gia-muc-do-chuyen-doi-so-doanh-nghiep/' },
      { id: 'G1', title: 'Unofficial: the code of a student application on GitHub (huynhhonghuan/project-cds-main, an An Giang DBI app) that says it follows Decision 1970; its forms give Bảng 1, Bảng 2 and the overall level rule. Not the decision\'s text, and not seen on an official page' },
      { id: 'G4', title: 'Unofficial: an SQL database dump (phpMyAdmin, 12/04/2023) of another An Giang student project on GitHub, repository not identified; gives the SME tree and the maxima per pillar and component. Not the decision\'s text' },
    ],
    assumptions: [
      {
        id: 'criterion-scale',
        description: {
          vi: 'Mỗi tiêu chí 0–5 điểm (Không = 0, năm phương án tăng dần = 1…5); tiêu chí 2.1.1 từ 0 đến 25, bước 5. Bảng điểm chính thức theo từng phương án, ngưỡng quy đổi tỷ lệ sang điểm và cách quy 3 phương án của tiêu chí 1.2.1–1.2.3 sang thang 0–5 đều chưa tìm thấy: người dùng tự quy đổi.',
          en: 'Each criterion scores 0–5 (No = 0, five ascending answers = 1…5); criterion 2.1.1 scores 0–25 in steps of 5. The official per-answer table, the ratio-to-points thresholds and the mapping of the 3-option criteria 1.2.1–1.2.3 to 0–5 were not found: callers convert raw answers themselves.',
        },
        status: 'reconstructed',
        override: 'Give answers already on the 0–5 (0–25) scale.',
      },
      {
        id: 'three-option-criteria',
        description: {
          vi: 'Tiêu chí 1.2.1–1.2.3 chỉ có 3 phương án (trên 1 tháng / hàng tháng / hàng tuần); cách quy 3 phương án này sang thang 0–5 không tìm thấy. Thư viện nhận các tiêu chí này trên thang 0–5 như mọi tiêu chí; người dùng tự chọn và ghi lại cách quy đổi.',
          en: 'Criteria 1.2.1–1.2.3 have only 3 options (less than monthly / monthly / weekly); how those map to the 0–5 scale was not found. The library takes them on the 0–5 scale like every criterion; the caller chooses, and should record, the mapping.',
        },
        status: 'not-found',
        override: 'Give 1.2.1–1.2.3 on the 0–5 scale with your own, documented mapping of the 3 options.',
      },
      {
        id: 'level-rule',
        description: {
          vi: 'Quy tắc mức: trụ cột theo % điểm tối đa (≤10, ≤20, ≤40, ≤60, ≤80, ≤100); tổng thể cần tổng điểm > 20/64/128/192/256 VÀ ít nhất 4/4/4/5/6 trụ cột đạt mức tương ứng. Nguồn duy nhất: mã nguồn của một ứng dụng sinh viên (An Giang) trên GitHub (G1), tự nhận làm theo Quyết định 1970; không phải nguyên văn quyết định, chưa thấy trên trang chính thức nào. Quy tắc được áp dụng mặc định.',
          en: 'Level rule: pillars by % of maximum (≤10, ≤20, ≤40, ≤60, ≤80, ≤100); overall needs a total above 20/64/128/192/256 AND at least 4/4/4/5/6 pillars at that level. Its one source is the code of a student application (An Giang) on GitHub (G1) that says it follows Decision 1970: not the decision\'s text, and not seen on any official page. The rule is applied by default.',
        },
        status: 'reconstructed',
        override: 'withDbiLevelRule(framework, rule)',
      },
      {
        id: 'band-boundaries',
        description: {
          vi: 'Các ngưỡng được hiểu là bao gồm cận trên (39/65 là mức 3; đúng 10% là mức 0), theo ví dụ của nguồn.',
          en: 'Bands are read as upper-inclusive (39/65 is level 3; exactly 10% is level 0), following the source’s worked example.',
        },
        status: 'reconstructed',
        override: 'withDbiLevelRule(framework, rule)',
      },
    ],
    notes: [
      {
        vi: 'Nguồn chính thức (dbi.gov.vn 2021) gọi trụ cột 2 là "Chiến lược"; một số ứng dụng gọi là "Chiến lược số".',
        en: 'The official 2021 dbi.gov.vn page names pillar 2 "Chiến lược"; some apps call it "Chiến lược số".',
      },
      { ...LEVEL_TEXTS_1970_NOTE },
    ],
    enterpriseSize: 'sme',
    inputLevel: 'criterion',
    pillarInputDecimals: 0,
    totalMax: 320,
    componentCount: 10,
    criterionCount: 60,
    pillars: [
      {
        id: 'customer', ...PILLARS_1970.customer, max: 65, maxStatus: 'reconstructed', nameStatus: 'confirmed',
        components: [
          comp('1.1', 'Hiện diện trực tuyến', 'Online presence', 45, [
            c('1.1.1', 'Tần suất doanh nghiệp cập nhật website riêng', 'How often the enterprise updates its own website'),
            c('1.1.2', 'Tần suất doanh nghiệp có hoạt động trên mạng xã hội', 'How often the enterprise is active on social networks'),
            c('1.1.3', 'Tỷ lệ đầu tư vào hoạt động tiếp thị số của doanh nghiệp', 'Share of investment in digital marketing'),
            c('1.1.4', 'Tần suất doanh nghiệp sử dụng sàn thương mại điện tử để bán sản phẩm (B2C, B2B, B2G)', 'How often the enterprise sells on e-commerce platforms (B2C, B2B, B2G)'),
            c('1.1.5', 'Tỷ lệ doanh thu của mảng thương mại điện tử của doanh nghiệp hàng năm', 'Share of annual revenue from e-commerce'),
            c('1.1.6', 'Tỷ lệ doanh thu của mảng thương mại điện tử xuyên biên giới của doanh nghiệp hàng năm', 'Share of annual revenue from cross-border e-commerce'),
            c('1.1.7', 'Tần suất doanh nghiệp cập nhật danh mục sản phẩm dịch vụ trên môi trường số', 'How often the product and service catalogue is updated online'),
            c('1.1.8', 'Mức độ giao tiếp của doanh nghiệp với khách hàng thông qua các kênh số', 'Extent of communication with customers through digital channels'),
            c('1.1.9', 'Khả năng của doanh nghiệp trong việc cung cấp công cụ/tiện ích số để khách hàng lựa chọn sản phẩm theo ý muốn', 'Digital tools offered for customers to choose products as they wish'),
          ]),
          comp('1.2', 'Hoạt động trực tuyến', 'Online operations', 20, [
            c('1.2.1', 'Tần suất doanh nghiệp tương tác nghiệp vụ với doanh nghiệp khác trên môi trường số', 'How often the enterprise transacts with other enterprises online'),
            c('1.2.2', 'Tần suất doanh nghiệp tương tác nghiệp vụ với cơ quan nhà nước trên môi trường số', 'How often the enterprise transacts with government agencies online'),
            c('1.2.3', 'Tần suất doanh nghiệp sử dụng các dịch vụ ngân hàng trực tuyến', 'How often the enterprise uses online banking'),
            c('1.2.4', 'Mức độ doanh nghiệp mua sắm hàng hóa trực tuyến', 'Extent of online procurement'),
          ]),
        ],
      },
      {
        id: 'strategy', ...PILLARS_1970.strategy, max: 25, maxStatus: 'reconstructed', nameStatus: 'confirmed',
        components: [
          comp('2.1', 'Chiến lược/kế hoạch chuyển đổi số', 'Digital-transformation strategy or plan', 25, [
            c('2.1.1', 'Xây dựng chiến lược/kế hoạch chuyển đổi số của doanh nghiệp', 'The enterprise’s digital-transformation strategy or plan', SCALE_0_25_BY_5),
          ]),
        ],
      },
      {
        id: 'technology', ...PILLARS_1970.technology, max: 80, maxStatus: 'reconstructed', nameStatus: 'confirmed',
        components: [
          comp('3.1', 'Kết nối mạng', 'Network connectivity', 10, [
            c('3.1.1', 'Mức độ sử dụng đường truyền Internet băng thông rộng cố định của doanh nghiệp', 'Use of fixed broadband Internet'),
            c('3.1.2', 'Mức độ sử dụng Internet không dây (wifi) của doanh nghiệp', 'Use of wireless Internet (wifi)'),
          ]),
          comp('3.2', 'Cơ sở hạ tầng Công nghệ thông tin - truyền thông', 'ICT infrastructure', 70, [
            c('3.2.1', 'Mức độ sử dụng mạng nội bộ (LAN, Intranet)', 'Use of an internal network (LAN, intranet)'),
            c('3.2.2', 'Mức độ sử dụng giải pháp lưu trữ bản ghi hồ sơ điện tử', 'Use of electronic records storage'),
            c('3.2.3', 'Mức độ sử dụng hóa đơn điện tử', 'Use of e-invoices'),
            c('3.2.4', 'Mức độ sử dụng giải pháp chia sẻ thông tin, dữ liệu số', 'Use of information and data sharing solutions'),
            c('3.2.5', 'Dịch vụ/giải pháp điện toán đám mây', 'Cloud computing services or solutions'),
            c('3.2.6', 'Hệ thống/công cụ tích hợp thuộc nhóm quản trị và nghiệp vụ (ví dụ ERP)', 'Integrated management and operations systems (e.g. ERP)'),
            c('3.2.7', 'Hệ thống/công cụ tích hợp thuộc nhóm khách hàng và thị trường (ví dụ CRM)', 'Integrated customer and market systems (e.g. CRM)'),
            c('3.2.8', 'Hệ thống/công cụ tích hợp thuộc nhóm hạ tầng công nghệ và an ninh mạng (ví dụ tường lửa)', 'Integrated technology-infrastructure and security systems (e.g. firewall)'),
            c('3.2.9', 'Thiết bị, giải pháp IoT', 'IoT devices and solutions'),
            c('3.2.10', 'Công nghệ Blockchain', 'Blockchain technology'),
            c('3.2.11', 'Robot hoặc máy in 3D', 'Robots or 3D printers'),
            c('3.2.12', 'Quy trình tự động hóa', 'Process automation'),
            c('3.2.13', 'Công nghệ nhận diện thương hiệu và sản phẩm tự động/chuyên biệt trong chuỗi cung ứng (ví dụ RFID)', 'Automatic brand and product identification in the supply chain (e.g. RFID)'),
            c('3.2.14', 'Quản lý chuỗi cung ứng/đối tác qua giải pháp số hóa', 'Digital supply-chain and partner management'),
          ]),
        ],
      },
      {
        id: 'operations', ...PILLARS_1970.operations, max: 65, maxStatus: 'reconstructed', nameStatus: 'confirmed',
        components: [
          comp('4.1', 'Chính sách Công nghệ thông tin - truyền thông', 'ICT policies', 30, [
            c('4.1.1', 'Chính sách bảo mật ICT', 'ICT security policy'),
            c('4.1.2', 'Chính sách bảo vệ dữ liệu', 'Data protection policy'),
            c('4.1.3', 'Chính sách bảo đảm chất lượng', 'Quality assurance policy'),
            c('4.1.4', 'Chính sách đánh giá hiệu quả hoạt động', 'Performance evaluation policy'),
            c('4.1.5', 'Tần suất nâng cấp/cập nhật phần cứng/phần mềm', 'How often hardware and software are upgraded'),
            c('4.1.6', 'Tỷ lệ đầu tư vào cải thiện/nâng cấp cơ sở hạ tầng ICT', 'Share of investment in ICT infrastructure upgrades'),
          ]),
          comp('4.2', 'Nguồn nhân lực', 'Human resources', 35, [
            c('4.2.1', 'Bộ phận IT chuyên trách', 'Dedicated IT department'),
            c('4.2.2', 'Tỷ lệ nhân viên tốt nghiệp ICT/lập trình/STEM', 'Share of staff with ICT, programming or STEM degrees'),
            c('4.2.3', 'Tỷ lệ nhân viên đảm nhiệm vai trò chuyên gia kinh doanh', 'Share of staff in business-expert roles'),
            c('4.2.4', 'Giải pháp làm việc từ xa', 'Remote-work solutions'),
            c('4.2.5', 'Đào tạo nhân viên về ICT', 'ICT training for staff'),
            c('4.2.6', 'Tạo điều kiện tham gia đào tạo trực tuyến', 'Support for online training'),
            c('4.2.7', 'Xây dựng kho tri thức và chuyên môn', 'Knowledge and expertise repository'),
          ]),
        ],
      },
      {
        id: 'culture', ...PILLARS_1970.culture, max: 50, maxStatus: 'reconstructed', nameStatus: 'confirmed',
        components: [
          comp('5.1', 'Sử dụng ICT', 'Use of ICT', 25, [
            c('5.1.1', 'Tỷ lệ nhân viên dùng máy tính/điện thoại thông minh cho công việc', 'Share of staff using computers or smartphones for work'),
            c('5.1.2', 'Tỷ lệ nhân viên dùng internet cho công việc', 'Share of staff using the Internet for work'),
            c('5.1.3', 'Email tên miền doanh nghiệp', 'E-mail on the enterprise’s own domain'),
            c('5.1.4', 'Tỷ lệ nhân viên dùng ứng dụng cơ bản/phần mềm office', 'Share of staff using basic office software'),
            c('5.1.5', 'Giải pháp họp trực tuyến', 'Online meeting solutions'),
          ]),
          comp('5.2', 'Cơ sở hạ tầng R&D (Nghiên cứu và phát triển)', 'R&D infrastructure', 25, [
            c('5.2.1', 'Bộ phận R&D', 'R&D department'),
            c('5.2.2', 'Tỷ lệ đầu tư hàng năm cho R&D', 'Annual share of investment in R&D'),
            c('5.2.3', 'Sở hữu bằng sáng chế/nhãn hiệu riêng', 'Own patents or trademarks'),
            c('5.2.4', 'Đánh giá năng lực đổi mới nội bộ', 'Internal innovation capability'),
            c('5.2.5', 'Hợp tác sáng tạo cho ra sản phẩm/dịch vụ đột phá', 'Innovation partnerships for breakthrough products or services'),
          ]),
        ],
      },
      {
        id: 'data', ...PILLARS_1970.data, max: 35, maxStatus: 'reconstructed', nameStatus: 'confirmed',
        components: [
          comp('6.1', 'Sử dụng và quản trị dữ liệu', 'Data use and governance', 35, [
            c('6.1.1', 'Sở hữu cơ sở dữ liệu riêng', 'Own databases'),
            c('6.1.2', 'Thu thập và sử dụng dữ liệu lớn', 'Collection and use of big data'),
            c('6.1.3', 'Phần mềm/ứng dụng quản lý CSDL', 'Database management software'),
            c('6.1.4', 'Phương pháp thu thập dữ liệu riêng qua kênh số', 'Own data collection through digital channels'),
            c('6.1.5', 'Tạo ra/nâng cao doanh thu từ khai thác dữ liệu', 'Revenue created or raised by exploiting data'),
            c('6.1.6', 'Phần mềm kinh doanh thông minh, phân tích và biểu thị dữ liệu, quản trị tri thức', 'Business intelligence, analytics, visualisation and knowledge management software'),
            c('6.1.7', 'Công cụ/tiện ích hỗ trợ ra quyết định', 'Decision-support tools'),
          ]),
        ],
      },
    ],
    levels: LEVELS_1970,
    levelRule: {
      kind: 'pillar-bands-and-count',
      pillarBands: [
        { level: 0, upToPercent: 10 },
        { level: 1, upToPercent: 20 },
        { level: 2, upToPercent: 40 },
        { level: 3, upToPercent: 60 },
        { level: 4, upToPercent: 80 },
        { level: 5, upToPercent: 100 },
      ],
      overall: [
        { level: 1, totalAbove: 20, minPillarsAtLevel: 4 },
        { level: 2, totalAbove: 64, minPillarsAtLevel: 4 },
        { level: 3, totalAbove: 128, minPillarsAtLevel: 4 },
        { level: 4, totalAbove: 192, minPillarsAtLevel: 5 },
        { level: 5, totalAbove: 256, minPillarsAtLevel: 6 },
      ],
      status: 'reconstructed',
    },
  }))();
