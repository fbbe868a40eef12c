/** The published JSON Schemas of the three interchange formats (one source of truth: the zod schemas). */
import * as z from 'zod';
import { CatalogueRecordSchema } from './catalogue.js';
import { EisoDocumentSchema } from './eiso.js';
import { PortalProcessSchema } from './portal.js';

/** The zod schema of each format, by format name. */
export const FORMAT_SCHEMAS = {
  catalogue: CatalogueRecordSchema,
  eiso: EisoDocumentSchema,
  portal: PortalProcessSchema,
} as const;

/** A format name: `catalogue`, `eiso` or `portal`. */
export type FormatName = keyof typeof FORMAT_SCHEMAS;

/**
 * The JSON Schema (draft 2020-12) of a format; objects allow additional properties because adapters
 * keep fields they do not understand.
 * @example formatJsonSchema('portal').title // 'One-stop electronic process configuration'
 */
export function formatJsonSchema(name: FormatName): Record<string, unknown> {
  return z.toJSONSchema(FORMAT_SCHEMAS[name], { target: 'draft-2020-12', io: 'output' }) as Record<string, unknown>;
}
