/*
 * Exported under Sim-prefixed names: the sandbox package also exports the emulators, and generic
 * names like `Network` or `Channel` would read as theirs.
 */
export { classifyBrandReply } from "./reactions";
export { createSimulator } from "./simulator";
export { LANGS as SIM_LANGUAGES, TOPICS as SIM_TOPICS } from "./templates";
export type {
  Channel as SimChannel,
  CrisisInfo as SimCrisis,
  FollowUpKind as SimFollowUp,
  Intent as SimIntent,
  Lang as SimLang,
  Network as SimNetwork,
  SimEvent,
  SimEventKind,
  Simulator,
  SimulatorOptions,
  SimulatorStats,
} from "./types";
