import type { Channel, SurveySettings } from "@parley/contracts";

/*
 * The survey settings form: the variables a question may use (the server's SURVEY_VARIABLES,
 * copied rather than imported so this chunk does not pull zod; a unit test keeps them in step),
 * sample values for the preview, and the server's field errors mapped onto the form's inputs.
 */

export const SURVEY_VARIABLE_SAMPLES = [
  { name: "customer.first_name", sample: "Jamie", doc: "First word of the customer's name" },
  { name: "customer.name", sample: "Jamie Rivera", doc: "The customer's display name" },
  { name: "customer.handle", sample: "@jamie_r", doc: "Their handle on the network" },
  { name: "agent.first_name", sample: "Sam", doc: "First name of the agent who resolved it" },
  { name: "brand.name", sample: "Acme Telecom", doc: "The workspace's name" },
  { name: "conversation.channel", sample: "whatsapp", doc: "The network it came in on" },
  { name: "conversation.category", sample: "billing", doc: "The conversation's category" },
] as const;

export function sampleValues(brand: string | undefined): ReadonlyMap<string, string> {
  const values = new Map<string, string>(SURVEY_VARIABLE_SAMPLES.map((v) => [v.name, v.sample]));
  if (brand) values.set("brand.name", brand);
  return values;
}

/** Channels Parley can send survey questions on (the networks it answers in). */
export const SURVEY_CHANNELS: Channel[] = ["x", "facebook", "instagram", "whatsapp"];

export type SurveyErrors = Partial<
  Record<
    | "csat.question"
    | "nps.question"
    | "channels"
    | "delay_minutes"
    | "expiry_hours"
    | "cooldown_days"
    | "allow_public",
    string
  >
>;

/** `body.csat.question` → `csat.question`, `body.channels.1` → `channels`; the first message per input. */
export function surveyFieldErrors(errors: readonly { field: string; message: string }[]): SurveyErrors {
  const out: Record<string, string> = {};
  for (const { field, message } of errors) {
    const path = field.replace(/^body\./, "").split(".");
    const key = path[0] === "csat" || path[0] === "nps" ? `${path[0]}.${path[1] ?? "question"}` : path[0];
    if (!key) continue;
    out[key] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out as SurveyErrors;
}

/** Whether the draft differs from what is saved. */
export function isDirty(a: SurveySettings, b: SurveySettings): boolean {
  return JSON.stringify(normalised(a)) !== JSON.stringify(normalised(b));
}

const normalised = (s: SurveySettings) => ({ ...s, channels: [...s.channels].sort() });

/** "2 minutes", "1 hour", "30 days": the summary line under the form. */
export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
