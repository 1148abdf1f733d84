/**
 * The Graph error envelope `{"error":{message,type,code,error_subcode,fbtrace_id}}` (§2.8, §3.6)
 * and the catalogue of errors the emulators raise. Messages carry Meta's `(#code)` prefix.
 */
export interface GraphErrorInit {
  code: number;
  message: string;
  subcode?: number;
  type?: string;
  status?: number;
  isTransient?: boolean;
  userTitle?: string;
  userMessage?: string;
  /** WhatsApp adds `error_data: {messaging_product, details}`. */
  errorData?: Record<string, unknown>;
}

export class GraphError extends Error {
  readonly code: number;
  readonly subcode: number | undefined;
  readonly type: string;
  readonly status: number;
  readonly isTransient: boolean | undefined;
  readonly userTitle: string | undefined;
  readonly userMessage: string | undefined;
  readonly errorData: Record<string, unknown> | undefined;

  constructor(init: GraphErrorInit) {
    super(init.message);
    this.code = init.code;
    this.subcode = init.subcode;
    this.type = init.type ?? "OAuthException";
    this.status = init.status ?? 400;
    this.isTransient = init.isTransient;
    this.userTitle = init.userTitle;
    this.userMessage = init.userMessage;
    this.errorData = init.errorData;
  }
}

export function graphErrorBody(error: GraphError, fbtraceId: string): { error: Record<string, unknown> } {
  const body: Record<string, unknown> = { message: error.message, type: error.type, code: error.code };
  if (error.errorData) body.error_data = error.errorData;
  if (error.subcode !== undefined) body.error_subcode = error.subcode;
  if (error.isTransient !== undefined) body.is_transient = error.isTransient;
  if (error.userTitle) body.error_user_title = error.userTitle;
  if (error.userMessage) body.error_user_msg = error.userMessage;
  body.fbtrace_id = fbtraceId;
  return { error: body };
}

/** Business-use-case throttle codes (§2.8; the reference flags the mapping as "verify"). */
export const BUC_CODES = {
  pages: 80001,
  instagram: 80002,
  messenger: 80006,
  whatsapp_business_management: 80008,
};
const BUC_SUBJECT: Record<number, string> = {
  80001: "Page account",
  80002: "Instagram account",
  80006: "Page account from the Messenger API",
  80008: "WhatsApp Business account",
};

export const errors = {
  missingToken: () =>
    new GraphError({ code: 104, message: "An access token is required to request this resource." }),
  invalidToken: (status = 400) =>
    new GraphError({
      code: 190,
      message: "Invalid OAuth access token - Cannot parse access token",
      status,
    }),
  invalidAppsecretProof: () =>
    new GraphError({
      code: 100,
      type: "GraphMethodException",
      message: "Invalid appsecret_proof provided in the API argument",
    }),
  appsecretProofRequired: () =>
    new GraphError({
      code: 100,
      type: "GraphMethodException",
      message: "API calls from the server require an appsecret_proof argument",
    }),
  unknownObject: (id: string, method: string) =>
    new GraphError({
      code: 100,
      subcode: 33,
      type: "GraphMethodException",
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    }),
  unknownPath: (path: string) => new GraphError({ code: 2500, message: `Unknown path components: /${path}` }),
  invalidParam: (message: string, subcode?: number) =>
    new GraphError({ code: 100, message: `(#100) ${message}`, ...(subcode ? { subcode } : {}) }),
  noMatchingUser: () =>
    new GraphError({ code: 100, subcode: 2018001, message: "(#100) No matching user found" }),
  outsideWindow: () =>
    new GraphError({
      code: 10,
      subcode: 2018278,
      message:
        "(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview",
    }),
  alreadyRepliedPrivately: () =>
    new GraphError({ code: 10900, message: "(#10900) Activity already replied to" }),
  privateReplyExpired: () =>
    new GraphError({ code: 10903, message: "(#10903) This user can't reply to this activity" }),
  recipientUnavailable: () =>
    new GraphError({
      code: 551,
      subcode: 1545041,
      message: "(#551) This person isn't available right now.",
    }),
  callbackVerificationFailed: (detail: string) =>
    new GraphError({
      code: 2200,
      message: `(#2200) Callback verification failed with the following errors: ${detail}`,
    }),
  appRateLimit: () =>
    new GraphError({ code: 4, message: "(#4) Application request limit reached", isTransient: true }),
  userRateLimit: () =>
    new GraphError({ code: 17, message: "(#17) User request limit reached", isTransient: true }),
  pageRateLimit: () =>
    new GraphError({
      code: 32,
      message: "(#32) Page request limit reached",
      isTransient: true,
    }),
  throttled: () =>
    new GraphError({
      code: 613,
      message: "(#613) Calls to this api have exceeded the rate limit.",
      isTransient: true,
    }),
  businessUseCaseLimit: (code: number) =>
    new GraphError({
      code,
      message: `(#${code}) There have been too many calls to this ${BUC_SUBJECT[code] ?? "account"}. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.`,
      isTransient: true,
    }),
  temporary: () =>
    new GraphError({
      code: 2,
      message: "An unexpected error has occurred. Please retry your request later.",
      isTransient: true,
      status: 500,
    }),
};
