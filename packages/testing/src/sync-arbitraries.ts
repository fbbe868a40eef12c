/**
 * fast-check arbitraries for the NATIVE documents `@tthc/sync` reads — a national catalogue record
 * (LayThuTuc JSON), an e-ISO procedure document, a one-stop portal process configuration — valid BY
 * CONSTRUCTION: each parses with its adapter without an error issue, and round-trips losslessly.
 * Plain JSON only (no dependency on `@tthc/sync`). Mutators: `sync-mutators.ts`; corruption:
 * `sync-corrupt.ts`.
 */
import fc from 'fast-check';

/** A JSON object as the systems export it. */
export type NativeDocument = Record<string, unknown>;

/** The three native formats. */
export type NativeSystem = 'catalogue' | 'eiso' | 'portal';

/**
 * Step names with distinct first verbs and no prose branch, so that a renamed step keeps its kind
 * (the e-ISO and portal adapters read the kind from the first verb, REFERENCE.md §3.4).
 */
export const SYNC_STEP_NAMES: readonly string[] = [
  'Tiếp nhận hồ sơ, kiểm tra tính đầy đủ, hợp lệ',
  'Thẩm định hồ sơ, dự thảo kết quả',
  'Xác minh thông tin tại nơi cư trú',
  'Lấy ý kiến cơ quan có liên quan',
  'Trình lãnh đạo phê duyệt',
  'Ký kết quả giải quyết',
  'Vào sổ, đóng dấu, phát hành',
  'Chuyển kết quả cho bộ phận trả kết quả',
  'Thu phí, lệ phí',
  'Trả kết quả cho người yêu cầu',
];

/**
 * Performers as both systems write them: the e-ISO "Trách nhiệm" text and the portal user group
 * and unit. Each entry names a different performer (role or unit differ after alias resolution).
 */
export const SYNC_PERFORMERS: readonly { readonly eiso: string; readonly role: string; readonly unit?: string }[] = [
  { eiso: 'Công chức Bộ phận TN&TKQ', role: 'Công chức', unit: 'Bộ phận Một cửa' },
  { eiso: 'Công chức Tư pháp - Hộ tịch', role: 'Công chức Tư pháp - Hộ tịch' },
  { eiso: 'Chủ tịch/Phó Chủ tịch UBND xã', role: 'Chủ tịch/Phó Chủ tịch' },
  { eiso: 'Công chức Văn phòng HĐND và UBND', role: 'Công chức', unit: 'Văn phòng HĐND và UBND' },
  { eiso: 'Công chức Phòng Kinh tế', role: 'Công chức', unit: 'Phòng Kinh tế' },
  { eiso: 'Công chức Phòng Văn hóa - Xã hội', role: 'Công chức', unit: 'Phòng Văn hóa - Xã hội' },
];

/** Form codes a step may use, all declared in the document's forms list (section 6). */
export const SYNC_FORMS: readonly string[] = ['Mẫu 01', 'Mẫu 02', 'Mẫu 05', 'Mẫu 06'];

const FORM_NAMES: Readonly<Record<string, string>> = {
  'Mẫu 01': 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'Mẫu 02': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  'Mẫu 05': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  'Mẫu 06': 'Sổ theo dõi hồ sơ',
};

const AGENCY = 'UBND xã An Bình';

/** Step times on a half-hour grid, in working hours (8 h = 1 working day). */
export const stepHoursArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 48 }).map((n) => n / 2);

/**
 * A number of working hours as an e-ISO table writes it: "Không tính thời gian", "30 phút",
 * "04 giờ", "0,5 ngày", "02 ngày làm việc" (REFERENCE.md §1.5).
 * @example eisoTimeText(4, 1) // '0,5 ngày'
 */
export function eisoTimeText(hours: number, variant = 0): string {
  if (hours === 0) return 'Không tính thời gian';
  if (hours < 1) return `${hours * 60} phút`;
  if (hours % 8 === 0 && variant % 2 === 0) return `${String(hours / 8).padStart(2, '0')} ngày làm việc`;
  if (hours % 4 === 0 && variant % 2 === 1) return `${String(hours / 8).replace('.', ',')} ngày`;
  return `${String(hours).replace('.', ',')} giờ`;
}

const codeArb = fc
  .tuple(fc.constantFrom('1', '2'), fc.integer({ min: 0, max: 999_999 }), fc.boolean())
  .map(([lead, n, long]) => `${lead}.${String(n).padStart(6, '0')}${long ? '.000.00.00.H12' : ''}`);

const dateArb = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2015, max: 2026 }))
  .map(([d, m, y]) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`);

interface StepDraft {
  readonly name: string;
  readonly performer: number;
  readonly hours: number;
  readonly forms: readonly string[];
  readonly variant: number;
}

/** Options of the document arbitraries. */
export interface NativeDocArbOptions {
  /** Most steps of a process. Default 6 (at least 2). */
  readonly maxSteps?: number;
}

function stepsArb(opts: NativeDocArbOptions): fc.Arbitrary<StepDraft[]> {
  const max = Math.max(2, Math.min(opts.maxSteps ?? 6, SYNC_STEP_NAMES.length));
  return fc
    .uniqueArray(fc.integer({ min: 0, max: SYNC_STEP_NAMES.length - 1 }), { minLength: 2, maxLength: max })
    .chain((names) =>
      fc.tuple(
        ...names.map((n) =>
          fc.record({
            name: fc.constant(SYNC_STEP_NAMES[n]!),
            performer: fc.integer({ min: 0, max: SYNC_PERFORMERS.length - 1 }),
            hours: stepHoursArb,
            forms: fc.subarray([...SYNC_FORMS]),
            variant: fc.nat(3),
          }),
        ),
      ),
    );
}

/**
 * An e-ISO procedure document (format `eiso`): header, definitions, the work-flow table 5.7 with
 * step numbers 1…n, and the forms list declaring every form a step uses.
 * @example fc.sample(eisoDocArb(), 1)[0].NoiDung.QuyTrinhXuLy.length >= 2
 */
export function eisoDocArb(opts: NativeDocArbOptions = {}): fc.Arbitrary<NativeDocument> {
  return fc
    .record({ code: codeArb, date: dateArb, issue: fc.integer({ min: 1, max: 9 }), steps: stepsArb(opts) })
    .map(({ code, date, issue, steps }) => ({
      MaTTHC: code,
      MaQuyTrinh: `QT-${String(issue).padStart(2, '0')}/TP`,
      TenQuyTrinh: 'Quy trình giải quyết thủ tục hành chính',
      LanBanHanh: String(issue).padStart(2, '0'),
      NgayBanHanh: date,
      CoQuan: AGENCY,
      MaCoQuan: 'H12.01.01',
      DinhNghia: [{ VietTat: 'UBND', GiaiThich: 'Ủy ban nhân dân' }],
      NoiDung: {
        SoLuongHoSo: '01 bộ',
        QuyTrinhXuLy: steps.map((s, i) => ({
          TT: i + 1,
          TrinhTu: s.name,
          TrachNhiem: SYNC_PERFORMERS[s.performer]!.eiso,
          ThoiGian: eisoTimeText(s.hours, s.variant),
          ...(s.forms.length > 0 ? { BieuMau: s.forms.join('; ') } : {}),
        })),
      },
      BieuMau: SYNC_FORMS.map((f) => ({ MaBieuMau: f, TenBieuMau: FORM_NAMES[f]! })),
    }));
}

/**
 * A one-stop portal process configuration (format `portal`) with one case: nodes `b1…bn` in a
 * chain, hours as numbers or numeric text, user groups and units from {@link SYNC_PERFORMERS}.
 * @example fc.sample(portalDocArb(), 1)[0].TruongHop[0].QuyTrinh.length >= 2
 */
export function portalDocArb(opts: NativeDocArbOptions = {}): fc.Arbitrary<NativeDocument> {
  return fc
    .record({ code: codeArb, date: dateArb, steps: stepsArb(opts), asText: fc.boolean() })
    .map(({ code, date, steps, asText }) => {
      const nodes = steps.map((s, i) => {
        const who = SYNC_PERFORMERS[s.performer]!;
        return {
          Ma: `b${i + 1}`,
          TenBuocXuLy: s.name,
          ThoiGianXuLy: asText && s.variant === 0 ? String(s.hours) : s.hours,
          TenNhomNguoiDung: who.role,
          ...(who.unit ? { DonViXuLy: who.unit } : {}),
          MaTrangThaiHoSo: i === 0 ? 2 : i === steps.length - 1 ? 9 : 4,
        };
      });
      return {
        MaTTHC: code,
        TenTTHC: 'Thủ tục hành chính',
        DonVi: { MaDinhDanh: 'H12.01.01', TenDonVi: AGENCY },
        QuyetDinhPheDuyet: { So: '1520/QĐ-UBND', Ngay: date },
        TruongHop: [
          {
            Ma: 'MAC-DINH',
            ThoiGianThucHien: steps.reduce((sum, s) => sum + s.hours, 0),
            LoaiThoiGian: 'Ngày làm việc',
            QuyTrinh: nodes,
            Edges: nodes.slice(1).map((n, i) => ({ source: nodes[i]!.Ma, target: n.Ma })),
          },
        ],
      };
    });
}

/**
 * A national catalogue record (format `catalogue`): distinct channels (KENH 1–3) with a limit in
 * working days, calendar days or hours and fees, dossier components, legal bases with dates.
 * @example fc.sample(catalogueRecordArb(), 1)[0].CACHTHUCTHUCHIEN.length >= 1
 */
export function catalogueRecordArb(): fc.Arbitrary<NativeDocument> {
  const channelArb = (kenh: number) =>
    fc
      .record({
        amount: fc.integer({ min: 1, max: 30 }),
        unit: fc.constantFrom('Ngày làm việc', 'Ngày', 'Giờ làm việc'),
        fee: fc.integer({ min: 0, max: 200 }).map((n) => n * 1000),
        asText: fc.boolean(),
      })
      .map(({ amount, unit, fee, asText }) => ({
        KENH: asText ? String(kenh) : kenh,
        THOIGIAN: [
          {
            THOIGIANGIAIQUYET: asText ? String(amount) : amount,
            DONVITINH: unit,
            PHILEPHI: [{ MAPHILEPHI: `LP-${kenh}`, SOTIEN: asText ? String(fee) : fee, DONVI: 'Đồng', MOTA: 'Lệ phí' }],
          },
        ],
      }));
  return fc
    .record({
      code: codeArb,
      kenh: fc.uniqueArray(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      components: fc.uniqueArray(fc.constantFrom('Tờ khai', 'Giấy tờ tùy thân', 'Bản sao giấy tờ chứng minh'), {
        maxLength: 3,
      }),
      date: dateArb,
    })
    .chain(({ code, kenh, components, date }) =>
      fc.tuple(...kenh.map(channelArb)).map((channels) => ({
        MATTHC: code,
        TENTTHC: 'Thủ tục hành chính',
        LINHVUCTHUCHIEN: [{ MALINHVUC: 'G09-TP02', TENLINHVUC: 'Hộ tịch' }],
        CAPTHUCHIEN: ['Cấp xã'],
        CACHTHUCTHUCHIEN: channels,
        THANHPHANHOSO: components.map((c, i) => ({ TENGIAYTO: c, ...(i === 0 ? { MAUDONTOKHAI: 'Mẫu 01/TK' } : {}) })),
        CANCUPHAPLY: [{ SOVANBAN: '60/2014/QH13', TENVANBAN: 'Luật Hộ tịch', NGAYBANHANH: date }],
        COQUANTHUCHIEN: [{ TENDONVI: 'Ủy ban nhân dân cấp xã' }],
      })),
    );
}

/**
 * The arbitrary of one system's native documents.
 * @example nativeDocArb('portal')
 */
export function nativeDocArb(system: NativeSystem, opts: NativeDocArbOptions = {}): fc.Arbitrary<NativeDocument> {
  return system === 'catalogue' ? catalogueRecordArb() : system === 'eiso' ? eisoDocArb(opts) : portalDocArb(opts);
}
