import { describe, expect, it } from 'vitest';
import { fieldsOfHeaders } from './columns.js';
import { readEventLog } from './read-log.js';

const VN = (iso: string) => Date.parse(iso);

describe('fieldsOfHeaders', () => {
  it('knows the generic, portal and XES headers, ignoring case, diacritics and punctuation', () => {
    expect(fieldsOfHeaders(['Dossier_ID', 'step', 'performer', 'TimeStamp', 'outcome'])).toEqual([
      'dossierId',
      'activity',
      'performerRole',
      'at',
      'outcome',
    ]);
    expect(fieldsOfHeaders(['MaHoSo', 'NguoiXuLy', 'ChucDanh', 'ThoiDiemXuLy', 'PhongBanXuLy', 'NoiDungXuLy'])).toEqual(
      ['dossierId', 'performerName', 'performerRole', 'at', 'performerUnit', 'activity'],
    );
    expect(fieldsOfHeaders(['case:concept:name', 'concept:name', 'time:timestamp', 'Ghi chú'])).toEqual([
      'dossierId',
      'activity',
      'at',
      undefined,
    ]);
  });

  it('lets explicit columns win over aliases', () => {
    expect(fieldsOfHeaders(['performer', 'Chức vụ'], { performerName: 'performer', performerRole: 'chuc vu' })).toEqual(
      ['performerName', 'performerRole'],
    );
  });
});

describe('readEventLog — CSV', () => {
  it('reads the generic form with ISO timestamps', () => {
    const csv = 'dossier_id,step,performer,timestamp,outcome\nD1,review,Chuyên viên,2026-02-13T10:00:00+07:00,done\n';
    const { events, problems } = readEventLog(csv, { format: 'csv' });
    expect(problems).toEqual([]);
    expect(events).toEqual([
      {
        dossierId: 'D1',
        activity: 'review',
        performer: { role: 'Chuyên viên' },
        at: VN('2026-02-13T10:00:00+07:00'),
        outcome: 'done',
        line: 2,
      },
    ]);
  });

  it('reads portal progress rows: yyyyMMddHHmmss in Vietnam time, TrangThai when NoiDungXuLy is empty', () => {
    const csv = [
      '\uFEFFMaHoSo,NguoiXuLy,ChucDanh,ThoiDiemXuLy,PhongBanXuLy,NoiDungXuLy,TrangThai,NgayBatDau,NgayKetThucTheoQuyDinh,KenhThucHien',
      'H56.14-260213-0001,Nguyễn Văn A,Chuyên viên,20260213163000,Phòng Kinh tế,"Thẩm định, dự thảo",4,20260213080000,20260213170000,2',
      'H56.14-260213-0001,Lê Thị B,Lãnh đạo,20260214090000,UBND xã,,9,,,',
    ].join('\r\n');
    const { events, problems } = readEventLog(csv, { format: 'csv' });
    expect(problems).toEqual([]);
    expect(events[0]).toEqual({
      dossierId: 'H56.14-260213-0001',
      activity: 'Thẩm định, dự thảo',
      performer: { unit: 'Phòng Kinh tế', role: 'Chuyên viên', name: 'Nguyễn Văn A' },
      at: VN('2026-02-13T16:30:00+07:00'),
      startedAt: VN('2026-02-13T08:00:00+07:00'),
      dueAt: VN('2026-02-13T17:00:00+07:00'),
      channel: 'online',
      line: 2,
    });
    expect(events[1]!.activity).toBe('9');
  });

  it('reports malformed rows with their line numbers and keeps the good ones', () => {
    const csv = [
      'dossier_id,step,timestamp,started_at,channel',
      'D1,receive,2026-02-13T10:00:00+07:00,,',
      'D1,review,2026-02-13T10:00:00,,', // no offset
      ',review,20260213100000,,',
      'D2,"multi',
      'line",20261313100000,,', // month 13, and the record started on line 5
      'D3,receive,20260213100000',
      'D4,receive,20260213100000,yesterday,fax',
    ].join('\n');
    const { events, problems } = readEventLog(csv, { format: 'csv' });
    expect(events.map((e) => [e.dossierId, e.line])).toEqual([
      ['D1', 2],
      ['D4', 8],
    ]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'timestamp'],
      [4, 'dossier_id'],
      [5, 'timestamp'],
      [7, undefined],
      [8, 'started_at'],
      [8, 'channel'],
    ]);
    expect(problems[0]!.message).toMatch(/ISO 8601 with an offset/);
    expect(problems[0]!.value).toBe('2026-02-13T10:00:00');
    expect(problems[3]!.message).toBe('expected 5 fields as in the header, got 3');
  });

  it('refuses a header without the required columns, naming them', () => {
    const { events, problems } = readEventLog('id,what\n1,2\n', { format: 'csv' });
    expect(events).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(1);
    expect(problems[0]!.message).toMatch(/dossier id .*activity .*timestamp/);
  });

  it('reports an unclosed quote', () => {
    const { problems } = readEventLog('dossier_id,step,timestamp\nD1,"receive,20260213100000\n', { format: 'csv' });
    // core's reader keeps the rest of the text as the field (as spreadsheets do); the record then
    // has too few fields and is not used.
    expect(problems.map((p) => [p.code, p.line, p.message])).toEqual([
      [undefined, 2, 'expected 3 fields as in the header, got 2'],
      ['csv.unclosed-quote', 2, 'line 2, field 2: a quoted field is never closed (missing ")'],
    ]);
  });
});

describe('readEventLog — CSV from Vietnamese Excel and other exports', () => {
  it('sniffs ";" and tabs, reads both timestamp forms by character, and interns repeated text', () => {
    const header = ['MaHoSo', 'NoiDungXuLy', 'ChucDanh', 'ThoiDiemXuLy'];
    const rows = [
      ['H56.14-260213-0001', 'Tiếp nhận', ' Công chức một cửa ', '20260213163000'],
      ['H56.14-260213-0001', 'Thẩm định', 'Chuyên viên', '2026-02-16T08:30:00+07:00'],
      ['H56.14-260213-0002', 'Tiếp nhận', 'Công chức một cửa', '2026-02-16T01:30:00Z'],
    ];
    for (const d of [';', '\t']) {
      const text = `\uFEFF${[header, ...rows].map((r) => r.join(d)).join('\r\n')}\r\n`;
      const { events, problems } = readEventLog(text, { format: 'csv' });
      expect(problems).toEqual([]);
      expect(events.map((e) => [e.dossierId, e.activity, e.performer?.role, e.at, e.line])).toEqual([
        ['H56.14-260213-0001', 'Tiếp nhận', 'Công chức một cửa', Date.parse('2026-02-13T16:30:00+07:00'), 2],
        ['H56.14-260213-0001', 'Thẩm định', 'Chuyên viên', Date.parse('2026-02-16T08:30:00+07:00'), 3],
        ['H56.14-260213-0002', 'Tiếp nhận', 'Công chức một cửa', Date.parse('2026-02-16T08:30:00+07:00'), 4],
      ]);
    }
    // NFC: a decomposed "ế" reads as the composed one.
    const nfd = readEventLog(`MaHoSo,NoiDungXuLy,ThoiDiemXuLy\nD1,Ti${'e\u0302\u0301'}p nhận,20260213163000`, {
      format: 'csv',
    });
    expect(nfd.events[0]!.activity).toBe('Tiếp nhận');
  });

  it('refuses impossible compact and ISO timestamps read by character', () => {
    const text =
      'MaHoSo,NoiDungXuLy,ThoiDiemXuLy\nD1,a,20260230100000\nD1,b,2026-02-13T25:00:00+07:00\nD1,c,2026-02-13T10:00:00';
    const { events, problems } = readEventLog(text, { format: 'csv' });
    expect(events).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
  });

  it('passes limits to the CSV reader and reports them with codes', () => {
    const text = 'MaHoSo,NoiDungXuLy,ThoiDiemXuLy\nD1,a,20260213100000\nD1,b,20260213110000\n';
    const { events, problems } = readEventLog(text, { format: 'csv', limits: { maxRows: 2 } });
    expect(events).toHaveLength(1);
    expect(problems.map((p) => [p.code, p.line])).toEqual([['csv.too-many-rows', 3]]);
  });
});

describe('readEventLog — JSON', () => {
  it('reads JSON Lines with line numbers and nested performers', () => {
    const jsonl = [
      '{"dossierId":"D1","step":"receive","at":"2026-02-13T10:00:00+07:00","performer":{"unit":"Một cửa","role":"Công chức"}}',
      '',
      '{"dossierId":"D1","step":"review",',
      '{"MaHoSo":"D1","NoiDungXuLy":"review","ThoiDiemXuLy":"20260213140000"}',
      '[1]',
    ].join('\n');
    const { events, problems } = readEventLog(jsonl, { format: 'jsonl' });
    expect(events.map((e) => [e.line, e.activity])).toEqual([
      [1, 'receive'],
      [4, 'review'],
    ]);
    expect(events[0]!.performer).toEqual({ unit: 'Một cửa', role: 'Công chức' });
    expect(problems.map((p) => p.line)).toEqual([3, 5]);
  });

  it('reads a JSON array, numbering each object by the line it starts on', () => {
    const json = `[
  {"dossier_id": "D1", "step": "receive", "timestamp": 1770951600000},
  {
    "dossier_id": "D1",
    "step": "review",
    "timestamp": "bad"
  }
]`;
    const { events, problems } = readEventLog(json, { format: 'json' });
    expect(events).toEqual([{ dossierId: 'D1', activity: 'receive', at: 1770951600000, line: 2 }]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([[3, 'timestamp']]);
  });

  it('reports a broken element at its line and keeps the others', () => {
    const json = '[\n{"dossier_id": "D1", "step": "receive", "timestamp": 1770951600000},\n{"b": }\n]';
    const { events, problems } = readEventLog(json, { format: 'json' });
    expect(events.map((e) => e.line)).toEqual([2]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.message).toMatch(/^not valid JSON/);
  });

  it('reports JSON that is not an array, or not closed', () => {
    expect(readEventLog('{"events": []}', { format: 'json' }).problems[0]!.message).toMatch(/JSON array/);
    const open = readEventLog('[{"dossier_id": "D1", "step": "r", "timestamp": 1}', { format: 'json' });
    expect(open.events).toHaveLength(1);
    expect(open.problems.map((p) => p.line)).toEqual([1]);
  });

  it('refuses an unknown format', () => {
    expect(() => readEventLog('', { format: 'xml' as 'csv' })).toThrow(
      /format: expected "csv", "jsonl" or "json", got "xml"/,
    );
  });
});
