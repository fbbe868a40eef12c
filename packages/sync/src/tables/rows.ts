/**
 * The rows of a step table under its header: steps, sub-steps, note rows, section rows, total rows;
 * time groups; the declared total and the check that the step times add up to it.
 */
import { type Duration, type DurationUnit, durationToWorkingMinutes, formatDuration } from '@tthc/calendar';
import { type JsonPath, type ReadContext, readDuration, readNumber, report } from '../native.js';
import { foldVietnamese } from '../normalize.js';
import { stepLabel } from '../steps.js';
import type { GridCell, GridReadOptions, StepTable, StepTableRow, TableSection, TimeGroup } from './grid.js';
import { type HeaderColumns, isHeaderRow, type StepColumn } from './header.js';
import { splitPerformers } from './performers.js';
import { declaredTotal, durationPart, isTotalText, totalLine } from './totals.js';

/** The unit the time column's header names ("Thời gian (giờ)"), when it names exactly one. */
function headerUnit(header: string): DurationUnit | undefined {
  const folded = foldVietnamese(header);
  const units = (
    [
      ['workingDay', /\bngay\b/],
      ['workingHour', /\bgio\b/],
      ['workingMinute', /\bphut\b/],
    ] as const
  ).filter(([, re]) => re.test(folded));
  // "tính mỗi ngày 08 giờ làm việc" names both: no unit is implied.
  return units.length === 1 ? units[0]![0] : undefined;
}

interface NumberUnit {
  readonly unit: DurationUnit;
  readonly named: boolean;
  warned: boolean;
}

/** The first amount with a unit in a sentence ("… hồ sơ trong 10 ngày làm việc, kể từ …"). */
const QUANTITY = /(\d+(?:[.,]\d+)?)\s*(?:\([^)]*\)\s*)?(?:ngày|giờ|phút|ngay|gio|phut)/iu;

function readTime(ctx: ReadContext, text: string, path: JsonPath, numberUnit: NumberUnit): Duration | undefined {
  const whole = text.trim() === '' ? undefined : quietDuration(text);
  if (whole) return whole;
  const folded = foldVietnamese(text);
  // "Vào giờ hành chính các ngày làm việc trong tuần": the reception hours, not a step time.
  if (/gio hanh chinh|khong tinh thoi gian/.test(folded)) return { amount: 0, unit: 'workingMinute', notCounted: true };
  const q = QUANTITY.exec(text);
  const inSentence = q && readNumber(text) === undefined ? quietDuration(text.slice(q.index)) : undefined;
  if (inSentence) return inSentence;
  const n = readNumber(text);
  if (n !== undefined && n >= 0) {
    if (!numberUnit.named && !numberUnit.warned) {
      numberUnit.warned = true;
      report(
        ctx,
        'value.assumedUnit',
        path,
        `a bare number in the time column, read as ${numberUnit.unit} (the default); name the unit in the header ("Thời gian (ngày)", "Thời gian (giờ)") or pass numberUnit (tthc steps --number-unit)`,
        { value: text, severity: 'warning' },
      );
    }
    return { amount: n, unit: numberUnit.unit };
  }
  return readDuration(ctx, text, path, { plainDay: 'workingDay' });
}

/** A total row's first cell: "Tổng …", or "- Thời gian giải quyết TTHC:" (Lào Cai 2026). */
const isTotalRowText = (t: string) =>
  isTotalText(t) || totalLine(t) !== undefined || /^[-\s]*(thoi gian|thoi han) giai quyet/.test(foldVietnamese(t));

/** Words that open a note row rather than a step or a section. */
const NOTE = /^(\(?\*+\)?|ghi chu|luu y|chu y|chu thich|ghi nhan)/;

/** Words that make a full-width row a section: an agency, a level, a stage. */
const SECTION =
  /(^|\s)(tai|cap|ubnd|uy ban|so|phong|trung tam|bo phan|chi nhanh|chi cuc|van phong|quy trinh|giai doan|phan|buoc thuc hien)(\s|$)|^([ivxlc]+|[a-dđ])[.)]\s/;

/** "Bước 1: Tiếp nhận hồ sơ" in one cell: the step number, and the content after it. */
function splitLabel(text: string): { key: string; rest: string } | undefined {
  const whole = stepLabel(text);
  if (whole) return { key: whole.key, rest: '' };
  const m = /^\s*(?:bước|buoc|b)\s*(\d+(?:\.\d+)*[a-z]?)\s*[:.\-–)]\s*([\s\S]*)$/iu.exec(text);
  if (!m) return undefined;
  const label = stepLabel(m[1]!);
  return label ? { key: label.key, rest: m[2]!.trim() } : undefined;
}

/** "Quy trình nội bộ tại UBND thành phố Vinh" → "UBND thành phố Vinh". */
function sectionAgency(title: string): string | undefined {
  const folded = foldVietnamese(title);
  const at = folded.lastIndexOf(' tai ');
  if (at < 0) return undefined;
  // Folding keeps the length of NFC Vietnamese text (one letter for one letter).
  const agency = title
    .slice(at + 5)
    .replace(/\s*[(:].*$/su, '')
    .trim();
  return agency === '' ? undefined : agency;
}

interface Part {
  readonly r: number;
  readonly label: string;
  readonly content: string;
  readonly responsibility: string;
  readonly time: string;
  readonly timeAt: JsonPath;
  readonly group: number;
  readonly forms: string;
  readonly section: number | undefined;
  readonly notes: string[];
}

interface Entry {
  readonly key: string;
  readonly labelAt: JsonPath;
  readonly parts: Part[];
}

/** Reads the rows of `grid` below `header` (see {@link readGrid}). */
export function readRows(
  ctx: ReadContext,
  grid: readonly (readonly GridCell[])[],
  header: HeaderColumns,
  options: GridReadOptions,
): Omit<StepTable, 'issues' | 'header'> {
  const { columns } = header;
  const cellAt = (r: number, col: StepColumn): GridCell | undefined => {
    const i = columns[col];
    return i === undefined ? undefined : grid[r]?.[i];
  };
  const text = (r: number, col: StepColumn): string => cellAt(r, col)?.text.trim() ?? '';
  const at = (r: number, col: StepColumn): JsonPath => cellAt(r, col)?.path ?? ['rows', r, col];
  const named = headerUnit(text(header.at, 'time')) ?? options.numberUnit;
  const numberUnit: NumberUnit = { unit: named ?? 'workingDay', named: named !== undefined, warned: false };
  const sameContent = columns.content === undefined || columns.content === columns.label;

  let total: { text: string; at: JsonPath } | undefined;
  const entries: Entry[] = [];
  const sections: { title: string; row: number; budgetText?: string }[] = [];
  /** The previous data row: its cells continue into a row that leaves them empty or merged. */
  let prev: { r: number; responsibility: string; time: string; timeAt: JsonPath; group: number } | undefined;
  let groupCount = 0;
  const origin = (r: number | undefined, col: StepColumn) => (r === undefined ? undefined : cellAt(r, col)?.origin);
  const continues = (r: number, col: StepColumn) =>
    text(r, col) === '' || (prev !== undefined && origin(r, col) === origin(prev.r, col));
  const own = (r: number, col: StepColumn) => !continues(r, col);
  const note = (r: number, body: string) => {
    const last = entries.at(-1)?.parts.at(-1);
    report(
      ctx,
      'table.noteRow',
      at(r, 'content'),
      last
        ? `row ${r + 1} has no step number; read as a note of the step above`
        : `row ${r + 1} has no step number and no step above it; kept as a note of the first step`,
      { value: body, severity: 'warning' },
    );
    if (last) last.notes.push(body);
    else pendingNotes.push(body);
  };
  const pendingNotes: string[] = [];

  for (let r = header.at + 1; r < grid.length; r++) {
    const row = grid[r]!;
    const filled: GridCell[] = [];
    for (let i = 0; i < row.length; i++) {
      const c = row[i]!;
      if (c.text.trim() !== '' && (i === 0 || c.origin !== row[i - 1]!.origin) && !filled.includes(c)) filled.push(c);
    }
    if (filled.length === 0) continue;
    // A repeated header (tables split over pages) or a numbering row "(1) (2) (3)" is not a step.
    if (isHeaderRow(row)) continue;
    if (filled.length >= 3 && filled.every((c) => /^\(?\d+\)?$/.test(c.text.trim()))) continue;
    const label = text(r, 'label');
    // A step number merged over several rows is read once: the rows under it continue it.
    const mergedLabel = label !== '' && prev !== undefined && origin(r, 'label') === origin(prev.r, 'label');
    const parsed = mergedLabel ? undefined : splitLabel(label);
    const content = sameContent ? (parsed?.rest ?? '') : text(r, 'content');
    if (!parsed && (isTotalRowText(label) || (content !== '' && isTotalRowText(content)))) {
      const time = text(r, 'time');
      const sentence = filled.map((c) => c.text).join(' ');
      total = { text: time !== '' && own(r, 'time') ? time : (durationPart(sentence) ?? sentence), at: at(r, 'time') };
      continue;
    }
    // "I | Quy trình giải quyết tại cấp xã (03 ngày làm việc)": a numbered section row.
    const mark = !parsed && /^([IVXLC]+|[A-ZĐ])\.?$/u.test(label) && filled.length === 2;
    const titleCell = mark ? filled[1]! : undefined;
    const blankOrTitle = (col: StepColumn) => text(r, col) === '' || cellAt(r, col)?.origin === titleCell?.origin;
    if (titleCell && blankOrTitle('time') && blankOrTitle('responsibility')) {
      const title = titleCell.text.trim();
      const budgetText = durationPart(title);
      sections.push({ title, row: r, ...(budgetText ? { budgetText } : {}) });
      prev = undefined;
      continue;
    }
    const single = filled.length === 1 ? filled[0]! : undefined;
    const wide = single !== undefined && row.filter((c) => c === single || c.origin === single.origin).length >= 2;
    const inLabel = single !== undefined && single === cellAt(r, 'label') && !sameContent;
    if (single && !parsed && (wide || inLabel)) {
      const body = single.text.trim();
      const folded = foldVietnamese(body);
      const declared = totalLine(body);
      if (declared !== undefined && !SECTION.test(folded.split(':')[0] ?? '')) {
        total = { text: declared, at: single.path ?? ['rows', r] };
      } else if (NOTE.test(folded) || !SECTION.test(folded)) note(r, body);
      else {
        const budgetText = durationPart(body);
        sections.push({ title: body, row: r, ...(budgetText ? { budgetText } : {}) });
        // A section is a new agency's part: nothing continues across it.
        prev = undefined;
      }
      continue;
    }
    const labelContinues = !parsed && (label === '' || mergedLabel);
    const entry = entries.at(-1);
    if (!parsed && !labelContinues) {
      report(ctx, 'step.badKey', at(r, 'label'), `row ${r + 1}: expected a step number such as "1", "B1" or "Bước 1"`, {
        value: label,
      });
      continue;
    }
    if (labelContinues) {
      const isNote =
        NOTE.test(foldVietnamese(content)) || (!own(r, 'responsibility') && !own(r, 'time') && !own(r, 'forms'));
      if (!entry || isNote || prev === undefined) {
        if (content !== '') note(r, content);
        continue;
      }
    }
    const responsibility = continues(r, 'responsibility') && prev ? prev.responsibility : text(r, 'responsibility');
    const timeContinues = continues(r, 'time') && prev !== undefined;
    const time = timeContinues ? prev!.time : text(r, 'time');
    const timeAt = timeContinues ? prev!.timeAt : at(r, 'time');
    const group = timeContinues ? prev!.group : groupCount++;
    const forms = prev !== undefined && origin(r, 'forms') === origin(prev.r, 'forms') ? '' : text(r, 'forms');
    const part: Part = {
      r,
      label: parsed ? label : (entry?.parts[0]?.label ?? ''),
      content,
      responsibility,
      time,
      timeAt,
      group,
      forms,
      section: sections.length > 0 ? sections.length - 1 : undefined,
      notes: entries.length === 0 ? pendingNotes.splice(0) : [],
    };
    if (parsed) entries.push({ key: parsed.key, labelAt: at(r, 'label'), parts: [part] });
    else entry!.parts.push(part);
    prev = { r, responsibility, time, timeAt, group };
  }

  // Keys: one part → B2; several → B2.1, B2.2… (the same whether the number was merged or left empty).
  const used = new Map<string, number | undefined>();
  /** The next free "-n" suffix per key, so a number printed many times costs linear time, not quadratic. */
  const nextSuffix = new Map<string, number>();
  const keyed: { key: string; part: Part }[] = [];
  /** Sections whose numbering starts again ("Bước 1" at the province after "Bước 1…7" at the commune). */
  const restarted = new Set<number>();
  for (const entry of entries) {
    const section = entry.parts[0]!.section;
    const prefixed = `S${(section ?? 0) + 1}.${entry.key}`;
    let base = section !== undefined && restarted.has(section) ? prefixed : entry.key;
    if (used.has(base) && used.get(base) !== section && section !== undefined) {
      restarted.add(section);
      base = prefixed;
    }
    if (used.has(base)) {
      // A number printed twice (a typo in the decision) is still a step: it keeps a key of its own.
      let n = nextSuffix.get(base) ?? 2;
      while (used.has(`${base}-${n}`)) n++;
      nextSuffix.set(base, n + 1);
      report(
        ctx,
        'step.duplicateKey',
        entry.labelAt,
        `step number ${entry.key} is printed twice; the second is read as ${base}-${n}`,
        {
          value: entry.key,
          severity: 'warning',
        },
      );
      base = `${base}-${n}`;
    }
    used.set(base, section);
    entry.parts.forEach((part, i) => {
      const key = entry.parts.length === 1 ? base : `${base}.${i + 1}`;
      used.set(key, section);
      keyed.push({ key, part });
    });
  }

  // Time groups: parts sharing a time cell share one budget, read once.
  const members = new Map<number, number>();
  for (const { part } of keyed) members.set(part.group, (members.get(part.group) ?? 0) + 1);
  const groups: TimeGroup[] = [];
  const groupIndex = new Map<number, number>();
  const rows: StepTableRow[] = [];
  const abbreviations = options.abbreviations ?? {};
  for (const { key, part } of keyed) {
    const base = {
      key,
      label: part.label,
      content: part.content,
      responsibility: part.responsibility,
      performers: splitPerformers(part.responsibility, abbreviations),
      time: part.time,
      forms: part.forms,
      row: part.r,
      ...(part.section === undefined ? {} : { section: part.section }),
      ...(part.notes.length > 0 ? { notes: part.notes } : {}),
    };
    if ((members.get(part.group) ?? 0) > 1) {
      let g = groupIndex.get(part.group);
      if (g === undefined) {
        const budget = readTime(ctx, part.time, part.timeAt, numberUnit);
        if (!budget) continue;
        g = groups.length;
        groupIndex.set(part.group, g);
        groups.push({ keys: [], budget, text: part.time });
      }
      (groups[g]!.keys as string[]).push(key);
      rows.push({ ...base, group: g });
    } else {
      const budget = readTime(ctx, part.time, part.timeAt, numberUnit);
      if (budget) rows.push({ ...base, budget });
    }
  }

  const sectionList: TableSection[] = sections.map((s, i) => {
    const budget = s.budgetText === undefined ? undefined : quietDuration(s.budgetText);
    const agency = sectionAgency(s.title);
    return {
      title: s.title,
      ...(agency ? { agency } : {}),
      keys: rows.filter((r) => r.section === i).map((r) => r.key),
      ...(budget ? { budget } : {}),
      row: s.row,
    };
  });

  const aroundText = declaredTotal(
    [...(options.surroundingText === undefined ? [] : [options.surroundingText]), ...(options.textBefore ?? [])],
    options.textAfter ?? [],
  );
  // "Thời gian (05 ngày làm việc)", "Thời gian: 03 ngày": the total printed in the time column's header.
  const headerTime = text(header.at, 'time');
  // Only a duration right after the colon or the bracket: "(tính mỗi ngày 08 giờ làm việc)" says the unit.
  const inHeader = /^[^:：(\d]{1,40}[:：(]\s*\d/u.test(headerTime.replace(/\s+/g, ' '))
    ? durationPart(headerTime.replace(/^[^(]*\(/u, ':'))
    : undefined;
  const headerTotal =
    inHeader !== undefined && quietDuration(inHeader) ? { text: inHeader, at: at(header.at, 'time') } : undefined;
  const found =
    total ?? headerTotal ?? (aroundText === undefined ? undefined : { text: aroundText, at: ['text'] as JsonPath });
  const totalLimit = found && readTime(ctx, found.text, found.at, numberUnit);
  if (totalLimit) checkTotal(ctx, rows, groups, totalLimit, found!.at);
  return {
    rows,
    groups,
    ...(sectionList.length > 0 ? { sections: sectionList } : {}),
    ...(totalLimit ? { totalLimit } : {}),
    ...(found ? { totalText: found.text } : {}),
  };
}

/** A duration read without reporting (a section title may or may not state one). */
function quietDuration(text: string): Duration | undefined {
  const ctx = { system: 'table' as const, issues: [], provenance: new Map() };
  return readDuration(ctx, text, [], { plainDay: 'workingDay' });
}

function minutes(d: Duration): number | null {
  if (d.unit === 'sameDay') return 0;
  return durationToWorkingMinutes(d);
}

/** "8 giờ", "2,5 ngày": a number of working minutes as the document would write it. */
function showMinutes(m: number): string {
  if (m % 480 === 0) return formatDuration({ amount: m / 480, unit: 'workingDay' });
  if (m % 60 === 0) return formatDuration({ amount: m / 60, unit: 'workingHour' });
  return formatDuration({ amount: m, unit: 'workingMinute' });
}

/**
 * The step times (a group budget once) must add up to the declared total; a lost or invented step
 * shows here (issue 10 §12). Calendar days cannot be added to working time: no check then.
 */
function checkTotal(
  ctx: ReadContext,
  rows: readonly StepTableRow[],
  groups: readonly TimeGroup[],
  total: Duration,
  path: JsonPath,
): void {
  const declared = minutes(total);
  if (declared === null || rows.length === 0) return;
  let sum = 0;
  for (const d of [...rows.flatMap((r) => (r.budget ? [r.budget] : [])), ...groups.map((g) => g.budget)]) {
    const m = minutes(d);
    if (m === null) return;
    sum += m;
  }
  if (Math.abs(sum - declared) < 1e-6) return;
  const diff = Math.abs(sum - declared);
  report(
    ctx,
    'table.totalMismatch',
    path,
    `the step times add up to ${showMinutes(sum)} and the declared total is ${formatDuration(total)}: ${showMinutes(diff)} ${sum < declared ? 'less' : 'more'} than declared`,
    { value: formatDuration(total), severity: 'warning' },
  );
}
