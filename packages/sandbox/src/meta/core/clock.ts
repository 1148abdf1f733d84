/** The emulator's only source of "now" (shared with the other emulators); tests inject a ManualClock. */
export { type Clock, systemClock } from "../../shared/clock";
