/** Test fixtures of the DVCQG sync: the hộ kinh doanh example and the demo dossier of examples/dvcqg. */
import { vietnamCalendar, type WorkCalendar } from '@tthc/calendar';
import { applyAll, type Dossier, type DossierEvent, openDossier, parseProcedure, parseProcess } from '@tthc/core';
import procedureJson from '../../../../examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/procedure.json' with {
  type: 'json',
};
import processJson from '../../../../examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh/process.json' with {
  type: 'json',
};

export const procedure = parseProcedure(procedureJson);
export const process = parseProcess(processJson);

let cal: WorkCalendar | undefined;
/** The Vietnam calendar (Tết 2026: Sat 14 – Sun 22 Feb off). */
export function calendar(): WorkCalendar {
  cal ??= vietnamCalendar();
  return cal;
}

export const clerk = {
  name: 'Nguyễn Thị Lan',
  unit: 'Trung tâm Phục vụ hành chính công xã',
  role: 'Công chức tiếp nhận và trả kết quả',
};
export const officer = { name: 'Trần Văn Bình', unit: 'Phòng Kinh tế xã', role: 'Chuyên viên đăng ký kinh doanh' };
export const leader = { name: 'Lê Văn Cường', unit: 'Ủy ban nhân dân xã', role: 'Chủ tịch hoặc Phó Chủ tịch UBND xã' };
export const archivist = { name: 'Phạm Thị Hoa', unit: 'Văn phòng HĐND và UBND xã', role: 'Văn thư' };

/** The demo: received before Tết, a supplementation round across it, a liên thông hand-off to the tax office. */
export const demoEvents: DossierEvent[] = [
  { type: 'complete-step', step: 'receive', at: '2026-02-12T11:30:00+07:00', by: clerk },
  {
    type: 'request-supplement',
    reason: 'Thiếu bản sao biên bản họp thành viên hộ gia đình (ND 168/2025/NĐ-CP)',
    at: '2026-02-13T09:00:00+07:00',
    by: officer,
    note: 'Trong hạn 03 ngày làm việc kể từ ngày tiếp nhận',
  },
  { type: 'supplement-received', at: '2026-02-24T08:30:00+07:00', by: clerk },
  {
    type: 'consult',
    agency: 'Thuế cơ sở 1 tỉnh Thanh Hóa',
    budget: { amount: 1, unit: 'workingDay' },
    at: '2026-02-24T10:00:00+07:00',
    by: officer,
    note: 'Liên thông đăng ký hộ kinh doanh và đăng ký thuế',
  },
  { type: 'consult-returned', agency: 'Thuế cơ sở 1 tỉnh Thanh Hóa', at: '2026-02-25T09:00:00+07:00', by: officer },
  { type: 'complete-step', step: 'review', outcome: 'done', at: '2026-02-25T15:00:00+07:00', by: officer },
  { type: 'complete-step', step: 'sign', outcome: 'approved', at: '2026-02-26T10:00:00+07:00', by: leader },
  { type: 'complete-step', step: 'issue', at: '2026-02-26T15:30:00+07:00', by: archivist },
  { type: 'return-result', at: '2026-02-27T08:00:00+07:00', by: clerk },
];

export const DEMO_ID = 'H56.14-260212-0015';

/** The demo dossier after its events. */
export function demoDossier(): Dossier {
  const d = openDossier(procedure, process, calendar(), {
    id: DEMO_ID,
    receivedAt: '2026-02-12T10:00:00+07:00',
    channel: 'direct',
  });
  return applyAll(d, demoEvents);
}

export const demoOwner = { name: 'Nguyễn Văn An', kind: 1 as const, idNumber: '038090001234' };
