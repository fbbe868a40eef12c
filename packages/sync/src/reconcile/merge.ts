/**
 * The merged (desired) process: the step list of its owner, each field of each step from the field's
 * owner through the step matching, and conflicts where both systems changed a field since the base.
 */
import type { Duration } from '@tthc/calendar';
import type { Procedure, Process, Step } from '@tthc/core';
import { comparableMinutes, sameTime } from '../diff/time.js';
import type { SystemName } from '../issues.js';
import { matchSteps } from '../match/match-steps.js';
import { samePerformer } from '../match/similarity.js';
import type { UnitNameOptions } from '../normalize.js';
import {
  processOwner,
  RECONCILED_STEP_FIELDS,
  type ReconcilePolicy,
  type ReconciledStepField,
  stepOwner,
} from './policy.js';

/** The two process systems plan/apply write. */
export type ProcessSystem = 'eiso' | 'portal';

/** Both sides both carry these, so both can change them: conflicts are looked for here. */
const SHARED_FIELDS: readonly ReconciledStepField[] = ['name', 'performer', 'budget'];

/** Both systems changed a field since the base, to different values. */
export interface Conflict {
  /** `/steps/<merged key>/<field>` or `/totalLimit`. */
  readonly path: string;
  readonly base: unknown;
  readonly eiso: unknown;
  readonly portal: unknown;
}

/** The merge result: the desired process and, per merged step key, its step index in each system. */
export interface Merge {
  readonly merged: Process;
  readonly skeleton: ProcessSystem;
  readonly owners: Record<string, SystemName>;
  readonly links: Readonly<Record<ProcessSystem, ReadonlyMap<string, number>>>;
  readonly conflicts: Conflict[];
}

/** What {@link mergeProcesses} reads. */
export interface MergeSides {
  readonly eiso: Process;
  readonly portal: Process;
  readonly catalogue?: Procedure | undefined;
  readonly base?: Process | undefined;
}

function fieldValue(s: Step, field: ReconciledStepField): unknown {
  if (field === 'forms') return { forms: s.forms, outputs: s.outputs };
  return s[field];
}

function withField(s: Step, from: Step, field: ReconciledStepField): Step {
  switch (field) {
    case 'name':
      // The kind is read from the name by both adapters: it travels with it.
      return { ...s, name: from.name, kind: from.kind };
    case 'forms':
      return { ...s, forms: [...from.forms], outputs: [...from.outputs] };
    case 'portalStatus': {
      const { portalStatus: _dropped, ...rest } = s;
      return from.portalStatus === undefined ? rest : { ...rest, portalStatus: from.portalStatus };
    }
    default:
      return { ...s, [field]: from[field] };
  }
}

/**
 * Same meaning of one field (names after NFC and spacing, units through aliases, times in working
 * minutes), used for conflicts.
 * @example sameField('budget', { amount: 0.5, unit: 'workingDay' }, { amount: 4, unit: 'workingHour' }) // true
 */
export function sameField(
  field: ReconciledStepField | 'totalLimit',
  x: unknown,
  y: unknown,
  options: UnitNameOptions = {},
): boolean {
  if (x === undefined || y === undefined) return x === y;
  switch (field) {
    case 'name':
      return (
        (x as string).normalize('NFC').replace(/\s+/g, ' ').trim() ===
        (y as string).normalize('NFC').replace(/\s+/g, ' ').trim()
      );
    case 'performer': {
      return samePerformer(x as Step['performer'], y as Step['performer'], options);
    }
    case 'budget':
    case 'totalLimit':
      return sameTime(x as Duration, y as Duration);
    default:
      return JSON.stringify(x) === JSON.stringify(y);
  }
}

/** The statutory limit the catalogue gives the process: the strictest of the channels it serves. */
function catalogueTotal(catalogue: Procedure | undefined, process: Process): Duration | undefined {
  let best: { limit: Duration; minutes: number } | undefined;
  for (const c of catalogue?.channels ?? []) {
    if (process.channels && !process.channels.includes(c.channel)) continue;
    if (c.timeLimit === null) continue;
    const minutes = comparableMinutes(c.timeLimit);
    if (minutes !== null && (best === undefined || minutes < best.minutes)) best = { limit: c.timeLimit, minutes };
  }
  return best?.limit;
}

function mergedExtensions(own: Step, other: Step | undefined, otherSystem: ProcessSystem): Step['extensions'] {
  const theirs = other?.extensions?.[otherSystem];
  const ext = { ...own.extensions, ...(theirs === undefined ? {} : { [otherSystem]: theirs }) };
  return Object.keys(ext).length === 0 ? undefined : ext;
}

function findConflicts(
  merged: Process,
  sides: MergeSides,
  links: Merge['links'],
  skeleton: ProcessSystem,
  options: UnitNameOptions,
): Conflict[] {
  const base = sides.base;
  if (!base) return [];
  const out: Conflict[] = [];
  // The base is the merged process of the last sync: its keys are the step-list owner's keys.
  const baseMatch = matchSteps(base, sides[skeleton], { ...options, byKey: true });
  for (const step of merged.steps) {
    const [ie, ip] = [links.eiso.get(step.key), links.portal.get(step.key)];
    const is = links[skeleton].get(step.key);
    const pair = baseMatch.pairs.find((p) => p.b.index === is);
    if (ie === undefined || ip === undefined || !pair) continue;
    const [e, p, b] = [sides.eiso.steps[ie]!, sides.portal.steps[ip]!, pair.a.step];
    for (const field of SHARED_FIELDS) {
      const [vb, ve, vp] = [fieldValue(b, field), fieldValue(e, field), fieldValue(p, field)];
      const changedE = !sameField(field, vb, ve, options);
      const changedP = !sameField(field, vb, vp, options);
      if (changedE && changedP && !sameField(field, ve, vp, options)) {
        out.push({ path: `/steps/${step.key}/${field}`, base: vb, eiso: ve, portal: vp });
      }
    }
  }
  const [tb, te, tp] = [base.totalLimit, sides.eiso.totalLimit, sides.portal.totalLimit];
  if (!sameField('totalLimit', tb, te) && !sameField('totalLimit', tb, tp) && !sameField('totalLimit', te, tp)) {
    out.push({ path: '/totalLimit', base: tb, eiso: te, portal: tp });
  }
  return out;
}

/**
 * Owner paths are the same few strings in every procedure (`/steps/B1/name`, …): one copy each, so a
 * bulk plan of 20,000 procedures does not hold 1.4 million copies. Bounded: cleared when it grows large.
 */
const PATHS = new Map<string, string>();

function ownerPath(key: string, field: string): string {
  const id = `${key}\u0000${field}`;
  let path = PATHS.get(id);
  if (path === undefined) {
    if (PATHS.size >= 10_000) PATHS.clear();
    path = `/steps/${key}/${field}`;
    PATHS.set(id, path);
  }
  return path;
}

function mergeStep(
  s: Step,
  counterpart: Step | undefined,
  skeleton: ProcessSystem,
  policy: ReconcilePolicy,
  owners: Record<string, SystemName>,
): Step {
  const other: ProcessSystem = skeleton === 'eiso' ? 'portal' : 'eiso';
  let step: Step = { ...s };
  for (const field of RECONCILED_STEP_FIELDS) {
    const owner = stepOwner(policy, s.key, field);
    owners[ownerPath(s.key, field)] = owner;
    // An owner with no counterpart step (a step only the list owner has) leaves the list owner's value.
    if (owner === other && counterpart) step = withField(step, counterpart, field);
  }
  owners[ownerPath(s.key, `extensions/${other}`)] = other;
  owners[ownerPath(s.key, `extensions/${skeleton}`)] = skeleton;
  const extensions = mergedExtensions(s, counterpart, other);
  const { extensions: _old, ...rest } = step;
  return extensions === undefined ? rest : { ...rest, extensions };
}

/**
 * Builds the desired process. The owner of `/steps` gives the step list, its order, keys and flow;
 * the other system's steps are matched to it by name, performer and position (keys of two systems
 * mean nothing to each other); every step field comes from its owner's matched step when there is
 * one. `/totalLimit` and `/forms` come from their owners. With a base (the merged process of the
 * last sync), a field both systems changed to different values is a conflict; the owner still wins.
 * @example const { merged, conflicts } = mergeProcesses({ eiso, portal }, {});
 */
export function mergeProcesses(sides: MergeSides, policy: ReconcilePolicy, options: UnitNameOptions = {}): Merge {
  const skeleton = processOwner(policy, '/steps') as ProcessSystem;
  const other: ProcessSystem = skeleton === 'eiso' ? 'portal' : 'eiso';
  const [list, them] = [sides[skeleton], sides[other]];
  const matching = matchSteps(list, them, { ...options, byKey: false });
  const owners: Record<string, SystemName> = { '/steps': skeleton };
  const links = { eiso: new Map<string, number>(), portal: new Map<string, number>() };
  const steps = list.steps.map((s, i) => {
    const pair = matching.pairs.find((p) => p.a.index === i);
    links[skeleton].set(s.key, i);
    if (pair) links[other].set(s.key, pair.b.index);
    return mergeStep(s, pair?.b.step, skeleton, policy, owners);
  });
  const totalOwner = processOwner(policy, '/totalLimit');
  owners['/totalLimit'] = totalOwner;
  owners['/forms'] = processOwner(policy, '/forms');
  const totalLimit =
    totalOwner === 'catalogue' ? catalogueTotal(sides.catalogue, list) : sides[totalOwner as ProcessSystem].totalLimit;
  const { totalLimit: _t, ...head } = list;
  const merged: Process = {
    ...head,
    ...(totalLimit === undefined ? {} : { totalLimit }),
    steps,
    forms: sides.eiso.forms,
  };
  return { merged, skeleton, owners, links, conflicts: findConflicts(merged, sides, links, skeleton, options) };
}
