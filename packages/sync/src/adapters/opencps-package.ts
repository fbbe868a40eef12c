/**
 * OpenCPS import packages: the zip (or folder) `ImportZipFileUtils` / `ReadXMLFileUtils` read, whose
 * `processes/*.xml` hold one `ServiceProcess` each and whose `services/*.xml` hold one `ServiceInfo`
 * each, linking a TTHC code (`serviceCode`) and agency (`configs/ServiceConfig/govAgencyName`) to the
 * processes it uses (`processes/ProcessOption/processNo`). Folder names as in OpenCPS `ConstantUtils`
 * (`/processes`, `/services`); any folder above them is allowed. Sizes are bounded.
 */
import { unzipSync, zipSync } from 'fflate';
import type { OpenCpsServiceLink, OpenCpsXmlDocument } from '../formats/opencps.js';
import { childOf, childrenOf, parseXml, textOf, type XmlDocument, XmlReadError } from './opencps-xml.js';

/** Limits of {@link unzipOpenCpsPackage} (untrusted input). */
export interface OpenCpsPackageLimits {
  /** Most entries read from the zip (default 20,000). */
  readonly maxEntries?: number;
  /** Largest entry, uncompressed bytes (default 8 MB). */
  readonly maxEntryBytes?: number;
  /** Largest total of the entries read, uncompressed bytes (default 256 MB). */
  readonly maxTotalBytes?: number;
}

/** A file of a package that could not be read. */
export interface OpenCpsPackageProblem {
  readonly file: string;
  readonly message: string;
}

/** The processes of a package, each with the service that uses it, and what could not be read. */
export interface OpenCpsPackage {
  readonly processes: readonly OpenCpsXmlDocument[];
  readonly problems: readonly OpenCpsPackageProblem[];
}

/** Thrown when a zip cannot be read or is past the limits. */
export class OpenCpsPackageError extends Error {
  readonly code = 'PACKAGE_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'OpenCpsPackageError';
  }
}

/** The folder an entry is in, by the OpenCPS folder names: `processes`, `services` or neither. */
function folderOf(path: string): 'processes' | 'services' | undefined {
  const parts = path.split('/');
  const dir = parts.at(-2);
  if (!parts.at(-1)?.toLowerCase().endsWith('.xml')) return undefined;
  return dir === 'processes' || dir === 'services' ? dir : undefined;
}

/** Keeps a byte-order mark in the text, so that the file is written back with it. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true, fatal: false });

/**
 * The `processes/*.xml` and `services/*.xml` texts of a zip, by path.
 * @throws {OpenCpsPackageError} when the bytes are not a zip or pass the limits.
 * @example unzipOpenCpsPackage(readFileSync('import.zip')).size
 */
export function unzipOpenCpsPackage(bytes: Uint8Array, limits: OpenCpsPackageLimits = {}): Map<string, string> {
  const maxEntries = limits.maxEntries ?? 20_000;
  const maxEntry = limits.maxEntryBytes ?? 8_000_000;
  const maxTotal = limits.maxTotalBytes ?? 256_000_000;
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        entries++;
        if (entries > maxEntries) throw new OpenCpsPackageError(`more than ${maxEntries} entries`);
        if (folderOf(file.name) === undefined) return false;
        if (file.originalSize > maxEntry) {
          throw new OpenCpsPackageError(`${file.name}: ${file.originalSize} bytes, more than ${maxEntry}`);
        }
        total += file.originalSize;
        if (total > maxTotal) throw new OpenCpsPackageError(`more than ${maxTotal} bytes of XML`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof OpenCpsPackageError) throw e;
    throw new OpenCpsPackageError(`not a readable zip: ${(e as Error).message}`);
  }
  const out = new Map<string, string>();
  for (const name of Object.keys(files).sort()) {
    const data = files[name]!;
    // A declared size smaller than the data is a zip that lies: refuse it rather than read past the limit.
    if (data.length > maxEntry) throw new OpenCpsPackageError(`${name}: more than ${maxEntry} bytes`);
    out.set(name, UTF8.decode(data));
  }
  return out;
}

function text(doc: XmlDocument, parent: Parameters<typeof childOf>[0], name: string): string | undefined {
  const t = textOf(doc, childOf(parent, name))?.trim();
  return t === undefined || t === '' ? undefined : t;
}

/** The links a ServiceInfo file gives: processNo → service, one per ServiceConfig and ProcessOption. */
function serviceLinks(file: string, doc: XmlDocument): [string, OpenCpsServiceLink][] {
  const serviceCode = text(doc, doc.root, 'serviceCode');
  if (doc.root.name !== 'ServiceInfo' || serviceCode === undefined) return [];
  const serviceName = text(doc, doc.root, 'serviceName');
  return childrenOf(childOf(doc.root, 'configs'), 'ServiceConfig').flatMap((config) => {
    const link: OpenCpsServiceLink = {
      file,
      serviceCode,
      ...(serviceName === undefined ? {} : { serviceName }),
      ...(text(doc, config, 'govAgencyCode') === undefined
        ? {}
        : { govAgencyCode: text(doc, config, 'govAgencyCode')! }),
      ...(text(doc, config, 'govAgencyName') === undefined
        ? {}
        : { govAgencyName: text(doc, config, 'govAgencyName')! }),
    };
    return childrenOf(childOf(config, 'processes'), 'ProcessOption').flatMap((option) => {
      const no = text(doc, option, 'processNo');
      return no === undefined ? [] : [[no, link] as [string, OpenCpsServiceLink]];
    });
  });
}

/**
 * Reads a package given as its files (path → text, e.g. from {@link unzipOpenCpsPackage} or a folder):
 * every `processes/*.xml` with a `ServiceProcess` root becomes a document, linked to the first
 * ServiceInfo that lists its processNo. Files that are not well-formed are listed in `problems`.
 * @example readOpenCpsPackage(unzipOpenCpsPackage(bytes)).processes.length
 */
export function readOpenCpsPackage(files: ReadonlyMap<string, string>): OpenCpsPackage {
  const problems: OpenCpsPackageProblem[] = [];
  const links = new Map<string, OpenCpsServiceLink>();
  const parsed = (file: string, xml: string): XmlDocument | undefined => {
    try {
      return parseXml(xml);
    } catch (e) {
      if (!(e instanceof XmlReadError)) throw e;
      problems.push({ file, message: e.message });
      return undefined;
    }
  };
  const paths = [...files.keys()].sort();
  for (const file of paths.filter((p) => folderOf(p) === 'services')) {
    const doc = parsed(file, files.get(file)!);
    for (const [no, link] of doc ? serviceLinks(file, doc) : []) if (!links.has(no)) links.set(no, link);
  }
  const processes: OpenCpsXmlDocument[] = [];
  for (const file of paths.filter((p) => folderOf(p) === 'processes')) {
    const xml = files.get(file)!;
    const doc = parsed(file, xml);
    if (!doc) continue;
    if (doc.root.name !== 'ServiceProcess') {
      problems.push({ file, message: `root element is <${doc.root.name}>, expected <ServiceProcess>` });
      continue;
    }
    const no = text(doc, doc.root, 'processNo');
    const service = no === undefined ? undefined : links.get(no);
    processes.push({ file, xml, ...(service ? { service } : {}) });
  }
  return { processes, problems };
}

/**
 * A new zip with the given files replaced or added (every other entry of `original` copied as it
 * was); without an original, a zip of the given files (e.g. a folder's `processes/` and `services/`).
 * @example zipOpenCpsPackage(bytes, new Map([['processes/QT01.xml', written.xml]]))
 */
export function zipOpenCpsPackage(
  original: Uint8Array | undefined,
  changed: ReadonlyMap<string, string | Uint8Array>,
): Uint8Array {
  const files: Record<string, Uint8Array> = original ? unzipSync(original) : {};
  const encoder = new TextEncoder();
  for (const [name, xml] of changed) files[name] = typeof xml === 'string' ? encoder.encode(xml) : xml;
  return zipSync(files);
}
