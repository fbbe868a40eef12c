/**
 * A cheaper way through core's `ProcessSchema` for the candidates the process adapters build. The
 * adapters read native documents their own format schema has already checked, so in a bulk run the
 * full canonical parse mostly re-confirms what is known. {@link quickProcess} checks the shapes the
 * adapters write, by the schema's own rules (leaf patterns, enums and defaults are taken from the core
 * schemas), and builds exactly what `ProcessSchema` would return; anything else — an unexpected field,
 * an empty text, a bad key — makes it give up, and the caller runs the schema, which names every
 * problem with its path. It may give up on valid input; it never accepts what the schema refuses
 * (a property test holds it to the schema).
 */
import {
  DurationSchema,
  IsoDateSchema,
  ProcedureCodeSchema,
  type Process,
  ProcessSchema,
  StepKeySchema,
  StepKindSchema,
  safeParseProcess,
  TimeOfDaySchema,
} from '@tthc/core';
import type * as z from 'zod';

type Json = Record<string, unknown>;

const STEP_KINDS: ReadonlySet<unknown> = new Set(StepKindSchema.options);
const DURATION_UNITS: ReadonlySet<unknown> = new Set(DurationSchema.shape.unit.options);
const MEMO_LIMIT = 10_000;

/** A string check by a core leaf schema, remembered per string (keys and dates repeat in bulk runs). */
function leafCheck(schema: z.ZodType<string>): (value: unknown) => boolean {
  const memo = new Map<string, boolean>();
  return (value) => {
    if (typeof value !== 'string') return false;
    let ok = memo.get(value);
    if (ok === undefined) {
      ok = schema.safeParse(value).success;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(value, ok);
    }
    return ok;
  };
}

/**
 * True when `StepKeySchema` accepts the value (remembered per string).
 * @example isStepKey('B1') // true
 */
export const isStepKey = leafCheck(StepKeySchema);
const isProcedureCode = leafCheck(ProcedureCodeSchema);
const isIsoDate = leafCheck(IsoDateSchema);
const isTimeOfDay = leafCheck(TimeOfDaySchema);

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/**
 * A plain object whose every own key is one of `allowed` and none is set to undefined (the schema
 * keeps a present undefined key; the quick path leaves that case to it).
 */
function plainWith(v: unknown, allowed: ReadonlySet<string>): v is Json {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  // The keys a strict object looks at (for…in, as zod does): any other is for the schema to report.
  for (const k in v) {
    if (!allowed.has(k) || (v as Json)[k] === undefined) return false;
  }
  return true;
}

function texts(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  for (let i = 0; i < v.length; i++) if (!isText(v[i])) return undefined;
  return v.slice();
}

/** `z.record(z.string(), z.unknown())`: a copy with the same values. */
function extensions(v: unknown): Json | undefined {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return undefined;
  const keys = Object.keys(v);
  if (Object.getOwnPropertyNames(v).length !== keys.length || Object.getOwnPropertySymbols(v).length > 0) {
    return undefined;
  }
  const out: Json = {};
  for (const k of keys) {
    if (k === '__proto__') return undefined;
    out[k] = (v as Json)[k];
  }
  return out;
}

const DURATION_KEYS = new Set(['amount', 'unit', 'cutoff', 'notCounted']);

function duration(v: unknown): Json | undefined {
  if (!plainWith(v, DURATION_KEYS)) return undefined;
  const { amount, unit, cutoff, notCounted } = v;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || !DURATION_UNITS.has(unit)) {
    return undefined;
  }
  const out: Json = { amount, unit };
  // DurationSchema's refinements: a cut-off only on a same-day limit, a not-counted time is zero.
  if (cutoff !== undefined) {
    if (unit !== 'sameDay' || !isTimeOfDay(cutoff)) return undefined;
    out.cutoff = cutoff;
  }
  if (notCounted !== undefined) {
    if (typeof notCounted !== 'boolean' || (notCounted && amount !== 0)) return undefined;
    out.notCounted = notCounted;
  }
  return out;
}

const PERFORMER_KEYS = new Set(['unit', 'role']);
const OUTCOME_KEYS = new Set(['name', 'next', 'label']);
const STEP_KEYS = new Set([
  'key',
  'name',
  'kind',
  'performer',
  'budget',
  'forms',
  'outputs',
  'portalStatus',
  'outcomes',
  'extensions',
]);

function outcome(v: unknown): Json | undefined {
  if (!plainWith(v, OUTCOME_KEYS) || !isText(v.name)) return undefined;
  if (v.next !== null && !isStepKey(v.next)) return undefined;
  if (v.label === undefined) return { name: v.name, next: v.next };
  return typeof v.label === 'string' ? { name: v.name, next: v.next, label: v.label } : undefined;
}

function step(v: unknown): Json | undefined {
  if (!plainWith(v, STEP_KEYS) || !isStepKey(v.key) || !isText(v.name) || !STEP_KINDS.has(v.kind)) return undefined;
  const p = v.performer;
  if (!plainWith(p, PERFORMER_KEYS) || !isText(p.unit) || !isText(p.role)) return undefined;
  const budget = duration(v.budget);
  const forms = texts(v.forms);
  const outputs = texts(v.outputs);
  if (!budget || !forms || !outputs || !Array.isArray(v.outcomes)) return undefined;
  const { portalStatus } = v;
  if (
    portalStatus !== undefined &&
    (typeof portalStatus !== 'number' || !Number.isInteger(portalStatus) || portalStatus < 0 || portalStatus > 10)
  ) {
    return undefined;
  }
  const outcomes: Json[] = [];
  for (const o of v.outcomes) {
    const read = outcome(o);
    if (!read) return undefined;
    outcomes.push(read);
  }
  // The schema's key order: key, name, kind, performer, agency, budget, forms, outputs, portalStatus, outcomes, …, extensions.
  const out: Json = { key: v.key, name: v.name, kind: v.kind, performer: { unit: p.unit, role: p.role }, budget };
  out.forms = forms;
  out.outputs = outputs;
  if (portalStatus !== undefined) out.portalStatus = portalStatus;
  out.outcomes = outcomes;
  if (v.extensions !== undefined) {
    const ext = extensions(v.extensions);
    if (!ext) return undefined;
    out.extensions = ext;
  }
  return out;
}

const PROCESS_KEYS = new Set([
  'procedureCode',
  'name',
  'agency',
  'version',
  'effectiveFrom',
  'approvedBy',
  'totalLimit',
  'steps',
  'forms',
  'extensions',
]);
const AGENCY_KEYS = new Set(['code', 'name']);
const APPROVAL_KEYS = new Set(['number', 'title', 'issuedOn']);
const FORM_KEYS = new Set(['code', 'name']);

// Defaults come from the schema itself, as the schema hands them out.
const defaults = ProcessSchema.shape;

function agencyOf(v: unknown): Json | undefined {
  if (!plainWith(v, AGENCY_KEYS) || !isText(v.name) || (v.code !== undefined && !isText(v.code))) return undefined;
  return v.code === undefined ? { name: v.name } : { code: v.code, name: v.name };
}

function approvalOf(v: unknown): Json | undefined {
  if (!plainWith(v, APPROVAL_KEYS) || !isText(v.number)) return undefined;
  if (v.title !== undefined && !isText(v.title)) return undefined;
  if (v.issuedOn !== undefined && !isIsoDate(v.issuedOn)) return undefined;
  const out: Json = { number: v.number };
  if (v.title !== undefined) out.title = v.title;
  if (v.issuedOn !== undefined) out.issuedOn = v.issuedOn;
  return out;
}

function formsOf(v: unknown): Json[] | undefined {
  if (v === undefined) return defaults.forms.def.defaultValue as Json[];
  if (!Array.isArray(v)) return undefined;
  const out: Json[] = [];
  for (const f of v) {
    if (!plainWith(f, FORM_KEYS) || !isText(f.code) || !isText(f.name)) return undefined;
    out.push({ code: f.code, name: f.name });
  }
  return out;
}

/**
 * What `ProcessSchema` returns for an adapter's candidate, or undefined when the quick check cannot
 * vouch for it (then run the schema).
 * @example const value = quickProcess(candidate) ?? parseProcess(candidate);
 */
export function quickProcess(candidate: unknown): Process | undefined {
  const c = candidate;
  if (!plainWith(c, PROCESS_KEYS) || !isProcedureCode(c.procedureCode) || !isText(c.version)) return undefined;
  if ((c.name !== undefined && !isText(c.name)) || !isIsoDate(c.effectiveFrom)) return undefined;
  const agency = agencyOf(c.agency);
  const approvedBy = c.approvedBy === undefined ? undefined : approvalOf(c.approvedBy);
  const totalLimit = c.totalLimit === undefined ? undefined : duration(c.totalLimit);
  const forms = formsOf(c.forms);
  if (!agency || (c.approvedBy !== undefined && !approvedBy) || (c.totalLimit !== undefined && !totalLimit)) {
    return undefined;
  }
  if (!forms || !Array.isArray(c.steps) || c.steps.length === 0) return undefined;
  const steps: Json[] = [];
  for (const s of c.steps) {
    const read = step(s);
    if (!read) return undefined;
    steps.push(read);
  }
  const ext = c.extensions === undefined ? undefined : extensions(c.extensions);
  if (c.extensions !== undefined && !ext) return undefined;
  // The schema's key order.
  const out: Json = { procedureCode: c.procedureCode };
  if (c.name !== undefined) out.name = c.name;
  out.agency = agency;
  out.version = c.version;
  out.effectiveFrom = c.effectiveFrom;
  if (approvedBy) out.approvedBy = approvedBy;
  out.countingRule = defaults.countingRule.def.defaultValue;
  if (totalLimit) out.totalLimit = totalLimit;
  out.supplementation = defaults.supplementation.def.defaultValue;
  out.steps = steps;
  out.forms = forms;
  if (ext) out.extensions = ext;
  return out as Process;
}

/**
 * Core's `safeParseProcess`, with {@link quickProcess} first.
 * @example return finish(ctx, candidate, safeParseCandidate);
 */
export function safeParseCandidate(candidate: unknown): ReturnType<typeof safeParseProcess> {
  const quick = quickProcess(candidate);
  return quick ? { ok: true, value: quick, issues: [] } : safeParseProcess(candidate);
}
