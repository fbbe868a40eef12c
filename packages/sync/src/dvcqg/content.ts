/**
 * NoiDungXuLy conventions: how a dossier event is written in a progress row's free-text field so that
 * the event can be read back exactly (docs/integration.md §3). The text is a Vietnamese sentence a
 * portal user can read, an optional `Ghi chú:` line, and a last line `[tthc] {json}` holding what the
 * other columns do not carry (the event type and its own fields, the note, the actor id). Rows written
 * by other systems have no tag: they are read by the step name or the sentence alone.
 */
import type { DossierEvent, Process } from '@tthc/core';

/** The marker of the machine-readable last line. */
export const TAG = '[tthc] ';

/** The start of the note line. */
const NOTE = 'Ghi chú: ';

/** What the tag of the receipt row says: the dossier was received (it is not a runtime event). */
export type ReceiptMarker = { readonly type: 'receipt' };

/** Reads the amount of a `pay` event in Vietnamese: `150.000 đồng`. */
function vnd(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

/**
 * The readable sentence of an event.
 * @example sentence({ type: 'return-result', at: '2026-02-27T08:00:00+07:00', by: {} }, process) // 'Trả kết quả'
 */
export function sentence(event: DossierEvent | ReceiptMarker, process: Process): string {
  switch (event.type) {
    case 'receipt':
      return 'Tiếp nhận hồ sơ, hẹn trả kết quả (Mẫu 01)';
    case 'complete-step': {
      const step = process.steps.find((s) => s.key === event.step);
      const outcome = step?.outcomes.find((o) => o.name === event.outcome);
      const name = step?.name ?? event.step;
      // The outcome is worth saying only when the step has a choice and it has a name of its own.
      const said = outcome?.label ?? (outcome?.name === 'done' ? undefined : outcome?.name);
      return said !== undefined && step && step.outcomes.length > 1 ? `${name} — ${said}` : name;
    }
    case 'request-supplement':
      return `Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): ${event.reason}`;
    case 'supplement-received':
      return 'Tiếp nhận hồ sơ bổ sung';
    case 'consult':
      return `Chuyển lấy ý kiến, liên thông: ${event.agency}`;
    case 'consult-returned':
      return `Nhận kết quả liên thông: ${event.agency}`;
    case 'reject':
      return `Từ chối giải quyết hồ sơ: ${event.reason}`;
    case 'withdraw':
      return event.reason ? `Công dân rút hồ sơ: ${event.reason}` : 'Công dân rút hồ sơ';
    case 'extend':
      return `Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): ${event.apology}`;
    case 'pay':
      return event.amount === undefined
        ? 'Thực hiện nghĩa vụ tài chính'
        : `Thực hiện nghĩa vụ tài chính: ${vnd(event.amount)}`;
    case 'return-result':
      return 'Trả kết quả';
  }
}

/**
 * NoiDungXuLy of an event: the sentence, the note, and (unless `tag` is false) the `[tthc]` tag (the
 * event without `at` and without the actor's name, role and unit, which have their own columns).
 * @example writeContent({ type: 'supplement-received', at: '…', by: { role: 'Công chức' } }, process)
 * // 'Tiếp nhận hồ sơ bổ sung\n[tthc] {"type":"supplement-received"}'
 */
export function writeContent(event: DossierEvent | ReceiptMarker, process: Process, withTag = true): string {
  const lines = [sentence(event, process)];
  if ('note' in event && event.note !== undefined) lines.push(`${NOTE}${event.note}`);
  // No data is smuggled into a real client's free text unless the caller asks for the tag.
  if (!withTag) return lines.join('\n');
  const { at: _at, by, ...rest } = event as DossierEvent;
  const tag: Record<string, unknown> = { ...rest };
  if (by?.id !== undefined) tag.byId = by.id;
  lines.push(`${TAG}${JSON.stringify(tag)}`);
  return lines.join('\n');
}

/** What a NoiDungXuLy says once read. */
export type ReadContent =
  | { readonly kind: 'tagged'; readonly fields: Record<string, unknown> }
  | { readonly kind: 'text'; readonly text: string; readonly note?: string }
  | { readonly kind: 'bad-tag'; readonly message: string };

/**
 * Splits a NoiDungXuLy into its tag (when the last line is one) or its plain text.
 * @example readContent('Trả kết quả\n[tthc] {"type":"return-result"}') // { kind: 'tagged', fields: { type: 'return-result' } }
 */
export function readContent(text: string): ReadContent {
  const lines = text.normalize('NFC').split(/\r?\n/);
  const last = lines.at(-1) ?? '';
  if (!last.startsWith(TAG)) {
    const at = lines.findIndex((l) => l.startsWith(NOTE));
    const body = (at < 0 ? lines : lines.slice(0, at)).join(' ').replace(/\s+/g, ' ').trim();
    if (at < 0) return { kind: 'text', text: body };
    return { kind: 'text', text: body, note: [lines[at]!.slice(NOTE.length), ...lines.slice(at + 1)].join('\n') };
  }
  try {
    const fields: unknown = JSON.parse(last.slice(TAG.length));
    if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
      return { kind: 'bad-tag', message: 'the [tthc] tag is not a JSON object' };
    }
    return { kind: 'tagged', fields: fields as Record<string, unknown> };
  } catch {
    return { kind: 'bad-tag', message: 'the [tthc] tag is not valid JSON' };
  }
}

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** Sentences of the convention that carry a free text after ": ". */
const PREFIXES: readonly (readonly [
  string,
  'request-supplement' | 'consult' | 'consult-returned' | 'reject' | 'withdraw' | 'extend',
])[] = [
  ['Yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02): ', 'request-supplement'],
  ['Chuyển lấy ý kiến, liên thông: ', 'consult'],
  ['Nhận kết quả liên thông: ', 'consult-returned'],
  ['Từ chối giải quyết hồ sơ: ', 'reject'],
  ['Công dân rút hồ sơ: ', 'withdraw'],
  ['Xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): ', 'extend'],
];

const FIELD_OF = {
  'request-supplement': 'reason',
  consult: 'agency',
  'consult-returned': 'agency',
  reject: 'reason',
  withdraw: 'reason',
  extend: 'apology',
} as const;

/**
 * The event fields an untagged text gives: a step name of the process (kind `return` → return the
 * result, else complete the step), or one of the convention's sentences. `undefined` when neither.
 * @example eventFieldsOfText('Trả kết quả', process) // { type: 'return-result' }
 */
export function eventFieldsOfText(text: string, process: Process): Record<string, unknown> | undefined {
  const key = fold(text);
  const step = process.steps.find((s) => fold(s.name) === key);
  if (step) return step.kind === 'return' ? { type: 'return-result' } : { type: 'complete-step', step: step.key };
  if (key === fold('Tiếp nhận hồ sơ bổ sung')) return { type: 'supplement-received' };
  if (key === fold('Công dân rút hồ sơ')) return { type: 'withdraw' };
  if (key === fold('Thực hiện nghĩa vụ tài chính')) return { type: 'pay' };
  if (key === fold('Trả kết quả')) return { type: 'return-result' };
  const clean = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (const [prefix, type] of PREFIXES) {
    if (clean.startsWith(prefix) && clean.length > prefix.length) {
      return { type, [FIELD_OF[type]]: clean.slice(prefix.length) };
    }
  }
  return undefined;
}
