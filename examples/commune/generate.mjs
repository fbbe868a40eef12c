/**
 * Writes the commune example data set from the table below: for each procedure the national
 * catalogue record (current and last-synced base), the e-ISO procedure document and the one-stop
 * portal configuration, then `seeded.json` — every disagreement planted on purpose.
 *
 * Run: `node examples/commune/generate.mjs` (deterministic; the JSON files are committed).
 * Facts and their sources: README.md. Seeds: SEEDED.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

const HERE = new URL('./', import.meta.url);
const AGENCY = { code: 'H12.01.01', eiso: 'UBND phường An Bình', portal: 'Ủy ban nhân dân phường An Bình' };
const DISTRICT = 'UBND huyện An Bình';

/**
 * Performers as each system writes them. `eiso` is the ISO "Trách nhiệm" text; `role`/`unit` the
 * portal's user group and DonViXuLy (no unit: the agency). The pairs name the same performer: the
 * one-stop desk is "Bộ phận TN&TKQ" in ISO and "Bộ phận Một cửa" in the portal (aliases, ND 61/2018
 * art. 7), the agency is "UBND phường" in ISO and "Ủy ban nhân dân phường" in the portal.
 */
const WHO = {
  motcua: { eiso: 'Công chức Bộ phận TN&TKQ', role: 'Công chức', unit: 'Bộ phận Một cửa' },
  ttpv: { eiso: 'Công chức TTPVHCC', role: 'Công chức', unit: 'Trung tâm Phục vụ hành chính công' },
  tuphap: { eiso: 'Công chức Tư pháp - Hộ tịch', role: 'Công chức Tư pháp - Hộ tịch' },
  lanhdao: { eiso: 'Chủ tịch/Phó Chủ tịch UBND phường', role: 'Chủ tịch/Phó Chủ tịch' },
  vanphong: { eiso: 'Công chức Văn phòng HĐND và UBND', role: 'Công chức', unit: 'Văn phòng HĐND và UBND' },
  kinhte: {
    eiso: 'Công chức Phòng Kinh tế, Hạ tầng và Đô thị',
    role: 'Công chức',
    unit: 'Phòng Kinh tế, Hạ tầng và Đô thị',
  },
  vhxh: { eiso: 'Công chức Phòng Văn hóa - Xã hội', role: 'Công chức', unit: 'Phòng Văn hóa - Xã hội' },
  // Post-2025 rename left behind: district units no longer exist (Law 72/2025/QH15, from 1/7/2025).
  huyenTckh: {
    eiso: 'Chuyên viên Phòng Tài chính - Kế hoạch',
    role: 'Chuyên viên',
    unit: `Phòng Tài chính - Kế hoạch ${DISTRICT}`,
  },
  huyenTuphap: { eiso: 'Chuyên viên Phòng Tư pháp', role: 'Chuyên viên', unit: `Phòng Tư pháp ${DISTRICT}` },
};

const LAW = {
  hoTich: { SOVANBAN: '60/2014/QH13', TENVANBAN: 'Luật Hộ tịch', NGAYBANHANH: '20/11/2014', COQUANBANHANH: 'Quốc hội' },
  nd123: {
    SOVANBAN: '123/2015/NĐ-CP',
    TENVANBAN: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
    NGAYBANHANH: '15/11/2015',
  },
  tt04: {
    SOVANBAN: '04/2020/TT-BTP',
    TENVANBAN: 'Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP',
    NGAYBANHANH: '28/5/2020',
  },
  tt85: {
    SOVANBAN: '85/2019/TT-BTC',
    TENVANBAN: 'Thông tư hướng dẫn về phí và lệ phí thuộc thẩm quyền quyết định của Hội đồng nhân dân tỉnh',
    NGAYBANHANH: '29/11/2019',
  },
  tt281: {
    SOVANBAN: '281/2016/TT-BTC',
    TENVANBAN:
      'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí khai thác, sử dụng thông tin trong cơ sở dữ liệu hộ tịch',
    NGAYBANHANH: '14/11/2016',
  },
  nd23: {
    SOVANBAN: '23/2015/NĐ-CP',
    TENVANBAN:
      'Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch',
    NGAYBANHANH: '16/02/2015',
  },
  tt20: {
    SOVANBAN: '20/2015/TT-BTP',
    TENVANBAN: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Nghị định số 23/2015/NĐ-CP',
    NGAYBANHANH: '29/12/2015',
  },
  tt01btp: {
    SOVANBAN: '01/2020/TT-BTP',
    TENVANBAN: 'Thông tư quy định chi tiết một số điều và biện pháp thi hành Nghị định số 23/2015/NĐ-CP',
    NGAYBANHANH: '03/3/2020',
  },
  tt226: {
    SOVANBAN: '226/2016/TT-BTC',
    TENVANBAN: 'Thông tư quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí chứng thực',
    NGAYBANHANH: '11/11/2016',
  },
  ldn: {
    SOVANBAN: '59/2020/QH14',
    TENVANBAN: 'Luật Doanh nghiệp',
    NGAYBANHANH: '17/6/2020',
    COQUANBANHANH: 'Quốc hội',
  },
  nd01: { SOVANBAN: '01/2021/NĐ-CP', TENVANBAN: 'Nghị định về đăng ký doanh nghiệp', NGAYBANHANH: '04/01/2021' },
  nd168: { SOVANBAN: '168/2025/NĐ-CP', TENVANBAN: 'Nghị định về đăng ký doanh nghiệp', NGAYBANHANH: '30/6/2025' },
  nd20: {
    SOVANBAN: '20/2021/NĐ-CP',
    TENVANBAN: 'Nghị định quy định chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội',
    NGAYBANHANH: '15/3/2021',
  },
  bhxh: {
    SOVANBAN: '41/2024/QH15',
    TENVANBAN: 'Luật Bảo hiểm xã hội',
    NGAYBANHANH: '29/6/2024',
    COQUANBANHANH: 'Quốc hội',
  },
  nkt: {
    SOVANBAN: '51/2010/QH12',
    TENVANBAN: 'Luật Người khuyết tật',
    NGAYBANHANH: '17/6/2010',
    COQUANBANHANH: 'Quốc hội',
  },
  tt01ld: {
    SOVANBAN: '01/2019/TT-BLĐTBXH',
    TENVANBAN: 'Thông tư quy định về việc xác định mức độ khuyết tật do Hội đồng xác định mức độ khuyết tật thực hiện',
    NGAYBANHANH: '02/01/2019',
  },
  dd2013: { SOVANBAN: '45/2013/QH13', TENVANBAN: 'Luật Đất đai', NGAYBANHANH: '29/11/2013', COQUANBANHANH: 'Quốc hội' },
  dd2024: { SOVANBAN: '31/2024/QH15', TENVANBAN: 'Luật Đất đai', NGAYBANHANH: '18/01/2024', COQUANBANHANH: 'Quốc hội' },
  xd: { SOVANBAN: '50/2014/QH13', TENVANBAN: 'Luật Xây dựng', NGAYBANHANH: '18/6/2014', COQUANBANHANH: 'Quốc hội' },
  nd175: {
    SOVANBAN: '175/2024/NĐ-CP',
    TENVANBAN:
      'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng',
    NGAYBANHANH: '30/12/2024',
  },
};

const FIELD = {
  hoTich: { MALINHVUC: 'G09-TP02', TENLINHVUC: 'Hộ tịch' },
  chungThuc: { MALINHVUC: 'G09-TP03', TENLINHVUC: 'Chứng thực' },
  hkd: { MALINHVUC: 'G09-KH05', TENLINHVUC: 'Thành lập và hoạt động của hộ kinh doanh' },
  btxh: { MALINHVUC: 'G09-LĐ04', TENLINHVUC: 'Bảo trợ xã hội' },
  datDai: { MALINHVUC: 'G09-TN01', TENLINHVUC: 'Đất đai' },
  xayDung: { MALINHVUC: 'G09-XD04', TENLINHVUC: 'Hoạt động xây dựng' },
};

const SAME_DAY =
  'Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết quả trong ngày làm việc tiếp theo.';

/** Step shorthands: [id, name, performer, hours, forms, eiso time text?]. */
const receive = (who, hours, forms = ['Mẫu 01']) => [
  'tiep-nhan',
  'Tiếp nhận hồ sơ, kiểm tra tính đầy đủ, hợp lệ; lập Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  who,
  hours,
  forms,
];
const sign = (hours, what) => ['ky-duyet', `Ký ${what}`, 'lanhdao', hours, []];
const record = (hours) => [
  'vao-so',
  'Vào sổ, đóng dấu; chuyển kết quả cho bộ phận trả kết quả',
  'vanphong',
  hours,
  ['Mẫu 05'],
];
const giveBack = (who) => ['tra-ket-qua', 'Trả kết quả cho người yêu cầu; thống kê, theo dõi', who, 0, ['Mẫu 06']];

/**
 * The procedures. `limit` is the catalogue time limit [amount, DONVITINH, MOTA?]; `fees` per channel
 * are [code, amount, description]; `seed` lists the planted disagreements (see SEEDED.md).
 */
const PROCEDURES = [
  {
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    field: 'hoTich',
    limit: [1, 'Ngày làm việc', SAME_DAY],
    fee: ['LP-HT-01', 0, 'Miễn lệ phí đăng ký khai sinh đúng hạn'],
    components: [
      ['Tờ khai đăng ký khai sinh', 'Mẫu TP/HT-2020-KS.1'],
      ['Giấy chứng sinh hoặc giấy tờ thay thế Giấy chứng sinh'],
    ],
    result: 'Giấy khai sinh',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('motcua', 0.5),
      [
        'tham-dinh',
        'Thẩm định hồ sơ; ghi Sổ đăng ký khai sinh, cập nhật Cơ sở dữ liệu hộ tịch điện tử; trình ký',
        'tuphap',
        4,
        ['Mẫu 05'],
      ],
      sign(2, 'Giấy khai sinh'),
      record(1),
      giveBack('motcua'),
    ],
  },
  {
    code: '1.000656',
    name: 'Thủ tục đăng ký khai tử',
    field: 'hoTich',
    limit: [1, 'Ngày làm việc', SAME_DAY],
    fee: ['LP-HT-02', 0, 'Miễn lệ phí đăng ký khai tử đúng hạn'],
    components: [['Tờ khai đăng ký khai tử', 'Mẫu TP/HT-2020-KT'], ['Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử']],
    result: 'Trích lục khai tử',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('ttpv', 0.5),
      ['tham-dinh', 'Thẩm định hồ sơ; ghi Sổ đăng ký khai tử; trình ký Trích lục khai tử', 'tuphap', 4, ['Mẫu 05']],
      sign(2, 'Trích lục khai tử'),
      record(1),
      giveBack('ttpv'),
    ],
  },
  {
    code: '1.000894',
    name: 'Thủ tục đăng ký kết hôn',
    field: 'hoTich',
    limit: [
      1,
      'Ngày làm việc',
      `${SAME_DAY} Trường hợp cần xác minh thì thời hạn giải quyết không quá 05 ngày làm việc.`,
    ],
    fee: ['LP-HT-03', 0, 'Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước'],
    components: [['Tờ khai đăng ký kết hôn', 'Mẫu TP/HT-2020-KH']],
    result: 'Giấy chứng nhận kết hôn',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('motcua', 0.5),
      ['tham-dinh', 'Thẩm định hồ sơ, xác minh điều kiện kết hôn; trình ký', 'tuphap', 4, ['Mẫu 05']],
      sign(2, 'Giấy chứng nhận kết hôn'),
      record(1),
      giveBack('motcua'),
    ],
    seeds: [
      { kind: 'performer.differs', system: 'portal', step: 'tham-dinh', who: 'vhxh', expectedChange: 'step.performer' },
    ],
  },
  {
    code: '1.001022',
    name: 'Thủ tục đăng ký nhận cha, mẹ, con',
    field: 'hoTich',
    limit: [
      3,
      'Ngày làm việc',
      'Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ giấy tờ; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc.',
    ],
    fee: ['LP-HT-04', 15000, 'Lệ phí đăng ký nhận cha, mẹ, con'],
    components: [
      ['Tờ khai đăng ký nhận cha, mẹ, con', 'Mẫu TP/HT-2020-CMC'],
      ['Chứng cứ chứng minh quan hệ cha, mẹ, con'],
    ],
    result: 'Trích lục đăng ký nhận cha, mẹ, con',
    laws: ['hoTich', 'nd123', 'tt04', 'tt85'],
    steps: [
      receive('motcua', 2),
      ['tham-dinh', 'Thẩm định hồ sơ; niêm yết việc nhận cha, mẹ, con; trình ký', 'tuphap', 14, ['Mẫu 05']],
      sign(4, 'Trích lục đăng ký nhận cha, mẹ, con'),
      record(2),
      giveBack('motcua'),
    ],
    seeds: [
      {
        kind: 'steps.count',
        system: 'portal',
        add: {
          after: 'tham-dinh',
          step: ['xac-minh', 'Xác minh quan hệ cha, mẹ, con tại nơi cư trú', 'tuphap', 2, []],
        },
        expectedChange: 'step.added',
      },
    ],
  },
  {
    code: '1.004859',
    name: 'Thủ tục đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch',
    field: 'hoTich',
    limit: [
      3,
      'Ngày làm việc',
      'Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ giấy tờ; trường hợp cần xác minh thì kéo dài thêm không quá 03 ngày làm việc.',
    ],
    fee: ['LP-HT-05', 15000, 'Lệ phí đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch'],
    components: [
      ['Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Mẫu TP/HT-2020-TĐCCBS'],
      ['Giấy tờ làm căn cứ thay đổi, cải chính, bổ sung'],
    ],
    result: 'Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch',
    laws: ['hoTich', 'nd123', 'tt04', 'tt85'],
    steps: [
      receive('ttpv', 2),
      ['tham-dinh', 'Thẩm định hồ sơ; ghi nội dung vào Sổ hộ tịch; trình ký', 'tuphap', 12, ['Mẫu 05']],
      sign(4, 'Trích lục thay đổi, cải chính'),
      record(4),
      giveBack('ttpv'),
    ],
    seeds: [{ kind: 'steps.count', system: 'portal', remove: 'vao-so', expectedChange: 'step.removed' }],
  },
  {
    code: '2.000635',
    name: 'Thủ tục cấp bản sao Trích lục hộ tịch',
    field: 'hoTich',
    limit: [1, 'Ngày làm việc', SAME_DAY],
    fee: ['PHI-HT-01', 8000, 'Phí cấp bản sao Trích lục hộ tịch (mỗi bản)'],
    components: [['Tờ khai cấp bản sao Trích lục hộ tịch', 'Mẫu TP/HT-2020-BSTL']],
    result: 'Bản sao Trích lục hộ tịch',
    laws: ['hoTich', 'nd123', 'tt04', 'tt281'],
    steps: [
      receive('motcua', 0.5),
      ['tra-cuu', 'Tra cứu Sổ hộ tịch, Cơ sở dữ liệu hộ tịch điện tử; trình ký bản sao', 'tuphap', 2, ['Mẫu 05']],
      sign(1, 'bản sao Trích lục hộ tịch'),
      record(0.5),
      giveBack('motcua'),
    ],
  },
  {
    code: '1.004884',
    name: 'Thủ tục đăng ký lại khai sinh',
    field: 'hoTich',
    limit: [
      5,
      'Ngày làm việc',
      'Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc.',
    ],
    fee: ['LP-HT-06', 0, 'Miễn lệ phí'],
    components: [
      ['Tờ khai đăng ký lại khai sinh', 'Mẫu TP/HT-2020-KSL'],
      ['Bản sao giấy tờ có thông tin khai sinh của người yêu cầu'],
    ],
    result: 'Giấy khai sinh (đăng ký lại)',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('motcua', 4),
      ['kiem-tra', 'Kiểm tra, xác minh hồ sơ; trình ký', 'tuphap', 16, ['Mẫu 05']],
      sign(8, 'Giấy khai sinh'),
      record(4),
      giveBack('motcua'),
    ],
    seeds: [{ kind: 'time.differs', system: 'portal', step: 'kiem-tra', hours: 24, expectedChange: 'step.duration' }],
  },
  {
    code: '1.004873',
    name: 'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'hoTich',
    limit: [
      3,
      'Ngày làm việc',
      'Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ giấy tờ; trường hợp cần xác minh thì không quá 23 ngày.',
    ],
    fee: ['LP-HT-07', 0, 'Miễn lệ phí (theo Nghị quyết của Hội đồng nhân dân tỉnh)'],
    components: [['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Mẫu TP/HT-2020-XNTTHN']],
    result: 'Giấy xác nhận tình trạng hôn nhân',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('ttpv', 2, ['Mẫu TP/HT-2020-XNTTHN', 'Mẫu 01']),
      ['tham-dinh', 'Thẩm định hồ sơ, kiểm tra Cơ sở dữ liệu hộ tịch; trình ký', 'tuphap', 14, ['Mẫu 05']],
      sign(4, 'Giấy xác nhận tình trạng hôn nhân'),
      record(4),
      giveBack('ttpv'),
    ],
    seeds: [
      {
        kind: 'form.differs',
        system: 'eiso',
        step: 'tiep-nhan',
        forms: ['Mẫu TP/HT-2015-XNTTHN', 'Mẫu 01'],
        expectedChange: 'forms.notInComponents',
      },
    ],
  },
  {
    code: '1.004837',
    name: 'Thủ tục đăng ký giám hộ',
    field: 'hoTich',
    limit: [3, 'Ngày làm việc', 'Trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ giấy tờ.'],
    fee: ['LP-HT-08', 0, 'Miễn lệ phí đăng ký giám hộ'],
    components: [['Tờ khai đăng ký giám hộ', 'Mẫu TP/HT-2020-GH'], ['Văn bản cử người giám hộ']],
    result: 'Trích lục đăng ký giám hộ',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('motcua', 2),
      ['tham-dinh', 'Thẩm định hồ sơ đăng ký giám hộ; trình ký', 'tuphap', 12, ['Mẫu 05']],
      sign(6, 'Trích lục đăng ký giám hộ'),
      record(4),
      giveBack('motcua'),
    ],
    seeds: [
      {
        kind: 'step.renamed',
        system: 'portal',
        step: 'tham-dinh',
        name: 'Xem xét hồ sơ giám hộ, dự thảo Trích lục',
        expectedChange: 'step.renamed',
      },
    ],
  },
  {
    code: '1.004746',
    name: 'Thủ tục đăng ký lại kết hôn',
    field: 'hoTich',
    limit: [
      5,
      'Ngày làm việc',
      'Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ; trường hợp cần xác minh thì kéo dài thêm không quá 05 ngày làm việc.',
    ],
    fee: ['LP-HT-09', 0, 'Miễn lệ phí'],
    components: [
      ['Tờ khai đăng ký lại kết hôn', 'Mẫu TP/HT-2020-KHL'],
      ['Bản sao Giấy chứng nhận kết hôn đã cấp trước đây (nếu có)'],
    ],
    result: 'Giấy chứng nhận kết hôn (đăng ký lại)',
    laws: ['hoTich', 'nd123', 'tt04'],
    steps: [
      receive('ttpv', 4),
      ['kiem-tra', 'Kiểm tra, xác minh hồ sơ đăng ký lại kết hôn; trình ký', 'tuphap', 24, ['Mẫu 05']],
      sign(8, 'Giấy chứng nhận kết hôn'),
      record(4),
      giveBack('ttpv'),
    ],
  },
  {
    code: '2.000815',
    name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'chungThuc',
    limit: [
      1,
      'Ngày làm việc',
      'Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ.',
    ],
    fee: [
      'LP-CT-01',
      2000,
      'Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang; từ trang thứ 3 trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản',
    ],
    components: [['Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao'], ['Bản sao cần chứng thực']],
    result: 'Bản sao được chứng thực từ bản chính',
    laws: ['nd23', 'tt01btp', 'tt226'],
    channels: [1],
    steps: [
      receive('motcua', 0.5),
      [
        'doi-chieu',
        'Đối chiếu bản sao với bản chính, ghi lời chứng; trình ký',
        'tuphap',
        3.5,
        ['Sổ chứng thực bản sao'],
      ],
      sign(2, 'lời chứng, đóng dấu'),
      record(2),
      giveBack('motcua'),
    ],
  },
  {
    code: '2.000884',
    name: 'Thủ tục chứng thực chữ ký trong các giấy tờ, văn bản',
    field: 'chungThuc',
    limit: [
      1,
      'Ngày làm việc',
      'Trong ngày cơ quan, tổ chức tiếp nhận yêu cầu hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ.',
    ],
    fee: ['LP-CT-02', 10000, 'Phí chứng thực chữ ký: 10.000 đồng/trường hợp'],
    components: [['Giấy tờ tùy thân của người yêu cầu chứng thực'], ['Giấy tờ, văn bản mà mình sẽ ký']],
    result: 'Giấy tờ, văn bản được chứng thực chữ ký',
    laws: ['nd23', 'tt01btp', 'tt226'],
    channels: [1],
    // Seed: the approved steps add up to 12 h (1,5 ngày) for a one-working-day limit — in BOTH systems.
    steps: [
      receive('motcua', 2),
      [
        'kiem-tra',
        'Kiểm tra giấy tờ, người yêu cầu ký trước mặt người thực hiện chứng thực; ghi lời chứng; trình ký',
        'tuphap',
        4,
        ['Sổ chứng thực chữ ký'],
      ],
      sign(4, 'lời chứng, đóng dấu'),
      record(2),
      giveBack('motcua'),
    ],
    seeds: [{ kind: 'total.exceedsLimit', system: 'eiso', expectedChange: 'total.exceedsLimit' }],
  },
  {
    code: '2.001019',
    name: 'Thủ tục chứng thực di chúc',
    field: 'chungThuc',
    limit: [2, 'Ngày làm việc', 'Trong thời hạn 02 ngày làm việc kể từ ngày nhận đủ hồ sơ yêu cầu chứng thực.'],
    fee: ['LP-CT-03', 50000, 'Phí chứng thực di chúc: 50.000 đồng/di chúc'],
    components: [['Dự thảo di chúc'], ['Giấy tờ tùy thân của người lập di chúc']],
    result: 'Di chúc được chứng thực',
    laws: ['nd23', 'tt01btp', 'tt226'],
    channels: [1],
    steps: [
      receive('ttpv', 1),
      [
        'kiem-tra',
        'Kiểm tra hồ sơ, năng lực hành vi dân sự của người lập di chúc; ghi lời chứng; trình ký',
        'tuphap',
        8,
        ['Sổ chứng thực hợp đồng, giao dịch'],
      ],
      sign(4, 'lời chứng, đóng dấu'),
      record(3),
      giveBack('ttpv'),
    ],
    seeds: [
      {
        kind: 'legalBasis.superseded',
        system: 'catalogue',
        base: { replace: 'tt01btp', with: 'tt20' },
        expectedChange: 'legalBasis.superseded',
      },
    ],
  },
  {
    code: '2.001016',
    name: 'Thủ tục chứng thực văn bản từ chối nhận di sản',
    field: 'chungThuc',
    limit: [2, 'Ngày làm việc', 'Trong thời hạn 02 ngày làm việc kể từ ngày nhận đủ hồ sơ yêu cầu chứng thực.'],
    fee: ['LP-CT-04', 20000, 'Phí chứng thực văn bản từ chối nhận di sản'],
    components: [['Dự thảo văn bản từ chối nhận di sản'], ['Giấy tờ tùy thân của người từ chối nhận di sản']],
    result: 'Văn bản từ chối nhận di sản được chứng thực',
    laws: ['nd23', 'tt01btp', 'tt226'],
    channels: [1],
    steps: [
      receive('motcua', 1),
      ['kiem-tra', 'Kiểm tra hồ sơ, ghi lời chứng; trình ký', 'tuphap', 8, ['Sổ chứng thực hợp đồng, giao dịch']],
      sign(4, 'lời chứng, đóng dấu'),
      record(3),
      giveBack('motcua'),
    ],
  },
  {
    code: '1.001612',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: 'hkd',
    limit: [3, 'Ngày làm việc', 'Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.'],
    fee: ['LP-HKD-01', 100000, 'Lệ phí đăng ký hộ kinh doanh (mức do Hội đồng nhân dân tỉnh quy định)'],
    components: [
      ['Giấy đề nghị đăng ký hộ kinh doanh', 'Mẫu Phụ lục III-1'],
      ['Biên bản họp thành viên hộ gia đình (nếu có)'],
    ],
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh',
    laws: ['ldn', 'nd168', 'tt85'],
    steps: [
      receive('ttpv', 4),
      ['tham-dinh', 'Thẩm định hồ sơ đăng ký hộ kinh doanh; trình ký', 'kinhte', 12, ['Mẫu 05']],
      sign(4, 'Giấy chứng nhận đăng ký hộ kinh doanh'),
      ['cap-nhat', 'Vào sổ, cập nhật Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh', 'kinhte', 4, []],
      giveBack('ttpv'),
    ],
    seeds: [
      {
        kind: 'fee.changed',
        system: 'catalogue',
        base: { channel: 2, amount: 100000 },
        current: { channel: 2, amount: 50000 },
        expectedChange: 'fee.changed',
      },
      {
        kind: 'legalBasis.superseded',
        system: 'catalogue',
        base: { replace: 'nd168', with: 'nd01' },
        expectedChange: 'legalBasis.superseded',
      },
    ],
  },
  {
    code: '2.000575',
    name: 'Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh',
    field: 'hkd',
    limit: [3, 'Ngày làm việc', 'Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ.'],
    fee: [
      'LP-HKD-02',
      100000,
      'Lệ phí cấp lại Giấy chứng nhận đăng ký hộ kinh doanh (mức do Hội đồng nhân dân tỉnh quy định)',
    ],
    components: [['Giấy đề nghị cấp lại Giấy chứng nhận đăng ký hộ kinh doanh']],
    result: 'Giấy chứng nhận đăng ký hộ kinh doanh (cấp lại)',
    laws: ['ldn', 'nd168', 'tt85'],
    steps: [
      receive('ttpv', 4),
      ['tham-dinh', 'Thẩm định hồ sơ cấp lại; trình ký', 'kinhte', 12, ['Mẫu 05']],
      sign(4, 'Giấy chứng nhận đăng ký hộ kinh doanh'),
      ['cap-nhat', 'Vào sổ, cập nhật Hệ thống thông tin quốc gia về đăng ký hộ kinh doanh', 'kinhte', 4, []],
      giveBack('ttpv'),
    ],
    seeds: [
      { kind: 'unit.renamed', system: 'portal', step: 'tham-dinh', who: 'huyenTckh', expectedChange: 'step.performer' },
    ],
  },
  {
    code: '1.001776',
    name: 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng',
    field: 'btxh',
    limit: [10, 'Ngày làm việc', 'Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.'],
    fee: ['PHI-BTXH-01', 0, 'Không'],
    components: [['Tờ khai đề nghị trợ giúp xã hội', 'Mẫu số 1a'], ['Bản sao giấy tờ chứng minh đối tượng']],
    result: 'Quyết định hưởng trợ cấp xã hội hàng tháng',
    laws: ['nd20'],
    steps: [
      receive('motcua', 4),
      [
        'xet-duyet',
        'Xem xét hồ sơ, tổ chức xét duyệt, niêm yết công khai; trình ký',
        'vhxh',
        56,
        ['Mẫu 05', 'Biên bản xét duyệt'],
      ],
      sign(12, 'Quyết định hưởng trợ cấp xã hội'),
      record(8),
      giveBack('motcua'),
    ],
  },
  {
    code: '1.014027',
    name: 'Thủ tục hưởng trợ cấp hưu trí xã hội',
    field: 'btxh',
    limit: [10, 'Ngày làm việc', 'Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ.'],
    fee: ['PHI-BTXH-02', 0, 'Không'],
    components: [['Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội']],
    result: 'Quyết định hưởng trợ cấp hưu trí xã hội',
    laws: ['bhxh'],
    steps: [
      receive('ttpv', 4),
      ['xet-duyet', 'Xem xét hồ sơ, đối chiếu điều kiện hưởng; trình ký', 'vhxh', 56, ['Mẫu 05']],
      sign(12, 'Quyết định hưởng trợ cấp hưu trí xã hội'),
      record(8),
      giveBack('ttpv'),
    ],
  },
  {
    code: '1.001699',
    name: 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật',
    field: 'btxh',
    limit: [30, 'Ngày', 'Trong thời hạn 30 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.'],
    fee: ['PHI-BTXH-03', 0, 'Không'],
    components: [['Đơn đề nghị xác định mức độ khuyết tật', 'Mẫu số 01']],
    result: 'Giấy xác nhận khuyết tật',
    laws: ['nkt', 'tt01ld'],
    steps: [
      receive('motcua', 4),
      [
        'hoi-dong',
        'Hội đồng xác định mức độ khuyết tật kiểm tra, đánh giá; lập biên bản; trình ký',
        'vhxh',
        120,
        ['Mẫu 05', 'Biên bản họp Hội đồng'],
      ],
      sign(16, 'Giấy xác nhận khuyết tật'),
      record(8),
      giveBack('motcua'),
    ],
  },
  {
    code: '1.012812',
    name: 'Hòa giải tranh chấp đất đai',
    field: 'datDai',
    limit: [30, 'Ngày', 'Không quá 30 ngày kể từ ngày Ủy ban nhân dân cấp xã nhận được đơn yêu cầu hòa giải.'],
    fee: ['PHI-DD-01', 0, 'Không'],
    components: [['Đơn đề nghị hòa giải tranh chấp đất đai']],
    result: 'Biên bản hòa giải thành hoặc hòa giải không thành',
    laws: ['dd2024'],
    channels: [1],
    steps: [
      receive('ttpv', 4),
      ['xac-minh', 'Thẩm tra, xác minh nguyên nhân tranh chấp, thu thập giấy tờ liên quan', 'kinhte', 80, ['Mẫu 05']],
      ['hoa-giai', 'Tổ chức cuộc họp hòa giải, lập biên bản hòa giải', 'lanhdao', 16, ['Biên bản hòa giải']],
      record(4),
      giveBack('ttpv'),
    ],
    seeds: [
      {
        kind: 'limit.changed',
        system: 'catalogue',
        base: { limit: [45, 'Ngày', 'Không quá 45 ngày kể từ ngày nhận được đơn yêu cầu hòa giải.'] },
        expectedChange: 'limit.changed',
      },
      {
        kind: 'legalBasis.superseded',
        system: 'catalogue',
        base: { replace: 'dd2024', with: 'dd2013' },
        expectedChange: 'legalBasis.superseded',
      },
    ],
  },
  {
    code: '1.013225',
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'xayDung',
    limit: [15, 'Ngày', 'Trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ.'],
    fee: ['LP-XD-01', 75000, 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ (mức do Hội đồng nhân dân tỉnh quy định)'],
    components: [['Đơn đề nghị cấp giấy phép xây dựng', 'Mẫu số 01'], ['Bản vẽ thiết kế xây dựng']],
    result: 'Giấy phép xây dựng',
    laws: ['xd', 'nd175', 'tt85'],
    steps: [
      receive('motcua', 4),
      ['tham-dinh', 'Thẩm định hồ sơ, kiểm tra thực địa; dự thảo giấy phép; trình ký', 'kinhte', 60, ['Mẫu 05']],
      sign(8, 'Giấy phép xây dựng'),
      record(8),
      giveBack('motcua'),
    ],
  },
];

/** The e-ISO time text of a number of working hours, in the wordings tables use. */
function eisoTime(hours, index) {
  if (hours === 0) return 'Không tính thời gian';
  if (hours === 0.5) return '30 phút';
  if (hours % 8 === 0) return `${String(hours / 8).padStart(2, '0')} ngày làm việc`;
  // "0,5 ngày" and "04 giờ" are the same 4 working hours: both wordings occur, neither is a disagreement.
  if (hours === 4 && index % 2 === 0) return '0,5 ngày';
  if (Number.isInteger(hours)) return `${String(hours).padStart(2, '0')} giờ`;
  return `${String(hours).replace('.', ',')} giờ`;
}

function totalText(hours) {
  return hours % 8 === 0 ? `${String(hours / 8).padStart(2, '0')} ngày làm việc` : `${hours} giờ làm việc`;
}

function law(key) {
  return { ...LAW[key] };
}

function catalogue(p, variant) {
  const limit = variant.limit ?? p.limit;
  const laws = p.laws.map((k) => (variant.replace && k === variant.replace ? variant.with : k));
  const channels = (p.channels ?? [1, 2, 3]).map((kenh) => {
    const amount = variant.fee && variant.fee.channel === kenh ? variant.fee.amount : p.fee[1];
    return {
      KENH: kenh,
      THOIGIAN: [
        {
          THOIGIANGIAIQUYET: limit[0],
          DONVITINH: limit[1],
          MOTA: limit[2],
          PHILEPHI: [{ MAPHILEPHI: p.fee[0], SOTIEN: amount, DONVI: 'Đồng', MOTA: p.fee[2] }],
        },
      ],
    };
  });
  return {
    MATTHC: p.code,
    TENTTHC: p.name,
    LINHVUCTHUCHIEN: [FIELD[p.field]],
    CAPTHUCHIEN: ['Cấp xã'],
    LOAITTHC: 'TTHC được luật giao quy định chi tiết',
    TRINHTUTHUCHIEN: [{ TRUONGHOP: '', TRINHTU: p.steps.map((s) => ({ TENTRINHTU: s[1] })) }],
    CACHTHUCTHUCHIEN: channels,
    THANHPHANHOSO: p.components.map(([name, form]) => ({
      TENGIAYTO: name,
      ...(form ? { MAUDONTOKHAI: form } : {}),
      SOBANCHINH: 1,
      SOBANSAO: 0,
    })),
    KETQUATHUCHIEN: [{ TENKETQUA: p.result }],
    CANCUPHAPLY: laws.map(law),
    COQUANTHUCHIEN: [{ MADONVI: AGENCY.code, TENDONVI: 'Ủy ban nhân dân cấp xã' }],
    TRANGTHAI: 1,
  };
}

/** The steps as one system has them, after that system's seeds. */
function stepsOf(p, system) {
  let steps = p.steps.map((s) => [...s]);
  for (const seed of p.seeds ?? []) {
    if (seed.system !== system) continue;
    const at = steps.findIndex((s) => s[0] === seed.step);
    if (seed.who) steps[at][2] = seed.who;
    if (seed.hours !== undefined) steps[at][3] = seed.hours;
    if (seed.name) steps[at][1] = seed.name;
    if (seed.forms) steps[at][4] = seed.forms;
    if (seed.remove) steps = steps.filter((s) => s[0] !== seed.remove);
    if (seed.add) steps.splice(steps.findIndex((s) => s[0] === seed.add.after) + 1, 0, seed.add.step);
  }
  return steps;
}

/**
 * A seed that changes the step times or their number leaves the e-ISO document without a declared
 * total (5.4), so that the seed is the only disagreement (no total.changed / total.mismatch besides);
 * so does the over-limit seed, whose declared total would be a second total.exceedsLimit.
 */
function declaresTotal(p) {
  return !(p.seeds ?? []).some((s) => ['steps.count', 'time.differs', 'total.exceedsLimit'].includes(s.kind));
}

function eiso(p, n) {
  const steps = stepsOf(p, 'eiso');
  const hours = steps.reduce((sum, s) => sum + s[3], 0);
  return {
    MaTTHC: `${p.code}.000.00.00.H12`,
    MaQuyTrinh: `QT-${String(n).padStart(2, '0')}/${p.field === 'hoTich' || p.field === 'chungThuc' ? 'TP' : 'KT'}`,
    TenQuyTrinh: `Quy trình ${p.name.replace(/^Thủ tục /, '').replace(/^./, (c) => c.toLowerCase())}`,
    LanBanHanh: '01',
    NgayBanHanh: '07/7/2025',
    CoQuan: AGENCY.eiso,
    MaCoQuan: AGENCY.code,
    KyDuyet: [
      { TrachNhiem: 'Soạn thảo', HoTen: 'Nguyễn Thị Lan', ChucVu: 'Công chức' },
      { TrachNhiem: 'Phê duyệt', HoTen: 'Lê Văn Cường', ChucVu: 'Chủ tịch UBND phường' },
    ],
    SuaDoi: [
      {
        NgaySuaDoi: '07/7/2025',
        ViTri: 'Toàn bộ',
        NoiDung: 'Ban hành lần đầu sau sắp xếp đơn vị hành chính cấp xã',
        LanBanHanh: 1,
      },
    ],
    MucDich: `Quy định trình tự giải quyết thủ tục "${p.name}" tại ${AGENCY.eiso}.`,
    PhamVi: `Áp dụng đối với công chức và lãnh đạo ${AGENCY.eiso}.`,
    TaiLieuVienDan: ['TCVN ISO 9001:2015', ...p.laws.map((k) => `${LAW[k].TENVANBAN} số ${LAW[k].SOVANBAN}`)],
    DinhNghia: [
      { VietTat: 'UBND', GiaiThich: 'Ủy ban nhân dân' },
      { VietTat: 'TTPVHCC', GiaiThich: 'Trung tâm Phục vụ hành chính công' },
    ],
    NoiDung: {
      ThanhPhanHoSo: p.components.map(([name, form]) => (form ? `${name} (${form})` : name)),
      SoLuongHoSo: '01 bộ',
      ...(declaresTotal(p) ? { ThoiGianXuLy: totalText(hours) } : {}),
      NoiTiepNhan: `Bộ phận TN&TKQ, ${AGENCY.eiso}`,
      LePhi: p.fee[1] === 0 ? 'Miễn lệ phí' : `${p.fee[1].toLocaleString('vi-VN')} đồng`,
      QuyTrinhXuLy: steps.map((s, i) => ({
        TT: i + 1,
        TrinhTu: s[1],
        TrachNhiem: WHO[s[2]].eiso,
        ThoiGian: eisoTime(s[3], i + n),
        ...(s[4].length > 0 ? { BieuMau: s[4].join('; ') } : {}),
      })),
    },
    BieuMau: [
      { MaBieuMau: 'Mẫu 01', TenBieuMau: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
      { MaBieuMau: 'Mẫu 05', TenBieuMau: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
      { MaBieuMau: 'Mẫu 06', TenBieuMau: 'Sổ theo dõi hồ sơ' },
    ],
    HoSoLuu: [{ TenHoSo: 'Thành phần hồ sơ theo mục 5.2', NoiLuu: 'Công chức chuyên môn', ThoiGianLuu: '05 năm' }],
  };
}

/** DVCQG status shown during a step (REFERENCE.md §3.2): 2 received, 4 processing, 9 processed. */
function status(id, last) {
  return id === 'tiep-nhan' ? 2 : last ? 9 : 4;
}

function portal(p) {
  const steps = stepsOf(p, 'portal');
  const hours = steps.reduce((sum, s) => sum + s[3], 0);
  const nodes = steps.map((s, i) => {
    const who = WHO[s[2]];
    return {
      Ma: s[0],
      TenBuocXuLy: s[1],
      ThoiGianXuLy: s[3],
      TenNhomNguoiDung: who.role,
      ...(who.unit ? { DonViXuLy: who.unit } : {}),
      MaTrangThaiHoSo: status(s[0], i === steps.length - 1),
      NhomNguoiDungId: `nnd-${String(i + 1).padStart(3, '0')}`,
    };
  });
  const edges = steps.slice(1).map((s, i) => ({ id: `e${i + 1}`, source: steps[i][0], target: s[0] }));
  return {
    MaTTHC: `${p.code}.000.00.00.H12`,
    TenTTHC: p.name,
    DonVi: { MaDinhDanh: AGENCY.code, TenDonVi: AGENCY.portal },
    QuyetDinhPheDuyet: {
      So: '1520/QĐ-UBND',
      Ngay: '25/06/2025',
      TrichYeu: 'Phê duyệt quy trình nội bộ, quy trình điện tử giải quyết TTHC cấp xã',
    },
    NgayApDung: '01/07/2025',
    PhienBan: '2025.1',
    ThoiGianGiaiQuyet: `${p.limit[0]} ${p.limit[1]}`,
    TruongHop: [
      {
        Ma: 'MAC-DINH',
        Ten: p.name,
        ThoiGianThucHien: hours,
        LoaiThoiGian: 'Ngày làm việc',
        QuyTrinh: nodes,
        Edges: edges,
      },
    ],
  };
}

/** The catalogue as last synced: the current one, before the catalogue seeds. */
function baseVariant(p) {
  const v = {};
  for (const seed of p.seeds ?? []) {
    if (seed.system !== 'catalogue') continue;
    if (seed.base.limit) v.limit = seed.base.limit;
    if (seed.base.replace) Object.assign(v, { replace: seed.base.replace, with: seed.base.with });
    if (seed.base.amount !== undefined) v.fee = seed.base;
  }
  return v;
}

function currentVariant(p) {
  const seed = (p.seeds ?? []).find((s) => s.kind === 'fee.changed');
  return seed ? { fee: seed.current } : {};
}

/** Seeds as listed in seeded.json: which change the diff must produce, on which step. */
function seedEntries(p) {
  return (p.seeds ?? []).map((seed) => {
    const stepKey =
      seed.add !== undefined
        ? seed.add.step[0]
        : seed.step !== undefined
          ? `B${p.steps.findIndex((s) => s[0] === seed.step) + 1}`
          : seed.remove !== undefined
            ? `B${p.steps.findIndex((s) => s[0] === seed.remove) + 1}`
            : undefined;
    return {
      code: p.code,
      kind: seed.kind,
      system: seed.system,
      ...(stepKey ? { stepKey } : {}),
      expectedChange: seed.expectedChange,
    };
  });
}

function write(path, value) {
  const url = new URL(path, HERE);
  mkdirSync(new URL('./', url), { recursive: true });
  writeFileSync(url, `${JSON.stringify(value, null, 2).normalize('NFC')}\n`);
}

PROCEDURES.forEach((p, i) => {
  write(`catalogue/${p.code}.json`, catalogue(p, currentVariant(p)));
  write(`base/catalogue/${p.code}.json`, catalogue(p, baseVariant(p)));
  write(`eiso/${p.code}.json`, eiso(p, i + 1));
  write(`portal/${p.code}.json`, portal(p));
});
write('seeded.json', {
  description:
    'Every disagreement planted in the commune data set; a diff of the three systems must find exactly these.',
  compare: {
    steps: 'eiso → portal (stepKey: the e-ISO step key; for step.added the portal node id)',
    catalogue: 'base/catalogue → catalogue',
    limits: 'the e-ISO process against the current catalogue',
  },
  seeds: PROCEDURES.flatMap(seedEntries),
  agreeing: PROCEDURES.filter((p) => !p.seeds).map((p) => p.code),
});
