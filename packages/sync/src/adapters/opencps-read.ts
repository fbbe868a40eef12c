/**
 * Reading an OpenCPS service process (in its JSON shape; the XML import file and the REST JSON are
 * read through it) into a canonical `Process`. OpenCPS writes `""` for absent values, so `""` is read
 * as absent; performers come from the step's `roles/StepRole` (the moderator first), then
 * `roleAsStep`; the step's status is reported through the `DossierStatusMapping` rows given.
 */
import type { Duration } from '@tthc/calendar';
import { type Outcome, type Step, type StepKind, StepSchema } from '@tthc/core';
import type { OpenCpsAction, OpenCpsProcess, OpenCpsStatusMappingRow, OpenCpsStep } from '../formats/opencps.js';
import { type JsonPath, type ReadContext, readCivilDate, readNumber, report, trace } from '../native.js';
import { inferStepKind } from '../steps.js';
import { compact } from './shared.js';

/** Options of the OpenCPS adapter's `parse` (facts an import file does not hold). */
export interface OpenCpsParseOptions {
  /** TTHC code when the document has no `serviceCode` (an import file without its services file). */
  readonly procedureCode?: string;
  /** Agency name when the document names none (no ServiceConfig.govAgencyName). */
  readonly agency?: string;
  /** Effective date (ISO) when the document has no `modifiedDate`. */
  readonly effectiveFrom?: string;
}

/** The date used, with a warning, when neither the document nor the caller gives one. */
export const UNKNOWN_EFFECTIVE_FROM = '1970-01-01';
/** The agency name used, with a warning, when neither the document nor the caller gives one. */
export const UNKNOWN_AGENCY = '(chưa rõ cơ quan)';

/** `""` and whitespace are absent in OpenCPS documents. */
export function present(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Step fields kept in `extensions.opencps`. */
const KEPT_STEP_FIELDS = ['sequenceNo', 'dossierStatus', 'dossierSubStatus', 'roles'] as const;
/** Action fields kept in `extensions.opencps.actions[actionCode]`. */
const KEPT_ACTION_FIELDS = ['autoEvent', 'preCondition', 'requestPayment', 'rollbackable'] as const;

/** What a step is when its name does not say (OpenCPS dossier status). */
const KIND_BY_STATUS: Readonly<Record<string, StepKind>> = {
  new: 'receive',
  receiving: 'receive',
  paying: 'pay',
  releasing: 'return',
  done: 'return',
  interoperating: 'consult',
};

/**
 * The DVCQG code of a step's status as OpenCPS's `getMappingStatus` finds it: the sub-status row
 * first, then the first row of the status; undefined when no row matches.
 * @example dvcqgStatus(DEFAULT_OPENCPS_STATUS_MAPPING, 'processing', undefined) // 4
 */
export function dvcqgStatus(
  mapping: readonly OpenCpsStatusMappingRow[],
  status: string | undefined,
  subStatus: string | undefined,
): number | undefined {
  const sub = subStatus === undefined ? undefined : mapping.find((r) => r.subStatusCode === subStatus);
  if (sub) return sub.statusCodeDVCQG;
  return status === undefined ? undefined : mapping.find((r) => r.statusCode === status)?.statusCodeDVCQG;
}

/** Reads a count in the process unit: 0 = days, 1 = hours; `"1,5"` as OpenCPS reads it (comma → point). */
export function readCount(ctx: ReadContext, value: unknown, unit: 0 | 1, path: JsonPath): Duration | undefined {
  const n = present(value) === undefined ? 0 : readNumber(value);
  if (n === undefined || n < 0) {
    report(ctx, 'value.unreadable', path, 'expected a non-negative number of days or hours', { value });
    return undefined;
  }
  return { amount: n, unit: unit === 0 ? 'workingDay' : 'workingHour' };
}

/** The role acting in a step: the moderator StepRole, else the first one, else `roleAsStep`. */
export function stepRole(s: OpenCpsStep): string | undefined {
  const roles = s.roles ?? [];
  const lead =
    roles.find((r) => r.moderator === true && present(r.roleName ?? r.roleCode)) ??
    roles.find((r) => present(r.roleName ?? r.roleCode));
  return present(lead?.roleName) ?? present(lead?.roleCode) ?? present(s.roleAsStep);
}

export type RowStep = Omit<Step, 'outcomes'>;

/** Reads one step row (no outcomes). */
export function readStep(
  ctx: ReadContext,
  s: OpenCpsStep,
  path: JsonPath,
  unit: 0 | 1,
  agency: string,
  mapping: readonly OpenCpsStatusMappingRow[],
): RowStep | undefined {
  if (!StepSchema.shape.key.safeParse(s.stepCode).success) {
    report(ctx, 'step.badKey', [...path, 'stepCode'], 'expected a step code of letters, digits, ".", "_" or "-"', {
      value: s.stepCode,
    });
  }
  const role = stepRole(s);
  if (!role) report(ctx, 'format.invalid', [...path, 'roles'], 'expected a StepRole with a roleName, or roleAsStep');
  const budget = readCount(ctx, s.durationCount, unit, [...path, 'durationCount']);
  const status = present(s.dossierStatus);
  const named = inferStepKind(s.stepName);
  const kind = named === 'other' ? (KIND_BY_STATUS[status ?? ''] ?? 'other') : named;
  const kept = compact(Object.fromEntries(KEPT_STEP_FIELDS.map((k) => [k, k === 'roles' ? s.roles : present(s[k])])));
  if (!budget || !role) return undefined;
  return compact({
    key: s.stepCode,
    name: s.stepName.normalize('NFC').trim(),
    kind,
    performer: { unit: present(s.groupName) ?? agency, role: role.normalize('NFC').trim() },
    budget,
    forms: [],
    outputs: [],
    portalStatus: dvcqgStatus(mapping, status, present(s.dossierSubStatus)),
    extensions: { opencps: kept },
  });
}

/** Outcomes of a step: its actions, named by actionCode (a repeated code gets `-2`, `-3`…). */
function readOutcomes(ctx: ReadContext, actions: readonly OpenCpsAction[], step: string): Outcome[] {
  const names = new Set<string>();
  const out: Outcome[] = [];
  actions.forEach((a, i) => {
    if (a.preStepCode !== step) return;
    let name = a.actionCode;
    for (let n = 2; names.has(name); n++) name = `${a.actionCode}-${n}`;
    if (name !== a.actionCode) {
      report(
        ctx,
        'step.duplicateKey',
        ['processActions', i, 'actionCode'],
        `step ${step} has action ${a.actionCode} twice; read as ${name}`,
        {
          value: a.actionCode,
          severity: 'warning',
        },
      );
    }
    names.add(name);
    out.push(compact({ name, next: present(a.postStepCode) ?? null, label: a.actionName }));
  });
  return out;
}

function checkEnds(ctx: ReadContext, doc: OpenCpsProcess): void {
  const keys = new Set(doc.processSteps.map((s) => s.stepCode));
  doc.processActions.forEach((a, i) => {
    for (const end of ['preStepCode', 'postStepCode'] as const) {
      const code = present(a[end]);
      if (code !== undefined && !keys.has(code)) {
        report(ctx, 'step.unknownTarget', ['processActions', i, end], 'names no step of the process', { value: code });
      }
    }
  });
  const seen = new Set<string>();
  doc.processSteps.forEach((s, i) => {
    if (seen.has(s.stepCode)) {
      report(ctx, 'step.duplicateKey', ['processSteps', i, 'stepCode'], `step code ${s.stepCode} is used twice`, {
        value: s.stepCode,
      });
    }
    seen.add(s.stepCode);
  });
}

function traceDocument(ctx: ReadContext, doc: OpenCpsProcess): void {
  doc.processSteps.forEach((s, i) => {
    const path = ['processSteps', i];
    for (const [canonical, native] of [
      ['key', 'stepCode'],
      ['name', 'stepName'],
      ['kind', 'stepName'],
      ['budget', 'durationCount'],
      ['portalStatus', 'dossierStatus'],
    ] as const) {
      trace(ctx, ['steps', i, canonical], [...path, native]);
    }
    trace(ctx, ['steps', i, 'performer', 'role'], [...path, s.roles?.length ? 'roles' : 'roleAsStep']);
    trace(ctx, ['steps', i, 'performer', 'unit'], present(s.groupName) ? [...path, 'groupName'] : ['govAgencyName']);
    trace(ctx, ['steps', i, 'outcomes'], ['processActions']);
  });
  for (const [canonical, native] of [
    ['procedureCode', 'serviceCode'],
    ['name', 'processName'],
    ['version', 'serviceProcessNo'],
    ['effectiveFrom', 'modifiedDate'],
    ['totalLimit', 'durationCount'],
  ] as const) {
    trace(ctx, [canonical], [native]);
  }
  trace(ctx, ['agency', 'name'], ['govAgencyName']);
  trace(ctx, ['agency', 'code'], ['govAgencyCode']);
}

/** The agency a document names, else the caller's, else a placeholder with a warning. */
export function agencyOf(ctx: ReadContext | undefined, doc: OpenCpsProcess, options: OpenCpsParseOptions): string {
  const named = present(doc.govAgencyName) ?? options.agency;
  if (named !== undefined) return named;
  if (ctx) {
    report(
      ctx,
      'value.assumed',
      ['govAgencyName'],
      `no agency named; read as "${UNKNOWN_AGENCY}" (pass options.agency)`,
      {
        severity: 'warning',
      },
    );
  }
  return UNKNOWN_AGENCY;
}

/**
 * Builds the canonical candidate of a service process.
 * @example readDocument(ctx, view, {}, DEFAULT_OPENCPS_STATUS_MAPPING)
 */
export function readDocument(
  ctx: ReadContext,
  doc: OpenCpsProcess,
  options: OpenCpsParseOptions,
  mapping: readonly OpenCpsStatusMappingRow[],
): Record<string, unknown> {
  checkEnds(ctx, doc);
  traceDocument(ctx, doc);
  const agency = agencyOf(ctx, doc, options);
  const rows = doc.processSteps.map((s, i) => readStep(ctx, s, ['processSteps', i], doc.durationUnit, agency, mapping));
  const code = present(doc.serviceCode)?.trim() ?? options.procedureCode;
  if (code === undefined) {
    report(
      ctx,
      'format.invalid',
      ['serviceCode'],
      `no TTHC code for process ${doc.serviceProcessNo}: no ServiceInfo lists it (services/*.xml) and options.procedureCode is not given`,
    );
  }
  // OpenCPS dates are "dd/MM/yyyy" or "dd/MM/yyyy HH:mm:ss": the day is the effective date.
  const dated = present(doc.modifiedDate);
  let effectiveFrom = dated === undefined ? options.effectiveFrom : readCivilDate(dated.split(' ')[0]);
  if (dated !== undefined && effectiveFrom === undefined) {
    report(ctx, 'value.unreadable', ['modifiedDate'], 'expected the effective date dd/MM/yyyy', { value: dated });
  } else if (effectiveFrom === undefined) {
    effectiveFrom = UNKNOWN_EFFECTIVE_FROM;
    report(
      ctx,
      'value.assumed',
      ['modifiedDate'],
      `no effective date; read as ${UNKNOWN_EFFECTIVE_FROM} (pass options.effectiveFrom)`,
      {
        severity: 'warning',
      },
    );
  }
  const initial = doc.processActions.filter((a) => present(a.preStepCode) === undefined);
  // What the document does not hold, kept so that a write does not add it (facts from the caller or a placeholder).
  const given = compact({
    procedureCode: present(doc.serviceCode) === undefined ? code : undefined,
    agency: present(doc.govAgencyName) === undefined ? agency : undefined,
    effectiveFrom: dated === undefined ? effectiveFrom : undefined,
  });
  const actions = Object.fromEntries(
    doc.processActions.map((a) => [
      a.actionCode,
      compact(Object.fromEntries(KEPT_ACTION_FIELDS.map((k) => [k, a[k]]))),
    ]),
  );
  const total =
    present(doc.durationCount) === undefined
      ? undefined
      : readCount(ctx, doc.durationCount, doc.durationUnit, ['durationCount']);
  return compact({
    procedureCode: code,
    name: present(doc.processName),
    agency: compact({ code: present(doc.govAgencyCode), name: agency }),
    version: doc.serviceProcessNo,
    effectiveFrom,
    totalLimit: total,
    start: present(initial[0]?.postStepCode),
    steps: rows
      .filter((r) => r !== undefined)
      .map((r) => ({ ...r, outcomes: readOutcomes(ctx, doc.processActions, r.key) })),
    extensions: {
      opencps: compact({
        dueDatePattern: present(doc.dueDatePattern),
        processSequences: doc.processSequences,
        initialActions: initial.length > 0 ? initial : undefined,
        actions,
        given: Object.keys(given).length > 0 ? given : undefined,
      }),
    },
  });
}
