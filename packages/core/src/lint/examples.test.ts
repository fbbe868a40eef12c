/**
 * The example procedures in examples/procedures are real catalogue facts with modelled commune
 * processes. They must parse, lint without errors (warnings only where the example's README explains
 * them), and their dossiers must replay through the runtime on the Vietnam calendar (Tết 2026).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toEpochMs, vietnamCalendar } from '@tthc/calendar';
import { describe, expect, it } from 'vitest';
import { parseProcedure, parseProcess } from '../model/parse.js';
import { nationalCode } from '../model/procedure.js';
import { applyAll } from '../runtime/apply.js';
import { openDossier } from '../runtime/dossier.js';
import { parseDossierEvents } from '../runtime/events.js';
import { selectProcess } from '../select.js';
import { lintProcess } from './lint-process.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../../examples/procedures');
const read = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(root, dir, file), 'utf8'));
const slugs = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Warnings each example is expected to raise, each explained in its README. */
const expectedWarnings: Record<string, string[]> = {
  // The catalogue still cites ND 01/2021/NĐ-CP, replaced by ND 168/2025/NĐ-CP from 1 July 2025.
  'dang-ky-thanh-lap-ho-kinh-doanh': ['legal-basis-not-in-force'],
};

interface DossierFile {
  id: string;
  receivedAt: string;
  channel: 'direct' | 'online' | 'postal';
  events: unknown[];
}

const calendar = vietnamCalendar();
const TET_START = toEpochMs('2026-02-14T00:00:00+07:00');
const TET_END = toEpochMs('2026-02-23T00:00:00+07:00');

describe('example procedures', () => {
  it('has at least three examples', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(slugs)('%s', (slug) => {
    const procedure = parseProcedure(read(slug, 'procedure.json'));
    const process = parseProcess(read(slug, 'process.json'));
    const dossiers = readdirSync(join(root, slug))
      .filter((f) => /^dossier-.*\.json$/.test(f))
      .map((f) => [f, read(slug, f) as DossierFile] as const);

    it('pairs a process with its procedure and has a README citing sources', () => {
      expect(nationalCode(process.procedureCode)).toBe(nationalCode(procedure.code));
      expect(readFileSync(join(root, slug, 'README.md'), 'utf8')).toMatch(/Sources/);
    });

    it('lints without errors, and only with the explained warnings', () => {
      const issues = lintProcess(procedure, process, { calendar });
      expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
      const warnings = [...new Set(issues.filter((i) => i.severity === 'warning').map((i) => i.code))];
      expect(warnings.sort()).toEqual((expectedWarnings[slug] ?? []).sort());
    });

    it('has a dossier across Tết 2026 with a supplementation round', () => {
      const crossing = dossiers.filter(([, d]) => {
        const times = d.events.map((e) => toEpochMs((e as { at: string }).at));
        return toEpochMs(d.receivedAt) < TET_START && Math.max(...times) >= TET_END;
      });
      expect(
        crossing.some(([, d]) => d.events.some((e) => (e as { type: string }).type === 'request-supplement')),
      ).toBe(true);
    });

    it.each(dossiers)('%s replays to a returned result on time', (_, d) => {
      parseDossierEvents(d.events);
      expect(selectProcess([process], d.receivedAt, { channel: d.channel })).toBe(process);
      const end = applyAll(openDossier(procedure, process, calendar, d), d.events);
      const returned = d.events.find((e) => (e as { type: string }).type === 'return-result') as { at: string };
      expect(end.events).toHaveLength(d.events.length);
      expect(toEpochMs(returned.at)).toBeLessThanOrEqual(end.ledger.legalDue);
    });
  });
});
