/** The pure dossier runtime: events, openDossier/apply, derived views, persistence, portal status. */
export {
  DossierEventSchema,
  ActorSchema,
  InstantTextSchema,
  parseDossierEvent,
  parseDossierEvents,
  type Actor,
  type DossierEvent,
  type DossierEventType,
  type DossierEventOf,
} from './events.js';
export { openDossier, channelLimit, type Dossier, type OpenDossierInit, type OpenDossierOptions } from './dossier.js';
export { apply, applyAll, type RejectionReason, type EventRejection } from './apply.js';
export type {
  ClockLedger,
  StepVisit,
  SupplementRound,
  ConsultShare,
  Extension,
  LedgerFlag,
  LedgerFlagCode,
} from './ledger.js';
export {
  dueDates,
  status,
  reminders,
  classifyCompletion,
  type DueDates,
  type DossierStatus,
  type StatusOptions,
  type Classification,
  type CompareMode,
  type Reminder,
  type ReminderKind,
} from './views.js';
export {
  oneStopLawAt,
  citeRule,
  legalBasisOf,
  ND118_IN_FORCE_MS,
  type OneStopLaw,
  type OneStopRegime,
  type OneStopRule,
  type AppliedRule,
} from './law.js';
export { controlSheet, type ControlSheet, type ControlSheetRow, type ControlSheetOptions } from './control-sheet.js';
export {
  portalStatus,
  PORTAL_STATUS_MAPPING,
  type PortalStatusRule,
  type PortalStatusOptions,
} from './portal-status.js';
export {
  serialize,
  deserialize,
  FORMAT_VERSION,
  type DossierEnvelope,
  type DeserializeContext,
} from './persistence.js';
export { formatInstant, localDate } from './time.js';
