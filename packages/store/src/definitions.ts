/**
 * Procedures and processes kept in the database, so that any application server opening the store
 * can replay any dossier under the exact process version it was received under.
 */
import { nationalCode, type Procedure, type Process, parseProcedure, parseProcess, selectProcess } from '@tthc/core';
import type { SqlClient } from './driver.js';
import { StoreError } from './errors.js';

const processKey = (code: string, agency: string, version: string): string =>
  `${nationalCode(code)}\u0000${agency}\u0000${version}`;

/** An in-memory cache over the `procedures` and `processes` tables. */
export class Definitions {
  private readonly procedures = new Map<string, Procedure>();
  private readonly processes = new Map<string, Process>();

  constructor(private readonly db: SqlClient) {}

  async putProcedure(procedure: Procedure): Promise<void> {
    const p = parseProcedure(procedure);
    await this.db.query(
      `INSERT INTO procedures (code, national_code, document) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (code) DO UPDATE SET document = EXCLUDED.document`,
      [p.code, nationalCode(p.code), JSON.stringify(p)],
    );
    this.procedures.set(p.code, p);
  }

  async putProcess(process: Process): Promise<void> {
    const p = parseProcess(process);
    // A process version in use is immutable: replaying old dossiers under changed steps would rewrite history.
    const { rows } = await this.db.query<{ document: unknown }>(
      'SELECT document FROM processes WHERE national_code = $1 AND agency = $2 AND version = $3',
      [nationalCode(p.procedureCode), p.agency.name, p.version],
    );
    if (rows[0] && JSON.stringify(parseProcess(rows[0].document)) !== JSON.stringify(p)) {
      throw new StoreError(
        'INVALID_INPUT',
        `process ${p.procedureCode} v${p.version} (${p.agency.name}) is already stored with other content; give the new one another version`,
        { field: 'version', value: p.version },
      );
    }
    if (!rows[0]) {
      await this.db.query(
        'INSERT INTO processes (national_code, agency, version, document) VALUES ($1, $2, $3, $4::jsonb)',
        [nationalCode(p.procedureCode), p.agency.name, p.version, JSON.stringify(p)],
      );
    }
    this.processes.set(processKey(p.procedureCode, p.agency.name, p.version), p);
  }

  async procedure(code: string): Promise<Procedure> {
    const cached = this.procedures.get(code);
    if (cached) return cached;
    const { rows } = await this.db.query<{ document: unknown }>('SELECT document FROM procedures WHERE code = $1', [
      code,
    ]);
    if (!rows[0]) {
      throw new StoreError('UNKNOWN_PROCESS', `procedure "${code}" is not stored (putProcedure it first)`, {
        field: 'procedureCode',
        value: code,
      });
    }
    const p = parseProcedure(rows[0].document);
    this.procedures.set(code, p);
    return p;
  }

  async process(code: string, agency: string, version: string): Promise<Process> {
    const key = processKey(code, agency, version);
    const cached = this.processes.get(key);
    if (cached) return cached;
    const { rows } = await this.db.query<{ document: unknown }>(
      'SELECT document FROM processes WHERE national_code = $1 AND agency = $2 AND version = $3',
      [nationalCode(code), agency, version],
    );
    if (!rows[0]) {
      throw new StoreError(
        'UNKNOWN_PROCESS',
        `process ${nationalCode(code)} v${version} of "${agency}" is not stored (putProcess it first)`,
        { field: 'processVersion', value: version },
      );
    }
    const p = parseProcess(rows[0].document);
    this.processes.set(key, p);
    return p;
  }

  /** The process version in force at the receipt for this procedure (and agency when given). */
  async processAt(code: string, receivedAt: string, agency: string | undefined, zone: string): Promise<Process> {
    const params: unknown[] = [nationalCode(code)];
    let sql = 'SELECT document FROM processes WHERE national_code = $1';
    if (agency !== undefined) {
      params.push(agency);
      sql += ' AND agency = $2';
    }
    const { rows } = await this.db.query<{ document: unknown }>(`${sql} ORDER BY version`, params);
    const all = rows.map((r) => parseProcess(r.document));
    if (all.length === 0) {
      const who = agency === undefined ? '' : ` of "${agency}"`;
      throw new StoreError('UNKNOWN_PROCESS', `no process${who} is stored for procedure ${nationalCode(code)}`, {
        field: 'procedureCode',
        value: code,
      });
    }
    const chosen = selectProcess(all, receivedAt, { zone });
    this.processes.set(processKey(chosen.procedureCode, chosen.agency.name, chosen.version), chosen);
    return chosen;
  }
}
