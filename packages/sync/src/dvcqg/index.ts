/** DVCQG (Cổng Dịch vụ công quốc gia) dossier sync: `DongBoHoSoMC` out, `CapNhatTienDoHoSoMC` out and in. */
export { dvcqgDateToIso, formatDvcqgDate, parseDvcqgDate } from './dates.js';
export { type DvcqgDossierOptions, type DvcqgOwner, toDvcqgDossier } from './dossier.js';
export { CHANNEL_CODES, type DvcqgProgressOptions, toDvcqgProgress, writeDvcqgProgressCsv } from './progress.js';
export {
  type DvcqgProblem,
  type DvcqgProblemCode,
  type DvcqgProgressRead,
  type ReadDvcqgProgressOptions,
  type RowPosition,
  readDvcqgProgress,
} from './read.js';
export { type RebuildDossiersOptions, type RebuiltDossiers, rebuildDossiers } from './rebuild.js';
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
