import { GraphError } from "../meta/graph/errors";
import { waErrors } from "./errors";

/** Synchronous failures the control API can inject into the next Cloud API calls (§3.6). */
export const WHATSAPP_FAILURE_PRESETS: Record<string, () => GraphError> = {
  throughput: waErrors.throughput,
  pair_rate: waErrors.pairRate,
  spam_rate: waErrors.spamRate,
  not_allowed: waErrors.notAllowed,
  invalid_token: waErrors.invalidToken,
  app_rate_limit: () =>
    new GraphError({
      code: 4,
      status: 429,
      message: "(#4) Application request limit reached",
      isTransient: true,
    }),
  generic: waErrors.generic,
  unavailable: waErrors.unavailable,
};
