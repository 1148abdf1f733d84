import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { memberships, teams, workspaces } from "../platform/db/schema";
import { openTestDatabase } from "../platform/db/testing";
import { DEMO_USERS, seedDemo } from "./seed-demo";

it("seeding twice creates the demo once", async () => {
  const database = await openTestDatabase();
  try {
    expect((await seedDemo(database.db, new Date())).created).toBe(true);
    expect((await seedDemo(database.db, new Date())).created).toBe(false);
    const count = async (table: typeof workspaces | typeof memberships | typeof teams) =>
      (await database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    expect(await count(workspaces)).toBe(1);
    expect(await count(memberships)).toBe(DEMO_USERS.length);
    expect(await count(teams)).toBe(3);
  } finally {
    await database.close();
  }
});
