import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DossierCodeParts, formatDossierCode, parseDossierCode } from './dossier-code.js';
import { CoreError } from './errors.js';

function partOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof CoreError)) throw e;
    expect(e.code).toBe('INVALID_DOSSIER_CODE');
    return e.issues[0]?.path[0];
  }
  return 'no error';
}

describe('formatDossierCode', () => {
  it('writes the TT 01/2018 art. 19 layout with a short or full agency identifier', () => {
    expect(formatDossierCode({ agencyId: 'H56.14', receivedOn: '2026-02-13', sequence: 42 })).toBe(
      'H56.14-260213-0042',
    );
    expect(formatDossierCode({ agencyId: '000.00.20.H56', receivedOn: '2018-07-01', sequence: 9999 })).toBe(
      '000.00.20.H56-180701-9999',
    );
  });

  it('writes the 2026 centrally-hosted layout with the host agency', () => {
    const parts = { agencyId: 'H56.123.45', receivedOn: '2026-02-13', format: '2026-central' as const };
    expect(formatDossierCode({ ...parts, sequence: 7, hostAgency: '01' })).toBe('H56.123.45-260213-010007');
    expect(formatDossierCode({ ...parts, sequence: 123456, hostAgency: '99' })).toBe('H56.123.45-260213-99123456');
  });

  it('names the part that is wrong', () => {
    const ok: DossierCodeParts = { agencyId: 'H56.14', receivedOn: '2026-02-13', sequence: 1 };
    expect(partOf(() => formatDossierCode({ ...ok, agencyId: 'h56.14' }))).toBe('agencyId');
    expect(partOf(() => formatDossierCode({ ...ok, agencyId: 'H56' }))).toBe('agencyId');
    expect(partOf(() => formatDossierCode({ ...ok, receivedOn: '2026-02-30' }))).toBe('receivedOn');
    expect(partOf(() => formatDossierCode({ ...ok, receivedOn: '1999-12-31' }))).toBe('receivedOn');
    expect(partOf(() => formatDossierCode({ ...ok, sequence: 0 }))).toBe('sequence');
    expect(partOf(() => formatDossierCode({ ...ok, sequence: 10000 }))).toBe('sequence');
    expect(partOf(() => formatDossierCode({ ...ok, sequence: 1.5 }))).toBe('sequence');
    expect(partOf(() => formatDossierCode({ ...ok, hostAgency: '01' }))).toBe('hostAgency');
    const central = { ...ok, agencyId: 'H56.123.45', format: '2026-central' as const };
    expect(partOf(() => formatDossierCode(central))).toBe('hostAgency');
    expect(partOf(() => formatDossierCode({ ...central, hostAgency: '1' }))).toBe('hostAgency');
    expect(partOf(() => formatDossierCode({ ...central, agencyId: 'H56.14', hostAgency: '01' }))).toBe('agencyId');
  });

  it('puts the part, its message and the value in the error', () => {
    try {
      formatDossierCode({ agencyId: 'H56.14', receivedOn: '2026-02-13', sequence: 12345 });
      expect.unreachable();
    } catch (e) {
      expect((e as CoreError).message).toContain('sequence');
      expect((e as CoreError).message).toContain('12345');
      expect((e as CoreError).issues[0]?.value).toBe(12345);
    }
  });
});

describe('parseDossierCode', () => {
  it('reads both layouts', () => {
    expect(parseDossierCode('H56.14-260213-0042')).toEqual({
      format: '2018',
      agencyId: 'H56.14',
      receivedOn: '2026-02-13',
      sequence: 42,
    });
    expect(parseDossierCode('H56.123.45-260213-010007')).toEqual({
      format: '2026-central',
      agencyId: 'H56.123.45',
      receivedOn: '2026-02-13',
      sequence: 7,
      hostAgency: '01',
    });
  });

  it('refuses malformed codes, naming the part', () => {
    expect(partOf(() => parseDossierCode('H56.14-260213'))).toBe('text');
    expect(partOf(() => parseDossierCode('H56.14-260229-0001'))).toBe('receivedOn'); // 2026 is not a leap year
    expect(partOf(() => parseDossierCode('H56.14-2602-0001'))).toBe('receivedOn');
    expect(partOf(() => parseDossierCode('H56.14-260213-00001'))).toBe('sequence'); // Thanh Hóa's 5-digit re-key
    expect(partOf(() => parseDossierCode('H56.14-260213-0000'))).toBe('sequence');
    expect(partOf(() => parseDossierCode('H56.123.45-260213-0100001'))).toBe('sequence');
    expect(partOf(() => parseDossierCode('56.14-260213-0001'))).toBe('agencyId');
    expect(partOf(() => parseDossierCode('H56.14-260213-010001'))).toBe('agencyId'); // not a 2026 identifier
  });

  const agency2018 = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
      .map(
        ([a, b, c]) => `${String(a).padStart(3, '0')}.${String(b).padStart(2, '0')}.${String(c).padStart(2, '0')}.H56`,
      ),
    fc.array(fc.integer({ min: 10, max: 999 }), { minLength: 1, maxLength: 3 }).map((xs) => `G01.${xs.join('.')}`),
  );
  const date = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const parts = fc.oneof(
    fc.record({
      format: fc.constant('2018' as const),
      agencyId: agency2018,
      receivedOn: date,
      sequence: fc.integer({ min: 1, max: 9999 }),
    }),
    fc.record({
      format: fc.constant('2026-central' as const),
      agencyId: fc
        .integer({ min: 0, max: 99_999 })
        .map(
          (n) =>
            `T${String(n % 100).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}.${String(n % 97).padStart(2, '0')}`,
        ),
      receivedOn: date,
      sequence: fc.integer({ min: 1, max: 99_999_999 }),
      hostAgency: fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
    }),
  );

  it('parse ∘ format is the identity on parts, format ∘ parse on text', () => {
    fc.assert(
      fc.property(parts, (p) => {
        const text = formatDossierCode(p);
        expect(parseDossierCode(text)).toEqual(p);
        expect(formatDossierCode(parseDossierCode(text))).toBe(text);
      }),
    );
  });
});
