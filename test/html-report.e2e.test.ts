/**
 * The HTML reports end to end — the commune reconcile report (`tthc report --html`), the ward
 * simulation report and the replay report of the example log: each is written to a file, checked for
 * external references, and — when Chromium is installed — rendered headless to a PNG screenshot while
 * Chromium's network log records every request, which must all be the file itself.
 * A control page with one external image proves the network check can fail.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vietnamCalendar } from '@tthc/calendar';
import { parseProcedure, parseProcess } from '@tthc/core';
import { readEventLog, renderReplayHtml, renderSimulationHtml, replay, simulate } from '@tthc/sim';
import { type BulkDocument, planAll, reportHtml } from '@tthc/sync';
import { describe, expect, it } from 'vitest';
import { findChromium, PNG_SIGNATURE, renderInChromium } from './chromium.test-util.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const text = (path: string): string => readFileSync(join(root, path), 'utf8');
const load = (path: string): unknown => JSON.parse(text(path));
const dir = 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh';
const procedure = parseProcedure(load(`${dir}/procedure.json`));
const process_ = parseProcess(load(`${dir}/process.json`));
const calendar = vietnamCalendar();

function documents(folder: string): BulkDocument[] {
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ raw: load(`${folder}/${f}`), source: `${folder}/${f}` }));
}

const commune = 'examples/commune';
const reports: Record<string, string> = {
  'commune reconcile report': reportHtml(
    planAll({
      catalogue: documents(`${commune}/catalogue`),
      eiso: documents(`${commune}/eiso`),
      portal: documents(`${commune}/portal`),
      base: { catalogue: documents(`${commune}/base/catalogue`) },
    }),
  ),
  'ward simulation report': renderSimulationHtml(
    simulate(procedure, process_, calendar, load('examples/simulation/ward-scenario.json'), { seed: 1 }),
  ),
  'replay report': renderReplayHtml(
    replay(
      procedure,
      process_,
      calendar,
      readEventLog(text('examples/logs/ho-kinh-doanh-progress.csv'), { format: 'csv' }),
    ),
  ),
};

const work = mkdtempSync(join(tmpdir(), 'tthc-html-report-'));
const files = Object.fromEntries(
  Object.entries(reports).map(([name, html], i) => {
    const file = join(work, `report-${i}.html`);
    writeFileSync(file, html, 'utf8');
    return [name, file];
  }),
);
const chromium = findChromium();

describe.each(Object.keys(reports))('%s (HTML)', (name) => {
  const html = reports[name]!;

  it('references nothing outside the file', () => {
    const refs = [...html.matchAll(/\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)].map(
      (m) => m[1],
    );
    expect(refs.filter((r) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(r ?? ''))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|<script|<link|<iframe|<img/i);
    expect(html).not.toMatch(/\b(?:https?|ftp|wss?):\/\//i);
    expect(html).toMatch(/<meta charset="utf-8">/i);
  });

  it.skipIf(chromium === null)('renders in headless Chromium to a non-trivial PNG, requesting nothing', () => {
    const shot = renderInChromium(chromium!, files[name]!);
    expect(shot.png, `chromium exited ${shot.status}: ${shot.stderr}`).not.toBeNull();
    expect(shot.png!.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // A blank 1280×2000 page compresses to a few KB; tables, charts and text make it much larger.
    expect(shot.png!.length).toBeGreaterThan(20_000);
    expect(shot.requests).toEqual([]);
  });
});

describe.skipIf(chromium === null)('the network check', () => {
  it('sees a page that loads an external image', () => {
    const file = join(work, 'control.html');
    writeFileSync(file, '<!doctype html><meta charset="utf-8"><p>x</p><img src="http://report.invalid/logo.png">');
    expect(renderInChromium(chromium!, file, '400,300').requests).toEqual(['http://report.invalid/logo.png']);
  });
});

if (chromium === null) {
  describe('HTML screenshots', () => {
    it('skipped: Chromium not found (install it: apt-get install -y chromium)', () => {
      expect(chromium).toBeNull();
    });
  });
}
