/**
 * Which system wrote a native document, told by its shape (the field names each system uses), and
 * the adapter that reads it.
 */
import { nationalCode, type Procedure, ProcedureCodeSchema, type Process } from '@tthc/core';
import { catalogueAdapter } from '../adapters/catalogue.js';
import { eisoAdapter } from '../adapters/eiso.js';
import { isOpenCpsXml, opencpsAdapter } from '../adapters/opencps.js';
import { reactflowAdapter } from '../adapters/reactflow.js';
import { portalAdapter } from '../adapters/portal.js';
import type { Adapter } from '../issues.js';

/** The native formats `@tthc/sync` reads. */
export type DocumentFormat = 'catalogue' | 'eiso' | 'portal' | 'opencps' | 'reactflow';

/** Every {@link DocumentFormat}, in the order messages list them. */
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['catalogue', 'eiso', 'portal', 'opencps', 'reactflow'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The format of a native document by its shape, or `null`: `CACHTHUCTHUCHIEN`/`MATTHC` → catalogue
 * (CSDLQG field names, REFERENCE.md §3.1), `NoiDung` → e-ISO, `TruongHop` → portal, `processSteps`, a
 * REST process (`processNo` with `steps`) or an import file (`{ xml }` with a `ServiceProcess`) → OpenCPS,
 * `NodeQuyTrinh` (a TruongHopThuTuc row) → reactflow.
 * @example detectFormat({ MATTHC: '1.001193', CACHTHUCTHUCHIEN: [] }) // 'catalogue'
 */
export function detectFormat(raw: unknown): DocumentFormat | null {
  if (!isRecord(raw)) return null;
  if ('CACHTHUCTHUCHIEN' in raw || 'MATTHC' in raw) return 'catalogue';
  if ('processSteps' in raw || 'serviceProcessId' in raw || isOpenCpsXml(raw)) return 'opencps';
  if ('processNo' in raw && ('steps' in raw || 'actions' in raw)) return 'opencps';
  if ('NodeQuyTrinh' in raw) return 'reactflow';
  if ('TruongHop' in raw) return 'portal';
  if ('NoiDung' in raw || 'MaQuyTrinh' in raw) return 'eiso';
  return null;
}

/** The field each format keeps its TTHC code in (the one its adapter reads `procedureCode`/`code` from). */
const CODE_FIELDS: Readonly<Record<DocumentFormat, string>> = {
  catalogue: 'MATTHC',
  eiso: 'MaTTHC',
  portal: 'MaTTHC',
  opencps: 'serviceCode',
  reactflow: 'MaTTHC',
};

/** The code field's value: an import file keeps it in its service link, a case row in MaTTHC or ThuTucId. */
function codeField(format: DocumentFormat, raw: Record<string, unknown>): unknown {
  if (format === 'opencps' && isOpenCpsXml(raw)) return raw.service?.serviceCode;
  if (format === 'reactflow' && (raw.MaTTHC === undefined || raw.MaTTHC === null)) return raw.ThuTucId;
  const value = raw[CODE_FIELDS[format]];
  // OpenCPS writes "" for an absent code; the adapter then reads none.
  return format === 'opencps' && value === '' ? undefined : value;
}

/**
 * The national part `X.NNNNNN` of a native document's TTHC code, read from its code field without
 * parsing the document, or `undefined` when the field is not a string holding one. The adapters take
 * that field as it is (a plain string) and trim it, so whenever the document parses, its canonical
 * code has this national part — which lets a bulk run pair documents before reading them.
 * @example nativeCode('portal', { MaTTHC: ' 1.001193.000.00.00.H12', TruongHop: [] }) // '1.001193'
 */
export function nativeCode(format: DocumentFormat, raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  const field = codeField(format, raw);
  if (typeof field !== 'string') return undefined;
  const code = field.trim();
  return ProcedureCodeSchema.safeParse(code).success ? nationalCode(code) : undefined;
}

/** An adapter of any native shape and parse options (each adapter checks its own input). */
// biome-ignore lint/suspicious/noExplicitAny: any native shape and parse options, as `SyncDocument` takes.
export type AnyAdapter<T> = Adapter<T, any, any>;

/** A catalogue adapter, or a process adapter (e-ISO, portal, OpenCPS). */
export type FormatAdapter =
  | { readonly kind: 'procedure'; readonly adapter: AnyAdapter<Procedure> }
  | { readonly kind: 'process'; readonly adapter: AnyAdapter<Process> };

/**
 * The adapter of a format.
 * @example adapterFor('eiso').adapter.parse(doc).value?.steps.length
 */
export function adapterFor(format: DocumentFormat): FormatAdapter {
  switch (format) {
    case 'catalogue':
      return { kind: 'procedure', adapter: catalogueAdapter };
    case 'eiso':
      return { kind: 'process', adapter: eisoAdapter };
    case 'portal':
      return { kind: 'process', adapter: portalAdapter };
    case 'opencps':
      return { kind: 'process', adapter: opencpsAdapter };
    case 'reactflow':
      return { kind: 'process', adapter: reactflowAdapter };
  }
}

/**
 * The adapter of a process format; throws a `TypeError` for the catalogue (misuse: it holds no process).
 * @example processAdapterFor('portal').parse(config).value?.steps.length
 */
export function processAdapterFor(format: DocumentFormat): AnyAdapter<Process> {
  const found = adapterFor(format);
  if (found.kind !== 'process') throw new TypeError(`format "${format}" holds a procedure, not a process`);
  return found.adapter;
}
