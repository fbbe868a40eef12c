/**
 * Headless Chromium for the report tests: renders a local HTML file to a PNG screenshot and records
 * Chromium's network log, so a test can check that a page made no request outside its own file.
 * Chromium is optional (Debian's `chromium`, which `.ci/run` installs when it can): without it the
 * callers skip and say so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `/usr/bin/chromium`, else `chromium` (or `chromium-browser`) on PATH, else null. */
export function findChromium(): string | null {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const dirOnPath of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const candidate = join(dirOnPath, name);
      if (dirOnPath && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** What a render produced. */
export interface Rendered {
  /** The screenshot (PNG bytes), or null when Chromium wrote none. */
  readonly png: Buffer | null;
  /** Chromium's exit status and the tail of its stderr, for assertion messages. */
  readonly status: number | null;
  readonly stderr: string;
  /** Every URL in the network log that is not the page itself nor Chromium's own service traffic. */
  readonly requests: readonly string[];
}

/**
 * Hosts Chromium itself calls (time, component updates, account probes) even with background
 * networking disabled; a report never names them, so they are not the page's requests.
 */
const BROWSER_SERVICE_HOSTS =
  /^(?:[a-z0-9-]+\.)*(?:google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com)$/i;

function pageRequests(netLog: string, page: string): string[] {
  const urls = new Set<string>();
  for (const m of netLog.matchAll(/"url":"([^"]+)"/g)) urls.add(m[1]!);
  return [...urls].filter((url) => {
    if (url === page || url.startsWith(`${page}#`)) return false;
    if (/^(?:data|about|chrome|chrome-extension|blob):/i.test(url)) return false;
    try {
      return !BROWSER_SERVICE_HOSTS.test(new URL(url).hostname);
    } catch {
      return true;
    }
  });
}

/**
 * Renders `file` headless (no sandbox, GPU, QUIC or background networking; a fresh profile), writing a
 * screenshot and a network log next to nothing else.
 * @example const { png, requests } = renderInChromium(chromium, '/tmp/report.html');
 */
export function renderInChromium(chromium: string, file: string, size = '1280,2000'): Rendered {
  const work = mkdtempSync(join(tmpdir(), 'tthc-chromium-'));
  const shot = join(work, 'shot.png');
  const netLog = join(work, 'net-log.json');
  const page = pathToFileURL(file).href;
  const run = spawnSync(
    chromium,
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
      `--log-net-log=${netLog}`,
      `--screenshot=${shot}`,
      `--window-size=${size}`,
      page,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return {
    png: existsSync(shot) ? readFileSync(shot) : null,
    status: run.status,
    stderr: (run.stderr ?? '').slice(-500),
    requests: existsSync(netLog) ? pageRequests(readFileSync(netLog, 'utf8'), page) : ['<no network log written>'],
  };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What {@link measureLayout} reads from a rendered page. */
export interface Layout {
  /** The document's scroll width in CSS pixels: wider than the viewport means sideways scrolling. */
  readonly scrollWidth: number;
  /** The smallest rendered text size in CSS pixels (SVG text scaled by its transform to the screen). */
  readonly minFontPx: number;
  /** The element holding that smallest text, for assertion messages. */
  readonly minFontAt: string;
}

/**
 * Renders a copy of `file` at a viewport `width` with a measuring script appended, dumps the DOM and
 * reads what the script wrote into it: the scroll width and the smallest rendered font size.
 * @example measureLayout(chromium, '/tmp/report.html', 390).scrollWidth // ≤ 390 when nothing overflows
 */
export function measureLayout(chromium: string, file: string, width: number): Layout | null {
  const work = mkdtempSync(join(tmpdir(), 'tthc-layout-'));
  const copy = join(work, 'page.html');
  // Headless Chromium will not make a window narrower than 500 px, so the page is rendered in an
  // iframe of the wanted width (same origin through srcdoc); its script reports to the host page.
  const script = `<script>
(() => {
  let min = Infinity, at = '';
  for (const el of document.querySelectorAll('body *')) {
    if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '')) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGElement && el.getScreenCTM) px *= Math.abs(el.getScreenCTM().a) || 1;
    if (px < min) { min = px; at = el.tagName + ' ' + el.textContent.trim().slice(0, 40); }
  }
  const out = parent.document.createElement('pre');
  out.id = 'tthc-layout';
  out.textContent = JSON.stringify({ scrollWidth: document.documentElement.scrollWidth, minFontPx: min, minFontAt: at });
  parent.document.body.appendChild(out);
})();
</script>`;
  const page = readFileSync(file, 'utf8').replace('</body>', `${script}</body>`);
  const srcdoc = page.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  writeFileSync(
    copy,
    `<!DOCTYPE html><html><body style="margin:0"><iframe style="width:${width}px;height:900px;border:0" srcdoc="${srcdoc}"></iframe></body></html>`,
  );
  const run = spawnSync(
    chromium,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--no-first-run',
      '--disable-background-networking',
      `--user-data-dir=${join(work, 'profile')}`,
      `--window-size=${Math.max(width, 500) + 20},900`,
      '--dump-dom',
      pathToFileURL(copy).href,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const m = /<pre id="tthc-layout">([^<]*)<\/pre>/.exec(run.stdout ?? '');
  return m ? (JSON.parse(m[1]!.replaceAll('&quot;', '"').replaceAll('&amp;', '&')) as Layout) : null;
}
