/**
 * A large process pair for the abuse suite (issue 12: 10k-step processes validate, diff and plan):
 * a linear chain of `n` steps, and a second version where one step in 50 is renamed under a new key
 * (matched by name), one in 70 is moved and one in 90 has a new performer.
 */
import type { Process, Step } from '@tthc/core';

const UNITS = ['Bộ phận tiếp nhận và trả kết quả', 'Phòng Văn hóa - Xã hội', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND'];
const VERBS = ['Tiếp nhận', 'Thẩm định', 'Xác minh', 'Trình ký', 'Phê duyệt', 'Chuyển', 'Kiểm tra', 'Lập'];
const OBJECTS = ['hồ sơ', 'tờ trình', 'biên bản', 'quyết định', 'giấy phép', 'kết quả', 'phiếu', 'văn bản'];

function name(i: number): string {
  // Distinct names built from a small vocabulary, so many names share tokens (as real tables do).
  return `${VERBS[i % VERBS.length]} ${OBJECTS[Math.floor(i / VERBS.length) % OBJECTS.length]} bước ${i}`;
}

function chain(steps: Omit<Step, 'outcomes'>[]): Step[] {
  return steps.map((s, i) => ({
    ...s,
    outcomes: i === steps.length - 1 ? [] : [{ name: 'done', next: steps[i + 1]!.key }],
  })) as Step[];
}

/** The two versions of an `n`-step process: `a` as written, `b` edited. */
export function bigProcessPair(n: number): { a: Process; b: Process } {
  const base = Array.from({ length: n }, (_, i) => ({
    key: `B${i + 1}`,
    name: name(i + 1),
    kind: i === 0 ? 'receive' : i === n - 1 ? 'return' : 'review',
    performer: { unit: UNITS[i % UNITS.length]!, role: 'Công chức' },
    budget: { amount: 4, unit: 'workingHour' },
    forms: [],
    outputs: [],
  })) as unknown as Omit<Step, 'outcomes'>[];
  const edited = base.map((s, i) => {
    if (i % 50 === 25) return { ...s, key: `N${i + 1}`, name: `${s.name} (sửa đổi)` };
    if (i % 90 === 45) return { ...s, performer: { unit: 'Phòng Tài chính - Kế hoạch', role: 'Chuyên viên' } };
    return s;
  });
  // Moves: one step in 70 swaps place with the step 3 further on.
  for (let i = 10; i + 3 < n; i += 70) [edited[i], edited[i + 3]] = [edited[i + 3]!, edited[i]!];
  const process = (steps: Omit<Step, 'outcomes'>[]): Process =>
    ({
      procedureCode: '1.000001.000.00.00.H12',
      name: 'Quy trình lớn',
      agency: { code: 'H12.01.01', name: 'UBND phường An Bình' },
      version: '01',
      effectiveFrom: '2025-07-07',
      countingRule: 'working-time',
      supplementation: { policy: 'restart', requestWithin: { amount: 3, unit: 'workingDay' } },
      steps: chain(steps),
      forms: [],
    }) as unknown as Process;
  return { a: process(base), b: process(edited) };
}
