import { describe, expect, it } from 'vitest';
import { commandHelp, type OptionSpecs, parseCommandArgs, requireString } from './args.js';
import { UsageError } from './io.js';

const SPECS: OptionSpecs = {
  from: { type: 'string', value: '<YYYY-MM-DD>', help: 'first date, e.g. 2026-02-01' },
  json: { type: 'boolean', help: 'JSON output' },
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandArgs', () => {
  it('parses options in both --name value and --name=value forms', () => {
    expect(parseCommandArgs(['--from', '2026-01-01', '--json'], SPECS).values).toMatchObject({
      from: '2026-01-01',
      json: true,
    });
    expect(parseCommandArgs(['--from=2026-01-02'], SPECS).values.from).toBe('2026-01-02');
  });

  it('turns every parse failure into one line naming the option and the accepted forms', () => {
    const unknown = messageOf(() => parseCommandArgs(['--form', 'x'], SPECS));
    expect(unknown).toBe('unknown option "--form"; accepted: --from <YYYY-MM-DD>, --json, --help');
    expect(messageOf(() => parseCommandArgs(['--from'], SPECS))).toBe(
      '--from needs a value <YYYY-MM-DD>: first date, e.g. 2026-02-01',
    );
    expect(messageOf(() => parseCommandArgs(['--from', '--json'], SPECS))).toMatch(/^--from needs a value/);
    expect(messageOf(() => parseCommandArgs(['--json=yes'], SPECS))).toBe('--json takes no value');
    expect(messageOf(() => parseCommandArgs(['stray'], SPECS))).toMatch(/^unexpected argument "stray"/);
  });

  it('accepts positionals only when asked', () => {
    expect(parseCommandArgs(['2026-02-17', '--json'], SPECS, { positionals: true }).positionals).toEqual([
      '2026-02-17',
    ]);
  });

  it('requireString names the missing option', () => {
    expect(messageOf(() => requireString({}, 'from', SPECS))).toBe(
      '--from <YYYY-MM-DD> is required: first date, e.g. 2026-02-01',
    );
  });

  it('commandHelp lists every option including --help', () => {
    const help = commandHelp('tthc x --from <YYYY-MM-DD>', 'Does x.', SPECS);
    expect(help).toContain('  --from <YYYY-MM-DD>  first date');
    expect(help).toContain('  --help');
  });
});
