/**
 * A loopback HTTP stub of the national portal's sync endpoint on 127.0.0.1: it fails (503) and
 * stalls past the sender's timeout some of the time (after recording the message — the answer is
 * what gets lost), refuses "poison" dossiers with 400, and deduplicates on the Idempotency-Key like
 * a receiver must. The fault pattern comes from a seed, so a run can be repeated.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** mulberry32: a small seeded generator for the stub's faults (test code only). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface StubOptions {
  readonly seed: number;
  /** Share of requests answered 503. */
  readonly failRate: number;
  /** Share of requests recorded, then answered after `stallMs` (past the sender's timeout). */
  readonly stallRate: number;
  readonly stallMs: number;
  /** Dossiers whose every message is refused with 400. */
  readonly poison?: readonly string[];
}

export interface PortalStub {
  readonly url: string;
  /** Keys in the order they were first accepted. */
  readonly accepted: { key: string; dossierId: string; id: number }[];
  /** Requests that repeated an accepted key. */
  duplicates: number;
  requests: number;
  close(): Promise<void>;
}

export async function startPortalStub(options: StubOptions): Promise<PortalStub> {
  const random = seeded(options.seed);
  const seen = new Set<string>();
  const stub: Omit<PortalStub, 'url' | 'close'> = { accepted: [], duplicates: 0, requests: 0 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      stub.requests++;
      const key = String(req.headers['idempotency-key'] ?? '');
      const message = JSON.parse(body) as { id: number; dossierId: string };
      if (options.poison?.includes(message.dossierId)) {
        res.writeHead(400).end(`MaHoSo ${message.dossierId}: không hợp lệ`);
        return;
      }
      if (seen.has(key)) {
        stub.duplicates++;
        res.writeHead(200).end('duplicate');
        return;
      }
      const r = random();
      if (r < options.failRate) {
        res.writeHead(503).end('busy');
        return;
      }
      seen.add(key);
      stub.accepted.push({ key, dossierId: message.dossierId, id: message.id });
      if (r < options.failRate + options.stallRate) {
        setTimeout(() => res.writeHead(200).end('late'), options.stallMs);
        return;
      }
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...stub,
    get duplicates() {
      return stub.duplicates;
    },
    get requests() {
      return stub.requests;
    },
    url: `http://127.0.0.1:${port}/dvcqg`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  } as PortalStub;
}

/** A virtual clock: `sleep` advances it at once, so hours of backoff take no time. */
export function virtualClock(start: number): { clock: () => number; sleep: (ms: number) => Promise<void> } {
  let now = start;
  return {
    clock: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
}
