/**
 * `tthc run`: receives a dossier under a process, applies its events and prints the Phiếu kiểm soát
 * quá trình giải quyết hồ sơ (process control sheet) with the due, status and portal status. The
 * status is taken as of `--at` or the last event — never the wall clock (STYLE.md habit 2).
 */
import { dirname, join } from 'node:path';
import { toEpochMs, type WorkCalendar } from '@tthc/calendar';
import {
  apply,
  type ChannelKind,
  type CompareMode,
  type ControlSheet,
  type ControlSheetRow,
  CoreError,
  controlSheet,
  type Dossier,
  type DossierStatus,
  type DueDates,
  dueDates,
  type EventRejection,
  InstantTextSchema,
  openDossier,
  PORTAL_STATUS_MAPPING,
  type Phase,
  type Procedure,
  type Process,
  portalStatus,
  safeParseProcedure,
  safeParseProcess,
  status,
} from '@tthc/core';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { formatInstant, humanInstant, json, localParts, table } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { checkDossierFile, type DossierFile, readJsonFile } from './validate.js';

/**
 * Reads a procedure file.
 * @throws {UsageError} naming the file and its first schema issue.
 * @example loadProcedure('examples/procedures/dang-ky-khai-sinh/procedure.json').code // '1.001193'
 */
export function loadProcedure(path: string): Procedure {
  const result = safeParseProcedure(readJsonFile(path));
  if (result.ok) return result.value;
  throw new UsageError(`"${path}" is not a valid procedure: ${result.issues[0]?.message} (tthc validate "${path}")`);
}

/**
 * Reads a process file.
 * @throws {UsageError} naming the file and its first schema issue.
 * @example loadProcess('examples/procedures/dang-ky-khai-sinh/process.json').version // '2025.1'
 */
export function loadProcess(path: string): Process {
  const result = safeParseProcess(readJsonFile(path));
  if (result.ok) return result.value;
  throw new UsageError(`"${path}" is not a valid process: ${result.issues[0]?.message} (tthc validate "${path}")`);
}

/**
 * Reads a dossier file `{ id, receivedAt, channel, events }`.
 * @throws {UsageError} naming the file, the path and the problem.
 * @example loadDossierFile('examples/procedures/dang-ky-khai-sinh/dossier-tet-2026.json').id
 */
export function loadDossierFile(path: string): DossierFile {
  const { value, issues } = checkDossierFile(readJsonFile(path));
  if (value) return value;
  const first = issues.find((i) => i.severity === 'error');
  throw new UsageError(`"${path}" is not a valid dossier file: ${first?.path}: ${first?.message}`);
}

/** What `tthc run` works on. */
export interface RunInput {
  readonly procedure: Procedure;
  readonly process: Process;
  readonly dossier: DossierFile;
  /** The dossier file's name, for messages. */
  readonly dossierFile: string;
}

/** Options of {@link runDossier}. */
export interface RunDossierOptions {
  /** Only events at or before this instant are applied (the dossier as it stood then). */
  readonly until?: string;
}

/**
 * Opens the dossier (id, receipt instant and channel from the file) and applies its events in order.
 * @throws {UsageError} for a rejected event: `events[i] (type at …) rejected: <reason> — <detail>`; or when
 * the process does not fit the procedure or the channel.
 * @example runDossier(input, vietnamCalendar()).events.length
 */
export function runDossier(input: RunInput, calendar: WorkCalendar, options: RunDossierOptions = {}): Dossier {
  const { procedure, process, dossier: file, dossierFile } = input;
  let dossier: Dossier;
  try {
    dossier = openDossier(procedure, process, calendar, file);
  } catch (error) {
    if (error instanceof CoreError) throw new UsageError(`"${dossierFile}" cannot be opened: ${error.message}`);
    throw error;
  }
  const until = options.until === undefined ? Number.POSITIVE_INFINITY : toEpochMs(options.until, '--at');
  for (const [index, event] of file.events.entries()) {
    if (toEpochMs(event.at, `events[${index}].at`) > until) break;
    try {
      dossier = apply(dossier, event);
    } catch (error) {
      if (!(error instanceof CoreError) || error.code !== 'EVENT_REJECTED') throw error;
      const issue = error.issues[0] as EventRejection | undefined;
      throw new UsageError(
        `"${dossierFile}": events[${index}] (${event.type} at ${event.at}) rejected: ${issue?.reason} — ${issue?.message}`,
      );
    }
  }
  return dossier;
}

/** The DVCQG status code (TrangThaiHoSo) with its label. */
export interface PortalStatusJson {
  readonly code: number;
  readonly label: string;
}

/** The `--json` document of `tthc run` (docs/cli.md). */
export interface RunReport {
  readonly dossier: {
    readonly id: string;
    readonly channel: ChannelKind;
    readonly procedureCode: string;
    readonly procedureName: string;
    readonly processVersion: string;
    /** The instant the status is taken at. */
    readonly at: string;
    readonly eventsApplied: number;
    readonly eventsTotal: number;
    readonly dueDates: DueDates;
    readonly flags: readonly { readonly code: string; readonly at: string; readonly message: string }[];
  };
  readonly controlSheet: ControlSheet;
  readonly status: DossierStatus;
  readonly portalStatus: PortalStatusJson;
}

/** Options of {@link runReport}. */
export interface RunReportOptions {
  /** How completion is compared with the due. Default `instant`. */
  readonly compare?: CompareMode;
  /** Total events in the file (some may lie after `at`). Default: the events applied. */
  readonly eventsTotal?: number;
}

/**
 * The label of a TrangThaiHoSo code from the default mapping; `không xác định` for 0.
 * @example portalLabel(10) // 'Đã trả kết quả'
 */
export function portalLabel(code: number): string {
  return PORTAL_STATUS_MAPPING.find((rule) => rule.code === code)?.label ?? 'Không xác định';
}

/**
 * Everything `tthc run` reports about a dossier at the instant `at` (ISO 8601 with offset).
 * @example runReport(dossier, '2026-02-25T14:00:00+07:00').status.classification // 'on-time'
 */
export function runReport(dossier: Dossier, at: string, options: RunReportOptions = {}): RunReport {
  const compare = options.compare ?? 'instant';
  const code = portalStatus(dossier);
  const zone = dossier.calendar.zone;
  return {
    dossier: {
      id: dossier.id,
      channel: dossier.channel,
      procedureCode: dossier.procedure.code,
      procedureName: dossier.procedure.name,
      processVersion: dossier.process.version,
      at,
      eventsApplied: dossier.events.length,
      eventsTotal: options.eventsTotal ?? dossier.events.length,
      dueDates: dueDates(dossier),
      flags: dossier.ledger.flags.map((f) => ({
        code: f.code,
        at: formatInstant(new Date(f.at), zone),
        message: f.message,
      })),
    },
    controlSheet: controlSheet(dossier, { compare }),
    status: status(dossier, at, { compare }),
    portalStatus: { code, label: portalLabel(code) },
  };
}

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

const OPTIONS: OptionSpecs = {
  procedure: { type: 'string', value: '<file>', help: 'the procedure (default: procedure.json beside the process)' },
  at: {
    type: 'string',
    value: '<ISO instant>',
    help: 'status as of this instant, with offset; later events are not applied (default: the last event)',
  },
  compare: {
    type: 'string',
    value: '<mode>',
    help: 'instant (default) or date: how completion is compared with the due',
  },
  json: { type: 'boolean', help: 'print {"dossier", "controlSheet", "status", "portalStatus"} as JSON' },
};

function parseAt(value: string | boolean | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (!InstantTextSchema.safeParse(value).success) {
    throw new UsageError(`--at "${value}" is not an ISO 8601 instant with offset (e.g. 2026-02-24T09:00:00+07:00)`);
  }
  return value;
}

function parseCompare(value: string | boolean | undefined): CompareMode {
  if (value === undefined || value === 'instant') return 'instant';
  if (value === 'date') return 'date';
  throw new UsageError(`--compare "${String(value)}" is not a comparison mode; expected instant or date`);
}

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(runCommand.help());
    return 0;
  }
  const [processFile, dossierFile, ...extra] = positionals;
  if (processFile === undefined || dossierFile === undefined) {
    throw new UsageError('expected <process.json> <dossier.json> (tthc run --help)');
  }
  if (extra.length > 0)
    throw new UsageError(`unexpected argument "${extra[0]}"; expected <process.json> <dossier.json>`);
  const at = parseAt(values.at);
  const compare = parseCompare(values.compare);
  const procedureFile =
    typeof values.procedure === 'string' ? values.procedure : join(dirname(processFile), 'procedure.json');
  const input: RunInput = {
    procedure: loadProcedure(procedureFile),
    process: loadProcess(processFile),
    dossier: loadDossierFile(dossierFile),
    dossierFile,
  };
  const calendar = context.calendar();
  const dossier = runDossier(input, calendar, at === undefined ? {} : { until: at });
  const report = runReport(dossier, at ?? dossier.events.at(-1)?.at ?? dossier.receivedAt, {
    compare,
    eventsTotal: input.dossier.events.length,
  });
  context.io.stdout.write(values.json ? json(report) : runText(report, calendar.zone));
  return 0;
}

/** `tthc run <process.json> <dossier.json> [--procedure <file>] [--at <ISO>] [--compare instant|date] [--json]`. */
export const runCommand: Command = {
  name: 'run',
  summary: 'apply a dossier’s events to a process; print the control sheet, due, status and portal status',
  help: () =>
    commandHelp(
      'tthc run <process.json> <dossier.json> [--procedure <file>] [--at <ISO instant>] [--compare instant|date] [--json]',
      'Receives the dossier ({"id", "receivedAt", "channel", "events"}) under the process and its procedure,\n' +
        'applies the events in order and prints the Phiếu kiểm soát quá trình giải quyết hồ sơ with the due\n' +
        '(NgayHenTra), the status as of --at (default: the last event; never the wall clock), the DVCQG\n' +
        'status code and the flags. A refused event exits 1 naming its index, type and reason.',
      OPTIONS,
    ),
  run,
};
