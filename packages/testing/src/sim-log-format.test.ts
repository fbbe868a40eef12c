import { parseProcess } from '@tthc/core';
import { readEventLog } from '@tthc/sim';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventLogArb } from './sim-log-arbitrary.js';
import {
  EVENT_LOG_CSV_HEADER,
  eventLogLine,
  formatEventLog,
  type GeneratedLogEvent,
  vietnamIso,
} from './sim-log-format.js';

const at = Date.parse('2025-03-03T08:00:00+07:00');
const events: GeneratedLogEvent[] = [
  {
    dossierId: 'HS-0',
    activity: 'receive',
    performer: { unit: 'Bộ phận "Một cửa", xã', role: 'Công chức' },
    at,
    startedAt: at - 60_000,
    line: 2,
  },
  {
    dossierId: 'HS-0',
    activity: 'review',
    performer: { role: 'Công chức' },
    at: at + 90_500,
    outcome: 'done',
    line: 3,
  },
];

describe('formatEventLog', () => {
  it('writes Vietnam time, with milliseconds only when there are some', () => {
    expect(vietnamIso(at)).toBe('2025-03-03T08:00:00+07:00');
    expect(vietnamIso(at + 90_500)).toBe('2025-03-03T08:01:30.500+07:00');
  });

  it('quotes CSV fields with commas and quotes, leaves absent values empty, and reads back line for line', () => {
    const text = formatEventLog(events, 'csv');
    expect(text.split('\n').slice(0, 2)).toEqual([
      EVENT_LOG_CSV_HEADER,
      'HS-0,receive,"Bộ phận ""Một cửa"", xã",Công chức,2025-03-03T08:00:00+07:00,,2025-03-03T07:59:00+07:00',
    ]);
    expect(readEventLog(text, { format: 'csv' })).toEqual({ events, problems: [] });
  });

  it('numbers lines as readEventLog does in every format', () => {
    expect([eventLogLine('csv', 0), eventLogLine('json', 0), eventLogLine('jsonl', 0)]).toEqual([2, 2, 1]);
    const jsonl = events.map((e, k) => ({ ...e, line: eventLogLine('jsonl', k) }));
    expect(readEventLog(formatEventLog(events, 'jsonl'), { format: 'jsonl' }).events).toEqual(jsonl);
    expect(readEventLog(formatEventLog(events, 'json'), { format: 'json' }).events).toEqual(events);
    expect(formatEventLog([], 'json')).toBe('[]\n');
  });

  it('refuses a field with a line break, which would shift every later line', () => {
    const broken = [{ ...events[0]!, activity: 'receive\nagain' }];
    expect(() => formatEventLog(broken, 'csv')).toThrow(RangeError);
  });
});

describe('eventLogArb', () => {
  it('refuses a process without a way to the end', () => {
    const loop = parseProcess({
      procedureCode: '1.000001',
      name: 'Vòng lặp',
      agency: { name: 'UBND xã An Bình' },
      version: '1',
      effectiveFrom: '2025-01-01',
      countingRule: 'working-time',
      steps: [
        {
          key: 'a',
          name: 'A',
          kind: 'review',
          performer: { unit: 'Phòng Kinh tế', role: 'Công chức' },
          budget: { amount: 1, unit: 'workingHour' },
          outcomes: [{ name: 'again', next: 'a' }],
        },
      ],
    });
    expect(() => eventLogArb(loop)).toThrow(/no path from step "a" to the end/);
  });

  it('draws the same logs from the same fast-check seed', () => {
    const process = parseProcess({
      procedureCode: '1.000001',
      name: 'Hai bước',
      agency: { name: 'UBND xã An Bình' },
      version: '1',
      effectiveFrom: '2025-01-01',
      countingRule: 'working-time',
      steps: [
        {
          key: 'receive',
          name: 'Tiếp nhận',
          kind: 'receive',
          performer: { unit: 'Bộ phận Một cửa', role: 'Công chức' },
          budget: { amount: 1, unit: 'workingHour' },
          outcomes: [{ name: 'done', next: 'return' }],
        },
        {
          key: 'return',
          name: 'Trả kết quả',
          kind: 'return',
          performer: { unit: 'Bộ phận Một cửa', role: 'Công chức' },
          budget: { amount: 0, unit: 'workingMinute', notCounted: true },
        },
      ],
    });
    const a = fc.sample(eventLogArb(process), { numRuns: 5, seed: 7 });
    expect(fc.sample(eventLogArb(process), { numRuns: 5, seed: 7 })).toEqual(a);
    for (const log of a) for (const t of log.traces) expect(t.steps).toEqual(['receive', 'return']);
  });
});
