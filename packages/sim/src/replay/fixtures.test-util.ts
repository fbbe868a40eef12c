/** Shared fixtures of the replay tests (not exported by the package). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vietnamCalendar, type WorkCalendar } from '@tthc/calendar';
import { parseProcedure, parseProcess, type Procedure, type Process } from '@tthc/core';
import type { LogEvent, LogPerformer } from './types.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** A file of the repository, as text. */
export function repoFile(path: string): string {
  return readFileSync(`${root}${path}`, 'utf8');
}

const example = 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh';

/** Đăng ký thành lập hộ kinh doanh (1.001612): 03 working days. */
export const procedure: Procedure = parseProcedure(JSON.parse(repoFile(`${example}/procedure.json`)));

/** receive 4 h → review 12 h (refuse → return) → sign 4 h (not-approved → review) → issue 4 h → return. */
export const process: Process = parseProcess(JSON.parse(repoFile(`${example}/process.json`)));

export const calendar: WorkCalendar = vietnamCalendar();

/** The performer of a step, as a log would record it. */
export function performerOf(step: string): LogPerformer {
  const s = process.steps.find((x) => x.key === step)!;
  return { unit: s.performer.unit, role: s.performer.role };
}

let line = 1;

/** A log event at a step, done at an ISO instant, by the step's performer unless given. */
export function ev(dossierId: string, activity: string, at: string, extra: Partial<LogEvent> = {}): LogEvent {
  const known = process.steps.some((s) => s.key === activity);
  return {
    dossierId,
    activity,
    at: Date.parse(at),
    ...(known ? { performer: performerOf(activity) } : {}),
    line: ++line,
    ...extra,
  };
}
