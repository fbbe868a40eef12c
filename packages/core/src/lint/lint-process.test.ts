import { createWorkCalendar } from '@tthc/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseProcedure, parseProcess } from '../model/parse.js';
import type { ProcedureInput } from '../model/procedure.js';
import type { ProcessInput } from '../model/process.js';
import { LINT_CODES, LINT_RULES, type LintCode } from './codes.js';
import { isLintClean, lintProcess } from './lint-process.js';

type RawStep = ProcessInput['steps'][number];
type RawProcess = ProcessInput & { steps: RawStep[] };

function procedureInput(): ProcedureInput {
  return {
    code: '1.001612.000.00.00.H56',
    name: 'Đăng ký thành lập hộ kinh doanh',
    field: { name: 'Thành lập và hoạt động của hộ kinh doanh' },
    levels: ['Cấp xã'],
    agencies: [{ name: 'UBND cấp xã' }],
    channels: [
      { channel: 'direct', timeLimit: { amount: 3, unit: 'workingDay' } },
      { channel: 'online', timeLimit: { amount: 3, unit: 'workingDay' } },
    ],
    components: [{ name: 'Giấy đề nghị đăng ký hộ kinh doanh', form: 'Phụ lục III-1' }],
    legalBases: [{ number: '168/2025/NĐ-CP', effectiveFrom: '2025-07-01' }],
  };
}

function processInput(): RawProcess {
  const performer = (unit: string, role: string) => ({ unit, role });
  return {
    procedureCode: '1.001612.000.00.00.H56',
    agency: { name: 'UBND xã A' },
    version: '2025.1',
    effectiveFrom: '2025-07-01',
    totalLimit: { amount: 24, unit: 'workingHour' },
    forms: [{ code: 'Mẫu 01', name: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' }],
    steps: [
      {
        key: 'receive',
        name: 'Tiếp nhận hồ sơ',
        kind: 'receive',
        performer: performer('TTPVHCC xã', 'Công chức tiếp nhận'),
        budget: { amount: 4, unit: 'workingHour' },
        forms: ['Mẫu 01', 'Phụ lục III-1'],
        outcomes: [{ name: 'done', next: 'review' }],
      },
      {
        key: 'review',
        name: 'Thẩm định hồ sơ',
        kind: 'review',
        performer: performer('Phòng Kinh tế', 'Chuyên viên'),
        budget: { amount: 12, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'sign' }],
      },
      {
        key: 'sign',
        name: 'Ký duyệt',
        kind: 'sign',
        performer: performer('UBND xã', 'Lãnh đạo'),
        budget: { amount: 4, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'issue' }],
      },
      {
        key: 'issue',
        name: 'Vào số, phát hành',
        kind: 'issue',
        performer: performer('Văn phòng HĐND và UBND', 'Văn thư'),
        budget: { amount: 4, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'return' }],
      },
      {
        key: 'return',
        name: 'Trả kết quả',
        kind: 'return',
        performer: performer('TTPVHCC xã', 'Công chức tiếp nhận'),
        budget: { amount: 0, unit: 'workingMinute', notCounted: true },
      },
    ],
  };
}

/** Parses both fixtures after letting a test edit their raw JSON. */
function documents(edit: (procedure: ProcedureInput, process: RawProcess) => void = () => {}) {
  const procedure = procedureInput();
  const process = processInput();
  edit(procedure, process);
  return { procedure: parseProcedure(procedure), process: parseProcess(process) };
}

const codes = (issues: readonly { code: LintCode }[]) => issues.map((i) => i.code);
const step = (p: RawProcess, key: string): RawStep => p.steps.find((s) => s.key === key)!;

// Tết 2026: Mon 16 – Fri 20 Feb off (with the weekends, 14–22 Feb); work resumes Mon 23 Feb.
const tet2026 = ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({
  date,
  kind: 'holiday' as const,
  name: 'Tết Nguyên Đán 2026',
}));
const calendar = createWorkCalendar({ validFrom: '2025-01-01', validTo: '2027-12-31', daysOff: tet2026 });

describe('lintProcess on a clean process', () => {
  it('finds nothing when budgets add up to the limit and the graph is sound', () => {
    const { procedure, process } = documents();
    expect(lintProcess(procedure, process)).toEqual([]);
  });

  it('documents every code it can return', () => {
    expect(new Set(LINT_CODES)).toEqual(new Set(Object.keys(LINT_RULES)));
  });
});

describe('budget-exceeds-limit', () => {
  it('sums the budgets along the path and compares in working minutes', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'review').budget = { amount: 2, unit: 'workingDay' }; // 16 h instead of 12 h
    });
    const issues = lintProcess(procedure, process);
    const hit = issues.find((i) => i.code === 'budget-exceeds-limit');
    expect(hit?.severity).toBe('error');
    expect(hit?.details).toMatchObject({
      pathMinutes: 28 * 60,
      limitMinutes: 24 * 60,
      channels: ['direct', 'online'],
      steps: ['receive', 'review', 'sign', 'issue', 'return'],
    });
    // One issue per distinct limit, not one per channel.
    expect(codes(issues).filter((c) => c === 'budget-exceeds-limit')).toHaveLength(1);
  });

  it('takes the LONGEST path, not the first one', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'review').outcomes = [
        { name: 'done', next: 'sign' },
        { name: 'needs-opinion', next: 'consult' },
      ];
      p.steps.push({
        key: 'consult',
        name: 'Lấy ý kiến Thuế cơ sở',
        kind: 'consult',
        performer: { unit: 'Thuế cơ sở', role: 'Công chức thuế' },
        budget: { amount: 8, unit: 'workingHour' },
        outcomes: [{ name: 'done', next: 'sign' }],
      });
    });
    const issues = lintProcess(procedure, process);
    expect(issues.find((i) => i.code === 'budget-exceeds-limit')?.details).toMatchObject({
      pathMinutes: 32 * 60,
      steps: ['receive', 'review', 'consult', 'sign', 'issue', 'return'],
    });
    // The declared total matches the main path (first outcomes), so no total-mismatch.
    expect(codes(issues)).not.toContain('total-mismatch');
  });

  it('does not count send-back loops or not-counted steps', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'sign').outcomes = [
        { name: 'approved', next: 'issue' },
        { name: 'not-approved', next: 'review' },
      ];
      step(p, 'return').budget = { amount: 0, unit: 'workingHour', notCounted: true };
    });
    expect(lintProcess(procedure, process)).toEqual([]);
  });

  it('compares against the channels the process serves only', () => {
    const { procedure, process } = documents((proc, p) => {
      proc.channels = [
        { channel: 'direct', timeLimit: { amount: 3, unit: 'workingDay' } },
        { channel: 'online', timeLimit: { amount: 2, unit: 'workingDay' } },
      ];
      p.channels = ['direct'];
    });
    expect(codes(lintProcess(procedure, process))).not.toContain('budget-exceeds-limit');
    const all = documents((proc) => {
      proc.channels = [
        { channel: 'direct', timeLimit: { amount: 3, unit: 'workingDay' } },
        { channel: 'online', timeLimit: { amount: 2, unit: 'workingDay' } },
      ];
    });
    const hit = lintProcess(all.procedure, all.process).find((i) => i.code === 'budget-exceeds-limit');
    expect(hit?.details).toMatchObject({ channels: ['online'], limitMinutes: 16 * 60 });
  });

  it('skips a same-day limit without a calendar, with an info issue', () => {
    const { procedure, process } = documents((proc, p) => {
      proc.channels = [{ channel: 'direct', timeLimit: { amount: 0, unit: 'sameDay', cutoff: '15:00' } }];
      p.totalLimit = undefined;
    });
    const issues = lintProcess(procedure, process);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'limit-not-comparable',
        severity: 'info',
        path: ['procedure', 'channels', 0, 'timeLimit'],
      }),
    ]);
  });

  it('measures a same-day limit with the calendar: one working day', () => {
    const { procedure, process } = documents((proc, p) => {
      proc.channels = [{ channel: 'direct', timeLimit: { amount: 0, unit: 'sameDay', cutoff: '15:00' } }];
      p.totalLimit = undefined;
    });
    const hit = lintProcess(procedure, process, { calendar }).find((i) => i.code === 'budget-exceeds-limit');
    expect(hit?.details).toMatchObject({ limitMinutes: 480, pathMinutes: 24 * 60 });
  });

  it('measures a calendar-day limit from the reference date, so holidays shorten it', () => {
    const make = (referenceDate: string) => {
      const { procedure, process } = documents((proc, p) => {
        // 7 calendar days ("07 ngày"): 5 working days in an ordinary week.
        proc.channels = [{ channel: 'direct', timeLimit: { amount: 7, unit: 'calendarDay' } }];
        step(p, 'review').budget = { amount: 3, unit: 'workingDay' }; // 36 h in all
        p.totalLimit = undefined;
      });
      return lintProcess(procedure, process, { calendar, referenceDate });
    };
    // From Mon 2026-03-02 08:00: due at the close of Mon 9 March, six working days = 48 h ≥ 36 h.
    expect(codes(make('2026-03-02'))).not.toContain('budget-exceeds-limit');
    const tet = make('2026-02-12');
    // Thu 12 Feb 08:00 + 7 days = Thu 19 (Tết), so the period ends at the close of the next working
    // day, Mon 23 (Civil Code 2015 art. 148(5)): working days 12, 13 and 23 Feb = 24 h < 36 h.
    expect(tet.find((i) => i.code === 'budget-exceeds-limit')?.details).toMatchObject({ limitMinutes: 24 * 60 });
  });
});

describe('total-exceeds-limit and total-mismatch', () => {
  it('flags a declared total above the limit', () => {
    const { procedure, process } = documents((_, p) => {
      p.totalLimit = { amount: 4, unit: 'workingDay' };
    });
    const issues = lintProcess(procedure, process);
    expect(codes(issues)).toEqual(['total-exceeds-limit', 'total-mismatch']);
    expect(issues[1]?.details).toMatchObject({ totalMinutes: 32 * 60, pathMinutes: 24 * 60 });
  });

  it('flags a declared total that is not the sum of the main path', () => {
    const { procedure, process } = documents((_, p) => {
      p.totalLimit = { amount: 2.5, unit: 'workingDay' };
    });
    const issues = lintProcess(procedure, process);
    expect(issues).toEqual([
      expect.objectContaining({ code: 'total-mismatch', severity: 'warning', path: ['totalLimit'] }),
    ]);
    expect(issues[0]?.message).toContain('20 h');
    expect(issues[0]?.message).toContain('24 h');
  });
});

describe('graph rules', () => {
  it('reports a missing outcome target and a missing start', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'sign').outcomes = [{ name: 'done', next: 'isue' }];
      p.start = 'begin';
    });
    const issues = lintProcess(procedure, process).filter((i) => i.code === 'outcome-target-missing');
    expect(issues.map((i) => i.path)).toEqual([['start'], ['steps', 2, 'outcomes', 0, 'next']]);
    expect(issues[1]?.message).toContain('"isue"');
  });

  it('reports unreachable and dead-end steps', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'review').outcomes = [{ name: 'done', next: 'issue' }];
      step(p, 'issue').outcomes = [];
    });
    const issues = lintProcess(procedure, process);
    expect(issues.find((i) => i.code === 'unreachable-step')?.path).toEqual(['steps', 2]);
    expect(issues.find((i) => i.code === 'dead-end-step')?.path).toEqual(['steps', 3, 'outcomes']);
  });

  it('reports a loop with no way out, but not a send-back loop', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'review').outcomes = [{ name: 'done', next: 'sign' }];
      step(p, 'sign').outcomes = [{ name: 'not-approved', next: 'review' }];
    });
    const issues = lintProcess(procedure, process);
    const loop = issues.find((i) => i.code === 'cycle-without-exit');
    expect(loop?.details).toEqual({ steps: ['review', 'sign'] });
    expect(codes(issues)).toContain('unreachable-step');
  });

  it('reports duplicate keys and outcomes, and missing receive/return steps', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'issue').key = 'sign';
      step(p, 'review').outcomes = [
        { name: 'done', next: 'sign' },
        { name: 'done', next: 'return' },
      ];
      step(p, 'receive').kind = 'transfer';
      step(p, 'return').kind = 'other';
    });
    const issues = lintProcess(procedure, process);
    expect(issues.find((i) => i.code === 'duplicate-step-key')?.path).toEqual(['steps', 3, 'key']);
    expect(issues.find((i) => i.code === 'duplicate-outcome')?.path).toEqual(['steps', 1, 'outcomes', 1, 'name']);
    expect(codes(issues)).toEqual(expect.arrayContaining(['no-receive-step', 'no-return-step', 'dead-end-step']));
    // The duplicate is reported as such, not again as unreachable.
    expect(codes(issues)).not.toContain('unreachable-step');
  });
});

describe('performer, form, legal and identity rules', () => {
  it('reports blank performers and performers outside their validity', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'review').performer = { unit: '  ', role: 'Chuyên viên' };
      step(p, 'sign').performer = { unit: 'UBND huyện B', role: 'Lãnh đạo', validTo: '2025-06-30' };
      step(p, 'issue').performer = { unit: 'Văn phòng', role: 'Văn thư', validFrom: '2025-08-01' };
    });
    const issues = lintProcess(procedure, process);
    expect(issues.find((i) => i.code === 'missing-performer')?.path).toEqual(['steps', 1, 'performer', 'unit']);
    const expired = issues.find((i) => i.code === 'performer-expired');
    expect(expired?.message).toContain('UBND huyện B');
    expect(expired?.message).toContain('2025-06-30');
    expect(issues.find((i) => i.code === 'performer-not-yet-valid')?.severity).toBe('warning');
  });

  it('reports a form that is neither declared nor a component form', () => {
    const { procedure, process } = documents((_, p) => {
      step(p, 'review').forms = ['Mẫu 05'];
    });
    const issues = lintProcess(procedure, process);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'form-not-declared',
        path: ['steps', 1, 'forms', 0],
        details: { step: 'review', form: 'Mẫu 05' },
      }),
    ]);
  });

  it('reports legal bases and approving decisions not in force on the effective date', () => {
    const { procedure, process } = documents((proc, p) => {
      proc.legalBases = [
        { number: '01/2021/NĐ-CP', effectiveFrom: '2021-03-04', effectiveTo: '2025-06-30' },
        { number: '168/2025/NĐ-CP', effectiveFrom: '2025-07-01' },
      ];
      p.approvedBy = { number: '999/QĐ-UBND', effectiveFrom: '2025-07-15' };
    });
    const issues = lintProcess(procedure, process).filter((i) => i.code === 'legal-basis-not-in-force');
    expect(issues.map((i) => [i.path, i.severity])).toEqual([
      [['procedure', 'legalBases', 0], 'warning'],
      [['approvedBy'], 'error'],
    ]);
  });

  it('reports a process of another procedure and a channel the procedure does not offer', () => {
    const { procedure, process } = documents((_, p) => {
      p.procedureCode = '1.001193.000.00.00.H56';
      p.channels = ['direct', 'postal'];
    });
    const issues = lintProcess(procedure, process);
    expect(issues.find((i) => i.code === 'procedure-mismatch')?.message).toContain('1.001193');
    expect(issues.find((i) => i.code === 'channel-not-offered')?.path).toEqual(['channels', 1]);
  });

  it('notes a same-day limit without a cut-off', () => {
    const { procedure, process } = documents((proc, p) => {
      proc.channels = [{ channel: 'direct', timeLimit: { amount: 0, unit: 'sameDay' } }];
      p.totalLimit = undefined;
    });
    const issues = lintProcess(procedure, process, { calendar });
    expect(codes(issues)).toContain('same-day-without-cutoff');
    const withCutoff = documents((proc, p) => {
      proc.channels = [{ channel: 'direct', timeLimit: { amount: 0, unit: 'sameDay' } }];
      proc.sameDayCutoff = '15:00';
      p.totalLimit = undefined;
    });
    expect(codes(lintProcess(withCutoff.procedure, withCutoff.process, { calendar }))).not.toContain(
      'same-day-without-cutoff',
    );
  });
});

describe('laws of the budget check', () => {
  const chain = (hours: number[], limitHours: number, sendBack: boolean) => {
    const steps: RawStep[] = hours.map((h, i) => ({
      key: `s${i}`,
      name: `Bước ${i + 1}`,
      kind: i === 0 ? 'receive' : 'review',
      performer: { unit: 'Phòng', role: 'Chuyên viên' },
      budget: { amount: h, unit: 'workingHour' },
      outcomes: [
        { name: 'done', next: i + 1 < hours.length ? `s${i + 1}` : 'ret' },
        ...(sendBack && i > 0 ? [{ name: 'send-back', next: `s${i - 1}` }] : []),
      ],
    }));
    steps.push({
      key: 'ret',
      name: 'Trả kết quả',
      kind: 'return',
      performer: { unit: 'TTPVHCC', role: 'Công chức' },
      budget: { amount: 0, unit: 'workingMinute', notCounted: true },
    });
    const procedure = parseProcedure({
      ...procedureInput(),
      channels: [{ channel: 'direct', timeLimit: { amount: limitHours, unit: 'workingHour' } }],
    });
    const process = parseProcess({ ...processInput(), totalLimit: undefined, forms: [], steps });
    return lintProcess(procedure, process);
  };

  it('a linear process exceeds its limit exactly when the sum of its budgets does; send-backs change nothing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        (hours, limit, sendBack) => {
          const sum = hours.reduce((a, b) => a + b, 0);
          const issues = chain(hours, limit, sendBack);
          expect(codes(issues).includes('budget-exceeds-limit')).toBe(sum > limit);
          expect(isLintClean(issues)).toBe(sum <= limit);
        },
      ),
    );
  });
});

describe('docs/lints.md', () => {
  it('documents every code with its severity', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../../../docs/lints.md', import.meta.url), 'utf8');
    for (const code of LINT_CODES)
      expect(doc, code).toMatch(new RegExp(`\`${code}\`[^\\n]*\\(${LINT_RULES[code].severity}`));
  });
});
