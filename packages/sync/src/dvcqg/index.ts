/** DVCQG (Cổng Dịch vụ công quốc gia) dossier sync: `DongBoHoSoMC` out, `CapNhatTienDoHoSoMC` out and in. */
export { dvcqgDateToIso, formatDvcqgDate, parseDvcqgDate } from './dates.js';
export { type DvcqgDossierOptions, type DvcqgOwner, toDvcqgDossier } from './dossier.js';
export {
  type DvcqgDossierIn,
  DvcqgDossierInSchema,
  type DvcqgDossierRead,
  readDvcqgDossier,
  type WriteDvcqgDossierOptions,
  writeDvcqgDossier,
} from './dossier-read.js';
export {
  type ClientObject,
  DVCQG_PROFILES,
  type DvcqgProfile,
  restoreProgressRows,
  styleDossier,
  styleProgressRow,
} from './profiles.js';
export {
  CHANNEL_CODES,
  type DvcqgClientProgressOptions,
  type DvcqgProgressOptions,
  toDvcqgClientProgress,
  toDvcqgProgress,
  writeDvcqgProgressCsv,
} from './progress.js';
export { type DvcqgReplayEvent, type DvcqgReplayProblem, dvcqgReplayEvents } from './replay-events.js';
export { looseDvcqgDate } from './tolerant.js';
export type { MappingVia } from './step-mapping.js';
export {
  type DvcqgProblem,
  type DvcqgProblemCode,
  type DvcqgProgressRead,
  type ReadDvcqgProgressOptions,
  type RowPosition,
  readDvcqgProgress,
} from './read.js';
export { type RebuildDossiersOptions, type RebuiltDossiers, type RowMapping, rebuildDossiers } from './rebuild.js';
export {
  type DvcqgDossier,
  DvcqgDossierSchema,
  type DvcqgFee,
  DvcqgFeeSchema,
  type DvcqgProgressRow,
  DvcqgProgressRowSchema,
  type DvcqgSupplement,
  DvcqgSupplementSchema,
  DvcqgDateSchema,
  DvcqgStatusSchema,
  PROGRESS_COLUMNS,
} from './schemas.js';
