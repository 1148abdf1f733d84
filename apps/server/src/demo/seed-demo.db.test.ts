import { compileRules } from "@parley/rules";
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { toDocument } from "../modules/rules/rules.repo";
import { businessHours, memberships, rules, slaPolicies, teams, workspaces } from "../platform/db/schema";
import { openTestDatabase } from "../platform/db/testing";
import { DEMO_AGENTS, DEMO_USERS, seedDemo } from "./seed-demo";

it("seeding twice creates the demo once, with a workflow whose rules are valid", async () => {
  const database = await openTestDatabase();
  try {
    expect((await seedDemo(database.db, new Date())).created).toBe(true);
    expect((await seedDemo(database.db, new Date())).created).toBe(false);
    const count = async (
      table: typeof workspaces | typeof memberships | typeof teams | typeof rules | typeof slaPolicies,
    ) => (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    expect(await count(workspaces)).toBe(1);
    expect(await count(memberships)).toBe(DEMO_USERS.length + DEMO_AGENTS.length);
    expect(await count(teams)).toBe(3);
    expect(await count(slaPolicies)).toBe(4);
    const rows = await database.db.select().from(rules);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(compileRules(rows.map(toDocument)).rules).toHaveLength(rows.length);
    const [ws] = await database.db.select().from(workspaces);
    const [hours] = await database.db.select().from(businessHours);
    expect(ws?.businessHoursId).toBe(hours?.id);
  } finally {
    await database.close();
  }
});
