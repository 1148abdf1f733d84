/** TWCS archive import (SPEC L5): reading, the import plan, and the reference figures to check it. */
export {
  brandUserId,
  planTwcsImport,
  type TwcsImportEvent,
  type TwcsImportPlan,
  type TwcsThreadContext,
  toXPayload,
} from "./twcs-plan";
export {
  brandHandles,
  formatTwcsError,
  loadTwcs,
  parseTwcsDate,
  readTwcs,
  TWCS_COLUMNS,
  type TwcsRow,
  type TwcsRowError,
  toTwcsRow,
} from "./twcs-read";
export { referenceThreads, type TwcsReference } from "./twcs-reference";
