/**
 * `tthc demo`: a guided tour of the calendar on realistic dossiers (the README quick start), then of
 * the example procedures in `examples/procedures/` (validation, lint, each dossier run), then the
 * auditors' side (simulation and replay). Every number printed is computed by the library at run
 * time; nothing is canned. The parts live in `../demo-calendar.ts`, `../demo-examples.ts` and
 * `../demo-sim.ts`.
 */
import { commandHelp, type OptionSpecs, parseCommandArgs } from '../args.js';
import type { CommandContext } from '../context.js';
import { demoText } from '../demo-calendar.js';
import { examplesPart } from '../demo-examples.js';
import { demoReplay, demoSimulation } from '../demo-sim.js';
import { fitWidth } from '../demo-width.js';
import { defaultExamplesDir } from '../examples-dir.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  examples: {
    type: 'string',
    value: '<dir>',
    help: 'folder of example procedures (default: examples/procedures of the repository)',
  },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(demoCommand.help());
    return 0;
  }
  const calendar = context.calendar();
  context.io.stdout.write(demoText(calendar));
  const dir = typeof values.examples === 'string' ? values.examples : defaultExamplesDir();
  const examples = examplesPart(calendar, dir);
  context.io.stdout.write(examples.text);
  // Auditors' side (issue 5): a Monte-Carlo run of the ward scenario and a replay of the example log.
  const io = { ...context.io, stdout: { write: (text: string) => context.io.stdout.write(fitWidth(text)) } };
  const simulated = demoSimulation(io);
  const replayed = demoReplay(io);
  return examples.ok && simulated === 0 && replayed === 0 ? 0 : 1;
}

/** `tthc demo [--examples <dir>]`. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'a tour: the calendar on realistic dossiers (Tết 2026, 15:00 cut-off…), then the example procedures run',
  help: () =>
    commandHelp(
      'tthc demo [--examples <dir>]',
      'Prints worked deadlines on embedded example dossiers, computed live by @tthc/calendar, then validates,\n' +
        'lints and runs every example procedure of examples/procedures with @tthc/core (skipped when not found).',
      OPTIONS,
    ),
  run,
};
