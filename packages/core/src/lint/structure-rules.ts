/**
 * Lint rules about identity and shape: procedure code, channels, keys, performers, outcomes,
 * the step graph and forms.
 */
import { nationalCode } from '../model/procedure.js';
import { type LintContext, report, stepLabel } from './context.js';
import { closedLoops, reachableFrom } from './graph.js';

/** `procedure-mismatch` and `channel-not-offered`. */
export function checkIdentity(ctx: LintContext): void {
  const { procedure, process } = ctx;
  const mine = nationalCode(process.procedureCode);
  const theirs = nationalCode(procedure.code);
  if (mine !== theirs) {
    report(
      ctx,
      'procedure-mismatch',
      ['procedureCode'],
      `procedureCode: process is for ${mine} ("${process.procedureCode}") but the procedure is ${theirs} ("${procedure.code}")`,
      { processCode: process.procedureCode, procedureCode: procedure.code },
    );
  }
  const offered = new Set(procedure.channels.map((c) => c.channel));
  process.channels?.forEach((ch, i) => {
    if (!offered.has(ch)) {
      report(
        ctx,
        'channel-not-offered',
        ['channels', i],
        `channels[${i}]: the process serves channel "${ch}" but procedure ${procedure.code} offers only ${[...offered].join(', ')}`,
        { channel: ch, offered: [...offered] },
      );
    }
  });
}

/** `duplicate-step-key`, `missing-performer`, `performer-expired`, `performer-not-yet-valid`. */
export function checkSteps(ctx: LintContext): void {
  const { process } = ctx;
  const firstAt = new Map<string, number>();
  process.steps.forEach((step, i) => {
    const first = firstAt.get(step.key);
    if (first === undefined) firstAt.set(step.key, i);
    else {
      report(
        ctx,
        'duplicate-step-key',
        ['steps', i, 'key'],
        `steps[${i}].key: "${step.key}" is already the key of steps[${first}]`,
        {
          key: step.key,
          first,
        },
      );
    }
    for (const field of ['unit', 'role'] as const) {
      if (step.performer[field].trim() === '') {
        report(
          ctx,
          'missing-performer',
          ['steps', i, 'performer', field],
          `steps[${i}].performer.${field}: step ${stepLabel(process, i)} has an empty performer ${field} (người/đơn vị thực hiện)`,
          { step: step.key, value: step.performer[field] },
        );
      }
    }
    const { validFrom, validTo } = step.performer;
    if (validTo !== undefined && validTo < process.effectiveFrom) {
      report(
        ctx,
        'performer-expired',
        ['steps', i, 'performer', 'validTo'],
        `steps[${i}].performer: "${step.performer.role} – ${step.performer.unit}" ceased on ${validTo}, before the process takes effect on ${process.effectiveFrom}`,
        { step: step.key, validTo, effectiveFrom: process.effectiveFrom },
      );
    }
    if (validFrom !== undefined && validFrom > process.effectiveFrom) {
      report(
        ctx,
        'performer-not-yet-valid',
        ['steps', i, 'performer', 'validFrom'],
        `steps[${i}].performer: "${step.performer.role} – ${step.performer.unit}" exists only from ${validFrom}, after the process takes effect on ${process.effectiveFrom}`,
        { step: step.key, validFrom, effectiveFrom: process.effectiveFrom },
      );
    }
  });
}

/** `outcome-target-missing` (outcomes and `start`) and `duplicate-outcome`. */
export function checkOutcomes(ctx: LintContext): void {
  const { process, graph } = ctx;
  if (process.start !== undefined && graph.start === undefined) {
    report(ctx, 'outcome-target-missing', ['start'], `start: "${process.start}" is not the key of any step`, {
      next: process.start,
    });
  }
  process.steps.forEach((step, i) => {
    const names = new Set<string>();
    step.outcomes.forEach((o, j) => {
      if (names.has(o.name)) {
        report(
          ctx,
          'duplicate-outcome',
          ['steps', i, 'outcomes', j, 'name'],
          `steps[${i}].outcomes[${j}].name: step ${stepLabel(process, i)} already has an outcome "${o.name}"`,
          { step: step.key, outcome: o.name },
        );
      }
      names.add(o.name);
      if (o.next !== null && !graph.keyIndex.has(o.next)) {
        report(
          ctx,
          'outcome-target-missing',
          ['steps', i, 'outcomes', j, 'next'],
          `steps[${i}].outcomes[${j}].next: outcome "${o.name}" of step ${stepLabel(process, i)} leads to "${o.next}", which is not a step key`,
          { step: step.key, outcome: o.name, next: o.next },
        );
      }
    });
  });
}

/** `unreachable-step`, `dead-end-step`, `cycle-without-exit`, `no-receive-step`, `no-return-step`. */
export function checkGraph(ctx: LintContext): void {
  const { process, graph } = ctx;
  if (graph.start !== undefined) {
    const reached = reachableFrom(graph);
    const startKey = process.steps[graph.start]!.key;
    process.steps.forEach((step, i) => {
      // A duplicate key is reported once, as a duplicate; it is unreachable by construction.
      if (graph.keyIndex.get(step.key) !== i || reached.has(i)) return;
      report(
        ctx,
        'unreachable-step',
        ['steps', i],
        `steps[${i}]: step ${stepLabel(process, i)} cannot be reached from the start "${startKey}"`,
        {
          step: step.key,
          start: startKey,
        },
      );
    });
  }
  process.steps.forEach((step, i) => {
    if (step.outcomes.length === 0 && step.kind !== 'return') {
      report(
        ctx,
        'dead-end-step',
        ['steps', i, 'outcomes'],
        `steps[${i}].outcomes: step ${stepLabel(process, i)} (kind "${step.kind}") has no outcomes; only a return step may end the process without one`,
        { step: step.key, kind: step.kind },
      );
    }
  });
  for (const loop of closedLoops(graph)) {
    const keys = loop.map((i) => process.steps[i]!.key);
    report(
      ctx,
      'cycle-without-exit',
      ['steps', loop[0]!],
      `steps ${keys.join(' → ')} form a loop with no outcome leading out of it`,
      {
        steps: keys,
      },
    );
  }
  if (!process.steps.some((s) => s.kind === 'receive')) {
    report(
      ctx,
      'no-receive-step',
      ['steps'],
      'steps: no step of kind "receive" (tiếp nhận hồ sơ at the one-stop desk)',
    );
  }
  if (!process.steps.some((s) => s.kind === 'return')) {
    report(ctx, 'no-return-step', ['steps'], 'steps: no step of kind "return" (trả kết quả at the one-stop desk)');
  }
}

/** `form-not-declared`: step forms must be in `process.forms` or be a procedure component's form. */
export function checkForms(ctx: LintContext): void {
  const { procedure, process } = ctx;
  const norm = (s: string) => s.normalize('NFC').trim();
  const declared = new Set<string>([
    ...process.forms.map((f) => norm(f.code)),
    ...procedure.components.flatMap((c) => (c.form === undefined ? [] : [norm(c.form)])),
  ]);
  process.steps.forEach((step, i) => {
    step.forms.forEach((form, j) => {
      if (declared.has(norm(form))) return;
      report(
        ctx,
        'form-not-declared',
        ['steps', i, 'forms', j],
        `steps[${i}].forms[${j}]: form "${form}" of step ${stepLabel(process, i)} is neither in process.forms nor a procedure component form`,
        { step: step.key, form },
      );
    });
  });
}
