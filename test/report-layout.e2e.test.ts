/**
 * The HTML reports read on a phone and on a desk: rendered in headless Chromium at 390 px (a phone)
 * and 1280 px, nothing may be wider than the screen (no sideways scrolling) and no text smaller than
 * 11 px (chart labels included). Skipped, saying so, when Chromium is not installed.
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
import { findChromium, measureLayout } from './chromium.test-util.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const text = (path: string): string => readFileSync(join(root, path), 'utf8');
const load = (path: string): unknown => JSON.parse(text(path));
const documents = (folder: string): BulkDocument[] =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ raw: load(`${folder}/${f}`), source: `${folder}/${f}` }));

const chromium = findChromium();
if (!chromium) console.warn('report-layout: Chromium not found (apt-get install chromium): layout checks skipped');

const dir = 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh';
const commune = 'examples/commune';

function pages(): Record<string, string> {
  const procedure = parseProcedure(load(`${dir}/procedure.json`));
  const process_ = parseProcess(load(`${dir}/process.json`));
  const calendar = vietnamCalendar();
  const scenario = load('examples/simulation/ward-scenario.json') as Parameters<typeof simulate>[3];
  return {
    sync: reportHtml(
      planAll({
        catalogue: documents(`${commune}/catalogue`),
        eiso: documents(`${commune}/eiso`),
        portal: documents(`${commune}/portal`),
        base: { catalogue: documents(`${commune}/base/catalogue`) },
      }),
      { generatedAt: '2026-12-02 15:40 (+07:00)' },
    ),
    simulation: renderSimulationHtml(simulate(procedure, process_, calendar, scenario, { seed: 1, replications: 3 })),
    replay: renderReplayHtml(
      replay(
        procedure,
        process_,
        calendar,
        readEventLog(text('examples/logs/ho-kinh-doanh-progress.csv'), { format: 'csv' }),
      ),
    ),
  };
}

describe.skipIf(!chromium)('HTML reports at 390 px and 1280 px in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'tthc-report-layout-'));
  const files = Object.entries(pages()).map(([name, html]) => {
    const file = join(work, `${name}.html`);
    writeFileSync(file, html);
    return { name, file };
  });
  for (const { name, file } of files) {
    for (const width of [390, 1280]) {
      it(`${name} report at ${width} px: no sideways scrolling, no text under 11 px`, () => {
        const layout = measureLayout(chromium!, file, width);
        expect(layout, 'the measuring script did not run').not.toBeNull();
        expect(layout!.scrollWidth, `${name} is ${layout!.scrollWidth} px wide at ${width} px`).toBeLessThanOrEqual(
          width,
        );
        expect(layout!.minFontPx, `smallest text: ${layout!.minFontAt}`).toBeGreaterThanOrEqual(11);
      });
    }
  }
});
