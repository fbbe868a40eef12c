/** Options and helpers shared by the `tthc store` sub-commands. */
import { InstantTextSchema } from '@tthc/core';
import { type DossierStore, openStore } from '@tthc/store';
import { type OptionSpecs, requireString } from '../args.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';

/** Options every sub-command takes. */
export const DB_OPTIONS: OptionSpecs = {
  db: {
    type: 'string',
    value: '<folder|postgres://…>',
    help: 'the database: a PGlite folder (default ./tthc-data), memory://, or a server URL',
  },
  json: { type: 'boolean', help: 'print machine output as JSON' },
};

/** Opens the store of `--db` with the global calendar. */
export async function storeOf(
  values: Record<string, string | boolean | undefined>,
  context: CommandContext,
): Promise<DossierStore> {
  const db = typeof values.db === 'string' ? values.db : './tthc-data';
  return openStore({ db, calendar: context.calendar() });
}

/** `--at`, an ISO 8601 instant with offset (never defaulted to the wall clock). */
export function atOf(values: Record<string, string | boolean | undefined>, specs: OptionSpecs): string {
  const at = requireString(values, 'at', specs);
  if (!InstantTextSchema.safeParse(at).success) {
    throw new UsageError(`--at "${at}" is not an ISO 8601 instant with offset (e.g. 2026-02-24T08:00:00+07:00)`);
  }
  return at;
}
