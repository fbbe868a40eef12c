import { readFileSync } from 'node:fs';
import { type Procedure, type Process, parseProcedure, parseProcess } from '@tthc/core';
import type { ScenarioInput } from './scenario.js';

const examples = new URL('../../../../examples/', import.meta.url);
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, examples), 'utf8'));

/** Household business registration at a commune/ward (1.001612, 03 working days). */
export const procedure: Procedure = parseProcedure(json('procedures/dang-ky-thanh-lap-ho-kinh-doanh/procedure.json'));
export const process: Process = parseProcess(json('procedures/dang-ky-thanh-lap-ho-kinh-doanh/process.json'));

/** A fresh copy of the example ward scenario. */
export function wardScenario(): ScenarioInput & { staff: Record<string, number> } {
  return json('simulation/ward-scenario.json') as ScenarioInput & { staff: Record<string, number> };
}

export const DESK = 'Trung tâm Phục vụ hành chính công xã';
export const ECONOMY = 'Phòng Kinh tế xã';
export const CHAIR = 'Ủy ban nhân dân xã';
export const OFFICE = 'Văn phòng HĐND và UBND xã';

/** Fixed step times (minutes) for hand-checked runs. */
export function fixedScenario(minutes: Record<string, number>, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    arrivals: { times: ['2025-07-07T08:00:00+07:00'] },
    steps: Object.fromEntries(
      Object.entries(minutes).map(([k, v]) => [k, { duration: { type: 'fixed', value: v } }]),
    ) as ScenarioInput['steps'],
    staff: { [DESK]: 1, [ECONOMY]: 1, [CHAIR]: 1, [OFFICE]: 1 },
    ...extra,
  };
}
