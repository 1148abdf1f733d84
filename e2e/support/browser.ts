import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const DEMO_PASSWORD = "parley-demo";
export const AGENT = { email: "agent@acme.example", name: "Alex Agent" };
export const LEAD = { email: "lead@acme.example", name: "Lee Lead" };
export const ADMIN = { email: "admin@acme.example", name: "Ada Admin" };

/**
 * Debian's Chromium (installed by e2e/ensure-chromium.mjs, never downloaded). Playwright gives each
 * launch a fresh, throw-away --user-data-dir; the flags keep it from reaching out to the network.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
}

/** A signed-out desk: its own cookies, a desk-sized window, patient timeouts for a loaded machine. */
export async function newDesk(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Signs in through the login form, as a person does, and waits for the inbox. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  // Mantine appends " *" to required labels, hence the pattern.
  await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/inbox/);
  await page.getByRole("navigation", { name: "Inbox views" }).waitFor();
}

/** The inbox row of the conversation whose preview contains `text`. */
export function conversationRow(page: Page, text: string) {
  return page.getByRole("region", { name: "Conversations" }).getByRole("link").filter({ hasText: text });
}

/** The open conversation's pane. */
export function conversationPane(page: Page) {
  return page.getByRole("region", { name: "Conversation", exact: true });
}

/** On failure, screenshots of the pages (in the temp dir, path in the error) say what was on screen. */
export async function screenshotOnFailure<T>(
  pages: Page[],
  name: string,
  flow: () => Promise<T>,
): Promise<T> {
  try {
    return await flow();
  } catch (err) {
    const dir = mkdtempSync(path.join(tmpdir(), "parley-e2e-failure-"));
    const files: string[] = [];
    for (const [i, page] of pages.entries()) {
      const file = path.join(dir, `${name}-${i + 1}.png`);
      await page
        .screenshot({ path: file, fullPage: true })
        .then(() => files.push(file))
        .catch(() => {});
    }
    (err as Error).message += `\n(screenshots: ${files.join(", ") || "none"})`;
    throw err;
  }
}
