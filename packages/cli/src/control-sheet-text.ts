/**
 * `tthc run` for people: the dossier, its due (NgayHenTra), status and portal status, then the Phiếu
 * kiểm soát quá trình giải quyết hồ sơ (process control sheet) as a table, with Vietnamese labels
 * followed by English ones.
 */
import type { ChannelKind, ControlSheet, ControlSheetRow, Phase } from '@tthc/core';
import type { RunReport } from './dossier-report.js';
import { humanInstant, localParts, table } from './format.js';

const PHASE_LABELS: Record<Phase, string> = {
  processing: 'đang xử lý (processing)',
  awaitingSupplement: 'chờ bổ sung hồ sơ (awaiting supplement)',
  consulting: 'đang lấy ý kiến (consulting)',
  awaitingPayment: 'chờ thực hiện nghĩa vụ tài chính (awaiting payment)',
  closed: 'đã xử lý xong (processed)',
  returned: 'đã trả kết quả (returned)',
  rejected: 'từ chối (refused)',
  withdrawn: 'rút hồ sơ (withdrawn)',
};

const CLASS_LABELS: Record<string, string> = {
  early: 'trước hạn (early)',
  'on-time': 'đúng hạn (on time)',
  late: 'quá hạn (late)',
  'in-time': 'trong hạn (in time)',
  overdue: 'quá hạn (overdue)',
};

const CHANNEL_LABELS: Record<ChannelKind, string> = {
  direct: 'trực tiếp (direct)',
  online: 'trực tuyến (online)',
  postal: 'bưu chính công ích (postal)',
};

/** `25/02/26 16:30`: a compact local instant for table cells. */
function cell(iso: string | null, zone: string): string {
  if (iso === null) return '—';
  const { date, time } = localParts(new Date(iso), zone);
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y!.slice(2)} ${time.slice(0, 5)}`;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Options of {@link controlSheetTable}. */
export interface ControlSheetTableOptions {
  /** The dossier's current step (`status().step`): its open visit reads "đang xử lý", other unfinished ones "dừng". */
  readonly currentStep?: string | null;
}

function resultLabel(row: ControlSheetRow, open: boolean): string {
  if (row.result) return CLASS_LABELS[row.result]!;
  if (row.doneAt === null && row.kind === 'consult') return 'chờ trả lời (pending)';
  if (row.doneAt === null) return open ? 'đang xử lý (open)' : 'dừng (interrupted)';
  return row.due === null ? 'không tính (not counted)' : '—';
}

/**
 * The Phiếu kiểm soát quá trình giải quyết hồ sơ as a table (≤ 120 columns): one row per step visit
 * and consulted agency, with received, due, done and the result on its own share. A visit left
 * without being done (supplement request, refusal, withdrawal) reads "dừng (interrupted)".
 * @example controlSheetTable(controlSheet(dossier), 'Asia/Ho_Chi_Minh', { currentStep: 'review' })
 */
export function controlSheetTable(sheet: ControlSheet, zone: string, options: ControlSheetTableOptions = {}): string {
  const lastStepRow = sheet.rows.findLastIndex((row) => row.kind === 'step');
  const rows = sheet.rows.map((row, i) => [
    String(i + 1),
    clip(row.kind === 'consult' ? `↳ ${row.step ?? ''}` : (row.step ?? ''), 14),
    clip(row.unit, 30),
    cell(row.receivedAt, zone),
    cell(row.due, zone),
    cell(row.doneAt, zone),
    resultLabel(row, i === lastStepRow && row.step === options.currentStep),
  ]);
  const header = ['#', 'Bước (step)', 'Đơn vị (unit)', 'Nhận (in)', 'Hạn (due)', 'Xong (done)', 'Kết quả (result)'];
  return table(header, rows);
}

function dueLine(iso: string | null, zone: string): string {
  return iso === null
    ? 'tạm dừng, chờ bổ sung (paused: awaiting a supplement)'
    : `${humanInstant(new Date(iso), zone)}  (${iso})`;
}

/**
 * `tthc run` for people: the dossier, its due (NgayHenTra), supplementation rounds, status, portal
 * status, flags, then the control sheet.
 * @example runText(runReport(dossier, at), 'Asia/Ho_Chi_Minh')
 */
export function runText(report: RunReport, zone: string): string {
  const { dossier: d, status: s } = report;
  const due = d.dueDates;
  const lines = [
    `Hồ sơ (dossier) ${d.id} — thủ tục (procedure) ${d.procedureCode}, quy trình (process) v${d.processVersion}`,
    `  ${clip(d.procedureName, 116)}`,
    `  Kênh (channel):                ${CHANNEL_LABELS[d.channel]}`,
    `  Tiếp nhận (received):          ${dueLine(due.receivedAt, zone)}`,
    `  Hẹn trả (due, NgayHenTra):     ${dueLine(due.due, zone)}`,
  ];
  if (due.originalDue !== due.due) lines.push(`  Hẹn ban đầu (original due):    ${dueLine(due.originalDue, zone)}`);
  for (const round of due.supplements) {
    lines.push(
      `  Bổ sung (supplement) lần ${round.round}:    ${cell(round.dueBefore, zone)} → ${cell(round.dueAfter, zone)} (NgayHenTraTruoc → NgayHenTraMoi)`,
    );
  }
  if (due.appointment !== due.due) lines.push(`  Hẹn lại (new appointment):     ${dueLine(due.appointment, zone)}`);
  const classification = s.classification ? CLASS_LABELS[s.classification] : 'không xếp loại (not scored)';
  const where = s.step ? `, bước (step) ${s.step}` : '';
  lines.push(
    `  Tình trạng (status) lúc ${cell(d.at, zone)}: ${PHASE_LABELS[s.state]}${where} — ${classification}${s.dueSoon ? ', sắp đến hạn (due soon)' : ''}`,
    `  Cổng DVCQG (TrangThaiHoSo):    ${report.portalStatus.code} — ${report.portalStatus.label}`,
    `  Sự kiện (events):              ${d.eventsApplied}/${d.eventsTotal} đã áp dụng (applied)`,
  );
  if (d.flags.length === 0) lines.push('  Cờ (flags):                    không có (none)');
  for (const flag of d.flags) lines.push(`  Cờ (flag) ${flag.code}: ${clip(flag.message, 90)}`);
  const sheet = `Phiếu kiểm soát quá trình giải quyết hồ sơ (process control sheet):\n${controlSheetTable(report.controlSheet, zone, { currentStep: s.step })}`;
  return `${lines.join('\n')}\n${sheet}`;
}
