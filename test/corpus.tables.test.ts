// Issue 10 "Done when": the real corpus under test/corpus/tables (gathered and read by a person, see
// test/corpus/README.md) is read through every form present — the published text and the generated
// DOCX and XLSX — and compared with expected.json: step count, per-step times, performers, total.
// The test prints "corpus: N/M tables read exactly" per form; it fails when a form drops below the
// bar of issue 10 (95 %), or when the forms of one table disagree on steps and keys.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type DecisionTable, readDecision, type StepTable } from '@tthc/sync';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('./corpus/tables/', import.meta.url));
const all = existsSync(root) ? readdirSync(root).filter((s) => existsSync(`${root}${s}/expected.json`)) : [];
/**
 * Text extractions of Word files that kept no cell boundaries at all: `text-flat` (cells run together;
 * `text-lines`, one cell per line, is read). The reader has no grid for them yet (issue 10 stays open);
 * they are read and printed, and counted apart from the 95 % bar, which holds for every form it reads.
 */
const UNREAD_FORMATS = new Set(['text-flat']);
const formatOf = (slug: string) =>
  (JSON.parse(readFileSync(`${root}${slug}/source.json`, 'utf8')) as { format?: string }).format;
const unread = all.filter((s) => UNREAD_FORMATS.has(formatOf(s) ?? ''));
const slugs = all.filter((s) => !unread.includes(s));

interface ExpectedTime {
  readonly text: string;
  readonly amount: number;
  readonly unit: string;
}
interface ExpectedStep {
  readonly number: string;
  readonly name: string;
  readonly performers: readonly string[];
  readonly time: ExpectedTime | null;
}
interface ExpectedTable {
  readonly index: number;
  readonly procedure: { readonly name: string; readonly code: string | null };
  readonly declaredTotal: ExpectedTime | null;
  readonly steps: readonly ExpectedStep[];
  readonly sections?: readonly {
    readonly title: string;
    readonly firstStep: number;
    readonly declaredTotal: ExpectedTime | null;
  }[];
}

/**
 * Text as compared: whitespace runs as one space, and no Markdown asterisks — the generated DOCX and
 * XLSX keep the published `**`/`*` as printed characters (test/corpus/README.md "Derived forms").
 */
const squash = (s: string) => s.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();

/** The time of a read step as expected.json writes it: null for a shared (not first) or uncounted time. */
function timeOf(table: StepTable, i: number): { amount: number; unit: string } | null {
  const row = table.rows[i]!;
  const group = row.group === undefined ? undefined : table.groups[row.group];
  const budget = group ? (group.keys[0] === row.key ? group.budget : undefined) : row.budget;
  if (!budget || budget.notCounted) return null;
  return { amount: budget.unit === 'sameDay' ? 1 : budget.amount, unit: budget.unit };
}

/** The text with each abbreviation the document lists written out (whole words only). */
function expandListed(text: string, abbreviations: Readonly<Record<string, string>>): string {
  let out = text;
  for (const [abbr, full] of Object.entries(abbreviations))
    out = out
      .split(new RegExp(`(?<![\\p{L}\\p{N}&])${abbr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}&])`, 'u'))
      .join(full);
  return out;
}

/** Differences between a read table and what the person read; empty when it is read exactly. */
function differences(
  read: DecisionTable | undefined,
  want: ExpectedTable,
  withText: boolean,
  published: boolean,
  abbreviations: Readonly<Record<string, string>> = {},
): string[] {
  if (!read) return ['table not found'];
  const t = read.table;
  const out: string[] = [];
  const errors = t.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) out.push(`errors: ${errors.map((e) => e.message).join(' / ')}`);
  if (t.rows.length !== want.steps.length) out.push(`steps: ${t.rows.length}, expected ${want.steps.length}`);
  want.steps.forEach((w, i) => {
    const row = t.rows[i];
    if (!row) return;
    if (!squash(row.content).startsWith(squash(w.name)))
      out.push(`${w.number}: name "${squash(row.content).slice(0, 40)}", expected "${w.name.slice(0, 40)}"`);
    const time = timeOf(t, i);
    const wt = w.time === null ? null : { amount: w.time.amount, unit: w.time.unit };
    if (JSON.stringify(time) !== JSON.stringify(wt))
      out.push(`${w.number}: time ${JSON.stringify(time)}, expected ${JSON.stringify(wt)} ("${row.time}")`);
    const performers = row.performers.map(squash);
    // The reader expands the abbreviations the document itself defines ("UBND: Ủy ban nhân dân",
    // issue 10 item 4); the person wrote the cell as printed. Both readings are accepted.
    const printed = w.performers.map(squash);
    const spelled = printed.map((p) => expandListed(p, abbreviations));
    if (
      JSON.stringify(performers) !== JSON.stringify(printed) &&
      JSON.stringify(performers) !== JSON.stringify(spelled)
    )
      out.push(`${w.number}: performers ${JSON.stringify(performers)}, expected ${JSON.stringify(w.performers)}`);
  });
  // Liên thông sections: the title, the first step under it, its own declared time.
  const sections = (t.sections ?? []).map((s) => ({
    title: squash(s.title),
    first: t.rows.findIndex((r) => r.key === s.keys[0]) + 1,
    budget: s.budget ? { amount: s.budget.amount, unit: s.budget.unit } : null,
  }));
  const wantSections = (want.sections ?? []).map((s) => ({
    title: squash(s.title),
    first: s.firstStep,
    budget: s.declaredTotal && { amount: s.declaredTotal.amount, unit: s.declaredTotal.unit },
  }));
  if (JSON.stringify(sections) !== JSON.stringify(wantSections))
    out.push(`sections ${JSON.stringify(sections)}, expected ${JSON.stringify(wantSections)}`);
  const total = t.totalLimit ? { amount: t.totalLimit.amount, unit: t.totalLimit.unit } : null;
  const wantTotal = want.declaredTotal && { amount: want.declaredTotal.amount, unit: want.declaredTotal.unit };
  // A total stated next to the table (not in it) is not in the generated XLSX sheet.
  if ((withText || total) && JSON.stringify(total) !== JSON.stringify(wantTotal))
    out.push(`total ${JSON.stringify(total)}, expected ${JSON.stringify(wantTotal)}`);
  if (withText && (read.procedure.code ?? null) !== want.procedure.code)
    out.push(`code ${read.procedure.code}, expected ${want.procedure.code}`);
  // The name is compared on the published form: the generated DOCX places a heading that the export
  // ran into the last row of the table above it partly inside that table (cao-bang-2022-qd-ubnd-d#1).
  if (published && squash(read.procedure.name ?? '') !== squash(want.procedure.name))
    out.push(`procedure "${read.procedure.name}", expected "${want.procedure.name}"`);
  return out;
}

type Form = 'text' | 'docx' | 'xlsx';

/** The tables of one form of an entry, in document order. */
function readForm(slug: string, form: Form, count: number): (DecisionTable | undefined)[] {
  const dir = `${root}${slug}/`;
  if (form === 'xlsx') {
    const bytes = readFileSync(`${dir}document.xlsx`);
    return Array.from({ length: count }, (_, i) => readDecision(bytes, { format: 'xlsx', sheet: i }).tables[0]);
  }
  if (form === 'docx') return [...readDecision(readFileSync(`${dir}document.docx`)).tables];
  const file = ['document.html', 'document.md', 'document.txt'].find((f) => existsSync(dir + f))!;
  const format = file.endsWith('.html') ? 'html' : file.endsWith('.md') ? 'markdown' : 'text';
  return [...readDecision(readFileSync(dir + file, 'utf8'), { format }).tables];
}

/** The abbreviation list the published document prints ("UBND: Ủy ban nhân dân"). */
function listedAbbreviations(slug: string): Readonly<Record<string, string>> {
  const dir = `${root}${slug}/`;
  const file = ['document.html', 'document.md', 'document.txt'].find((f) => existsSync(dir + f))!;
  const format = file.endsWith('.html') ? 'html' : file.endsWith('.md') ? 'markdown' : 'text';
  return readDecision(readFileSync(dir + file, 'utf8'), { format }).abbreviations;
}

describe.skipIf(slugs.length === 0)('the corpus of real step tables', () => {
  const results: Record<Form, { exact: number; total: number; failures: string[] }> = {
    text: { exact: 0, total: 0, failures: [] },
    docx: { exact: 0, total: 0, failures: [] },
    xlsx: { exact: 0, total: 0, failures: [] },
  };
  const keysByForm = new Map<string, Map<Form, string>>();
  for (const slug of slugs) {
    const expected = JSON.parse(readFileSync(`${root}${slug}/expected.json`, 'utf8')) as { tables: ExpectedTable[] };
    for (const form of ['text', 'docx', 'xlsx'] as const) {
      if (form !== 'text' && !existsSync(`${root}${slug}/document.${form}`)) continue;
      const read = readForm(slug, form, expected.tables.length);
      expected.tables.forEach((want, i) => {
        const diff = differences(read[i], want, form !== 'xlsx', form === 'text', listedAbbreviations(slug));
        results[form].total++;
        if (diff.length === 0) results[form].exact++;
        else results[form].failures.push(`${slug}#${i} (${form}): ${diff.slice(0, 4).join('; ')}`);
        const id = `${slug}#${i}`;
        if (!keysByForm.has(id)) keysByForm.set(id, new Map());
        const t = read[i]?.table;
        keysByForm
          .get(id)!
          .set(
            form,
            JSON.stringify(
              t?.rows.map((r) => [r.key, squash(r.time), r.performers.map(squash), r.group !== undefined]),
            ),
          );
      });
    }
  }

  it('reads the tables exactly (issue 10: at least 95 % per form)', () => {
    for (const [form, r] of Object.entries(results)) {
      if (r.total === 0) continue;
      console.log(`corpus (${form}): ${r.exact}/${r.total} tables read exactly`);
      for (const f of r.failures) console.log(`  ${f}`);
    }
    const all = Object.values(results).reduce((a, r) => ({ exact: a.exact + r.exact, total: a.total + r.total }), {
      exact: 0,
      total: 0,
    });
    console.log(`corpus: ${all.exact}/${all.total} tables read exactly`);
    if (unread.length > 0) {
      const found = unread.filter((slug) => {
        const file = `${root}${slug}/document.txt`;
        return existsSync(file) && readDecision(readFileSync(file, 'utf8'), { format: 'text' }).tables.length > 0;
      });
      console.log(
        `corpus: ${unread.length} more entries in forms without cell boundaries (text-flat), ${found.length} with a table found: ${unread.join(', ')}`,
      );
    }
    for (const r of Object.values(results)) if (r.total > 0) expect(r.exact / r.total).toBeGreaterThanOrEqual(0.95);
  });

  it('gives the same steps, keys, times and performers in every form of a table', () => {
    const differ: string[] = [];
    for (const [id, forms] of keysByForm) {
      const distinct = new Set(forms.values());
      if (distinct.size > 1) differ.push(`${id}: ${[...forms.keys()].join(', ')}`);
    }
    expect(differ).toEqual([]);
  });
});
