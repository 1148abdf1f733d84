import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from "@parley/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../platform/db";
import { workspaces } from "../platform/db/schema";

/** The demo asks both kinds (alternating per customer) a couple of minutes after a resolution. */
export const DEMO_SURVEYS: SurveySettings = {
  ...DEFAULT_SURVEY_SETTINGS,
  csat: {
    enabled: true,
    question:
      "Thanks for talking to {{brand.name}}, {{customer.first_name}}! How satisfied are you with the help you got? Reply with a number from 1 (not at all) to 5 (very satisfied), and tell us why if you like.",
  },
  nps: {
    enabled: true,
    question:
      "{{customer.first_name}}, how likely are you to recommend {{brand.name}} to a friend, from 0 (not at all) to 10 (extremely likely)? Just reply with a number.",
  },
  channels: ["x", "facebook", "instagram", "whatsapp"],
  allow_public: false,
  delay_minutes: 2,
  expiry_hours: 48,
  cooldown_days: 14,
};

/** Turns the demo's surveys on, once: a workspace whose admin saved survey settings keeps them. */
export async function seedDemoSurveys(db: Queryable, workspaceId: string, now: Date) {
  await db
    .update(workspaces)
    .set({
      settings: sql`jsonb_set(${workspaces.settings}, '{surveys}', ${JSON.stringify(DEMO_SURVEYS)}::jsonb, true)`,
      updatedAt: now,
    })
    .where(and(eq(workspaces.id, workspaceId), sql`(${workspaces.settings} -> 'surveys') is null`));
}
