/**
 * The REST JSON of an OpenCPS process (backend-api-rest `ServiceProcessUtils`): the detail
 * (`GET /serviceprocesses/{id}`, ServiceProcessDetailModel: `processNo`, `durationCount` a number,
 * `durationUnit`, `dueDatePattern`, `modifiedDate`…) with its `steps` (ProcessStepDataModel,
 * `durationCount` as the search index's text, e.g. `"2.0"`), `actions` (ProcessActionDataModel) and
 * each step's `roles` (RoleDataModel, `moderator` as `"true"`), each list either an array or the API's
 * `{ total, data }` page. It is read through the OpenCPS JSON shape and written back field by field.
 */
import { deepEqual, type JsonPath } from '../native.js';

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when a document is the REST shape: `processNo` with `steps` or `actions`, not the legacy `processSteps`. */
export function isRestProcess(raw: unknown): raw is Json {
  return isRecord(raw) && 'processNo' in raw && ('steps' in raw || 'actions' in raw) && !('processSteps' in raw);
}

/** The items of a list written as an array or as `{ total, data }`. */
function itemsOf(v: unknown): Json[] {
  if (Array.isArray(v)) return v as Json[];
  if (isRecord(v) && Array.isArray(v.data)) return v.data as Json[];
  return [];
}

const LISTS: Readonly<Record<string, string>> = {
  processSteps: 'steps',
  processActions: 'actions',
  processSequences: 'sequences',
};

/**
 * The OpenCPS JSON view of a REST process.
 * @example restView(detail).processSteps.length
 */
export function restView(raw: Json): Json {
  const { processNo, steps, actions, sequences, ...rest } = raw;
  const view: Json = { ...rest, serviceProcessNo: processNo };
  view.processSteps = itemsOf(steps).map((s) => {
    const roles = itemsOf(s.roles).map((r) => ({ ...r, moderator: r.moderator === true || r.moderator === 'true' }));
    const { roles: _, ...step } = s;
    return { ...step, ...(roles.length > 0 ? { roles } : {}) };
  });
  view.processActions = itemsOf(actions);
  if (sequences !== undefined) view.processSequences = itemsOf(sequences);
  return view;
}

/** The native path of a view path: `['processSteps', 1, 'roles', 0]` → `['steps', 'data', 1, 'roles', 'data', 0]`. */
export function restPath(raw: Json, path: JsonPath): JsonPath {
  const out: (string | number)[] = [];
  let at: unknown = raw;
  for (const seg of path) {
    const name = typeof seg === 'string' ? (seg === 'serviceProcessNo' ? 'processNo' : (LISTS[seg] ?? seg)) : seg;
    out.push(name);
    at = isRecord(at) || Array.isArray(at) ? (at as Json)[name] : undefined;
    if (isRecord(at) && Array.isArray(at.data) && typeof seg === 'string') {
      out.push('data');
      at = at.data;
    }
  }
  return out;
}

/** Writes a list back in the form it had (array or page), matching items by key. */
function writeList(original: unknown, before: Json[], after: Json[], key: (o: Json, i: number) => string): unknown {
  const items = itemsOf(original);
  const used = new Set<number>();
  const out = after.map((item, i) => {
    const j = before.findIndex((b, bi) => !used.has(bi) && key(b, bi) === key(item, i));
    if (j < 0) return item;
    used.add(j);
    return writeObject(items[j] ?? {}, before[j]!, item);
  });
  if (isRecord(original) && Array.isArray(original.data)) {
    return { ...original, data: out, ...('total' in original ? { total: out.length } : {}) };
  }
  return out;
}

const stepKey = (o: Json, i: number): string => String(o.stepCode ?? o.roleCode ?? o.sequenceNo ?? `#${i}`);
const actionKey = (o: Json, i: number): string => `${o.preStepCode ?? ''}|${o.actionCode ?? `#${i}`}`;

function writeObject(original: Json, before: Json, after: Json): Json {
  const out: Json = { ...original };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (deepEqual(before[key], after[key])) continue;
    const native = key === 'serviceProcessNo' ? 'processNo' : (LISTS[key] ?? key);
    if (key in LISTS || key === 'roles') {
      const list = (v: unknown) => (Array.isArray(v) ? (v as Json[]) : []);
      out[native] = writeList(
        original[native],
        list(before[key]),
        list(after[key]),
        key === 'processActions' ? actionKey : stepKey,
      );
      continue;
    }
    if (key === 'moderator' && typeof original.moderator === 'string') out.moderator = String(after.moderator);
    else if (after[key] === undefined) delete out[native];
    else out[native] = after[key];
  }
  return out;
}

/**
 * The REST document with the view's changes written in (every other field kept as it was).
 * @example writeRest(detail, restView(detail), changedView)
 */
export function writeRest(original: Json, before: Json, after: Json): Json {
  if (deepEqual(before, after)) return original;
  return writeObject(original, before, after);
}
