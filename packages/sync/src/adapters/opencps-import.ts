/**
 * The OpenCPS import file (`processes/*.xml`, root `ServiceProcess`, `opencps_import_schema.xsd`) seen
 * through the OpenCPS JSON shape the adapter reads (`serviceProcessNo`, `processSteps`,
 * `processActions`, `processSequences`), and written back by editing only the changed values of the
 * original text. OpenCPS writes `""` for every absent value (JAXB with empty strings); the view drops
 * them, except an action's `preStepCode`/`postStepCode`, where `""` means "submission" / "end".
 */
import type { OpenCpsXmlDocument } from '../formats/opencps.js';
import { deepEqual, type JsonPath } from '../native.js';
import {
  applyEdits,
  childOf,
  childrenOf,
  escapeXml,
  indentOf,
  lineEndOf,
  parseXml,
  removeElement,
  setText,
  type XmlDocument,
  type XmlEdit,
  type XmlElement,
  textOf,
} from './opencps-xml.js';

type Json = Record<string, unknown>;

/** XSD child order of each element the writer may have to add a child to (opencps_import_schema.xsd). */
const XSD_ORDER: Readonly<Record<string, readonly string[]>> = {
  ServiceProcess: [
    'processNo',
    'processName',
    'description',
    'durationCount',
    'durationUnit',
    'generatePassword',
    'serverNo',
    'serverName',
    'dossierNoPattern',
    'dueDatePattern',
    'roles',
    'steps',
    'actions',
    'sequences',
  ],
  ProcessStep: [
    'stepCode',
    'stepName',
    'sequenceNo',
    'groupName',
    'dossierStatus',
    'dossierSubStatus',
    'durationCount',
    'instructionNote',
    'briefNote',
    'roleAsStep',
    'checkInput',
    'roles',
  ],
  StepRole: ['roleCode', 'roleName', 'moderator', 'condition'],
  ProcessAction: [
    'actionCode',
    'actionName',
    'preStepCode',
    'postStepCode',
    'autoEvent',
    'preCondition',
    'allowAssignUser',
    'assignUserId',
    'assignUserName',
    'requestPayment',
    'paymentFee',
    'createDossierFiles',
    'returnDossierFiles',
    'eSignature',
    'signatureType',
    'createDossiers',
  ],
};

/** View list → XML list element and item element. */
const LISTS: Readonly<Record<string, readonly [string, string]>> = {
  processSteps: ['steps', 'ProcessStep'],
  processActions: ['actions', 'ProcessAction'],
  processSequences: ['sequences', 'ProcessSequence'],
  roles: ['roles', 'StepRole'],
};

/** View fields named differently in the XML. */
const RENAMED: Readonly<Record<string, string>> = { serviceProcessNo: 'processNo' };

/** Fields of the view that come from the services file, not the process file. */
const SERVICE_FIELDS = new Set(['serviceCode', 'serviceName', 'govAgencyCode', 'govAgencyName']);

/** Leaf element values of an element: `""` (and whitespace) dropped, except for the `keep` names. */
function leaves(doc: XmlDocument, el: XmlElement, keep: ReadonlySet<string> = new Set()): Json {
  const out: Json = {};
  for (const c of el.children) {
    if (c.children.length > 0 || c.name in out) continue;
    const text = textOf(doc, c) ?? '';
    if (text.trim() !== '' || keep.has(c.name)) out[c.name] = text.trim() === '' ? '' : text;
  }
  return out;
}

const KEEP_ENDS = new Set(['preStepCode', 'postStepCode']);

/** The parsed file and the OpenCPS JSON view of its process. */
export interface OpenCpsXmlView {
  readonly xml: XmlDocument;
  readonly view: Json;
}

/**
 * Reads a process file into the OpenCPS JSON view. A step's `durationCount` of `""` is 0 (OpenCPS
 * reads it so: no step due date); `durationUnit` becomes a number when it is one.
 * @throws {XmlReadError} when the text is not well-formed XML.
 * @example xmlView({ xml }).view.processSteps.length
 */
export function xmlView(doc: OpenCpsXmlDocument): OpenCpsXmlView {
  const xml = parseXml(doc.xml);
  const root = xml.root;
  const top = leaves(xml, root);
  const { processNo, durationUnit, durationCount, ...rest } = top;
  const view: Json = {
    ...(doc.service ? { ...doc.service } : {}),
    ...rest,
    ...(processNo === undefined ? {} : { serviceProcessNo: processNo }),
    durationCount: durationCount ?? 0,
    ...(durationUnit === undefined ? {} : { durationUnit: numberOrText(durationUnit) }),
  };
  delete view.file;
  view.processSteps = childrenOf(childOf(root, 'steps'), 'ProcessStep').map((s) => {
    const step = leaves(xml, s);
    const roles = childrenOf(childOf(s, 'roles'), 'StepRole').map((r) => {
      const role = leaves(xml, r);
      if (typeof role.moderator === 'string') role.moderator = role.moderator.trim() === 'true';
      return role;
    });
    return { ...step, durationCount: step.durationCount ?? 0, ...(roles.length > 0 ? { roles } : {}) };
  });
  view.processActions = childrenOf(childOf(root, 'actions'), 'ProcessAction').map((a) => leaves(xml, a, KEEP_ENDS));
  const sequences = childrenOf(childOf(root, 'sequences'), 'ProcessSequence').map((q) => leaves(xml, q));
  if (sequences.length > 0) view.processSequences = sequences;
  return { xml, view };
}

function numberOrText(text: unknown): unknown {
  return typeof text === 'string' && /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

/**
 * The native path (into the {@link OpenCpsXmlDocument}) of a path of the view:
 * `['processSteps', 2, 'durationCount']` → `['xml', 'ServiceProcess', 'steps', 'ProcessStep', 2, 'durationCount']`.
 * @example nativePath(['serviceProcessNo']) // ['xml', 'ServiceProcess', 'processNo']
 */
export function nativePath(path: JsonPath): JsonPath {
  const [head] = path;
  if (typeof head === 'string' && SERVICE_FIELDS.has(head)) return ['service', ...path];
  const out: (string | number)[] = ['xml', 'ServiceProcess'];
  for (const seg of path) {
    const list = typeof seg === 'string' ? LISTS[seg] : undefined;
    if (list) out.push(...list);
    else out.push(typeof seg === 'string' ? (RENAMED[seg] ?? seg) : seg);
  }
  return out;
}

/** Text of a view value as OpenCPS writes it. */
function xmlValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

/** A new element with its leaf children, one per line, indented like its future siblings. */
function buildElement(name: string, value: Json, indent: string, unit: string, nl: string): string {
  const order = XSD_ORDER[name] ?? Object.keys(value);
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  const inner = `${indent}${unit}`;
  const lines = keys.flatMap((k) => {
    const v = value[k];
    const list = LISTS[k];
    if (list && Array.isArray(v)) {
      const items = v.map(
        (item) => `${nl}${inner}${unit}${buildElement(list[1], item as Json, `${inner}${unit}`, unit, nl)}`,
      );
      return [`${nl}${inner}<${list[0]}>${items.join('')}${nl}${inner}</${list[0]}>`];
    }
    if (v !== null && typeof v === 'object') return [];
    return [`${nl}${inner}<${k}>${escapeXml(xmlValue(v))}</${k}>`];
  });
  return `<${name}>${lines.join('')}${nl}${indent}</${name}>`;
}

interface WriteContext {
  readonly doc: XmlDocument;
  readonly edits: XmlEdit[];
  readonly nl: string;
  readonly unit: string;
}

/** Sets (or adds, in XSD order) the leaf `name` of `parent` to `value`; `undefined` writes `""`. */
function setLeaf(w: WriteContext, parent: XmlElement, name: string, value: unknown): void {
  const text = xmlValue(value);
  const el = childOf(parent, name);
  if (el) {
    if ((textOf(w.doc, el) ?? '') !== text) w.edits.push(setText(w.doc, el, text));
    return;
  }
  if (text === '') return;
  const order = XSD_ORDER[parent.name] ?? [];
  const before = order.slice(0, Math.max(0, order.indexOf(name)));
  const anchor = [...parent.children].reverse().find((c) => before.includes(c.name)) ?? parent.children.at(-1);
  const indent = anchor ? indentOf(w.doc, anchor) : '';
  const at = anchor ? anchor.end : parent.contentStart;
  w.edits.push({ start: at, end: at, text: `${w.nl}${indent}<${name}>${escapeXml(text)}</${name}>` });
}

/** Writes the differences of one view object into its element. */
function writeObject(w: WriteContext, el: XmlElement, before: Json, after: Json): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (SERVICE_FIELDS.has(key) || deepEqual(before[key], after[key])) continue;
    const list = LISTS[key];
    if (list) {
      writeList(w, el, list, asList(before[key]), asList(after[key]), key === 'processActions' ? actionKey : codeKey);
      continue;
    }
    const value = after[key];
    if (value !== null && typeof value === 'object') continue;
    setLeaf(w, el, RENAMED[key] ?? key, typeof value === 'boolean' ? String(value) : value);
  }
}

function asList(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : [];
}

const codeKey = (o: Json, i: number): string => String(o.stepCode ?? o.sequenceNo ?? o.roleCode ?? `#${i}`);
const actionKey = (o: Json, i: number): string => `${o.preStepCode ?? ''}|${o.actionCode ?? `#${i}`}`;

/** Writes a list: matched items field by field, new items added after the last, missing ones removed. */
function writeList(
  w: WriteContext,
  parent: XmlElement,
  [listName, itemName]: readonly [string, string],
  before: readonly Json[],
  after: readonly Json[],
  key: (o: Json, i: number) => string,
): void {
  const listEl = childOf(parent, listName);
  const items = childrenOf(listEl, itemName);
  const used = new Set<number>();
  const pending: Json[] = [];
  for (const [i, item] of after.entries()) {
    const k = key(item, i);
    const j = before.findIndex((b, bi) => !used.has(bi) && key(b, bi) === k);
    const el = j >= 0 ? items[j] : undefined;
    if (j < 0 || !el) {
      pending.push(item);
      continue;
    }
    used.add(j);
    writeObject(w, el, before[j]!, item);
  }
  items.forEach((el, j) => {
    if (!used.has(j)) w.edits.push(removeElement(w.doc, el));
  });
  if (pending.length === 0) return;
  if (!listEl) {
    const built = buildElement(
      listName,
      { [itemName]: '' },
      indentOf(w.doc, parent.children[0] ?? parent),
      w.unit,
      w.nl,
    );
    const withItems = built.replace(
      `<${itemName}></${itemName}>`,
      pending.map((p) => buildElement(itemName, p, '', w.unit, w.nl)).join(''),
    );
    w.edits.push({ start: parent.contentEnd, end: parent.contentEnd, text: withItems });
    return;
  }
  const last = items.findLast((_, j) => used.has(j)) ?? items.at(-1);
  const indent = last ? indentOf(w.doc, last) : `${indentOf(w.doc, listEl)}${w.unit}`;
  const at = last ? last.end : listEl.contentStart;
  const text = pending.map((p) => `${w.nl}${indent}${buildElement(itemName, p, indent, w.unit, w.nl)}`).join('');
  w.edits.push({ start: at, end: at, text });
}

/** The indentation step of a document: the difference between the root's first child and the root. */
function indentUnit(doc: XmlDocument): string {
  const child = doc.root.children[0];
  const inner = child ? indentOf(doc, child) : '';
  const outer = indentOf(doc, doc.root);
  return inner.startsWith(outer) && inner.length > outer.length ? inner.slice(outer.length) : '\t';
}

/**
 * The process file text with the view's changes written in: unchanged values keep their bytes,
 * changed leaves are replaced, new steps/actions are added after the last one, removed ones dropped.
 * @example writeXml(parsed, oldView, newView) // the new text of processes/QT01.xml
 */
export function writeXml(parsed: OpenCpsXmlView, after: Json): string {
  if (deepEqual(parsed.view, after)) return parsed.xml.text;
  const w: WriteContext = { doc: parsed.xml, edits: [], nl: lineEndOf(parsed.xml), unit: indentUnit(parsed.xml) };
  writeObject(w, parsed.xml.root, parsed.view, after);
  return applyEdits(parsed.xml.text, w.edits);
}
