import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as sync from './index.js';

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

describe('@tthc/sync public door', () => {
  it('reads one procedure in all three formats', () => {
    const procedure = sync.catalogueAdapter.parse(JSON.parse(fixture('birth-registration.catalogue.json')));
    const iso = sync.eisoAdapter.parse(JSON.parse(fixture('birth-registration.eiso.json')));
    const portal = sync.portalAdapter.parse(JSON.parse(fixture('birth-registration.portal.json')));
    expect([procedure.ok, iso.ok, portal.ok]).toEqual([true, true, true]);
    // The three documents describe the same TTHC (systems join on the national code).
    expect(procedure.value!.code).toBe('1.001193');
    expect(iso.value!.procedureCode.startsWith(procedure.value!.code)).toBe(true);
    expect(portal.value!.procedureCode).toBe(iso.value!.procedureCode);
    // …at the same desk under different names.
    expect(sync.sameUnit(iso.value!.steps[0]!.performer.unit, portal.value!.steps[0]!.performer.unit)).toBe(true);
    // The e-ISO steps fit the same-day limit of the catalogue: 7 h 30 of the 8 h working day.
    const minutes = iso.value!.steps.reduce((sum, s) => sum + (sync.toWorkingMinutes(s.budget) ?? 0), 0);
    expect(minutes).toBe(450);
  });

  it('types the adapters', () => {
    expectTypeOf(sync.eisoAdapter.parse).returns.toEqualTypeOf<sync.AdapterResult<import('@tthc/core').Process>>();
    expectTypeOf(sync.catalogueAdapter.serialize).returns.toEqualTypeOf<sync.CatalogueRecord>();
  });
});
