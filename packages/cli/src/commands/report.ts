/**
 * `tthc report`: turns a plan (or diff) file into the reports a department reads — one self-contained
 * HTML page, Markdown, or versioned JSON.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasChanges, reportHtml, reportJson, reportMarkdown } from '@tthc/sync';
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../io.js';
import type { Command } from './command.js';
import { readBulkFile } from './plan.js';

const OPTIONS: OptionSpecs = {
  html: { type: 'string', value: '<out.html>', help: 'write the report as one self-contained HTML page' },
  md: { type: 'string', value: '<out.md>', help: 'write the report as Markdown' },
  title: { type: 'string', value: '<text>', help: 'title of the report' },
  json: { type: 'boolean', help: 'print the report as versioned JSON (reportVersion 1) on stdout' },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, { positionals: true });
  if (values.help) {
    context.io.stdout.write(reportCommand.help());
    return 0;
  }
  if (positionals.length !== 1) {
    throw new UsageError(`expected one plan file (tthc report <plan.json>), got ${positionals.length} arguments`);
  }
  const result = readBulkFile(positionals[0]!);
  const options = typeof values.title === 'string' ? { title: values.title } : {};
  const written: string[] = [];
  if (typeof values.html === 'string') {
    writeFileSync(resolve(values.html), reportHtml(result, options), 'utf8');
    written.push(values.html);
  }
  if (typeof values.md === 'string') {
    writeFileSync(resolve(values.md), reportMarkdown(result, options), 'utf8');
    written.push(values.md);
  }
  for (const file of written) context.io.stderr.write(`report written to ${file}\n`);
  if (values.json) context.io.stdout.write(reportJson(result));
  else if (written.length === 0) context.io.stdout.write(reportMarkdown(result, options));
  return hasChanges(result) ? 2 : 0;
}

/** `tthc report <plan.json> [--html out.html] [--md out.md] [--title <text>] [--json]`. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'report a plan: summary and per-procedure disagreements as HTML, Markdown or JSON',
  help: () =>
    commandHelp(
      'tthc report <plan.json> [--html <out.html>] [--md <out.md>] [--title <text>] [--json]',
      'Reads a file written by tthc plan (--out or --json) and writes the report: a summary table (how many\n' +
        'procedures agree, differ in steps, performers, times, forms, exceed the statutory limit) and, per\n' +
        'procedure, the disagreements grouped by kind with Vietnamese and English messages. Without --html,\n' +
        '--md or --json the Markdown goes to stdout. Exit 0: nothing differs; 2: differences; 1: bad input.',
      OPTIONS,
    ),
  run,
};
