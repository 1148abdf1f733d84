import type { Browser, Page } from "playwright-core";
import { seriousViolations } from "../support/axe";
import { ADMIN, conversationPane, newDesk, signIn } from "../support/browser";

/**
 * Issue 6, item 9: axe-core on the login page, the inbox with a conversation open and every
 * settings screen an admin sees. Returns the serious and critical violations per screen (empty when
 * the screens pass), so the test prints all of them at once.
 */
export async function accessibilityReport(
  browser: Browser,
  baseUrl: string,
): Promise<Record<string, string[]>> {
  const context = await newDesk(browser, baseUrl);
  const report: Record<string, string[]> = {};
  try {
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").waitFor();
    report.login = await seriousViolations(page);

    await signIn(page, ADMIN.email);
    const firstRow = page.getByRole("region", { name: "Conversations" }).getByRole("link").first();
    await firstRow.waitFor({ timeout: 45_000 });
    await firstRow.click();
    await page.waitForURL(/\/inbox\/[^/?]+/);
    await conversationPane(page).getByRole("textbox", { name: "Reply" }).waitFor();
    await settle(page);
    report["inbox with a conversation open"] = await seriousViolations(page);

    await page.goto("/settings");
    const menu = page.getByRole("navigation", { name: "Settings" });
    await menu.getByRole("link").first().waitFor();
    for (const name of await menu.getByRole("link").allInnerTexts()) {
      await menu.getByRole("link", { name: name.trim(), exact: true }).click();
      await page.getByRole("main", { name: name.trim() }).waitFor();
      await settle(page);
      report[`settings: ${name.trim()}`] = await seriousViolations(page);
    }
  } finally {
    await context.close();
  }
  return report;
}

/** Lets queries land and transitions end, so axe sees the screen a person would. */
async function settle(page: Page) {
  // Spinners and skeletons are labelled "Loading …"; a screen still loading after 15 s is tested as is.
  await page
    .getByLabel(/^Loading/)
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(400);
}
