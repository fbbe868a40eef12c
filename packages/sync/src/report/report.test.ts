import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffAll, planAll } from '../bulk/run.js';
import type { BulkDocument, BulkResult } from '../bulk/types.js';
import { fixture } from '../match/fixtures.test-util.js';
import { escapeHtml, reportHtml } from './html.js';
import { reportJson } from './json.js';
import { reportMarkdown } from './markdown.js';
import { buildReport, hasChanges, REPORT_KINDS, reportKindOf } from './model.js';
import { CHANGE_CODES } from '../diff/change.js';
import { valueText } from './rows.js';

// biome-ignore lint/suspicious/noExplicitAny: native fixtures are edited freely.
type Doc = Record<string, any>;

const root = new URL('../../../../examples/commune/', import.meta.url);
const list = (dir: string): BulkDocument[] =>
  readdirSync(new URL(`${dir}/`, root))
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ raw: JSON.parse(readFileSync(new URL(`${dir}/${f}`, root), 'utf8')), source: `${dir}/${f}` }));

function commune(): BulkResult {
  return planAll({
    catalogue: list('catalogue'),
    eiso: list('eiso'),
    portal: list('portal'),
    base: { catalogue: list('base/catalogue') },
  });
}

/** The fixture pair with a hostile step name in the e-ISO document. */
function hostile(): BulkResult {
  const iso = fixture('eiso') as Doc;
  iso.NoiDung.QuyTrinhXuLy[1].TrinhTu = '<script>alert("x")</script> & <img src="http://evil.example/x.png">';
  return diffAll({ eiso: [{ raw: iso }], portal: [{ raw: fixture('portal') }] });
}

describe('report model', () => {
  it('gives every change code a kind', () => {
    for (const code of CHANGE_CODES) expect(REPORT_KINDS).toContain(reportKindOf(code));
  });

  it('counts the commune data set as its seeds say', () => {
    const seeded = JSON.parse(readFileSync(new URL('seeded.json', root), 'utf8')) as { agreeing: string[] };
    const s = buildReport(commune()).summary;
    expect(s.procedures).toBe(21);
    // 1.001022 added, 1.004859 removed, 1.004837 renamed; 1.000894 and 2.000575 performers; 1.004884 time;
    // 1.004873 form; 2.000884 over the limit; 1.012812 limit changed; 1.001612 fee; 2.001019, 1.001612, 1.012812 bases.
    expect(s.differ).toEqual({ steps: 3, performers: 2, times: 1, forms: 1, limits: 2, fees: 1, legalBases: 3 });
    expect(s.exceedLimit).toBe(1);
    expect(s.agree).toBe(seeded.agreeing.length);
    expect(s.agree).toBe(10);
    expect(s.unpaired).toBe(0);
    expect(s.problems).toBe(0);
  });

  it('hasChanges is false only when nothing differs', () => {
    const result = diffAll({ catalogue: list('catalogue'), eiso: list('eiso'), portal: list('portal') });
    const agreeing = result.procedures.filter((p) => p.drift.length + p.checks.length + p.announced.length === 0);
    // Without the last synced catalogue, the three catalogue-only seeds do not show: 21 − 8.
    expect(agreeing).toHaveLength(13);
    expect(hasChanges({ ...result, procedures: agreeing })).toBe(false);
    expect(hasChanges(result)).toBe(true);
    expect(
      hasChanges({
        ...result,
        procedures: agreeing,
        unpaired: [{ code: '1.000001', present: ['eiso'], missing: ['portal'], sources: {} }],
      }),
    ).toBe(true);
  });
});

describe('reportJson', () => {
  it('is versioned, stable and parses back to the model', () => {
    const result = commune();
    const text = reportJson(result);
    expect(text).toBe(reportJson(commune()));
    const parsed = JSON.parse(text);
    expect(parsed.reportVersion).toBe(1);
    expect(parsed.procedures.map((p: { code: string }) => p.code)).toEqual(
      [...parsed.procedures.map((p: { code: string }) => p.code)].sort(),
    );
    expect(Object.keys(parsed.procedures[0].changes)).toEqual([...REPORT_KINDS]);
  });
});

describe('reportHtml', () => {
  it('is one self-contained UTF-8 page', () => {
    const html = reportHtml(commune());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(html).toContain('Thống nhất giữa các hệ thống');
    expect(html).toContain('Thủ tục đăng ký khai tử'.normalize('NFC'));
  });

  it('escapes every text: a <script> in a step name stays text', () => {
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
    const html = reportHtml(hostile(), { title: 'A <b>title</b>' });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img');
    expect(html).toContain('<title>A &lt;b&gt;title&lt;/b&gt;</title>');
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  });

  it('prints the summary counts in its table', () => {
    const html = reportHtml(commune());
    const row = (label: string) =>
      new RegExp(`${label}<br><span class="en">[^<]*</span></td><td class="n">(\\d+)<`).exec(html)?.[1];
    expect(row('Thống nhất giữa các hệ thống')).toBe('10');
    expect(row('Khác nhau về các bước')).toBe('3');
    expect(row('Khác nhau về người thực hiện')).toBe('2');
    expect(row('Vượt thời hạn giải quyết theo quy định')).toBe('1');
  });
});

describe('reportMarkdown', () => {
  it('has the summary table and per-procedure sections by kind, with both messages', () => {
    const md = reportMarkdown(commune());
    expect(md).toContain('| Khác nhau về người thực hiện | Differ in performers | 2 |');
    expect(md).toMatch(/## 1\.000894 — .*\n\n### Người thực hiện \/ Performers/);
    expect(md).toContain('## Thống nhất / Agree');
  });

  it('keeps hostile text out of raw HTML and table structure', () => {
    const md = reportMarkdown(hostile());
    expect(md).not.toContain('<script>');
    expect(md).toContain('&lt;script&gt;');
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && l.includes('script'))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(9);
    }
  });
});

describe('valueText', () => {
  it('writes durations, performers, steps and lists as a person reads them', () => {
    expect(valueText({ amount: 0.5, unit: 'workingDay' })).toBe('0,5 ngày làm việc');
    expect(valueText({ amount: 4, unit: 'workingHour', notCounted: true })).toBe('Không tính thời gian');
    expect(valueText({ unit: 'Phòng Tư pháp', role: 'Công chức' })).toBe('Công chức (Phòng Tư pháp)');
    expect(valueText({ unit: 'Bộ phận Một cửa' })).toBe('Bộ phận Một cửa');
    expect(valueText({ key: 'B2', name: 'Thẩm định hồ sơ', kind: 'review' })).toBe('B2. Thẩm định hồ sơ');
    expect(valueText(['Mẫu 01', 'Mẫu 02'])).toBe('Mẫu 01; Mẫu 02');
    expect(valueText([])).toBe('—');
    expect(valueText(undefined)).toBe('—');
  });

  it('falls back to JSON for other objects and never throws', () => {
    expect(valueText({ unit: 'Phòng', role: 'x', extra: 1 })).toBe('{"unit":"Phòng","role":"x","extra":1}');
    expect(valueText({ amount: -1, unit: 'workingDay' })).toBe('{"amount":-1,"unit":"workingDay"}');
    expect(valueText({ amount: 1, unit: 'fortnight' })).toBe('{"amount":1,"unit":"fortnight"}');
    expect(valueText(12n)).toBe('12');
    expect(valueText(3)).toBe('3');
  });
});
