/**
 * The report of `tthc run` on a dossier at an instant (its `--json` document, docs/cli.md): the
 * dossier's dues and flags, the control sheet, the status and the DVCQG portal status.
 */
import {
  type ChannelKind,
  type CompareMode,
  type ControlSheet,
  controlSheet,
  type Dossier,
  type DossierStatus,
  type DueDates,
  dueDates,
  PORTAL_STATUS_MAPPING,
  portalStatus,
  status,
} from '@tthc/core';
import { formatInstant } from './format.js';

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
