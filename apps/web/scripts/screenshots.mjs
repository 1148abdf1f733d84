#!/usr/bin/env node
// Screenshots of the main screens, for docs and visual review.
// Usage: node apps/web/scripts/screenshots.mjs [baseUrl]   (default http://127.0.0.1:3100, or $PARLEY_URL)
// PARLEY_SHOTS=channels,settings takes only those (login, inbox, settings, channels).
// Needs a running Parley (`npx parley start`) and Debian's chromium (`apt-get install chromium`).
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const baseUrl = process.argv[2] ?? process.env.PARLEY_URL ?? "http://127.0.0.1:3100";
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");
const email = process.env.PARLEY_EMAIL ?? "agent@acme.example";
const adminEmail = process.env.PARLEY_ADMIN_EMAIL ?? "admin@acme.example";
const password = process.env.PARLEY_PASSWORD ?? "parley-demo";
const only = process.env.PARLEY_SHOTS ? new Set(process.env.PARLEY_SHOTS.split(",")) : null;
const wanted = (name) => !only || only.has(name);

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

const viewport = { width: 1440, height: 900 };

const shot = async (page, name, file = name) => {
  await page.waitForLoadState("networkidle");
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${outDir}/${file}.png` });
  console.log(`saved ${outDir}/${file}.png`);
};

const signIn = async (page, as) => {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").waitFor();
  if (wanted("login") && as === email) await shot(page, "login");
  await page.getByLabel("Email").fill(as);
  await page.locator("input[type=password]").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/inbox/);
  await page.getByRole("navigation", { name: "Inbox views" }).waitFor();
  await page.waitForLoadState("networkidle");
};

try {
  await mkdir(outDir, { recursive: true });

  if (wanted("login") || wanted("inbox") || wanted("settings")) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, email);

    if (wanted("inbox")) {
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
      await shot(page, "inbox");
    }

    if (wanted("settings")) {
      await page.getByRole("link", { name: "Settings" }).click();
      await page.getByRole("tab", { name: "Users" }).click();
      await page.getByRole("table").waitFor();
      await shot(page, "settings");
    }
    await page.close();
  }

  if (wanted("channels")) {
    // As an admin, so the screenshot shows the Connect, Pause and Disconnect actions too.
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, adminEmail);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Channels" }).click();
    await page.getByRole("table").or(page.getByText("No channels connected")).waitFor();
    await shot(page, "channels", "settings-channels");
    await page.close();
  }
} finally {
  await browser.close();
}
