/** Test helpers: the birth-registration fixtures of the adapters, read and parsed. */
import { readFileSync } from 'node:fs';
import type { Procedure, Process } from '@tthc/core';
import { catalogueAdapter } from '../adapters/catalogue.js';
import { eisoAdapter } from '../adapters/eiso.js';
import { portalAdapter } from '../adapters/portal.js';

/** A fresh copy of one native fixture document. */
export function fixture(system: 'catalogue' | 'eiso' | 'portal'): Record<string, unknown> {
  const url = new URL(`../__fixtures__/birth-registration.${system}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

/** The e-ISO fixture as a canonical process. */
export function isoProcess(): Process {
  return eisoAdapter.parse(fixture('eiso')).value!;
}

/** The portal fixture (first case) as a canonical process. */
export function portalProcess(): Process {
  return portalAdapter.parse(fixture('portal')).value!;
}

/** The catalogue fixture as a canonical procedure. */
export function catalogueProcedure(): Procedure {
  return catalogueAdapter.parse(fixture('catalogue')).value!;
}
