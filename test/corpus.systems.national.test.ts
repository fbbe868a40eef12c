/**
 * The national corpus (issue 11): real shapes of what the national portal's clients send and what the
 * national catalogue returns, gathered from public code and scraped data (each fixture's source.json
 * names the repository, path and commit). Every document is read through its adapter, compared with
 * what a person reads in it (expected.json, written by hand), and round-tripped unchanged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vietnamCalendar } from '@tthc/calendar';
import { parseProcedure, parseProcess } from '@tthc/core';
import {
  catalogueAdapter,
  readCatalogueIndex,
  readDvcqgDossier,
  readDvcqgProgress,
  rebuildDossiers,
  restoreProgressRows,
  writeDvcqgDossier,
} from '@tthc/sync';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), 'corpus/systems');
const read = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));
const fixtures = (system: string) =>
  readdirSync(join(root, system), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `${system}/${d.name}`, dir: join(root, system, d.name) }));

const all = [...fixtures('dvcqg'), ...fixtures('catalogue')];
const exact = new Set<string>();

afterAll(() => {
  // What a person asked for: how much of the corpus is read exactly.
  console.log(`national corpus: ${exact.size}/${all.length} read exactly`);
});

const calendar = () => vietnamCalendar();

describe('national corpus', () => {
  it('every fixture names its source (repository, path, commit) and what a person reads', () => {
    for (const f of all) {
      const source = read(join(f.dir, 'source.json')) as Record<string, unknown>;
      expect(JSON.stringify(source), f.name).toMatch(/"commit":\s*"[0-9a-f]{40}"/);
      expect(existsSync(join(f.dir, 'expected.json')), f.name).toBe(true);
    }
  });

  for (const f of fixtures('dvcqg')) {
    it(`${f.name}: read, mapped and written back unchanged`, () => {
      const source = read(join(f.dir, 'source.json')) as { kind: string };
      const expected = read(join(f.dir, 'expected.json')) as Record<string, unknown>;
      const text = readFileSync(join(f.dir, 'document.json'), 'utf8');
      const doc: unknown = JSON.parse(text);
      if (source.kind === 'dossier') {
        const r = readDvcqgDossier(doc);
        expect(
          r.problems.filter((p) => p.severity === undefined),
          f.name,
        ).toEqual([]);
        const v = r.value!;
        for (const k of [
          'MaHoSo',
          'MaTTHC',
          'KenhThucHien',
          'TrangThaiHoSo',
          'LoaiDoiTuong',
          'HinhThuc',
          'NgayTiepNhan',
          'NgayHenTra',
        ]) {
          if (k in expected) expect((v as Record<string, unknown>)[k], `${f.name} ${k}`).toEqual(expected[k]);
        }
        expect((v.DanhSachLePhi ?? []).map((x) => [x.TenPhiLePhi, x.Gia])).toEqual(expected.fees);
        expect(r.problems.filter((p) => p.severity === 'warning').map((p) => p.message.split(' ')[0])).toEqual(
          expected.warnings,
        );
        for (const k of expected.keptVerbatim as string[]) {
          expect((v as Record<string, unknown>)[k], `${f.name} keeps ${k}`).toEqual(
            (doc as Record<string, unknown>)[k],
          );
        }
        expect(writeDvcqgDossier(v, { original: doc })).toEqual(doc);
      } else {
        const procedure = parseProcedure(read(join(f.dir, 'procedure.json')));
        const process = parseProcess(read(join(f.dir, 'process.json')));
        const rows = readDvcqgProgress(text);
        expect(rows.problems, f.name).toEqual([]);
        expect(rows.rows).toHaveLength(expected.rows as number);
        const rebuilt = rebuildDossiers(rows.rows, {
          procedure,
          process,
          calendar: calendar(),
          positions: rows.positions,
        });
        expect(
          rebuilt.problems.filter((p) => p.severity === undefined),
          f.name,
        ).toEqual([]);
        expect(rebuilt.dossiers).toHaveLength(expected.dossiers as number);
        const mapped = rebuilt.mappings.map((m) => [
          m.kind,
          m.event === 'complete-step' ? (m.step ?? null) : (m.event ?? null),
          m.outcome ?? null,
        ]);
        expect(mapped, f.name).toEqual(expected.mapped);
        expect(rebuilt.dossiers[0]!.ledger.returnedAt !== null).toBe(expected.returned);
        expect(restoreProgressRows(rows.rows, rows.sources)).toEqual(doc);
      }
      exact.add(f.name);
    });
  }

  for (const f of fixtures('catalogue')) {
    it(`${f.name}: read as a person reads it and written back unchanged`, () => {
      const source = read(join(f.dir, 'source.json')) as { kind: string };
      const expected = read(join(f.dir, 'expected.json')) as Record<string, unknown>;
      const doc = read(join(f.dir, 'document.json'));
      if (source.kind === 'index') {
        const index = readCatalogueIndex(doc);
        expect(index.problems).toEqual([]);
        expect(index.entries).toHaveLength(expected.entries as number);
        expect(index.entries.map((e) => e.code)).toEqual(expected.codes);
        exact.add(f.name);
        return;
      }
      const r = catalogueAdapter.parse(structuredClone(doc));
      expect(
        r.issues.filter((i) => i.severity === 'error'),
        f.name,
      ).toEqual([]);
      const p = r.value!;
      expect(p.code).toBe(expected.code);
      expect(p.levels).toEqual(expected.levels);
      expect(p.channels.map((c) => [c.channel, c.timeLimit, c.fees.map((x) => [x.amount, x.currency])])).toEqual(
        expected.channels,
      );
      expect(p.components).toHaveLength(expected.components as number);
      expect([...new Set(p.components.map((c) => c.case ?? null))]).toEqual(expected.cases);
      expect(r.issues.filter((i) => i.severity === 'warning').map((i) => i.code)).toEqual(expected.warnings);
      expect(catalogueAdapter.serialize(p, structuredClone(doc) as never)).toEqual(doc);
      exact.add(f.name);
    });
  }
});
