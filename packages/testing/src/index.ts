/**
 * @tthc/testing — fast-check arbitraries and a reference oracle to check working-time deadlines in
 * your own property-based suites.
 * @packageDocumentation
 */
export {
  DEFAULT_ZONES,
  type InstantArbOptions,
  instantArb,
  type VietnamInstantArbOptions,
  vietnamInstantArb,
  type WorkCalendarOptionsArbOptions,
  workCalendarArb,
  workCalendarOptionsArb,
  workingInstantArb,
} from './arbitraries.js';
export { DEFAULT_DURATION_MAX, type DurationArbOptions, durationArb } from './duration-arbitrary.js';
export { type CalendarSource, type ReferenceCalendar, referenceCalendar } from './oracle.js';
export * from './core-arbitraries.js';
export * from './sync-arbitraries.js';
export * from './sync-corrupt.js';
export * from './sync-mutators.js';
