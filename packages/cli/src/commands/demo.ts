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
import { demoSync } from '../demo-sync.js';
import { defaultExamplesDir, defaultExamplesRoot } from '../examples-dir.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  examples: {
    type: 'string',
    value: '<dir>',
    help: 'folder of example procedures (default: examples/procedures of the repository or the package)',
  },
  out: {
    type: 'string',
    value: '<dir>',
    help: 'where the sync part writes plan.json, report.html and the patched copies (default: tthc-demo)',
  },
};

function run(args: readonly string[], context: CommandContext): number {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) {
    context.io.stdout.write(demoCommand.help());
    return 0;
  }
  // The main job first: where the e-ISO procedures and the portal disagree, and making them agree.
  context.io.stdout.write(
    'tthc — đồng bộ quy trình ISO điện tử và phần mềm một cửa / keeping e-ISO procedures and the one-stop portal in agreement\n',
  );
  const outDir = typeof values.out === 'string' ? values.out : 'tthc-demo';
  const sync = demoSync({ examplesRoot: defaultExamplesRoot(), outDir });
  context.io.stdout.write(fitWidth(sync.text));
  const calendar = context.calendar();
  context.io.stdout.write(demoText(calendar, { firstSection: 2 }));
  const dir = typeof values.examples === 'string' ? values.examples : defaultExamplesDir();
  const examples = examplesPart(calendar, dir, 7);
  context.io.stdout.write(examples.text);
  // Auditors' side (issue 5): a Monte-Carlo run of the ward scenario and a replay of the example log.
  const io = { ...context.io, stdout: { write: (text: string) => context.io.stdout.write(fitWidth(text)) } };
  const simulated = demoSimulation(io);
  const replayed = demoReplay(io);
  return sync.ok && examples.ok && simulated === 0 && replayed === 0 ? 0 : 1;
}

/** `tthc demo [--examples <dir>] [--out <dir>]`. */
export const demoCommand: Command = {
  name: 'demo',
  summary:
    "a tour: the sync of a ward's e-ISO and portal processes (plan, report, apply), then the calendar, dossiers, simulation",
  help: () =>
    commandHelp(
      'tthc demo [--examples <dir>] [--out <dir>]',
      'Reconciles the example ward (examples/commune: catalogue, e-ISO, portal): prints where they disagree,\n' +
        'writes the plan and the HTML report under --out, applies the plan to copies and re-plans; then prints\n' +
        'worked deadlines on example dossiers, validates, lints and runs every example procedure, simulates a\n' +
        "ward's quarter and replays an example log. Runs on the data shipped in the package when installed.",
      OPTIONS,
    ),
  run,
};
