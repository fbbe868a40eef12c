import { vietnamCalendar } from '@tthc/calendar';
import { describe, expect, it } from 'vitest';
import {
  calendar,
  repoFile,
  procedure as replayProcedure,
  process as replayProcess,
} from '../replay/fixtures.test-util.js';
import { readEventLog } from '../replay/read-log.js';
import { replay } from '../replay/replay.js';
import type { ReplayResult } from '../replay/types.js';
import { procedure, process, wardScenario } from '../simulate/fixtures.test-util.js';
import type { SimulationResult } from '../simulate/result.js';
import { simulate } from '../simulate/simulate.js';
import { leadTimeHistogram } from './histogram.js';
import { renderSimulationMarkdown } from './markdown.js';
import { renderReplayHtml } from './replay-html.js';
import { renderSimulationHtml } from './simulation-html.js';

const ward: SimulationResult = simulate(procedure, process, vietnamCalendar(), wardScenario(), { seed: 1 });
const exampleReplay: ReplayResult = replay(
  replayProcedure,
  replayProcess,
  calendar,
  readEventLog(repoFile('examples/logs/ho-kinh-doanh-progress.csv'), { format: 'csv' }),
);

const EVIL = '<script>alert("x")</script> & \'q\'';

/** The markup of the `<svg data-chart="id">` element. */
function chart(html: string, id: string): string {
  const start = html.indexOf(`<svg data-chart="${id}"`);
  expect(start, `chart ${id}`).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</svg>', start));
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** Every URL-bearing attribute or CSS reference of a page. */
function externalReferences(html: string): string[] {
  return [
    ...html.matchAll(/\b(?:src|href|xlink:href|action|srcset)\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')]+)|@import/gi),
  ].map((m) => m[0]);
}

describe('renderSimulationHtml', () => {
  const html = renderSimulationHtml(ward);

  it('is one UTF-8 HTML document with inline CSS and no script or external reference', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe/i);
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/https?:/i);
  });

  it('escapes every text: a <script> in a step, unit or title stays text', () => {
    const evil: SimulationResult = {
      ...ward,
      steps: ward.steps.map((s) => ({ ...s, name: EVIL, step: `${s.step}<b>` })),
      units: ward.units.map((u) => ({ ...u, unit: EVIL })),
      bottlenecks: ward.bottlenecks.map((b) => ({ ...b, unit: EVIL })),
    };
    const page = renderSimulationHtml(evil, { title: EVIL, subtitle: EVIL });
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<b>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
  });

  it('draws one interval per step plus the overall rate, and the headline CI', () => {
    expect(count(chart(html, 'on-time'), 'class="interval"')).toBe(ward.steps.length + 1);
    expect(html).toContain(`95 % CI ${(ward.onTimeRate.low * 100).toFixed(2)} %`);
  });

  it('draws two bars (waiting, processing) per step, one bar per unit for bottlenecks and utilisation', () => {
    expect(count(chart(html, 'waiting-processing'), 'class="bar"')).toBe(2 * ward.steps.length);
    expect(count(chart(html, 'bottlenecks'), 'class="bar"')).toBe(ward.bottlenecks.length);
    expect(count(chart(html, 'utilisation'), 'class="bar"')).toBe(ward.units.length);
    // The bottleneck chart lists units in rank order.
    const first = chart(html, 'bottlenecks').indexOf(ward.bottlenecks[0]!.unit);
    const second = chart(html, 'bottlenecks').indexOf(ward.bottlenecks[1]!.unit);
    expect(first).toBeLessThan(second);
  });

  it('bars are as long as their values: the busiest unit has the longest utilisation bar', () => {
    const widths = [...chart(html, 'utilisation').matchAll(/class="bar" x="[^"]+" y="[^"]+" width="([^"]+)"/g)].map(
      (m) => Number(m[1]),
    );
    const busiest = ward.units.reduce(
      (b, u, i) => ((u.utilisation ?? 0) > (ward.units[b]!.utilisation ?? 0) ? i : b),
      0,
    );
    expect(widths.indexOf(Math.max(...widths))).toBe(busiest);
  });

  it('lead-time histogram: the result’s equal-width bins by default, or the bins given', () => {
    expect(count(chart(html, 'lead-time'), 'class="bar"')).toBe(ward.leadTime.histogram.counts.length);
    const h = leadTimeHistogram([0.1, 0.2, 0.6, 1.4, 2.2], { maxBins: 10 });
    const withBins = renderSimulationHtml(ward, { histogram: h });
    expect(count(chart(withBins, 'lead-time'), 'class="bar"')).toBe(h.counts.length);
  });

  it('renders a run where nothing finished without a histogram', () => {
    const empty: SimulationResult = {
      ...ward,
      leadTime: {
        unit: 'workingDay',
        n: 0,
        mean: null,
        sd: null,
        p50: null,
        p90: null,
        p99: null,
        max: null,
        histogram: leadTimeHistogram([]),
      },
    };
    const page = renderSimulationHtml(empty);
    expect(page).not.toContain('data-chart="lead-time"');
    expect(page).toContain('no dossier finished');
  });
});

describe('renderReplayHtml', () => {
  const html = renderReplayHtml(exampleReplay, { calendar: vietnamCalendar() });

  it('is self-contained and shows the fitness metrics of the example log', () => {
    expect(html).toContain('<meta charset="utf-8">');
    expect(externalReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<script|https?:/i);
    expect(html).toContain('42.86 %');
    expect(html).toContain('0.9190');
    expect(html).toContain('0.9286');
  });

  it('lists every deviation by dossier, step and line, and every problem row by line', () => {
    for (const d of exampleReplay.dossiers) {
      for (const v of d.deviations) expect(html).toContain(`<td>${v.dossierId}</td><td>${v.step ?? '—'}</td>`);
    }
    for (const line of [12, 24, 40]) expect(html).toContain(`dòng (line) ${line}`);
  });

  it('has one fitness bar per dossier and one lateness bar per step; the late review shows in local time', () => {
    expect(count(chart(html, 'fitness'), 'class="bar"')).toBe(exampleReplay.dossiers.length);
    expect(count(chart(html, 'lateness'), 'class="bar"')).toBe(exampleReplay.steps.length);
    expect(html).toContain('2026-03-03T12:00:00+07:00');
    expect(html).toContain('<td class="num">420</td>');
  });

  it('escapes dossier ids and messages from the log', () => {
    const evil: ReplayResult = {
      ...exampleReplay,
      dossiers: exampleReplay.dossiers.map((d) => ({
        ...d,
        dossierId: EVIL,
        deviations: d.deviations.map((v) => ({ ...v, dossierId: EVIL, message: EVIL })),
      })),
      problems: [{ line: 3, message: EVIL }],
    };
    const page = renderReplayHtml(evil);
    expect(page).not.toContain('<script');
    expect(page).toContain('&lt;script&gt;');
  });

  it('caps the fitness chart, lowest fitness first', () => {
    const page = renderReplayHtml(exampleReplay, { maxChartDossiers: 2 });
    const bars = chart(page, 'fitness');
    expect(count(bars, 'class="bar"')).toBe(2);
    const lowest = [...exampleReplay.dossiers].sort((a, b) => a.fitness - b.fitness)[0]!;
    expect(bars).toContain(lowest.dossierId);
  });
});

describe('renderSimulationMarkdown', () => {
  it('has the on-time rate with its CI and one row per step, unit and bottleneck', () => {
    const md = renderSimulationMarkdown(ward);
    expect(md).toContain(`95 % CI ${(ward.onTimeRate.low * 100).toFixed(2)} %`);
    for (const s of ward.steps) expect(md).toContain(`| ${s.step} — ${s.name} |`);
    for (const b of ward.bottlenecks) expect(md).toContain(`| ${b.rank} | ${b.unit} |`);
    for (const u of ward.units) expect(md).toContain(`| ${u.unit} | ${u.staff} | ${u.visits} |`);
  });

  it('escapes pipes and HTML in cells so a name cannot break the table', () => {
    const md = renderSimulationMarkdown({
      ...ward,
      steps: ward.steps.map((s) => ({ ...s, name: 'a | b <script>\nx' })),
    });
    expect(md).toContain('a \\| b &lt;script&gt; x');
    expect(md).not.toContain('<script>');
  });
});
