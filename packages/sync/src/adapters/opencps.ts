/**
 * OpenCPS adapter: an OpenCPS v2 service process ↔ canonical `Process`, in the three shapes OpenCPS
 * data comes in — a `processes/*.xml` file of an import package ({@link OpenCpsXmlDocument}), the REST
 * JSON of a process, and the JSON shape this project first read (`serviceProcessNo`, `processSteps`…).
 * Steps keep their order; actions become outcomes (named by actionCode, labelled by actionName);
 * durations are read in the process's durationUnit (0 days, 1 hours, as `HolidayUtils.getDueDate` counts
 * process and step alike); the step's status is reported through a `DossierStatusMapping` the caller
 * may replace. Issues and provenance name the system `opencps`.
 */
import type { Duration } from '@tthc/calendar';
import type { Process } from '@tthc/core';
import {
  DEFAULT_OPENCPS_STATUS_MAPPING,
  type OpenCpsAction,
  type OpenCpsProcess,
  OpenCpsProcessSchema,
  type OpenCpsStatusMappingRow,
  type OpenCpsStep,
  type OpenCpsXmlDocument,
} from '../formats/opencps.js';
import type { Adapter } from '../issues.js';
import {
  asRecord,
  deepEqual,
  jsonPointer,
  type JsonPath,
  mergeList,
  type ReadContext,
  readCivilDate,
  readContext,
  sameDuration,
  setField,
  viDate,
} from '../native.js';
import { toWorkingMinutes } from '../normalize.js';
import { nativePath, writeXml, xmlView } from './opencps-import.js';
import {
  dvcqgStatus,
  type OpenCpsParseOptions,
  present,
  readCount,
  readDocument,
  readStep,
  type RowStep,
  stepRole,
} from './opencps-read.js';
import { isRestProcess, restPath, restView, writeRest } from './opencps-rest.js';
import { XmlReadError } from './opencps-xml.js';
import { safeParseCandidate } from './canonical.js';
import { checkNative, finish } from './shared.js';

export type { OpenCpsParseOptions } from './opencps-read.js';

/** Any OpenCPS document the adapter reads: an import file, the REST JSON, or the legacy JSON shape. */
export type OpenCpsDocument = OpenCpsXmlDocument | OpenCpsProcess | Record<string, unknown>;

/** Options of {@link createOpencpsAdapter}. */
export interface OpenCpsAdapterOptions {
  /** The agency's `DossierStatusMapping` rows (default {@link DEFAULT_OPENCPS_STATUS_MAPPING}). */
  readonly statusMapping?: readonly OpenCpsStatusMappingRow[];
}

/** The OpenCPS adapter: `serialize` gives back the shape of the original it is given. */
export interface OpenCpsAdapter extends Adapter<Process, OpenCpsDocument, OpenCpsParseOptions> {
  serialize<N extends OpenCpsDocument>(value: Process, original: N): N;
  /** Without an original: the JSON shape. */
  serialize(value: Process): OpenCpsProcess;
  serialize(value: Process, original?: OpenCpsDocument): OpenCpsDocument;
}

/**
 * True when a value is an OpenCPS import file document (`{ xml }` holding a `ServiceProcess`).
 * @example isOpenCpsXml({ xml: '<ServiceProcess>…</ServiceProcess>' }) // true
 */
export function isOpenCpsXml(raw: unknown): raw is OpenCpsXmlDocument {
  return (
    typeof raw === 'object' &&
    raw !== null &&
    typeof (raw as { xml?: unknown }).xml === 'string' &&
    (raw as { xml: string }).xml.includes('<ServiceProcess')
  );
}

/** The durationUnit the process is written in: the original's, else days when every duration is whole days. */
function unitFor(p: Process, original: OpenCpsProcess | undefined): 0 | 1 {
  // OpenCPS counts in the process unit with decimals (durationCount is a double): a process keeps its unit.
  if (original?.durationUnit === 0 || original?.durationUnit === 1) return original.durationUnit;
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

function writeStep(
  step: RowStep,
  original: OpenCpsStep | undefined,
  agency: string,
  unit: 0 | 1,
  mapping: readonly OpenCpsStatusMappingRow[],
): OpenCpsStep {
  const kept = asRecord(asRecord(step.extensions).opencps);
  const out = { ...(original ? {} : kept), ...original, stepCode: step.key, stepName: step.name } as OpenCpsStep;
  if (original?.stepName.normalize('NFC').trim() === step.name) out.stepName = original.stepName;
  const was = dvcqgStatus(mapping, present(out.dossierStatus), present(out.dossierSubStatus));
  if (step.portalStatus !== undefined && was !== step.portalStatus) {
    const row = statusFor(mapping, step.portalStatus);
    if (row) {
      out.dossierStatus = row.statusCode;
      if (row.subStatusCode !== undefined) out.dossierSubStatus = row.subStatusCode;
      else if (present(out.dossierSubStatus) !== undefined) out.dossierSubStatus = '';
    }
  }
  out.dossierStatus ??= 'processing';
  const old = original && readCount(readContext('opencps'), original.durationCount, unit, []);
  if (!old || !sameDuration(old, step.budget)) out.durationCount = countOf(step.budget, unit);
  const role = original ? stepRole(original)?.normalize('NFC').trim() : undefined;
  if (role !== step.performer.role) {
    const lead = out.roles?.find((r) => r.moderator === true) ?? out.roles?.[0];
    if (lead) out.roles = out.roles?.map((r) => (r === lead ? { ...r, roleName: step.performer.role } : r));
    else out.roleAsStep = step.performer.role;
  }
  const unitNamed = present(original?.groupName);
  if (step.performer.unit !== (unitNamed ?? agency)) out.groupName = step.performer.unit;
  return out;
}

function writeActions(p: Process, original: OpenCpsProcess | undefined): OpenCpsAction[] {
  const isInitial = (a: OpenCpsAction) => present(a.preStepCode) === undefined;
  const ext = asRecord(asRecord(p.extensions).opencps);
  const extras = asRecord(ext.actions);
  const initial = (original?.processActions.filter(isInitial) ??
    (ext.initialActions as OpenCpsAction[] | undefined) ?? [
      { actionCode: '1100', actionName: 'Nộp hồ sơ', preStepCode: '', postStepCode: p.start ?? p.steps[0]!.key },
    ]) as OpenCpsAction[];
  const wanted = p.steps.flatMap((s) =>
    s.outcomes.map((o) => ({ pre: s.key, name: o.name, post: o.next ?? '', label: o.label ?? o.name })),
  );
  const originals = original?.processActions.filter((a) => !isInitial(a)) ?? [];
  const names = new Map<string, number>();
  // Outcome names of a repeated actionCode were read as `code-2`…: the n-th action of the code.
  const nameOf = (a: OpenCpsAction) => {
    const key = `${a.preStepCode}|${a.actionCode}`;
    const n = (names.get(key) ?? 0) + 1;
    names.set(key, n);
    return n === 1 ? a.actionCode : `${a.actionCode}-${n}`;
  };
  const named = originals.map((a) => ({ a, name: nameOf(a) }));
  const same = ({ a, name }: (typeof named)[number], w: (typeof wanted)[number]) =>
    a.preStepCode === w.pre &&
    name === w.name &&
    (present(a.postStepCode) ?? '') === w.post &&
    a.actionName === w.label;
  if (original && named.length === wanted.length && named.every((a) => wanted.some((w) => same(a, w)))) {
    return [...original.processActions];
  }
  const built = wanted.map((w) => {
    const before = named.find(({ a, name }) => a.preStepCode === w.pre && name === w.name)?.a;
    return {
      ...asRecord(extras[w.name]),
      ...before,
      actionCode: before?.actionCode ?? w.name,
      actionName: w.label,
      preStepCode: w.pre,
      postStepCode: w.post,
    } as OpenCpsAction;
  });
  // The submission action enters the process's first step: moved when that step is gone.
  const keys = new Set(p.steps.map((s) => s.key));
  const first = p.start !== undefined && keys.has(p.start) ? p.start : p.steps[0]!.key;
  const entered = initial.map((a) =>
    keys.has(present(a.postStepCode) ?? '') || present(a.postStepCode) === undefined
      ? a
      : { ...a, postStepCode: first },
  );
  return [...entered, ...built];
}

function serializeDocument(
  p: Process,
  original: OpenCpsProcess | undefined,
  mapping: readonly OpenCpsStatusMappingRow[],
): OpenCpsProcess {
  const out = (original ? structuredClone(original) : {}) as Record<string, unknown> & Partial<OpenCpsProcess>;
  const ext = asRecord(asRecord(p.extensions).opencps);
  // Facts the reader took from the caller or a placeholder are not written into a document that lacked them.
  const given = asRecord(ext.given);
  const code = present(original?.serviceCode)?.trim() ?? (given.procedureCode as string | undefined);
  if (code !== p.procedureCode) out.serviceCode = p.procedureCode;
  if (present(original?.processName) !== p.name) setField(out, 'processName', p.name);
  const agency = original ? (present(original.govAgencyName) ?? (given.agency as string | undefined)) : undefined;
  if (agency !== p.agency.name) out.govAgencyName = p.agency.name;
  if (present(original?.govAgencyCode) !== p.agency.code) setField(out, 'govAgencyCode', p.agency.code);
  out.serviceProcessNo = p.version;
  const dated = present(original?.modifiedDate);
  const unknownDate = dated === undefined && original !== undefined && p.effectiveFrom === given.effectiveFrom;
  if (!unknownDate && readCivilDate(dated?.split(' ')[0]) !== p.effectiveFrom)
    out.modifiedDate = viDate(p.effectiveFrom);
  const unit = unitFor(p, original);
  if (out.durationUnit !== unit) out.durationUnit = unit;
  const total: Duration = p.totalLimit ?? {
    amount: p.steps.reduce((sum, s) => sum + minutesOf(s.budget), 0),
    unit: 'workingMinute',
  };
  const noTotal = p.totalLimit === undefined && original !== undefined && present(original.durationCount) === undefined;
  const oldTotal = original && readCount(readContext('opencps'), original.durationCount, unit, []);
  if (!noTotal && (!oldTotal || !sameDuration(oldTotal, total))) out.durationCount = countOf(total, unit);
  if (!original && typeof ext.dueDatePattern === 'string') out.dueDatePattern = ext.dueDatePattern;
  if (!original && Array.isArray(ext.processSequences)) out.processSequences = ext.processSequences as never;
  const rows = original?.processSteps ?? [];
  const scratch = readContext('opencps');
  const readAgency = agency ?? p.agency.name;
  out.processSteps = mergeList<RowStep, OpenCpsStep>(rows, p.steps, {
    read: (s) => (original ? readStep(scratch, s, [], original.durationUnit, readAgency, mapping) : undefined),
    write: (s, o) => writeStep(s, o, readAgency, unit, mapping),
    match: (s) => rows.find((r) => r.stepCode === s.key),
    same: (a, b) => sameDuration(a.budget, b.budget) && deepEqual({ ...a, budget: 0 }, { ...b, budget: 0 }),
  });
  out.processActions = writeActions(p, original);
  return out as OpenCpsProcess;
}

/** Rows of the mapping for a DVCQG code: the first row with that code (status, and sub-status if the row has one). */
function statusFor(mapping: readonly OpenCpsStatusMappingRow[], code: number): OpenCpsStatusMappingRow | undefined {
  return mapping.find((r) => r.statusCodeDVCQG === code);
}

/** Moves the issues and provenance of a read of a view to the native document's paths. */
function moveTo(ctx: ReadContext, toNative: (path: JsonPath) => JsonPath): void {
  ctx.issues.forEach((issue, i) => {
    const path = toNative(issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    const pointer = jsonPointer(path);
    const message = issue.message.replace(`${ctx.system} ${issue.pointer || '/'}:`, `${ctx.system} ${pointer}:`);
    ctx.issues[i] = { ...issue, path, pointer, message };
  });
  for (const [key, origin] of ctx.provenance) {
    const segments = origin.pointer
      .split('/')
      .slice(1)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replaceAll('~1', '/').replaceAll('~0', '~')));
    ctx.provenance.set(key, { ...origin, pointer: jsonPointer(toNative(segments)) });
  }
}

/** The OpenCPS JSON view of a native document and the way back to its paths. */
function viewOf(ctx: ReadContext, raw: unknown): { view: unknown; toNative?: (p: JsonPath) => JsonPath } | undefined {
  if (isOpenCpsXml(raw)) {
    try {
      return { view: xmlView(raw).view, toNative: nativePath };
    } catch (e) {
      if (!(e instanceof XmlReadError)) throw e;
      ctx.issues.push({
        code: 'format.invalid',
        severity: 'error',
        system: ctx.system,
        path: ['xml'],
        pointer: '/xml',
        message: `${ctx.system} ${raw.file ?? '/xml'}: ${e.message}`,
      });
      return undefined;
    }
  }
  if (isRestProcess(raw)) return { view: restView(raw), toNative: (p) => restPath(raw, p) };
  return { view: raw };
}

/**
 * An OpenCPS adapter reporting statuses through the given `DossierStatusMapping` rows. `parse` reads
 * any of the three shapes into a `Process` (version = processNo; effective date = modifiedDate, else
 * the caller's, else 1970-01-01 with a warning; the ProcessSequence rows, due-date pattern and action
 * flags kept in `extensions.opencps`); `serialize` writes a process back into the original's shape:
 * an import file keeps every byte but the changed values, the JSON shapes every field it does not own.
 * @example
 * const adapter = createOpencpsAdapter({ statusMapping: [{ statusCode: 'processing', statusCodeDVCQG: 4 }] });
 * const { value } = adapter.parse({ file: 'processes/QT01.xml', xml, service });
 * adapter.serialize(value!, { file: 'processes/QT01.xml', xml, service }).xml === xml; // true
 */
export function createOpencpsAdapter(adapterOptions: OpenCpsAdapterOptions = {}): OpenCpsAdapter {
  const mapping = adapterOptions.statusMapping ?? DEFAULT_OPENCPS_STATUS_MAPPING;
  return {
    // OpenCPS plays the one-stop portal's part in a sync; its issues name the product.
    system: 'portal',
    parse(raw, options = {}) {
      const ctx = readContext('opencps');
      const seen = viewOf(ctx, raw);
      const doc = seen && checkNative(ctx, OpenCpsProcessSchema, seen.view);
      const candidate = doc && readDocument(ctx, doc, options, mapping);
      if (seen?.toNative) moveTo(ctx, seen.toNative);
      return finish(ctx, candidate, safeParseCandidate);
    },
    serialize(value: Process, original?: OpenCpsDocument): never {
      return write(value, original) as never;
    },
  };
  function write(value: Process, original: OpenCpsDocument | undefined): OpenCpsDocument {
    if (isOpenCpsXml(original)) {
      const parsed = xmlView(original);
      const view = serializeDocument(value, structuredClone(parsed.view) as OpenCpsProcess, mapping);
      return { ...original, xml: writeXml(parsed, view as unknown as Record<string, unknown>) };
    }
    if (isRestProcess(original)) {
      const before = restView(original);
      const view = serializeDocument(value, structuredClone(before) as OpenCpsProcess, mapping);
      return writeRest(original, before, view as unknown as Record<string, unknown>);
    }
    return serializeDocument(value, original && (structuredClone(original) as OpenCpsProcess), mapping);
  }
}

/**
 * The OpenCPS adapter with the default status mapping ({@link createOpencpsAdapter}).
 * @example
 * const { value } = opencpsAdapter.parse(config);
 * opencpsAdapter.serialize(value!, config); // deep-equals config
 */
export const opencpsAdapter = createOpencpsAdapter();
