#!/usr/bin/env node
// Screenshots of the main screens, for docs and visual review.
// Usage: node apps/web/scripts/screenshots.mjs [baseUrl]   (default http://127.0.0.1:3100, or $PARLEY_URL)
// PARLEY_SHOTS=channels,settings takes only those (login, inbox, priority, settings, channels,
// listening, dead-letters). Listening and dead letters seed the demo workspace when they are empty
// (three profiles; one unreadable X delivery signed with the sandbox's secret) so the pages show rows.
// Needs a running Parley (`npx parley start`) and Debian's chromium (`apt-get install chromium`).
import { createHmac } from "node:crypto";
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

const DEMO_PROFILES = [
  { name: "Acme brand", kind: "brand", include: ["acme", "acme*", "@acme_help"], exclude: ["acme anvils"] },
  {
    name: "Switching providers",
    kind: "care",
    include: ["going to switch providers", "cancel* my contract", "worst service"],
    require_any: ["acme", "@acme_help"],
    languages: ["en"],
  },
  { name: "Globex", kind: "competitor", include: ["globex", "globex fiber"], locations: ["London", "Leeds"] },
];

/** Through the page's session, so the calls act as the signed-in admin. */
async function seedListening(page) {
  const list = await (await page.request.get(`${baseUrl}/api/v1/listening-profiles`)).json();
  if (list.items.length > 0) return;
  for (const profile of DEMO_PROFILES)
    await page.request.post(`${baseUrl}/api/v1/listening-profiles`, { data: profile });
}

/** A delivery the X parser cannot read: the pipeline dead-letters it at the normalize step. */
async function seedDeadLetter(page) {
  const list = await (await page.request.get(`${baseUrl}/api/v1/dead-letters`)).json();
  if (list.items.length > 0) return;
  const channels = await (await page.request.get(`${baseUrl}/api/v1/channels`)).json();
  const x = channels.items.find((c) => c.network === "x");
  if (!x) return;
  const body = JSON.stringify({
    for_user_id: x.external_account_id,
    tweet_create_events: [null],
  });
  const signature = `sha256=${createHmac("sha256", "emulator_consumer_secret").update(body).digest("base64")}`;
  await page.request.post(`${baseUrl}${x.webhook_path}`, {
    data: body,
    headers: { "content-type": "application/json", "x-twitter-webhooks-signature": signature },
  });
  await page.waitForTimeout(1500);
}

const openSettingsTab = async (page, tab) => {
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("tab", { name: tab }).click();
  await page.getByRole("table").or(page.locator(".mantine-EmptyState-root")).first().waitFor();
};

try {
  await mkdir(outDir, { recursive: true });

  if (wanted("login") || wanted("inbox") || wanted("settings")) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, email);

    if (wanted("inbox")) {
      // Open the top conversation when there is one, so the screenshot shows the timeline too.
      const firstRow = page.locator("[data-conversation-id]").first();
      // The list loads after the navigation settles on a fresh demo: give it a moment.
      await firstRow.waitFor({ timeout: 10_000 }).catch(() => {});
      if ((await firstRow.count()) > 0) {
        await firstRow.click();
        await page.waitForURL(/\/inbox\/[^/?]+/);
        await page
          .getByRole("list", { name: "Messages" })
          .or(page.getByText("No messages in this conversation"))
          .waitFor();
      }
      await shot(page, "inbox");
      const why = page.getByRole("button", { name: /^Priority .*Why ranked here/ });
      if (wanted("priority") && (await why.count()) > 0) {
        await page.waitForLoadState("networkidle");
        await why.first().hover();
        await page.getByText("Why ranked here").waitFor();
        await page.screenshot({ path: `${outDir}/inbox-priority.png` });
        console.log(`saved ${outDir}/inbox-priority.png`);
      }
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

  if (wanted("listening") || wanted("dead-letters")) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, adminEmail);
    if (wanted("listening")) {
      await seedListening(page);
      await openSettingsTab(page, "Listening");
      await shot(page, "listening", "settings-listening");
      await page.getByRole("button", { name: /^Edit Switching providers/ }).click();
      await page.getByRole("dialog").waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${outDir}/settings-listening-edit.png` });
      console.log(`saved ${outDir}/settings-listening-edit.png`);
      await page.keyboard.press("Escape");
    }
    if (wanted("dead-letters")) {
      await seedDeadLetter(page);
      await openSettingsTab(page, "Dead letters");
      await shot(page, "dead-letters", "settings-dead-letters");
    }
    await page.close();
  }
} finally {
  await browser.close();
}
