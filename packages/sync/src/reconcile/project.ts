/**
 * The merged process as one system sees it: that system's own step keys, its own wording of the
 * transitions it already has, its own local fields (identity, version, dates), and the reconciled
 * fields of the merged process.
 */
import type { Outcome, Process, Step } from '@tthc/core';
import { sameRole } from '../match/similarity.js';
import { type UnitNameOptions, unitKey } from '../normalize.js';
import { type Merge, type ProcessSystem, sameField } from './merge.js';

function keyMap(merge: Merge, system: ProcessSystem, own: Process): Map<string, string> {
  const map = new Map<string, string>();
  const taken = new Set(own.steps.map((s) => s.key));
  for (const step of merge.merged.steps) {
    const i = merge.links[system].get(step.key);
    if (i !== undefined) map.set(step.key, own.steps[i]!.key);
  }
  for (const step of merge.merged.steps) {
    if (map.has(step.key)) continue;
    // A step new to this system keeps the merged key, made unique among the system's own keys.
    let key = step.key;
    for (let n = 2; taken.has(key); n++) key = `${step.key}-${n}`;
    taken.add(key);
    map.set(step.key, key);
  }
  return map;
}

function outcomesFor(step: Step, original: Step | undefined, keys: ReadonlyMap<string, string>): Outcome[] {
  return step.outcomes.map((o) => {
    const next = o.next === null ? null : (keys.get(o.next) ?? o.next);
    // The same transition the system already has keeps its own name and label ("Đồng ý", edge ids).
    const same = original?.outcomes.find((x) => x.next === next);
    return same ?? { ...o, next };
  });
}

/** The system's own wording of values whose meaning is the merged one (alias of a unit, spacing of a name). */
function ownWording(step: Step, original: Step | undefined, options: UnitNameOptions): Step {
  if (!original) return step;
  const [p, q] = [step.performer, original.performer];
  const performer = {
    ...p,
    unit: unitKey(p.unit, options) === unitKey(q.unit, options) ? q.unit : p.unit,
    role: sameRole(p.role, q.role) ? q.role : p.role,
  };
  const name = sameField('name', step.name, original.name) ? original.name : step.name;
  const budget = sameField('budget', step.budget, original.budget) ? original.budget : step.budget;
  return { ...step, name, performer, budget };
}

/**
 * The process to serialize into `system`'s document: the merged steps under that system's keys, with
 * its own wording where the meaning is the same (unit alias, role case, name spacing, "0,5 ngày" for
 * 4 h, the labels of transitions it already has); `totalLimit` from the merge (the system's own
 * when the merge has none); forms only for a system that carries them; every other field the system's own.
 * @example const iso = projectFor(merge, 'eiso', isoProcess); eisoAdapter.serialize(iso, isoDocument);
 */
export function projectFor(merge: Merge, system: ProcessSystem, own: Process, options: UnitNameOptions = {}): Process {
  const keys = keyMap(merge, system, own);
  const steps = merge.merged.steps.map((step) => {
    const i = merge.links[system].get(step.key);
    const original = i === undefined ? undefined : own.steps[i];
    return {
      ...ownWording(step, original, options),
      key: keys.get(step.key)!,
      outcomes: outcomesFor(step, original, keys),
    };
  });
  const start = merge.merged.start === undefined ? own.start : keys.get(merge.merged.start);
  const totalLimit = merge.merged.totalLimit ?? own.totalLimit;
  const { start: _s, totalLimit: _t, ...head } = own;
  return {
    ...head,
    ...(start === undefined ? {} : { start }),
    ...(totalLimit === undefined ? {} : { totalLimit }),
    steps,
    forms: system === 'eiso' ? merge.merged.forms : own.forms,
  };
}
