/** `reportJson` — the report model as stable, versioned JSON text. */
import type { BulkResult } from '../bulk/types.js';
import { buildReport } from './model.js';

/**
 * The report as JSON text (`reportVersion: 1`; procedures by code, kinds in a fixed order, two-space
 * indentation, final newline), so that two runs over the same documents give the same bytes.
 * @example JSON.parse(reportJson(diffAll({ eiso, portal }))).summary.agree
 */
export function reportJson(result: BulkResult): string {
  return `${JSON.stringify(buildReport(result), null, 2)}\n`;
}
