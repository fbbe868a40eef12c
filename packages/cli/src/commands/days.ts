/**
 * `tthc days`: working days between two civil dates, both ends inclusive.
 */
import { countWorkingDays, dayNumberFromIso } from '@tthc/calendar';
import { commandHelp, type OptionSpecs, parseCommandArgs, requireString } from '../args.js';
import type { CommandContext } from '../context.js';
import { humanDate, json } from '../format-text.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  from: { type: 'string', value: '<YYYY-MM-DD>', help: 'first civil date (inclusive), e.g. 2026-02-01' },
  to: { type: 'string', value: '<YYYY-MM-DD>', help: 'last civil date (inclusive), e.g. 2026-02-28' },
  json: { type: 'boolean', help: 'print {"workingDays": N} as JSON' },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(daysCommand.help());
    return 0;
  }
  const from = requireString(values, 'from', OPTIONS);
  const to = requireString(values, 'to', OPTIONS);
  // Validate here so the message names the CLI option (`--from: …`), not the library parameter.
  dayNumberFromIso(from, '--from');
  dayNumberFromIso(to, '--to');
  const workingDays = countWorkingDays(context.calendar(), from, to);
  context.io.stdout.write(
    values.json
      ? json({ workingDays })
      : `Số ngày làm việc / Working days: ${workingDays}\n  từ / from ${humanDate(from)}\n  đến / to  ${humanDate(to)} (tính cả hai đầu / both ends inclusive)\n`,
  );
  return 0;
}

/** `tthc days --from YYYY-MM-DD --to YYYY-MM-DD [--json]`. */
export const daysCommand: Command = {
  name: 'days',
  summary: 'number of working days between two dates (both ends inclusive)',
  help: () =>
    commandHelp(
      'tthc days --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--json]',
      'Counts the working days of the Vietnam calendar from --from to --to, both ends inclusive\n' +
        '(0 when --from is after --to).',
      OPTIONS,
    ),
  run,
};
