import { describe, expect, it } from 'vitest';
import { calendar, process, procedure, repoFile } from './fixtures.test-util.js';
import { readEventLog } from './read-log.js';
import { replay } from './replay.js';

// examples/logs/README.md documents every deviation and malformed row of this log; this test holds
// the README to the log: replay must find exactly those.
const log = readEventLog(repoFile('examples/logs/ho-kinh-doanh-progress.csv'), { format: 'csv' });
const result = replay(procedure, process, calendar, log);

describe('examples/logs/ho-kinh-doanh-progress.csv', () => {
  it('reports exactly the malformed rows of the README, by line', () => {
    expect(result.problems.map((p) => [p.line, p.column ?? null])).toEqual([
      [12, 'MaHoSo'],
      [24, null],
      [40, 'ThoiDiemXuLy'],
    ]);
  });

  it('finds exactly the deviations of the README', () => {
    const found = result.dossiers.flatMap((d) => d.deviations.map((v) => [d.dossierId, v.kind, v.step, v.line]));
    expect(found).toEqual([
      ['H56.14-260302-0002', 'skipped-step', 'sign', 10],
      ['H56.14-260302-0003', 'wrong-performer', 'review', 14],
      ['H56.14-260303-0004', 'out-of-order', 'sign', 19],
      ['H56.14-260304-0005', 'unknown-activity', null, 28],
      ['H56.14-260305-0007', 'skipped-step', 'issue', 41],
    ]);
  });

  it('classifies the dossiers and times the steps as the README says', () => {
    const byId = Object.fromEntries(result.dossiers.map((d) => [d.dossierId.slice(-4), d]));
    expect(Object.fromEntries(Object.entries(byId).map(([id, d]) => [id, d.classification]))).toEqual({
      '0001': 'early',
      '0002': 'early',
      '0003': 'early',
      '0004': 'early',
      '0005': 'early',
      '0006': 'late',
      '0007': 'early',
    });
    expect(byId['0006']!.due).toBe(Date.parse('2026-03-04T17:00:00+07:00'));
    expect(byId['0006']!.lateSteps.map((s) => [s.step, s.line, s.lateMinutes])).toEqual([['review', 31, 420]]);
    expect(
      result.dossiers.filter((d) => d.dossierId !== 'H56.14-260302-0006').every((d) => d.lateSteps.length === 0),
    ).toBe(true);
    expect(byId['0004']!.channel).toBe('online');
  });

  it('summarises the log', () => {
    expect(result.summary).toMatchObject({ traces: 7, events: 36, fittingTraces: 3, lateSteps: 1 });
    expect(result.summary.percFitTraces).toBeCloseTo((100 * 3) / 7, 12);
    expect(result.summary.logFitness).toBeLessThan(1);
  });
});
