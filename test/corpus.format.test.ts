// Shape check of the real step-table corpus (test/corpus/README.md): every entry has its published
// document, its source and what a person read in it, in the documented shape. This does NOT run the
// reader — the reader's own corpus test compares its output with expected.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('./corpus/tables/', import.meta.url));
const slugs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const UNITS = new Set(['workingMinute', 'workingHour', 'workingDay', 'calendarDay', 'sameDay']);
const FORMATS: Record<string, string> = {
  'tvpl-linear': 'document.md',
  'md-pipe': 'document.md',
  html: 'document.html',
  'html-word': 'document.html',
  'text-pipe': 'document.txt',
  'text-lines': 'document.txt',
  'text-flat': 'document.txt',
};
const DOCS = ['document.md', 'document.html', 'document.txt'];

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Problems in a duration object `{ text, amount, unit }`, named by `path`. */
function durationProblems(v: unknown, path: string): string[] {
  if (!isObj(v)) return [`${path}: not an object`];
  const out: string[] = [];
  if (!isStr(v.text)) out.push(`${path}.text: empty`);
  if (typeof v.amount !== 'number' || !(v.amount > 0)) out.push(`${path}.amount: ${String(v.amount)}`);
  if (!UNITS.has(String(v.unit))) out.push(`${path}.unit: ${String(v.unit)}`);
  return out;
}

/** Every string in a JSON value that is not in NFC, with its path. */
function nonNfc(v: unknown, path: string): string[] {
  if (typeof v === 'string') return v.normalize('NFC') === v ? [] : [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonNfc(x, `${path}[${i}]`));
  if (isObj(v)) return Object.entries(v).flatMap(([k, x]) => nonNfc(x, `${path}.${k}`));
  return [];
}

function expectedProblems(e: unknown): string[] {
  if (!isObj(e) || !Array.isArray(e.tables) || e.tables.length === 0) return ['tables: missing or empty'];
  const out: string[] = [];
  if (!isStr(e.readBy)) out.push('readBy: empty');
  if (!isStr(e.checked)) out.push('checked: empty');
  for (const [ti, t] of (e.tables as unknown[]).entries()) {
    const p = `tables[${ti}]`;
    if (!isObj(t)) {
      out.push(`${p}: not an object`);
      continue;
    }
    if (t.index !== ti) out.push(`${p}.index: ${String(t.index)}`);
    if (!isObj(t.procedure) || !isStr(t.procedure.name)) out.push(`${p}.procedure.name: empty`);
    else if (t.procedure.code !== null && !/^\d\.\d{6}/.test(String(t.procedure.code)))
      out.push(`${p}.procedure.code: ${String(t.procedure.code)}`);
    if (t.declaredTotal !== null) out.push(...durationProblems(t.declaredTotal, `${p}.declaredTotal`));
    if (!Array.isArray(t.steps) || t.steps.length === 0) {
      out.push(`${p}.steps: none`);
      continue;
    }
    const steps = t.steps as unknown[];
    if (t.sections !== undefined) {
      if (!Array.isArray(t.sections) || t.sections.length === 0) out.push(`${p}.sections: empty`);
      else
        for (const [si, s] of (t.sections as unknown[]).entries()) {
          if (!isObj(s) || !isStr(s.title)) {
            out.push(`${p}.sections[${si}].title: empty`);
            continue;
          }
          const f = s.firstStep;
          if (typeof f !== 'number' || !Number.isInteger(f) || f < 1 || f > steps.length)
            out.push(`${p}.sections[${si}].firstStep: ${String(f)}`);
          if (s.declaredTotal != null)
            out.push(...durationProblems(s.declaredTotal, `${p}.sections[${si}].declaredTotal`));
        }
    }
    const numbers = new Set(steps.map((s) => (isObj(s) ? s.number : undefined)));
    for (const [si, s] of steps.entries()) {
      const q = `${p}.steps[${si}]`;
      if (!isObj(s)) {
        out.push(`${q}: not an object`);
        continue;
      }
      if (!isStr(s.number)) out.push(`${q}.number: empty`);
      if (!isStr(s.name)) out.push(`${q}.name: empty`);
      if (!Array.isArray(s.performers) || !s.performers.every(isStr)) out.push(`${q}.performers: not a list of names`);
      if (s.time !== null) out.push(...durationProblems(s.time, `${q}.time`));
      if (s.sharedTimeWith !== undefined) {
        if (!Array.isArray(s.sharedTimeWith) || s.sharedTimeWith.length === 0) out.push(`${q}.sharedTimeWith: empty`);
        else
          for (const n of s.sharedTimeWith)
            if (!numbers.has(n)) out.push(`${q}.sharedTimeWith: unknown step ${String(n)}`);
      }
    }
  }
  return out;
}

/** Text as compared: emphasis markers and `<br>` removed, whitespace collapsed. */
const squash = (t: string) =>
  t
    .replace(/\*/g, '')
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Every text expected.json quotes (procedure name and code, totals, section titles, step names,
 * performers, time texts) must occur in the published document — a check of the transcription,
 * not of any reader.
 */
function quotesMissing(doc: string, e: Json): string[] {
  const text = squash(doc);
  const out: string[] = [];
  const need = (path: string, v: unknown) => {
    if (typeof v === 'string' && !text.includes(squash(v)))
      out.push(`${path}: "${v.slice(0, 60)}" not in the document`);
  };
  for (const [ti, t] of (e.tables as Json[]).entries()) {
    const p = `tables[${ti}]`;
    const proc = t.procedure as Json;
    need(`${p}.procedure.name`, proc.name);
    need(`${p}.procedure.code`, proc.code);
    if (isObj(t.declaredTotal)) need(`${p}.declaredTotal.text`, t.declaredTotal.text);
    for (const [si, s] of ((t.sections as Json[] | undefined) ?? []).entries())
      need(`${p}.sections[${si}].title`, s.title);
    for (const [si, s] of (t.steps as Json[]).entries()) {
      const q = `${p}.steps[${si}]`;
      need(`${q}.name`, s.name);
      if (isObj(s.time)) need(`${q}.time.text`, s.time.text);
      need(`${q}.timeText`, s.timeText);
      for (const [pi, who] of (s.performers as unknown[]).entries()) need(`${q}.performers[${pi}]`, who);
    }
  }
  return out;
}

describe('test/corpus: every entry is complete and well-formed', () => {
  it('has entries', () => expect(slugs.length).toBeGreaterThan(0));

  it.each(slugs)('%s', (slug) => {
    const dir = join(root, slug);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const docs = DOCS.filter((f) => existsSync(join(dir, f)));
    expect(docs, 'exactly one published document.*').toHaveLength(1);
    const doc = readFileSync(join(dir, docs[0]!), 'utf8');
    expect(doc.length).toBeGreaterThan(0);
    expect(doc.normalize('NFC') === doc, 'document is NFC').toBe(true);

    const source = JSON.parse(readFileSync(join(dir, 'source.json'), 'utf8')) as unknown;
    expect(isObj(source)).toBe(true);
    const s = source as Json;
    expect(s.url !== null || s.repository !== null, 'url or repository').toBe(true);
    if (isObj(s.repository)) {
      expect(s.repository.repo).toMatch(/^[^/\s]+\/[^/\s]+$/);
      expect(isStr(s.repository.path)).toBe(true);
      expect(String(s.repository.commit)).toMatch(/^[0-9a-f]{40}$/);
    }
    for (const k of ['title', 'province', 'agency', 'found', 'notes']) expect(isStr(s[k]), k).toBe(true);
    expect(typeof s.excerpt).toBe('boolean');
    expect(FORMATS[String(s.format)], `format ${String(s.format)}`).toBe(docs[0]);
    if (s.decision !== null) {
      expect(isObj(s.decision)).toBe(true);
      const d = s.decision as Json;
      expect(isStr(d.number)).toBe(true);
      expect(String(d.date)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }

    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as unknown;
    expect(expectedProblems(expected)).toEqual([]);
    expect(quotesMissing(doc, expected as Json)).toEqual([]);
    expect([...nonNfc(source, 'source'), ...nonNfc(expected, 'expected')]).toEqual([]);
  });
});
