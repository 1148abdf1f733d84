import {
  CreateKnowledgeArticleRequest,
  CreateTemplateRequest,
  UpdatePlaybookRequest,
} from "@parley/contracts";
import { expect, it } from "vitest";
import { findPlaybook } from "../modules/playbook/playbook.repo";
import { checkVariables } from "../modules/templates/template-variables";
import { knowledgeArticles, templates, workspaces } from "../platform/db/schema";
import { openTestDatabase } from "../platform/db/testing";
import { DEMO_PLAYBOOK } from "./seed-content";
import { seedDemo } from "./seed-demo";

// The seed writes rows directly, so it is held to what the API would have accepted.
it("seeds Acme's templates, knowledge articles and playbook once, all valid for the API", async () => {
  const database = await openTestDatabase();
  try {
    await seedDemo(database.db, new Date());
    await seedDemo(database.db, new Date());
    const rows = await database.db.select().from(templates);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => r.kind === "reply").length).toBeGreaterThanOrEqual(8);
    for (const r of rows) {
      const { id: _id, workspaceId: _w, createdBy: _c, createdAt: _a, updatedAt: _u, ...fields } = r;
      expect(CreateTemplateRequest.safeParse(fields).success, r.name).toBe(true);
      expect(() => checkVariables(r.body), r.name).not.toThrow();
    }
    expect(rows.some((r) => r.body.includes("{{customer.first_name}}"))).toBe(true);
    const articles = await database.db.select().from(knowledgeArticles);
    expect(articles).toHaveLength(6);
    for (const a of articles) {
      expect(a.url).toMatch(/^https:\/\/help\.acme-telecom\.example\//);
      const input = { title: a.title, url: a.url, summary: a.summary, tags: a.tags };
      expect(CreateKnowledgeArticleRequest.safeParse(input).success, a.title).toBe(true);
    }
    const [ws] = await database.db.select().from(workspaces);
    const playbook = await findPlaybook(database.db, ws?.id ?? "");
    expect(UpdatePlaybookRequest.safeParse(DEMO_PLAYBOOK).success).toBe(true);
    expect(playbook).toMatchObject({ ...DEMO_PLAYBOOK, updated_by: null });
    expect(playbook.escalation_contacts.length).toBeGreaterThanOrEqual(2);
  } finally {
    await database.close();
  }
});
