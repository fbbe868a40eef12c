/**
 * `tthc diff`: the typed differences between two documents of any of the systems (catalogue, e-ISO,
 * portal, OpenCPS), the format told by shape or given with `--format a,b`.
 */
import {
  adapterFor,
  type Change,
  DOCUMENT_FORMATS,
  type DocumentFormat,
  detectFormat,
  diff,
  type SystemName,
} from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { json } from '../format.js';
import { UsageError } from '../io.js';
import { readJsonFile } from '../json-file.js';
import type { Command } from './command.js';

/** The system name `diff` compares a format as (OpenCPS and a ReactFlow case are one-stop portals). */
const SYSTEM_OF: Readonly<Record<DocumentFormat, SystemName>> = {
  catalogue: 'catalogue',
  eiso: 'eiso',
  portal: 'portal',
  opencps: 'portal',
  reactflow: 'portal',
};

function formatsOption(value: string | undefined): [DocumentFormat | undefined, DocumentFormat | undefined] {
  if (value === undefined) return [undefined, undefined];
  const parts = value.split(',').map((s) => s.trim());
  const bad = parts.find((p) => !(DOCUMENT_FORMATS as readonly string[]).includes(p));
  if (parts.length !== 2 || bad !== undefined) {
    throw new UsageError(
      `--format "${value}": expected two formats a,b, each one of ${DOCUMENT_FORMATS.join(', ')}${bad !== undefined ? ` (got "${bad}")` : ''}`,
    );
  }
  return [parts[0] as DocumentFormat, parts[1] as DocumentFormat];
}

/**
 * Reads one document of `tthc diff`: its format and its canonical value with provenance.
 * @throws {UsageError} naming the file, the format and the first adapter error.
 * @example readSide('examples/commune/eiso/1.001193.json', undefined).format // 'eiso'
 */
export function readSide(file: string, given: DocumentFormat | undefined) {
  const raw = readJsonFile(file);
  const format = given ?? detectFormat(raw);
  if (format === null) {
    throw new UsageError(
      `"${file}": cannot tell the format by its shape; expected ${DOCUMENT_FORMATS.join(', ')} (use --format a,b)`,
    );
  }
  const result = adapterFor(format).adapter.parse(raw);
  if (!result.ok || result.value === undefined) {
    const first = result.issues.find((i) => i.severity === 'error');
    throw new UsageError(`"${file}" is not a valid ${format} document: ${first?.pointer || '/'}: ${first?.message}`);
  }
  return { file, format, value: result.value, provenance: result.provenance };
}

/**
 * The text output: one block per change (severity, code, step, Vietnamese and English message).
 * @example diffText(changes) // 'warning  step.performer  B2\n  Bước B2: …\n  Step B2: …\n…'
 */
export function diffText(changes: readonly Change[]): string {
  if (changes.length === 0) return 'Không có khác biệt / No differences\n';
  const blocks = changes.map(
    (c) =>
      `${c.severity.padEnd(7)}  ${c.code}${c.stepKey ? `  ${c.stepKey}` : ''}\n  ${c.message.vi}\n  ${c.message.en}\n`,
  );
  return `${blocks.join('')}${changes.length} khác biệt / differences\n`;
}

const OPTIONS: OptionSpecs = {
  format: {
    type: 'string',
    value: '<a,b>',
    help: `formats of the two files, each one of ${DOCUMENT_FORMATS.join(', ')} (default: told by shape)`,
  },
  json: { type: 'boolean', help: 'print {"a", "b", "changes"} as JSON' },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(diffCommand.help());
    return 0;
  }
  if (positionals.length !== 2) {
    throw new UsageError(`expected two files (tthc diff <a> <b>), got ${positionals.length}`);
  }
  const [fa, fb] = formatsOption(typeof values.format === 'string' ? values.format : undefined);
  const a = readSide(positionals[0]!, fa);
  const b = readSide(positionals[1]!, fb);
  const changes = diff(
    { system: SYSTEM_OF[a.format], value: a.value, provenance: a.provenance },
    { system: SYSTEM_OF[b.format], value: b.value, provenance: b.provenance },
  );
  context.io.stdout.write(
    values.json
      ? json({ a: { file: a.file, format: a.format }, b: { file: b.file, format: b.format }, changes })
      : diffText(changes),
  );
  return changes.length > 0 ? 2 : 0;
}

/** `tthc diff <a> <b> [--format a,b] [--json]`. */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'typed differences between two catalogue / e-ISO / portal / OpenCPS documents; exit 2 on differences',
  help: () =>
    commandHelp(
      'tthc diff <a> <b> [--format <a,b>] [--json]',
      'Compares two documents: two processes (e-ISO, portal, OpenCPS) step by step, two catalogue records\n' +
        'on their legal facts, or a catalogue record and a process (statutory limit, forms). Paths are JSON\n' +
        'pointers into the native files. Exit 0: no difference; 2: differences; 1: bad input.',
      OPTIONS,
    ),
  run,
};
