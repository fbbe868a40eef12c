/** State machine of a process: `toMachine`, its registry, state names and path enumeration. */
export {
  toMachine,
  machineFor,
  type DossierMachine,
  type DossierSnapshot,
  type DossierMachineContext,
  type DossierMachineEvent,
  type DossierMachineInput,
} from './to-machine.js';
export {
  checkRegistry,
  type MachineRegistry,
  type ActionImplementation,
  type GuardImplementation,
  type DelayImplementation,
} from './registry.js';
export { PHASES, FINAL_PHASES, MACHINE_ID, locate, stateNameOf, stepKeyOf, type Phase } from './names.js';
export { enumeratePaths, type EnumeratePathsOptions, type ProcessPath } from './paths.js';
