/**
 * Headless Chromium for the report tests: renders a local HTML file to a PNG screenshot and records
 * Chromium's network log, so a test can check that a page made no request outside its own file.
 * Chromium is optional (Debian's `chromium`, which `.ci/run` installs when it can): without it the
 * callers skip and say so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
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
