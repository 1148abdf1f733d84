import { type NetworkResponse, RateLimitedError, RejectedError, TransientError } from "./http";

/** Maps a non-2xx answer to the outbox's categories; `describe` says it in the network's words. */
export function throwForStatus(
  res: NetworkResponse,
  describe: (json: unknown) => string,
  resetAt: () => Date,
): never {
  const message = describe(res.json);
  if (res.status === 429) throw new RateLimitedError(resetAt(), message);
  if (res.status >= 500 || res.status === 408) throw new TransientError(`${res.status}: ${message}`);
  throw new RejectedError(res.status, message);
}
