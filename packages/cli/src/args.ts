/**
 * Argument parsing over `node:util` parseArgs, with every failure turned into a one-line
 * {@link UsageError} that names the option, the bad value and the accepted forms.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

/** One option of a command. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** Placeholder shown in help and messages, e.g. `<YYYY-MM-DD>`. */
  readonly value?: string;
  /** One line of help: what the option means and the accepted forms. */
  readonly help: string;
  /** A string option that may be given several times (its value is then the list of values). */
  readonly multiple?: boolean;
}

/** The options of a command, by long name (without `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Parsed arguments: option values by long name, and the positionals. */
export interface ParsedArgs {
  /** A `multiple` option's value is a `string[]` at run time (read it with {@link stringList}). */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** Options of {@link parseCommandArgs}. */
export interface ParseCommandArgsOptions {
  /** True when the command takes positional arguments. Default false. */
  readonly positionals?: boolean;
}

/** `--help` is accepted by every command. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', help: 'show this help' };

/**
 * Parses a command's arguments strictly (unknown options are errors, never ignored).
 * @throws {UsageError} naming the option and its accepted forms.
 * @example
 * parseCommandArgs(['--year', '2026'], { year: { type: 'string', value: '<YYYY>', help: 'year' } }).values.year // '2026'
 */
export function parseCommandArgs(
  args: readonly string[],
  specs: OptionSpecs,
  options: ParseCommandArgsOptions = {},
): ParsedArgs {
  const all: OptionSpecs = { ...specs, help: HELP_OPTION };
  const parseOptions: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(all)) {
    parseOptions[name] = spec.multiple ? { type: spec.type, multiple: true } : { type: spec.type };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: parseOptions,
      strict: true,
      allowPositionals: options.positionals ?? false,
    });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw toUsageError(error, all);
  }
}

/** Lists the accepted options of a command for messages: `--from <YYYY-MM-DD>, --json, --help`. */
export function acceptedOptions(specs: OptionSpecs): string {
  return Object.entries({ ...specs, help: HELP_OPTION })
    .map(([name, spec]) => (spec.value ? `--${name} ${spec.value}` : `--${name}`))
    .join(', ');
}

function toUsageError(error: unknown, specs: OptionSpecs): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  const name = quoted.replace(/^-+/, '').replace(/\s.*$/, '');
  const spec = specs[name];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(`unknown option "${quoted}"; accepted: ${acceptedOptions(specs)}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && spec?.type === 'string') {
    return new UsageError(`--${name} needs a value ${spec.value ?? ''}: ${spec.help}`.replace(/\s+:/, ':'));
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && spec?.type === 'boolean') {
    return new UsageError(`--${name} takes no value`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`unexpected argument "${quoted}"; accepted: ${acceptedOptions(specs)}`);
  }
  return new UsageError(message.replace(/\s*\n\s*/g, ' '));
}

/**
 * The values of a `multiple` string option (none when it is absent).
 * @example stringList(parseCommandArgs(['--portal', 'a', '--portal', 'b'], specs).values, 'portal') // ['a', 'b']
 */
export function stringList(values: ParsedArgs['values'], name: string): readonly string[] {
  const value: unknown = values[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * The value of a required string option.
 * @throws {UsageError} `--<name> is required (<help>)` when absent.
 * @example requireString({ year: '2026' }, 'year', specs) // '2026'
 */
export function requireString(values: ParsedArgs['values'], name: string, specs: OptionSpecs): string {
  const value = values[name];
  if (typeof value === 'string') return value;
  const spec = specs[name];
  throw new UsageError(`--${name} ${spec?.value ?? ''} is required: ${spec?.help ?? ''}`.replace(/\s+/g, ' ').trim());
}

/** Usage text of a command: the synopsis, a description and one line per option. */
export function commandHelp(synopsis: string, description: string, specs: OptionSpecs): string {
  const rows = Object.entries({ ...specs, help: HELP_OPTION }).map(([name, spec]) => [
    spec.value ? `--${name} ${spec.value}` : `--${name}`,
    spec.help,
  ]);
  const width = Math.max(...rows.map(([left]) => left!.length));
  const lines = rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`);
  return `Usage: ${synopsis}\n\n${description}\n\nOptions:\n${lines.join('\n')}\n`;
}
