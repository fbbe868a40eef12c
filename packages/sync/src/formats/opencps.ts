/**
 * `opencps` format: an OpenCPS v2 service-process configuration (VietOpenCPS/opencps-v2,
 * `modules/backend-dossiermgt/.../service.xml`; REFERENCE.md §3.3): the ServiceProcess with its
 * ProcessStep, ProcessAction and ProcessSequence rows, plus the ServiceConfig facts that tie it to a
 * TTHC (serviceCode) and an agency (govAgencyCode / govAgencyName). Durations are counted in the
 * process's `durationUnit` (0 days, 1 hours) for the process and every step alike.
 */
import * as z from 'zod';
import { NumberLikeSchema } from './catalogue.js';

export const OpenCpsRoleSchema = z
  .looseObject({
    roleCode: z.string().optional(),
    roleName: z.string().optional().meta({ description: 'Role name; the code is used when it is absent.' }),
    moderator: z.boolean().optional(),
  })
  .meta({ description: 'ProcessStepRole: a role allowed to act in the step.' });

export const OpenCpsStepSchema = z
  .looseObject({
    stepCode: z.string().meta({ description: 'Step code, unique in the process (e.g. "100").' }),
    stepName: z.string(),
    sequenceNo: z.string().optional().meta({ description: 'The ProcessSequence (phase) the step belongs to.' }),
    dossierStatus: z
      .string()
      .optional()
      .meta({ description: 'OpenCPS dossier status in the step: new, processing, waiting…' }),
    dossierSubStatus: z.string().optional(),
    durationCount: NumberLikeSchema.meta({ description: 'Step time in the process durationUnit.' }),
    roleAsStep: z.string().optional().meta({ description: 'The role performing the step.' }),
    roles: z.array(OpenCpsRoleSchema).optional(),
    groupName: z.string().optional().meta({ description: 'Performing unit (default: the agency).' }),
  })
  .meta({ description: 'ProcessStep.' });

export const OpenCpsActionSchema = z
  .looseObject({
    actionCode: z.string(),
    actionName: z.string(),
    preStepCode: z.string().meta({ description: 'Step the action leaves ("" for the submission action).' }),
    postStepCode: z.string().meta({ description: 'Step the action enters ("" ends the process).' }),
    autoEvent: z.string().optional(),
    preCondition: z.string().optional(),
    requestPayment: z.union([z.number(), z.boolean(), z.string()]).optional().meta({
      description: 'XSD int; the REST JSON and import files write it as text ("0").',
    }),
    rollbackable: z.union([z.boolean(), z.string()]).optional().meta({ description: 'A boolean, or "true"/"false".' }),
  })
  .meta({ description: 'ProcessAction: a transition between steps.' });

export const OpenCpsSequenceSchema = z
  .looseObject({
    sequenceNo: z.string(),
    sequenceName: z.string(),
    sequenceRole: z.string().optional(),
    durationCount: NumberLikeSchema.optional().meta({ description: 'The phase / agency budget.' }),
  })
  .meta({ description: 'ProcessSequence: a phase with its budget (per-agency share in liên thông).' });

/** An OpenCPS service process with its steps, actions and sequences. */
export const OpenCpsProcessSchema = z
  .looseObject({
    serviceCode: z
      .string()
      .optional()
      .meta({ description: 'TTHC code (ServiceInfo.serviceCode through ServiceConfig); required to read.' }),
    serviceName: z.string().optional(),
    govAgencyCode: z.string().optional(),
    govAgencyName: z.string().optional().meta({ description: 'Agency (ServiceConfig.govAgencyName).' }),
    serviceProcessNo: z.string().meta({ description: 'Process number: the canonical version.' }),
    processName: z.string().optional(),
    durationCount: NumberLikeSchema,
    durationUnit: z.union([z.literal(0), z.literal(1)]).meta({ description: '0 = days, 1 = hours.' }),
    dueDatePattern: z.string().optional(),
    modifiedDate: z
      .string()
      .optional()
      .meta({ description: 'Last change, dd/MM/yyyy[ HH:mm:ss]: the effective date.' }),
    processSteps: z.array(OpenCpsStepSchema).min(1),
    processActions: z.array(OpenCpsActionSchema),
    processSequences: z.array(OpenCpsSequenceSchema).optional(),
  })
  .meta({ id: 'OpenCpsProcess', title: 'OpenCPS service process configuration' });

export type OpenCpsProcess = z.infer<typeof OpenCpsProcessSchema>;
export type OpenCpsStep = z.infer<typeof OpenCpsStepSchema>;
export type OpenCpsAction = z.infer<typeof OpenCpsActionSchema>;
export type OpenCpsSequence = z.infer<typeof OpenCpsSequenceSchema>;

/**
 * OpenCPS dossier status → DVCQG TrangThaiHoSo, the default rows of {@link DEFAULT_OPENCPS_STATUS_MAPPING}
 * (Thanh Hóa FormatTrangThaiHoSoDVCQG, REFERENCE.md §3.2).
 */
export const OPENCPS_TO_DVCQG: Readonly<Record<string, number>> = {
  receiving: 1,
  new: 2,
  denied: 3,
  processing: 4,
  waiting: 5,
  paying: 6,
  cancelled: 7,
  unresolved: 8,
  releasing: 9,
  done: 10,
};

/**
 * One row of OpenCPS's `DossierStatusMapping` table (`statusCode`, `subStatusCode`, `statusCodeDVCQG`):
 * how a dossier status, or one sub-status, is reported to the national portal. OpenCPS looks the
 * sub-status up first and falls back to the first row of the status (DVCQGIntegrationActionImpl
 * `getMappingStatus`).
 */
export interface OpenCpsStatusMappingRow {
  readonly statusCode: string;
  readonly subStatusCode?: string;
  readonly statusCodeDVCQG: number;
}

/**
 * The status mapping used when the caller gives none: one row per OpenCPS status with a DVCQG code
 * (OpenCPS ships the table empty; these are the codes REFERENCE.md §3.2 lists). `interoperating`,
 * `posting`, `collecting`, `handover` and `correcting` have no DVCQG code and map to none.
 * @example DEFAULT_OPENCPS_STATUS_MAPPING.find((r) => r.statusCode === 'processing')?.statusCodeDVCQG // 4
 */
export const DEFAULT_OPENCPS_STATUS_MAPPING: readonly OpenCpsStatusMappingRow[] = Object.entries(OPENCPS_TO_DVCQG).map(
  ([statusCode, statusCodeDVCQG]) => ({ statusCode, statusCodeDVCQG }),
);

/**
 * Where a process of an import package is used: the `services/*.xml` ServiceInfo whose ServiceConfig
 * lists the process (ProcessOption.processNo), giving its TTHC code and agency.
 */
export interface OpenCpsServiceLink {
  /** The services file, e.g. `services/1.001193.xml`. */
  readonly file?: string;
  readonly serviceCode: string;
  readonly serviceName?: string;
  readonly govAgencyCode?: string;
  readonly govAgencyName?: string;
}

/**
 * One process file of an OpenCPS import package (`processes/*.xml`, root `ServiceProcess`, shape fixed
 * by `opencps_import_schema.xsd`): its text as it is, and the service that uses it. The adapter reads
 * and writes `xml`; `service` is context and is never rewritten.
 */
export interface OpenCpsXmlDocument {
  /** Path in the package, e.g. `processes/QT01.xml`. */
  readonly file?: string;
  readonly xml: string;
  readonly service?: OpenCpsServiceLink;
}
