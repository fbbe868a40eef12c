/**
 * The implementation registry of `toMachine`: process data names actions and guards; the code that
 * runs them is registered here. Every name used in data is checked before a machine is built
 * (STYLE.md habit 7: fail fast, name the culprit).
 */
import { CoreError, type DataIssue, formatPath } from '../errors.js';
import type { Process } from '../model/process.js';

/** An action implementation, as xstate v5 `setup({ actions })` takes it. */
// biome-ignore lint/suspicious/noExplicitAny: xstate action functions are typed per machine
export type ActionImplementation = (args: any, params: any) => void;
/** A guard implementation, as xstate v5 `setup({ guards })` takes it. */
// biome-ignore lint/suspicious/noExplicitAny: xstate guard predicates are typed per machine
export type GuardImplementation = (args: any, params: any) => boolean;
/** A delay: milliseconds, or a function computing them. */
// biome-ignore lint/suspicious/noExplicitAny: xstate delay functions are typed per machine
export type DelayImplementation = number | ((args: any, params: any) => number);

/** Implementations of the actions, guards and delays named in process data. */
export interface MachineRegistry {
  readonly actions?: Readonly<Record<string, ActionImplementation>>;
  readonly guards?: Readonly<Record<string, GuardImplementation>>;
  readonly delays?: Readonly<Record<string, DelayImplementation>>;
}

/** Names reserved for the machine's own implementations. */
export const RESERVED_PREFIX = 'tthc.';

interface NameUse {
  readonly kind: 'action' | 'guard';
  readonly name: string;
  readonly step: string;
  readonly path: readonly (string | number)[];
}

function namesUsed(process: Process): NameUse[] {
  const uses: NameUse[] = [];
  process.steps.forEach((step, i) => {
    const add = (kind: NameUse['kind'], name: string, path: (string | number)[]) => {
      uses.push({ kind, name, step: step.key, path: ['steps', i, ...path] });
    };
    step.entry?.forEach((name, j) => {
      add('action', name, ['entry', j]);
    });
    step.exit?.forEach((name, j) => {
      add('action', name, ['exit', j]);
    });
    step.outcomes.forEach((o, k) => {
      if (o.guard) add('guard', o.guard, ['outcomes', k, 'guard']);
      o.actions?.forEach((name, m) => {
        add('action', name, ['outcomes', k, 'actions', m]);
      });
    });
  });
  return uses;
}

/**
 * Checks that every action and guard named in the process data is registered (and none uses the
 * reserved `tthc.` prefix).
 * @throws {CoreError} `UNKNOWN_IMPLEMENTATION` naming the step key, the field path and the name;
 * `issues` lists every unknown name.
 * @example checkRegistry(process, { guards: { isComplex: () => true } });
 */
export function checkRegistry(process: Process, registry: MachineRegistry = {}): void {
  const issues: DataIssue[] = [];
  for (const use of namesUsed(process)) {
    const table = use.kind === 'action' ? registry.actions : registry.guards;
    const reserved = use.name.startsWith(RESERVED_PREFIX);
    if (!reserved && table && Object.hasOwn(table, use.name)) continue;
    const why = reserved ? `uses the reserved prefix "${RESERVED_PREFIX}"` : `is not in the registry's ${use.kind}s`;
    issues.push({
      path: use.path,
      value: use.name,
      message: `step "${use.step}": ${formatPath(use.path)}: ${use.kind} "${use.name}" ${why}`,
    });
  }
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    throw new CoreError(
      'UNKNOWN_IMPLEMENTATION',
      `process ${process.procedureCode} v${process.version}: ${issues[0]!.message}${more}`,
      issues,
    );
  }
}
