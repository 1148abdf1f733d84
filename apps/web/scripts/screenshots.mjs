#!/usr/bin/env node
// Screenshots of the main screens, for docs and visual review.
// Usage: node apps/web/scripts/screenshots.mjs [baseUrl]   (default http://127.0.0.1:3100, or $PARLEY_URL)
// Needs a running Parley (`npx parley start`) and Debian's chromium (`apt-get install chromium`).
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const baseUrl = process.argv[2] ?? process.env.PARLEY_URL ?? "http://127.0.0.1:3100";
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");
const email = process.env.PARLEY_EMAIL ?? "agent@acme.example";
const password = process.env.PARLEY_PASSWORD ?? "parley-demo";

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});

try {
  await mkdir(outDir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  const shot = async (name) => {
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `${outDir}/${name}.png` });
    console.log(`saved ${outDir}/${name}.png`);
  };

  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").waitFor();
  await shot("login");

  await page.getByLabel("Email").fill(email);
  await page.locator("input[type=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/inbox/);
  await page.getByRole("navigation", { name: "Inbox views" }).waitFor();
  await page.waitForLoadState("networkidle");

  // Open the top conversation when there is one, so the screenshot shows the timeline too.
  const firstRow = page.locator("[data-conversation-id]").first();
  if ((await firstRow.count()) > 0) {
    await firstRow.click();
    await page.waitForURL(/\/inbox\/[^/?]+/);
    await page
      .getByRole("list", { name: "Messages" })
      .or(page.getByText("No messages in this conversation"))
      .waitFor();
  }
  await page.mouse.move(0, 0);
  await shot("inbox");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("tab", { name: "Users" }).click();
  await page.getByRole("table").waitFor();
  await shot("settings");
} finally {
  await browser.close();
}
