import { errors, type GraphError } from "../graph/errors";

/** Named Graph failures the control API can inject (§2.8 and the §5 checklist). */
export const META_FAILURE_PRESETS: Record<string, () => GraphError> = {
  app_rate_limit: errors.appRateLimit,
  user_rate_limit: errors.userRateLimit,
  page_rate_limit: errors.pageRateLimit,
  throttled: errors.throttled,
  buc_pages: () => errors.businessUseCaseLimit(80001),
  buc_instagram: () => errors.businessUseCaseLimit(80002),
  buc_messenger: () => errors.businessUseCaseLimit(80006),
  invalid_token: () => errors.invalidToken(),
  outside_window: errors.outsideWindow,
  recipient_unavailable: errors.recipientUnavailable,
  temporary: errors.temporary,
};
