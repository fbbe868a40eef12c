import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipOpenCpsPackage } from '@tthc/sync';
import { describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { memoryIo } from '../io.js';
import { planCommand } from './plan.js';

const CORPUS = 'test/corpus/systems';

function filesOf(dir: string, prefix = ''): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) for (const [k, v] of filesOf(path, `${prefix}${name}/`)) out.set(k, v);
    else if (name.endsWith('.xml')) out.set(`${prefix}${name}`, readFileSync(path));
  }
  return out;
}

/** Inputs come from the repository and a temporary folder: the plan's root is their common ancestor, so sources are stored without the leading `/`. */
async function plan(...args: string[]) {
  const io = memoryIo();
  const code = await planCommand.run([...args, '--root', '/'], createContext(io, undefined));
  return { code, out: io.out(), err: io.err() };
}

describe('tthc plan --portal with real one-stop exports', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tthc-portal-'));
  const zip = join(dir, 'import.zip');
  writeFileSync(zip, zipOpenCpsPackage(undefined, filesOf(join(CORPUS, 'opencps/import-package'))));
  const rows = readdirSync(join(CORPUS, 'reactflow'))
    .filter((n) => statSync(join(CORPUS, 'reactflow', n)).isDirectory())
    .sort()
    .map((n) => JSON.parse(readFileSync(join(CORPUS, 'reactflow', n, 'case.json'), 'utf8')));
  const cases = join(dir, 'cases.json');
  writeFileSync(cases, JSON.stringify(rows));

  it('plans an OpenCPS import zip: one procedure per processes/*.xml, paired by its services/*.xml code', async () => {
    const r = await plan('--eiso', 'examples/commune/eiso', '--portal', zip, '--json');
    const result = JSON.parse(r.out);
    expect(result.problems).toEqual([]);
    const planned = result.procedures.map(
      (p: { code: string; formats: { portal: string }; sources: { portal: string } }) => [
        p.code,
        p.formats.portal,
        p.sources.portal.replace(dir.slice(1), ''),
      ],
    );
    expect(planned).toEqual([
      ['1.000656', 'opencps', '/import.zip#processes/QT-KT-01.xml'],
      ['1.000894', 'opencps', '/import.zip#processes/QT-KH-01.xml'],
      ['1.001193', 'opencps', '/import.zip#processes/QT-KS-01.xml'],
      ['2.000815', 'opencps', '/import.zip#processes/QT-CT-01.xml'],
    ]);
    expect(r.code).toBe(2);
  });

  it('plans a zip, a case export and the catalogue together; a code both portals hold is reported once', async () => {
    const r = await plan(
      '--eiso',
      'examples/commune/eiso',
      '--catalogue',
      'examples/commune/catalogue',
      '--portal',
      zip,
      '--portal',
      cases,
      '--json',
    );
    const result = JSON.parse(r.out);
    const formats = Object.fromEntries(
      result.procedures.map((p: { code: string; formats: { portal: string } }) => [p.code, p.formats.portal]),
    );
    expect(formats).toMatchObject({
      '1.000656': 'opencps',
      '1.000894': 'opencps',
      '1.001193': 'opencps',
      '2.000815': 'opencps',
      '1.001612': 'reactflow',
      '1.004746': 'reactflow',
      '2.000884': 'reactflow',
    });
    expect(
      result.problems.map((p: { code: string; source: string }) => [p.code, p.source.replace(dir.slice(1), '')]),
    ).toEqual([
      ['document.duplicate', '/cases.json#3'],
      ['document.duplicate', '/cases.json#4'],
    ]);
  });
});
