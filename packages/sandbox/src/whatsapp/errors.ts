import { GraphError } from "../meta/graph/errors";
import type { StatusError } from "./store";

/**
 * WhatsApp Cloud API errors (§3.6): synchronous ones carry `error_data.details` and the HTTP
 * status of the table; delivery-time ones arrive in `failed` status webhooks.
 */
function waError(code: number, status: number, message: string, details: string, subcode?: number) {
  return new GraphError({
    code,
    status,
    message: `(#${code}) ${message}`,
    errorData: { messaging_product: "whatsapp", details },
    ...(subcode ? { subcode } : {}),
  });
}

export const waErrors = {
  invalidToken: () =>
    new GraphError({
      code: 190,
      status: 401,
      message: "Invalid OAuth access token - Cannot parse access token",
    }),
  invalidParameter: (details: string) => waError(100, 400, "Invalid parameter", details),
  missingParameter: (details: string) => waError(131008, 400, "Required parameter is missing", details),
  invalidValue: (details: string) => waError(131009, 400, "Parameter value is not valid", details),
  sameAsSender: () =>
    waError(131021, 400, "Recipient cannot be sender", "Sender and recipient phone number is the same."),
  throughput: () => waError(130429, 429, "Rate limit hit", "Cloud API message throughput has been reached."),
  pairRate: () =>
    waError(
      131056,
      429,
      "(Business Account, Consumer Account) pair rate limit hit",
      "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.",
    ),
  spamRate: () =>
    waError(
      131048,
      429,
      "Spam rate limit hit",
      "Message failed to send because there are restrictions on how many messages can be sent from this phone number.",
    ),
  notAllowed: () =>
    waError(
      131030,
      400,
      "Recipient phone number not in allowed list",
      "The recipient must be added to the test number's allowed list.",
      2655007,
    ),
  templateMissing: (name: string, language: string) =>
    waError(
      132001,
      400,
      "Template name does not exist in the translation",
      `template name (${name}) does not exist in ${language}`,
    ),
  templateParams: (got: number, expected: number) =>
    waError(
      132000,
      400,
      "Number of parameters does not match the expected number of params",
      `body: number of localizable_params (${got}) does not match the expected number of params (${expected})`,
    ),
  templatePaused: (name: string) =>
    waError(132015, 400, "Template is Paused", `Template ${name} is paused due to low quality.`),
  templateDisabled: (name: string) =>
    waError(132016, 400, "Template is disabled", `Template ${name} has been disabled.`),
  generic: () =>
    waError(131000, 500, "Something went wrong", "Message failed to send due to an unknown error."),
  unavailable: () => waError(131016, 503, "Service unavailable", "A service is temporarily unavailable."),
};

const HREF = "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";

const STATUS_ERRORS: Record<number, { title: string; details: string }> = {
  131047: {
    title: "Re-engagement message",
    details: "More than 24 hours have passed since the recipient last replied to the sender number.",
  },
  131026: {
    title: "Message undeliverable",
    details:
      "Unable to deliver message. Reasons can include: the recipient phone number is not a WhatsApp phone number; the recipient has not accepted the new Terms of Service; the recipient is using an old WhatsApp version.",
  },
  131049: {
    title: "This message was not delivered to maintain healthy ecosystem engagement.",
    details: "In order to maintain a healthy ecosystem engagement, the message failed to be delivered.",
  },
  131000: { title: "Something went wrong", details: "Message failed to send due to an unknown error." },
};

/** The `errors[]` item of a `failed` status for `code`. */
export function statusError(code: number): StatusError {
  const known = STATUS_ERRORS[code] ?? { title: "Message failed to send", details: `Error ${code}.` };
  return {
    code,
    title: known.title,
    message: known.title,
    error_data: { details: known.details },
    href: HREF,
  };
}
