import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../platform/db";
import { businessHours, memberships, rules, slaPolicies, teams, workspaces } from "../platform/db/schema";
import { newId } from "../platform/ids";

/** Acme's opening hours, in the workspace's time zone. */
const HOURS = {
  name: "Acme care hours",
  timezone: "America/New_York",
  weekly: {
    mon: [["08:00", "20:00"]],
    tue: [["08:00", "20:00"]],
    wed: [["08:00", "20:00"]],
    thu: [["08:00", "20:00"]],
    fri: [["08:00", "20:00"]],
    sat: [["10:00", "16:00"]],
  } as Record<string, [string, string][]>,
  holidays: ["2026-12-25", "2027-01-01", "2027-07-05", "2027-12-24", "2027-12-25"],
};

/** Targets per priority (seconds): first response, next response, resolution. */
const POLICIES: { priority: "urgent" | "high" | "normal" | "low"; targets: [number, number, number] }[] = [
  { priority: "urgent", targets: [30 * 60, 60 * 60, 8 * 3600] },
  { priority: "high", targets: [60 * 60, 2 * 3600, 24 * 3600] },
  { priority: "normal", targets: [4 * 3600, 8 * 3600, 72 * 3600] },
  { priority: "low", targets: [24 * 3600, 24 * 3600, 7 * 86_400] },
];

/**
 * The demo's workflow (SPEC W1–W3): business hours, an SLA policy per priority and a handful of
 * rules a care team starts with, routing into the demo teams, whose agents are available so the
 * simulated traffic is assigned as it arrives. Idempotent: a workspace that already has rules or
 * business hours keeps its own.
 */
export async function seedDemoWorkflow(db: Queryable, workspaceId: string, now: Date) {
  const [existing] = await db
    .select({ id: rules.id })
    .from(rules)
    .where(eq(rules.workspaceId, workspaceId))
    .limit(1);
  if (existing) return;
  const hoursId = newId();
  await db
    .insert(businessHours)
    .values({ id: hoursId, workspaceId, ...HOURS, createdAt: now, updatedAt: now });
  await db.update(workspaces).set({ businessHoursId: hoursId }).where(eq(workspaces.id, workspaceId));
  await db.insert(slaPolicies).values(
    POLICIES.map((p, i) => ({
      id: newId(),
      workspaceId,
      name: `${p.priority[0]?.toUpperCase()}${p.priority.slice(1)} priority`,
      position: i * 10,
      priority: p.priority,
      firstResponseSeconds: p.targets[0],
      nextResponseSeconds: p.targets[1],
      resolutionSeconds: p.targets[2],
      businessHoursId: p.priority === "urgent" ? null : hoursId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  const byName = new Map(
    (await db.select().from(teams).where(eq(teams.workspaceId, workspaceId))).map((t) => [t.name, t.id]),
  );
  const care = byName.get("Social Care");
  const network = byName.get("Network & Outages");
  const pr = byName.get("PR & Escalations");
  if (!care || !network || !pr) return;
  await db.update(teams).set({ routing: "round_robin" }).where(eq(teams.id, network));
  await db.insert(rules).values(
    demoRules({ care, network, pr }).map((r, i) => ({
      id: newId(),
      workspaceId,
      position: i * 10,
      createdAt: now,
      updatedAt: now,
      ...r,
    })),
  );
  // The first-line people take conversations as they come (push routing picks available agents).
  await db
    .update(memberships)
    .set({ availability: "available" })
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ["agent", "lead"])));
}

type RuleRow = Omit<typeof rules.$inferInsert, "id" | "workspaceId" | "position">;

function demoRules(team: { care: string; network: string; pr: string }): RuleRow[] {
  const notSpam = { field: "message.is_spam", op: "eq", value: false };
  return [
    {
      name: "Legal threats go to PR, replies approved",
      conditions: {
        all: [
          notSpam,
          { field: "message.text", op: "matches", value: "\\b(lawyers?|lawsuit|sue|ombudsman|regulator)\\b" },
        ],
      },
      actions: [
        { type: "route_to_team", team_id: team.pr },
        { type: "set_priority", priority: "urgent" },
        { type: "require_approval", reason: "Legal-sensitive: a lead approves the reply" },
        { type: "add_tag", tag: "legal" },
      ],
      stopProcessing: true,
    },
    {
      name: "Influencers complaining need an approved reply",
      conditions: {
        all: [
          notSpam,
          { field: "message.is_complaint", op: "eq", value: true },
          { field: "customer.followers", op: "gte", value: 10_000 },
        ],
      },
      actions: [
        { type: "route_to_team", team_id: team.pr },
        { type: "set_priority", priority: "urgent" },
        { type: "require_approval", reason: "High-influence complaint" },
        { type: "add_tag", tag: "influencer" },
      ],
    },
    {
      name: "Outages to Network & Outages",
      conditions: {
        all: [
          notSpam,
          {
            field: "message.text",
            op: "matches",
            value: "\\b(outage|down|no (signal|service|internet)|not working)\\b",
          },
        ],
      },
      actions: [
        { type: "route_to_team", team_id: team.network },
        { type: "set_priority", priority: "high" },
        { type: "add_tag", tag: "outage" },
      ],
    },
    {
      name: "Billing to Social Care",
      conditions: {
        all: [
          notSpam,
          {
            field: "message.category",
            op: "in",
            value: ["invoice", "payment", "refund", "cancellation_fee"],
          },
        ],
      },
      actions: [
        { type: "route_to_team", team_id: team.care },
        { type: "add_tag", tag: "billing" },
      ],
    },
    {
      name: "Everything else to Social Care",
      conditions: { all: [notSpam, { field: "conversation.team_id", op: "is_empty" }] },
      actions: [{ type: "route_to_team", team_id: team.care }],
    },
    {
      name: "Urgent and unanswered for 30 minutes",
      trigger: "time_elapsed",
      afterSeconds: 1800,
      conditions: { field: "conversation.priority", op: "in", value: ["urgent", "high"] },
      actions: [
        { type: "add_tag", tag: "overdue" },
        { type: "suggest_action", text: "Waiting over 30 minutes: answer now or hand it to a lead" },
      ],
    },
  ];
}
