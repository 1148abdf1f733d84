import { type NetworkResponse, RateLimitedError, RejectedError, TransientError } from "../http";

/*
 * The Graph error envelope (§2.8, §3.6) in the outbox's categories: throttling waits for the
 * reset, temporary failures retry, everything else fails the message with a sentence the agent
 * can act on (and the code, for support).
 */

export type MetaNetwork = "facebook" | "instagram" | "whatsapp";

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  error_data?: { details?: string };
  is_transient?: boolean;
  fbtrace_id?: string;
}

const NAME: Record<MetaNetwork, string> = {
  facebook: "Facebook",
  instagram: "Instagram",
  whatsapp: "WhatsApp",
};

/** App 4, user 17, Page 32, endpoint 613, business-use-case 80xxx; WhatsApp throughput, pair rate, spam rate. */
export function isThrottle(code: number | undefined): boolean {
  if (code === undefined) return false;
  return [4, 17, 32, 613, 130429, 131056, 131048].includes(code) || (code >= 80000 && code <= 80099);
}

const TRANSIENT_CODES = [1, 2, 131000, 131016];

/** When no header says, how long each throttle usually lasts. */
const THROTTLE_WAIT_MS: Record<number, number> = { 131056: 6_000, 130429: 10_000 };
export const DEFAULT_THROTTLE_WAIT_MS = 5 * 60_000;

type Explain = (name: string, raw: string) => string;

/** Sentences by `code/subcode` first, then `code`. */
const SENTENCES: Record<string, Explain> = {
  "10/2018278": (n) =>
    `${n} no longer allows a reply in this private conversation: the customer last wrote more than 24 hours ago (7 days for a person's reply). Wait for the customer to write again.`,
  "551": (n) =>
    `This person isn't available on ${n} right now (they may have blocked the account or deactivated theirs).`,
  "10900": (n) =>
    `This comment already has a private reply; ${n} allows one per comment. Wait for the customer to answer.`,
  "10903": (n) =>
    `${n} no longer allows a private reply to this comment (it is more than 7 days old or was removed).`,
  "190": (n) => `${n} rejected the channel's access token (expired or revoked): reconnect the channel.`,
  "100/2018001": (n) => `${n} does not recognise this customer's id for this account.`,
  "368": (n) => `${n} has temporarily blocked the account from this action for policy reasons.`,
  "131026": () =>
    "WhatsApp could not deliver it to this number (not on WhatsApp, an outdated app, or terms not accepted).",
  "131047": () =>
    "WhatsApp did not deliver it: more than 24 hours have passed since the customer last wrote. Send an approved template to reopen the conversation.",
  "131049": () =>
    "WhatsApp held this message back to limit the marketing messages the customer receives; do not resend it right away.",
  "131030": () => "This number is not in the test number's allowed list on WhatsApp.",
  "131031": () => "The WhatsApp Business account is locked; check it in WhatsApp Manager.",
  "131042": () => "WhatsApp refused because of a payment problem on the business account.",
  "131021": () => "The recipient is the business's own number.",
};

function permission(code: number): boolean {
  return code === 3 || code === 10 || (code >= 200 && code <= 299);
}

/** The error in words for the agent, ending with the network's code; `verb` words unknown codes. */
export function explainGraphError(network: MetaNetwork, error: GraphErrorBody, verb = "refused"): string {
  const name = NAME[network];
  const raw = error.error_user_msg ?? error.error_data?.details ?? error.message ?? "no reason given";
  const code = error.code;
  const ref =
    code === undefined
      ? ""
      : ` (${name} error ${code}${error.error_subcode ? `/${error.error_subcode}` : ""})`;
  const explain = SENTENCES[`${code}/${error.error_subcode}`] ?? SENTENCES[String(code)];
  if (explain) return `${explain(name, raw)}${ref}`;
  if (code !== undefined && permission(code))
    return `The app lacks the ${name} permission for this action: ${raw}${ref}`;
  return `${name} ${verb}: ${raw}${ref}`;
}

export function graphErrorOf(json: unknown): GraphErrorBody | null {
  const error = (json as { error?: unknown } | null)?.error;
  return error && typeof error === "object" ? (error as GraphErrorBody) : null;
}

/** `estimated_time_to_regain_access` (minutes) of `X-Business-Use-Case-Usage`, the longest of all entries. */
export function regainAccessMinutes(headers: Headers): number {
  const raw = headers.get("x-business-use-case-usage");
  if (!raw) return 0;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage).flatMap((entries) =>
      entries.map((e) => Number(e.estimated_time_to_regain_access) || 0),
    );
    return Math.max(0, ...minutes);
  } catch {
    return 0;
  }
}

export function throttleResetAt(headers: Headers, code: number | undefined, now: Date): Date {
  const minutes = regainAccessMinutes(headers);
  const wait = minutes > 0 ? minutes * 60_000 : (THROTTLE_WAIT_MS[code ?? 0] ?? DEFAULT_THROTTLE_WAIT_MS);
  return new Date(now.getTime() + wait);
}

/** Returns on success; otherwise throws the outbox's category for the answer. */
export function checkGraph(res: NetworkResponse, network: MetaNetwork, now: Date): void {
  const error = graphErrorOf(res.json);
  if (res.status < 300 && !error) return;
  const body = error ?? { message: `HTTP ${res.status}` };
  const message = explainGraphError(network, body);
  if (isThrottle(body.code) || res.status === 429)
    throw new RateLimitedError(throttleResetAt(res.headers, body.code, now), message);
  if (res.status >= 500 || res.status === 408 || TRANSIENT_CODES.includes(body.code ?? -1))
    throw new TransientError(`${res.status}: ${message}`);
  throw new RejectedError(res.status, message, body.code);
}
