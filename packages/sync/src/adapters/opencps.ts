/**
 * OpenCPS adapter: an OpenCPS service process (ServiceProcess, ProcessStep, ProcessAction,
 * ProcessSequence) ↔ canonical `Process`. Steps keep their order; actions become outcomes (named by
 * actionCode, labelled by actionName); durations are read in the process's durationUnit (0 days,
 * 1 hours, working time as OpenCPS counts them); the dossier status of a step gives its DVCQG status.
 */
import type { Duration } from '@tthc/calendar';
import { type Outcome, type Process, type Step, type StepKind, StepSchema, safeParseProcess } from '@tthc/core';
import {
  OPENCPS_TO_DVCQG,
  type OpenCpsAction,
  type OpenCpsProcess,
  OpenCpsProcessSchema,
  type OpenCpsStep,
} from '../formats/opencps.js';
import type { Adapter } from '../issues.js';
import {
  asRecord,
  deepEqual,
  type JsonPath,
  mergeList,
  type ReadContext,
  readCivilDate,
  readContext,
  readNumber,
  report,
  sameDuration,
  setField,
  trace,
  viDate,
} from '../native.js';
import { toWorkingMinutes } from '../normalize.js';
import { inferStepKind } from '../steps.js';
import { checkNative, compact, finish } from './shared.js';

/** Step fields kept in `extensions.opencps` so that a process written without its original keeps them. */
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
const DVCQG_TO_OPENCPS = Object.fromEntries(Object.entries(OPENCPS_TO_DVCQG).map(([k, v]) => [v, k]));

function readCount(ctx: ReadContext, value: unknown, unit: 0 | 1, path: JsonPath): Duration | undefined {
  const n = readNumber(value);
  if (n === undefined || n < 0) {
    report(ctx, 'value.unreadable', path, 'expected a non-negative number of days or hours', { value });
    return undefined;
  }
  return { amount: n, unit: unit === 0 ? 'workingDay' : 'workingHour' };
}

type RowStep = Omit<Step, 'outcomes'>;

function readStep(ctx: ReadContext, s: OpenCpsStep, path: JsonPath, doc: OpenCpsProcess): RowStep | undefined {
  if (!StepSchema.shape.key.safeParse(s.stepCode).success) {
    report(ctx, 'step.badKey', [...path, 'stepCode'], 'expected a step code of letters, digits, ".", "_" or "-"', {
      value: s.stepCode,
    });
  }
  const role = s.roleAsStep ?? s.roles?.[0]?.roleName;
  if (!role) report(ctx, 'format.invalid', [...path, 'roleAsStep'], 'expected roleAsStep or roles[0].roleName');
  const budget = readCount(ctx, s.durationCount, doc.durationUnit, [...path, 'durationCount']);
  const named = inferStepKind(s.stepName);
  const kind = named === 'other' ? (KIND_BY_STATUS[s.dossierStatus] ?? 'other') : named;
  const kept = compact(Object.fromEntries(KEPT_STEP_FIELDS.map((k) => [k, s[k]])));
  if (!budget || !role) return undefined;
  return compact({
    key: s.stepCode,
    name: s.stepName.normalize('NFC').trim(),
    kind,
    performer: { unit: s.groupName ?? doc.govAgencyName, role },
    budget,
    forms: [],
    outputs: [],
    portalStatus: OPENCPS_TO_DVCQG[s.dossierStatus],
    extensions: { opencps: kept },
  });
}

function readOutcomes(actions: readonly OpenCpsAction[], step: string): Outcome[] {
  return actions
    .filter((a) => a.preStepCode === step)
    .map((a) =>
      compact({ name: a.actionCode, next: a.postStepCode === '' ? null : a.postStepCode, label: a.actionName }),
    );
}

function checkActions(ctx: ReadContext, doc: OpenCpsProcess): void {
  const keys = new Set(doc.processSteps.map((s) => s.stepCode));
  const seen = new Set<string>();
  doc.processActions.forEach((a, i) => {
    for (const end of ['preStepCode', 'postStepCode'] as const) {
      if (a[end] !== '' && !keys.has(a[end])) {
        report(ctx, 'step.unknownTarget', ['processActions', i, end], 'names no step of the process', {
          value: a[end],
        });
      }
    }
    const id = `${a.preStepCode}→${a.actionCode}`;
    if (seen.has(id)) {
      report(ctx, 'step.duplicateKey', ['processActions', i, 'actionCode'], 'the step has this action twice', {
        value: a.actionCode,
      });
    }
    seen.add(id);
  });
  const steps = new Set<string>();
  doc.processSteps.forEach((s, i) => {
    if (steps.has(s.stepCode)) {
      report(ctx, 'step.duplicateKey', ['processSteps', i, 'stepCode'], `step code ${s.stepCode} is used twice`, {
        value: s.stepCode,
      });
    }
    steps.add(s.stepCode);
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
    trace(ctx, ['steps', i, 'performer', 'role'], [...path, s.roleAsStep === undefined ? 'roles' : 'roleAsStep']);
    trace(
      ctx,
      ['steps', i, 'performer', 'unit'],
      s.groupName === undefined ? ['govAgencyName'] : [...path, 'groupName'],
    );
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

function readDocument(ctx: ReadContext, doc: OpenCpsProcess): Record<string, unknown> {
  checkActions(ctx, doc);
  traceDocument(ctx, doc);
  const rows = doc.processSteps.map((s, i) => readStep(ctx, s, ['processSteps', i], doc));
  // OpenCPS dates are "dd/MM/yyyy" or "dd/MM/yyyy HH:mm:ss": the day is the effective date.
  const effectiveFrom = readCivilDate(doc.modifiedDate?.split(' ')[0]);
  if (effectiveFrom === undefined) {
    report(ctx, 'value.unreadable', ['modifiedDate'], 'expected the effective date dd/MM/yyyy', {
      value: doc.modifiedDate,
    });
  }
  const initial = doc.processActions.filter((a) => a.preStepCode === '');
  const actions = Object.fromEntries(
    doc.processActions.map((a) => [
      a.actionCode,
      compact(Object.fromEntries(KEPT_ACTION_FIELDS.map((k) => [k, a[k]]))),
    ]),
  );
  return compact({
    procedureCode: doc.serviceCode.trim(),
    name: doc.processName,
    agency: compact({ code: doc.govAgencyCode, name: doc.govAgencyName }),
    version: doc.serviceProcessNo,
    effectiveFrom,
    totalLimit: readCount(ctx, doc.durationCount, doc.durationUnit, ['durationCount']),
    start: initial[0]?.postStepCode || undefined,
    steps: rows
      .filter((r) => r !== undefined)
      .map((r) => ({ ...r, outcomes: readOutcomes(doc.processActions, r.key) })),
    extensions: {
      opencps: compact({
        dueDatePattern: doc.dueDatePattern,
        processSequences: doc.processSequences,
        initialActions: initial.length > 0 ? initial : undefined,
        actions,
      }),
    },
  });
}

/** The durationUnit the process is written in: the original's when every duration fits it, else days if all are whole days. */
function unitFor(p: Process, original: OpenCpsProcess | undefined): 0 | 1 {
  const minutes = [p.totalLimit, ...p.steps.map((s) => s.budget)].map((d) => (d ? minutesOf(d) : 0));
  const wholeDays = minutes.every((m) => m % 480 === 0);
  if (original?.durationUnit === 1 || !wholeDays) return 1;
  return 0;
}

/**
 * Working minutes of a duration as OpenCPS can count it: one unit only, so a calendar day is written
 * as a day (8 h) and a same-day limit as one working day.
 */
function minutesOf(d: Duration): number {
  if (d.unit === 'calendarDay') return d.amount * 480;
  if (d.unit === 'sameDay') return 480;
  return toWorkingMinutes(d) ?? 0;
}

function countOf(d: Duration, unit: 0 | 1): number {
  const minutes = minutesOf(d);
  return unit === 0 ? minutes / 480 : minutes / 60;
}

function writeStep(step: RowStep, original: OpenCpsStep | undefined, agency: string, unit: 0 | 1): OpenCpsStep {
  const kept = asRecord(asRecord(step.extensions).opencps);
  const out = { ...kept, ...original, stepCode: step.key, stepName: step.name } as OpenCpsStep;
  if (original?.stepName.normalize('NFC').trim() === step.name) out.stepName = original.stepName;
  out.dossierStatus ??= DVCQG_TO_OPENCPS[step.portalStatus ?? 4] ?? 'processing';
  if (OPENCPS_TO_DVCQG[out.dossierStatus] !== step.portalStatus && step.portalStatus !== undefined) {
    out.dossierStatus = DVCQG_TO_OPENCPS[step.portalStatus] ?? out.dossierStatus;
  }
  const old = original && readCount(readContext('portal'), original.durationCount, unit, []);
  if (!old || !sameDuration(old, step.budget)) out.durationCount = countOf(step.budget, unit);
  const role = original?.roleAsStep ?? original?.roles?.[0]?.roleName;
  if (role !== step.performer.role) out.roleAsStep = step.performer.role;
  setField(
    out,
    'groupName',
    step.performer.unit === agency && original?.groupName === undefined ? undefined : step.performer.unit,
  );
  return out;
}

function writeActions(p: Process, original: OpenCpsProcess | undefined): OpenCpsAction[] {
  const ext = asRecord(asRecord(p.extensions).opencps);
  const extras = asRecord(ext.actions);
  const initial = (original?.processActions.filter((a) => a.preStepCode === '') ??
    (ext.initialActions as OpenCpsAction[] | undefined) ?? [
      { actionCode: '1100', actionName: 'Nộp hồ sơ', preStepCode: '', postStepCode: p.start ?? p.steps[0]!.key },
    ]) as OpenCpsAction[];
  const wanted = p.steps.flatMap((s) =>
    s.outcomes.map((o) => ({ pre: s.key, name: o.name, post: o.next ?? '', label: o.label ?? o.name })),
  );
  const originals = original?.processActions.filter((a) => a.preStepCode !== '') ?? [];
  const same = (a: OpenCpsAction, w: (typeof wanted)[number]) =>
    a.preStepCode === w.pre && a.actionCode === w.name && a.postStepCode === w.post && a.actionName === w.label;
  if (original && originals.length === wanted.length && originals.every((a) => wanted.some((w) => same(a, w)))) {
    return [...original.processActions];
  }
  const built = wanted.map((w) => {
    const before = originals.find((a) => a.preStepCode === w.pre && a.actionCode === w.name);
    return {
      ...asRecord(extras[w.name]),
      ...before,
      actionCode: w.name,
      actionName: w.label,
      preStepCode: w.pre,
      postStepCode: w.post,
    } as OpenCpsAction;
  });
  return [...initial, ...built];
}

function serializeDocument(p: Process, original: OpenCpsProcess | undefined): OpenCpsProcess {
  const out = (original ? structuredClone(original) : {}) as Record<string, unknown> & Partial<OpenCpsProcess>;
  const ext = asRecord(asRecord(p.extensions).opencps);
  if (original?.serviceCode.trim() !== p.procedureCode) out.serviceCode = p.procedureCode;
  setField(out, 'processName', p.name);
  out.govAgencyName = p.agency.name;
  setField(out, 'govAgencyCode', p.agency.code);
  out.serviceProcessNo = p.version;
  if (readCivilDate(original?.modifiedDate?.split(' ')[0]) !== p.effectiveFrom)
    out.modifiedDate = viDate(p.effectiveFrom);
  const unit = unitFor(p, original);
  if (out.durationUnit !== unit) out.durationUnit = unit;
  const total: Duration = p.totalLimit ?? {
    amount: p.steps.reduce((sum, s) => sum + minutesOf(s.budget), 0),
    unit: 'workingMinute',
  };
  const oldTotal = original && readCount(readContext('portal'), original.durationCount, unit, []);
  if (!oldTotal || !sameDuration(oldTotal, total)) out.durationCount = countOf(total, unit);
  if (!original && typeof ext.dueDatePattern === 'string') out.dueDatePattern = ext.dueDatePattern;
  if (!original && Array.isArray(ext.processSequences)) out.processSequences = ext.processSequences as never;
  const rows = original?.processSteps ?? [];
  const scratch = readContext('portal');
  out.processSteps = mergeList<RowStep, OpenCpsStep>(rows, p.steps, {
    read: (s) => (original ? readStep(scratch, s, [], original) : undefined),
    write: (s, o) => writeStep(s, o, p.agency.name, unit),
    match: (s) => rows.find((r) => r.stepCode === s.key),
    same: (a, b) => sameDuration(a.budget, b.budget) && deepEqual({ ...a, budget: 0 }, { ...b, budget: 0 }),
  });
  out.processActions = writeActions(p, original);
  return out as OpenCpsProcess;
}

/**
 * The OpenCPS adapter. `parse` reads a service process into a `Process` (version = serviceProcessNo,
 * effective date = modifiedDate; the ProcessSequence rows, due-date pattern and action flags are kept
 * in `extensions.opencps`); `serialize` writes a process back, keeping every field it does not
 * understand and the wording of every value whose meaning did not change.
 * @example
 * const { value } = opencpsAdapter.parse(config);
 * opencpsAdapter.serialize(value!, config); // deep-equals config
 */
export const opencpsAdapter: Adapter<Process, OpenCpsProcess> = {
  // OpenCPS is a one-stop system: its issues and provenance are reported as the portal's.
  system: 'portal',
  parse(raw) {
    const ctx = readContext('portal');
    const doc = checkNative(ctx, OpenCpsProcessSchema, raw);
    const candidate = doc && readDocument(ctx, doc);
    return finish(ctx, candidate, safeParseProcess);
  },
  serialize(value, original) {
    return serializeDocument(value, original && structuredClone(original));
  },
};
