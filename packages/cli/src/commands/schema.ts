/**
 * `tthc schema`: the JSON Schema of a `@tthc/core` document, generated at run time from the zod
 * schema (the one source of truth, STYLE.md habit 6) exactly as `docs/schemas/*.schema.json` is.
 */
import { DossierEventSchema, ProcedureSchema, ProcessSchema } from '@tthc/core';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';

/** The documents with a published schema, by the name of their `docs/schemas/<name>.schema.json`. */
export const SCHEMA_NAMES = ['procedure', 'process', 'dossier-event'] as const;

/** A name of {@link SCHEMA_NAMES}. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const SCHEMAS = { procedure: ProcedureSchema, process: ProcessSchema, 'dossier-event': DossierEventSchema };

/**
 * The JSON Schema of a document as text: input mode (fields with defaults may be omitted, the parser
 * fills them), pretty-printed with a final newline — byte for byte the committed `docs/schemas` file.
 * @example schemaText('procedure').startsWith('{') // true
 */
export function schemaText(name: SchemaName): string {
  return json(SCHEMAS[name].toJSONSchema({ io: 'input' }));
}

const OPTIONS: OptionSpecs = {
  json: { type: 'boolean', help: 'accepted for uniformity: the output is always JSON' },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(schemaCommand.help());
    return 0;
  }
  const [name, ...extra] = positionals;
  const expected = `expected one of ${SCHEMA_NAMES.join(', ')}`;
  if (name === undefined) throw new UsageError(`missing <document>; ${expected}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; give one <document> (${expected})`);
  const known = SCHEMA_NAMES.find((n) => n === name);
  if (!known) throw new UsageError(`unknown document "${name}"; ${expected}`);
  context.io.stdout.write(schemaText(known));
  return 0;
}

/** `tthc schema <procedure|process|dossier-event>`. */
export const schemaCommand: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of a procedure, a process or a dossier event',
  help: () =>
    commandHelp(
      'tthc schema <procedure|process|dossier-event>',
      'Prints the JSON Schema (draft 2020-12) generated from the @tthc/core zod schema; the same text as\n' +
        'docs/schemas/<document>.schema.json. Use it for editor completion: "$schema" in your JSON files.',
      OPTIONS,
    ),
  run,
};
