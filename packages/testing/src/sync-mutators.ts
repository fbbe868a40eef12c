/**
 * Mutators of native process documents (e-ISO, portal): each makes ONE kind of change a provincial
 * report describes (a step renamed, performers swapped, a time changed, a form dropped, a step
 * added or removed) and says which change a semantic diff of the two documents must report.
 */
import fc from 'fast-check';
import { eisoDocArb, type NativeDocArbOptions, type NativeDocument, portalDocArb } from './sync-arbitraries.js';

/** A change the diff must produce: its code and the step key (e-ISO `B<TT>`, portal node id). */
export interface ExpectedChange {
  readonly code: 'step.renamed' | 'step.performer' | 'step.duration' | 'step.forms' | 'step.added' | 'step.removed';
  readonly stepKey: string;
}

/** Names of the mutators. */
export type MutatorName = 'renameStep' | 'swapPerformers' | 'changeStepTime' | 'dropForm' | 'addStep' | 'removeStep';

/** A mutated document and the changes diff(original, doc) must report — exactly these. */
export interface Mutation {
  readonly mutator: MutatorName;
  readonly doc: NativeDocument;
  /** One change, except `swapPerformers`: both swapped steps change performer. */
  readonly expected: readonly ExpectedChange[];
}

type ProcessSystem = 'eiso' | 'portal';
type Row = Record<string, unknown>;

/** A mutator: `pick` chooses the step(s); undefined when the document has nothing to mutate. */
export type Mutator = (doc: NativeDocument, system: ProcessSystem, pick: number) => Mutation | undefined;

interface View {
  readonly doc: NativeDocument;
  readonly rows: Row[];
  readonly edges: Row[];
}

/** A deep copy of the document and its step rows (the work-flow table or the first case's nodes). */
function view(doc: NativeDocument, system: ProcessSystem): View {
  const copy = structuredClone(doc);
  if (system === 'eiso') return { doc: copy, rows: (copy.NoiDung as { QuyTrinhXuLy: Row[] }).QuyTrinhXuLy, edges: [] };
  const c = (copy.TruongHop as { QuyTrinh: Row[]; Edges: Row[] }[])[0]!;
  return { doc: copy, rows: c.QuyTrinh, edges: c.Edges };
}

function keyOf(row: Row, system: ProcessSystem): string {
  return system === 'eiso' ? `B${row.TT}` : String(row.Ma);
}

const NAME: Readonly<Record<ProcessSystem, string>> = { eiso: 'TrinhTu', portal: 'TenBuocXuLy' };

function performerOf(row: Row, system: ProcessSystem): string {
  return system === 'eiso' ? String(row.TrachNhiem) : `${row.TenNhomNguoiDung} (${row.DonViXuLy ?? ''})`;
}

const renameStep: Mutator = (doc, system, pick) => {
  const v = view(doc, system);
  const row = v.rows[pick % v.rows.length]!;
  // A suffix keeps the first verb, hence the kind: only the name changes.
  row[NAME[system]] = `${row[NAME[system]]} (sửa đổi)`;
  return { mutator: 'renameStep', doc: v.doc, expected: [{ code: 'step.renamed', stepKey: keyOf(row, system) }] };
};

const swapPerformers: Mutator = (doc, system, pick) => {
  const v = view(doc, system);
  const i = pick % v.rows.length;
  const j = v.rows.findIndex((r) => performerOf(r, system) !== performerOf(v.rows[i]!, system));
  if (j < 0) return undefined;
  const [a, b] = [v.rows[i]!, v.rows[j]!];
  for (const field of system === 'eiso' ? ['TrachNhiem'] : ['TenNhomNguoiDung', 'DonViXuLy']) {
    const [x, y] = [a[field], b[field]];
    if (y === undefined) delete a[field];
    else a[field] = y;
    if (x === undefined) delete b[field];
    else b[field] = x;
  }
  const expected = [a, b].map((r) => ({ code: 'step.performer' as const, stepKey: keyOf(r, system) }));
  return { mutator: 'swapPerformers', doc: v.doc, expected };
};

const changeStepTime: Mutator = (doc, system, pick) => {
  const v = view(doc, system);
  const row = v.rows[pick % v.rows.length]!;
  // Generated steps take at most 24 h: 25 h or more is always a different time.
  const hours = 25 + (pick % 10);
  if (system === 'eiso') row.ThoiGian = `${hours} giờ`;
  else row.ThoiGianXuLy = hours;
  return { mutator: 'changeStepTime', doc: v.doc, expected: [{ code: 'step.duration', stepKey: keyOf(row, system) }] };
};

const dropForm: Mutator = (doc, system, pick) => {
  // The portal configuration carries no forms.
  if (system !== 'eiso') return undefined;
  const v = view(doc, system);
  const withForms = v.rows.filter((r) => typeof r.BieuMau === 'string' && r.BieuMau !== '');
  const row = withForms[pick % Math.max(1, withForms.length)];
  if (!row) return undefined;
  const forms = String(row.BieuMau).split('; ');
  forms.splice(pick % forms.length, 1);
  if (forms.length === 0) delete row.BieuMau;
  else row.BieuMau = forms.join('; ');
  return { mutator: 'dropForm', doc: v.doc, expected: [{ code: 'step.forms', stepKey: keyOf(row, system) }] };
};

const addStep: Mutator = (doc, system, pick) => {
  const v = view(doc, system);
  if (system === 'eiso') {
    // A new row gets the next number: renumbering the rows would change every later key.
    const tt = Math.max(...v.rows.map((r) => Number(r.TT))) + 1;
    v.rows.push({
      TT: tt,
      TrinhTu: 'Lưu trữ hồ sơ',
      TrachNhiem: 'Công chức Văn phòng HĐND và UBND',
      ThoiGian: '01 giờ',
    });
    return { mutator: 'addStep', doc: v.doc, expected: [{ code: 'step.added', stepKey: `B${tt}` }] };
  }
  const at = pick % v.rows.length;
  const key = `moi-${pick}`;
  const before = String(v.rows[at]!.Ma);
  v.rows.splice(at + 1, 0, { Ma: key, TenBuocXuLy: 'Lưu trữ hồ sơ', ThoiGianXuLy: 1, TenNhomNguoiDung: 'Văn thư' });
  for (const e of v.edges) if (e.source === before) e.source = key;
  v.edges.push({ source: before, target: key });
  return { mutator: 'addStep', doc: v.doc, expected: [{ code: 'step.added', stepKey: key }] };
};

const removeStep: Mutator = (doc, system, pick) => {
  const v = view(doc, system);
  if (v.rows.length < 2) return undefined;
  const at = pick % v.rows.length;
  const [row] = v.rows.splice(at, 1);
  const key = keyOf(row!, system);
  if (system === 'portal') {
    // Bridge the gap: the predecessors now lead to the removed node's successors.
    const into = v.edges.filter((e) => e.target === key).map((e) => e.source);
    const out = v.edges.filter((e) => e.source === key).map((e) => e.target);
    const kept = v.edges.filter((e) => e.source !== key && e.target !== key);
    for (const s of into) for (const t of out) if (s !== t) kept.push({ source: s, target: t });
    v.edges.splice(0, v.edges.length, ...kept);
  }
  return { mutator: 'removeStep', doc: v.doc, expected: [{ code: 'step.removed', stepKey: key }] };
};

/** Every mutator by name. */
export const SYNC_MUTATORS: Readonly<Record<MutatorName, Mutator>> = {
  renameStep,
  swapPerformers,
  changeStepTime,
  dropForm,
  addStep,
  removeStep,
};

/**
 * A valid document of `system` and one applicable mutation of it.
 * @example
 * fc.assert(fc.property(mutationArb('eiso'), ({ original, mutation }) => {
 *   const changes = diff(parse(original), parse(mutation.doc));
 *   expect(changes.map((c) => [c.code, c.stepKey])).toEqual(mutation.expected.map((e) => [e.code, e.stepKey]));
 * }));
 */
export function mutationArb(
  system: ProcessSystem,
  opts: NativeDocArbOptions & { readonly mutators?: readonly MutatorName[] } = {},
): fc.Arbitrary<{ readonly original: NativeDocument; readonly mutation: Mutation }> {
  const names = opts.mutators ?? (Object.keys(SYNC_MUTATORS) as MutatorName[]);
  const docs = system === 'eiso' ? eisoDocArb(opts) : portalDocArb(opts);
  return fc
    .tuple(docs, fc.constantFrom(...names), fc.nat())
    .map(([original, name, pick]) => ({ original, mutation: SYNC_MUTATORS[name](original, system, pick) }))
    .filter((x): x is { original: NativeDocument; mutation: Mutation } => x.mutation !== undefined);
}
