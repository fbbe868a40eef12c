/**
 * The simulation HTML report of the example ward, end to end: written to a file, checked for external
 * URLs, and — when Chromium is installed — rendered headless to a PNG screenshot, with networking
 * features off so a stray reference could not be fetched anyway.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vietnamCalendar } from '@tthc/calendar';
import { parseProcedure, parseProcess } from '@tthc/core';
import { simulate } from '@tthc/sim';
import { describe, expect, it } from 'vitest';
import { renderSimulationHtml } from '@tthc/sim';

const root = fileURLToPath(new URL('../', import.meta.url));
const load = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));
const dir = 'examples/procedures/dang-ky-thanh-lap-ho-kinh-doanh';

const result = simulate(
  parseProcedure(load(`${dir}/procedure.json`)),
  parseProcess(load(`${dir}/process.json`)),
  vietnamCalendar(),
  load('examples/simulation/ward-scenario.json'),
  { seed: 1 },
);
const work = mkdtempSync(join(tmpdir(), 'tthc-html-report-'));
const reportFile = join(work, 'ward-report.html');
const html = renderSimulationHtml(result);
writeFileSync(reportFile, html, 'utf8');

/** `/usr/bin/chromium`, else `chromium` (or `chromium-browser`) on PATH, else null. */
function findChromium(): string | null {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dirOnPath of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dirOnPath, name);
      if (dirOnPath && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

const chromium = findChromium();
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('ward simulation report (HTML)', () => {
  it('references nothing outside the file', () => {
    const refs = [...html.matchAll(/\b(?:src|href|srcset|action|poster|data)\s*=\s*["']?([^"'\s>]+)/gi)].map(
      (m) => m[1],
    );
    expect(refs.filter((r) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(r ?? ''))).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|<script|<link|<iframe|<img/i);
    expect(html).not.toMatch(/\b(?:https?|ftp|wss?):\/\//i);
    expect(html).toContain('<meta charset="utf-8">');
  });

  it.skipIf(chromium === null)('renders in headless Chromium to a non-trivial PNG', () => {
    const shot = join(work, 'shot.png');
    const run = spawnSync(
      chromium!,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(work, 'profile')}`,
        `--screenshot=${shot}`,
        '--window-size=1280,2000',
        pathToFileURL(reportFile).href,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(existsSync(shot), `chromium exited ${run.status}: ${run.stderr?.slice(-500)}`).toBe(true);
    const png = readFileSync(shot);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // A blank 1280×2000 page compresses to a few KB; charts and text make it much larger.
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  });

  if (chromium === null) {
    it('screenshot skipped: Chromium not found (install it: apt-get install -y chromium)', () => {
      expect(chromium).toBeNull();
    });
  }
});
