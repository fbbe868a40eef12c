/**
 * Realistic Vietnamese vocabulary for the @tthc/core arbitraries: procedure names and fields,
 * provinces, organisational units and roles, consulted agencies, reasons. Data only (NFC text).
 */
import type { StepKind } from '@tthc/core';

/** A procedure name with its field (lĩnh vực), as the national catalogue lists them. */
export interface ProcedureTitle {
  readonly name: string;
  readonly field: string;
  readonly level: string;
}

/** Procedure names and fields drawn by `procedureArb`. */
export const PROCEDURE_TITLES: readonly ProcedureTitle[] = [
  { name: 'Đăng ký khai sinh', field: 'Hộ tịch', level: 'Cấp xã' },
  { name: 'Đăng ký kết hôn', field: 'Hộ tịch', level: 'Cấp xã' },
  { name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', field: 'Chứng thực', level: 'Cấp xã' },
  { name: 'Đăng ký thành lập hộ kinh doanh', field: 'Thành lập và hoạt động của hộ kinh doanh', level: 'Cấp xã' },
  { name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Hoạt động xây dựng', level: 'Cấp xã' },
  { name: 'Cấp Phiếu lý lịch tư pháp', field: 'Lý lịch tư pháp', level: 'Cấp tỉnh' },
  { name: 'Cấp giấy phép lái xe', field: 'Đường bộ', level: 'Cấp tỉnh' },
  { name: 'Đăng ký biến động quyền sử dụng đất', field: 'Đất đai', level: 'Cấp tỉnh' },
  { name: 'Cấp giấy phép thành lập cơ sở giáo dục mầm non', field: 'Giáo dục và Đào tạo', level: 'Cấp xã' },
  { name: 'Xác nhận tình trạng hôn nhân', field: 'Hộ tịch', level: 'Cấp xã' },
];

/** Provincial suffixes of TTHC codes (mã định danh of a few provinces). */
export const PROVINCE_SUFFIXES: readonly string[] = ['H56', 'H12', 'H38', 'H29', 'H40', 'H48'];

/** Local governments that own processes. */
export const AGENCY_NAMES: readonly string[] = [
  'UBND xã Tân Thành',
  'UBND phường Hòa Bình',
  'UBND xã Quảng Phú',
  'Sở Tư pháp',
  'Sở Xây dựng',
  'UBND phường Bến Thành',
];

/** A performer: a role in an organisational unit. */
export interface UnitRole {
  readonly unit: string;
  readonly role: string;
}

/** Who receives and returns at the one-stop desk (Bộ phận Một cửa / TTPVHCC, ND 61/2018 art. 17, 20). */
export const DESK_PERFORMERS = {
  receive: [
    { unit: 'Bộ phận Một cửa', role: 'Công chức tiếp nhận' },
    { unit: 'Trung tâm Phục vụ hành chính công', role: 'Công chức tiếp nhận' },
  ],
  return: [
    { unit: 'Bộ phận Một cửa', role: 'Công chức trả kết quả' },
    { unit: 'Trung tâm Phục vụ hành chính công', role: 'Công chức tiếp nhận' },
  ],
} as const satisfies Record<string, readonly UnitRole[]>;

/** Who performs the middle steps, by step kind. */
export const PERFORMERS_BY_KIND: Readonly<Record<string, readonly UnitRole[]>> = {
  transfer: [{ unit: 'Bộ phận Một cửa', role: 'Công chức tiếp nhận' }],
  review: [
    { unit: 'Phòng Tư pháp', role: 'Chuyên viên' },
    { unit: 'Phòng Kinh tế', role: 'Chuyên viên' },
    { unit: 'Phòng Văn hóa - Xã hội', role: 'Công chức Tư pháp - Hộ tịch' },
  ],
  verify: [
    { unit: 'Phòng Kinh tế', role: 'Chuyên viên' },
    { unit: 'Văn phòng Đăng ký đất đai', role: 'Viên chức' },
  ],
  approve: [
    { unit: 'Phòng Tư pháp', role: 'Trưởng phòng' },
    { unit: 'Phòng Kinh tế', role: 'Trưởng phòng' },
  ],
  sign: [
    { unit: 'UBND xã', role: 'Lãnh đạo' },
    { unit: 'Sở Tư pháp', role: 'Giám đốc' },
  ],
  issue: [{ unit: 'Văn phòng HĐND và UBND', role: 'Văn thư' }],
  other: [{ unit: 'Phòng Văn hóa - Xã hội', role: 'Chuyên viên' }],
};

/** Step names by kind (tên bước). */
export const STEP_NAMES: Readonly<Record<StepKind, string>> = {
  receive: 'Tiếp nhận hồ sơ',
  transfer: 'Chuyển hồ sơ',
  review: 'Thẩm định hồ sơ',
  verify: 'Thẩm tra, xác minh',
  consult: 'Lấy ý kiến cơ quan liên quan',
  approve: 'Trình phê duyệt',
  sign: 'Ký duyệt kết quả',
  issue: 'Vào số, phát hành',
  pay: 'Thực hiện nghĩa vụ tài chính',
  return: 'Trả kết quả',
  other: 'Xử lý khác',
};

/** Kinds of the middle steps `processArb` draws. */
export const MIDDLE_KINDS = ['transfer', 'review', 'verify', 'approve', 'sign', 'issue', 'other'] as const;

/** Agencies consulted in a consult step (liên thông) or by a `consult` event. */
export const CONSULTED_AGENCIES: readonly UnitRole[] = [
  { unit: 'Thuế cơ sở 1', role: 'Công chức thuế' },
  { unit: 'Công an xã', role: 'Cán bộ công an' },
  { unit: 'Văn phòng Đăng ký đất đai', role: 'Viên chức' },
  { unit: 'Phòng Quản lý đô thị', role: 'Chuyên viên' },
];

/** People who appear in events. */
export const PEOPLE: readonly string[] = [
  'Nguyễn Thị Lan',
  'Trần Văn Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Minh Đức',
  'Vũ Thị Hằng',
];

/** Reasons for a request to supplement (Mẫu 02), a refusal and an apology (Mẫu 04). */
export const REASONS = {
  supplement: ['Thiếu bản sao giấy khai sinh', 'Tờ khai chưa có chữ ký', 'Bản vẽ chưa đúng tỷ lệ'],
  reject: ['Hồ sơ không đủ điều kiện theo quy định', 'Không thuộc thẩm quyền giải quyết'],
  withdraw: ['Công dân xin rút hồ sơ'],
  apology: ['Cần xác minh thêm tại địa phương', 'Hệ thống phần mềm gặp sự cố'],
} as const;
