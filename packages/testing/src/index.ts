/**
 * @tthc/testing — fast-check arbitraries and a reference oracle to check working-time deadlines,
 * procedures and processes, native documents, simulation scenarios and event logs in your own
 * property-based suites.
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
export * from './sim-scenario-arbitrary.js';
export * from './sim-log-arbitrary.js';
export * from './sim-deviation-arbitrary.js';
export * from './sim-log-format.js';
