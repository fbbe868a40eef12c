/** Shared test fixtures of the runtime tests (not exported by the package). */
import { createWorkCalendar, type WorkCalendar } from '@tthc/calendar';
import { parseProcedure, parseProcess } from '../model/parse.js';
import type { Procedure } from '../model/procedure.js';
import type { Process, ProcessInput } from '../model/process.js';

/** Tết 2026 (Mon 16 – Fri 20 Feb off; Sat 14 – Sun 22 Feb with the weekends). */
export function tet2026Calendar(): WorkCalendar {
  const off = (date: string, name: string) => ({ date, kind: 'holiday' as const, name });
  return createWorkCalendar({
    validFrom: '2025-01-01',
    validTo: '2027-12-31',
    daysOff: [
      off('2026-01-01', 'Tết Dương lịch'),
      off('2026-02-16', 'Tết Nguyên Đán (29 tháng Chạp)'),
      off('2026-02-17', 'Tết Nguyên Đán (mùng 1)'),
      off('2026-02-18', 'Tết Nguyên Đán (mùng 2)'),
      off('2026-02-19', 'Tết Nguyên Đán (mùng 3)'),
      off('2026-02-20', 'Tết Nguyên Đán (mùng 4)'),
    ],
  });
}

/** Đăng ký thành lập hộ kinh doanh: 03 ngày làm việc, free of fee in this fixture. */
export const procedure: Procedure = parseProcedure({
  code: '2.000720.000.00.00.H12',
  name: 'Đăng ký thành lập hộ kinh doanh',
  field: { name: 'Thành lập và hoạt động của hộ kinh doanh' },
  levels: ['Cấp xã'],
  agencies: [{ name: 'UBND cấp xã' }],
  channels: [
    { channel: 'direct', timeLimit: { amount: 3, unit: 'workingDay' } },
    { channel: 'online', timeLimit: { amount: 3, unit: 'workingDay' } },
  ],
});

const performer = (unit: string, role: string) => ({ unit, role });

/** A 24-working-hour internal process with a decision branch and a pay step. */
export function processInput(overrides: Partial<ProcessInput> = {}): ProcessInput {
  return {
    procedureCode: '2.000720',
    agency: { name: 'UBND xã Tân Thành' },
    version: '2026.1',
    effectiveFrom: '2025-07-01',
    steps: [
      {
        key: 'receive',
        name: 'Tiếp nhận hồ sơ',
        kind: 'receive',
        performer: performer('Trung tâm Phục vụ hành chính công xã', 'Công chức tiếp nhận'),
        budget: { amount: 4, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'review' }],
      },
      {
        key: 'review',
        name: 'Thẩm định hồ sơ',
        kind: 'review',
        performer: performer('Phòng Kinh tế', 'Chuyên viên'),
        budget: { amount: 12, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'approve' }],
      },
      {
        key: 'approve',
        name: 'Phê duyệt',
        kind: 'approve',
        performer: performer('UBND xã', 'Lãnh đạo'),
        budget: { amount: 4, unit: 'workingHour' },
        outcomes: [
          { name: 'approved', next: 'fee' },
          { name: 'not-approved', next: 'review' },
        ],
      },
      {
        key: 'fee',
        name: 'Nộp lệ phí',
        kind: 'pay',
        performer: performer('Trung tâm Phục vụ hành chính công xã', 'Công chức tiếp nhận'),
        budget: { amount: 0, unit: 'workingHour', notCounted: true },
        outcomes: [{ name: 'paid', next: 'issue' }],
      },
      {
        key: 'issue',
        name: 'Vào sổ, phát hành',
        kind: 'issue',
        performer: performer('Văn phòng HĐND và UBND', 'Văn thư'),
        budget: { amount: 4, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'return' }],
      },
      {
        key: 'return',
        name: 'Trả kết quả',
        kind: 'return',
        performer: performer('Trung tâm Phục vụ hành chính công xã', 'Công chức trả kết quả'),
        budget: { amount: 0, unit: 'workingHour', notCounted: true },
      },
    ],
    ...overrides,
  };
}

export function process(overrides: Partial<ProcessInput> = {}): Process {
  return parseProcess(processInput(overrides));
}

/** An actor for events. */
export const clerk = { name: 'Nguyễn Thị Lan', role: 'Công chức tiếp nhận' };
export const officer = { name: 'Trần Văn Bình', unit: 'Phòng Kinh tế', role: 'Chuyên viên' };
export const leader = { name: 'Lê Văn Cường', role: 'Lãnh đạo' };
export const applicant = { name: 'Phạm Thị Dung' };
