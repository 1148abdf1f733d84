#!/usr/bin/env node
// Screenshots of the main screens, for docs and visual review.
// Usage: node apps/web/scripts/screenshots.mjs [baseUrl]   (default http://127.0.0.1:3100, or $PARLEY_URL)
// PARLEY_SHOTS=channels,rules takes only those: login, inbox, conversation, customer, shortcuts,
// priority, spam, settings, channels, rules, sla, templates, playbook, listening, dead-letters,
// reports, reports-drilldown, supervisor.
// Listening and dead letters seed the demo workspace when they are empty (three profiles; one
// unreadable X delivery signed with the sandbox's secret) so the pages show rows.
// Needs a running Parley (`npx parley start`) and Debian's chromium (`apt-get install chromium`).
import { createHmac } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const baseUrl = process.argv[2] ?? process.env.PARLEY_URL ?? "http://127.0.0.1:3100";
const outDir =
  process.env.PARLEY_SHOTS_DIR ??
  resolve(dirname(fileURLToPath(import.meta.url)), "../../../docs/screenshots");
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
  await settle(page);
  await page.mouse.move(0, 0);
  await save(page, file);
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
  await settle(page);
};

/** Waits for spinners ("Loading …") to go; the live channel keeps the network busy, so no networkidle. */
async function settle(page) {
  await page
    .getByLabel(/^Loading/)
    .first()
    .waitFor({ state: "detached", timeout: 15_000 })
    .catch(() => {});
  await page.waitForTimeout(500);
}

const save = async (page, file) => {
  await page.screenshot({ path: `${outDir}/${file}.png` });
  console.log(`saved ${outDir}/${file}.png`);
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

const conversationRows = (page) => page.getByRole("region", { name: "Conversations" }).getByRole("link");

const openSettings = async (page, label) => {
  await page.goto(`${baseUrl}/settings`);
  const menu = page.getByRole("navigation", { name: "Settings" });
  await menu.getByRole("link", { name: label, exact: true }).click();
  await page.getByRole("main", { name: label }).waitFor();
  await settle(page);
};

/** The inbox list alone, then the top conversation open with its composer and customer panel. */
async function inboxShots(page) {
  await conversationRows(page)
    .first()
    .waitFor({ timeout: 30_000 })
    .catch(() => {});
  if (wanted("inbox")) await shot(page, "inbox");
  if ((await conversationRows(page).count()) === 0) return;
  await conversationRows(page).first().click();
  await page.waitForURL(/\/inbox\/[^/?]+/);
  const pane = page.getByRole("region", { name: "Conversation", exact: true });
  await pane.getByRole("textbox", { name: "Reply" }).waitFor();
  if (wanted("conversation")) {
    await pane
      .getByRole("textbox", { name: "Reply" })
      .fill("Hi! Sorry about that, let me check your line right now.");
    await shot(page, "conversation", "inbox-conversation");
    await pane.getByRole("textbox", { name: "Reply" }).fill("");
  }
  // The customer panel shows beside the conversation on wide screens (1500 px and more).
  if (wanted("customer")) await page.setViewportSize({ width: 1680, height: 1000 });
  const customer = page.getByRole("complementary", { name: "Customer" });
  if (wanted("customer") && (await customer.count()) === 0)
    await pane.getByRole("button", { name: "Customer panel" }).click();
  if (wanted("customer")) await customer.waitFor({ timeout: 5_000 }).catch(() => {});
  if (wanted("customer") && (await customer.count()) > 0) {
    await customer
      .getByText("Identities")
      .first()
      .waitFor()
      .catch(() => {});
    await settle(page);
    await page.screenshot({ path: `${outDir}/inbox-customer.png` });
    console.log(`saved ${outDir}/inbox-customer.png`);
  }
  await page.setViewportSize(viewport);
  const why = page.getByRole("button", { name: /^Priority .*Why ranked here/ });
  if (wanted("priority") && (await why.count()) > 0) {
    await why.first().hover();
    await page.getByText("Why ranked here").first().waitFor();
    await save(page, "inbox-priority");
    await page.mouse.move(0, 0);
  }
  if (wanted("shortcuts")) {
    await page.keyboard.press("Escape");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("?");
    await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
    await shot(page, "shortcuts", "inbox-shortcuts");
    await page.keyboard.press("Escape");
  }
}

async function spamShot(page) {
  await page.getByRole("navigation", { name: "Inbox views" }).getByRole("button", { name: /^Spam/ }).click();
  await page.waitForURL(/view=spam/);
  await conversationRows(page)
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  await shot(page, "spam", "inbox-spam");
}

/** The first rule open in the editor, its dry run over the last 7 days shown. */
async function rulesShot(page) {
  await openSettings(page, "Rules");
  const table = page.getByRole("table", { name: "Rules" });
  await shot(page, "rules", "settings-rules");
  await table.getByRole("button").filter({ hasText: /\w/ }).first().click();
  const editor = page.getByRole("dialog");
  await editor.waitFor();
  await editor.getByRole("button", { name: "Dry run" }).click();
  await editor
    .getByRole("table", { name: "Dry run matches" })
    .or(editor.getByText(/no messages|matched none|0 of/i))
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(() => {});
  await shot(page, "rules", "settings-rules-dry-run");
  await page.keyboard.press("Escape");
}

try {
  await mkdir(outDir, { recursive: true });

  if (
    ["login", "inbox", "conversation", "customer", "priority", "shortcuts", "spam", "settings"].some(wanted)
  ) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, email);
    await inboxShots(page);
    if (wanted("spam")) await spamShot(page);
    if (wanted("settings")) {
      await openSettings(page, "Users");
      await shot(page, "settings");
    }
    await page.close();
  }

  // As an admin, so the screens show the actions that change things too.
  const adminScreens = [
    ["channels", "Channels", "settings-channels"],
    ["sla", "SLA & hours", "settings-sla"],
    ["templates", "Templates", "settings-templates"],
    ["playbook", "Playbook", "settings-playbook"],
  ];
  if (adminScreens.some(([name]) => wanted(name)) || ["rules", "listening", "dead-letters"].some(wanted)) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, adminEmail);
    for (const [name, label, file] of adminScreens) {
      if (!wanted(name)) continue;
      await openSettings(page, label);
      await shot(page, name, file);
    }
    if (wanted("rules")) await rulesShot(page);
    if (wanted("listening")) {
      await seedListening(page);
      await openSettings(page, "Listening");
      await shot(page, "listening", "settings-listening");
      await page.getByRole("button", { name: /^Edit Switching providers/ }).click();
      await page.getByRole("dialog").waitFor();
      await page.waitForTimeout(300);
      await save(page, "settings-listening-edit");
      await page.keyboard.press("Escape");
    }
    if (wanted("dead-letters")) {
      await seedDeadLetter(page);
      await openSettings(page, "Dead letters");
      await shot(page, "dead-letters", "settings-dead-letters");
    }
    await page.close();
  }
  // Reports as an analyst: the whole page (its scroll box laid open), then a tile's drill-down.
  // PARLEY_REPORTS_QUERY picks the period, e.g. "period=custom&start=2017-10-01&end=2017-12-31" for TWCS.
  if (["reports", "reports-drilldown"].some(wanted)) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, process.env.PARLEY_ANALYST_EMAIL ?? "analyst@acme.example");
    const query = process.env.PARLEY_REPORTS_QUERY ?? "";
    await page.goto(`${baseUrl}/reports${query ? `?${query}` : ""}`);
    await page.getByRole("region", { name: "Volume", exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole("img", { name: "Daily volume" }).waitFor({ timeout: 30_000 });
    await settle(page);
    if (wanted("reports")) {
      // The page scrolls inside the layout: grow the window to the scroll box's content.
      const height = await page.evaluate(() =>
        [...document.querySelectorAll("main *")].reduce(
          (max, el) => (getComputedStyle(el).overflowY === "auto" ? Math.max(max, el.scrollHeight) : max),
          0,
        ),
      );
      await page.setViewportSize({
        width: viewport.width,
        height: Math.min(Math.max(height + 48, 900), 4200),
      });
      await shot(page, "reports");
      await page.setViewportSize(viewport);
    }
    if (wanted("reports-drilldown")) {
      await page.getByRole("button", { name: /^First-response SLA: .*Show the conversations/ }).click();
      await page
        .getByRole("dialog")
        .getByRole("link")
        .first()
        .waitFor({ timeout: 15_000 })
        .catch(() => {});
      await shot(page, "reports-drilldown");
    }
    await page.close();
  }
  // The live supervisor view as a lead, whole page (it scrolls inside the layout like Reports), while
  // the demo agent has a conversation open so the agents grid shows who is where.
  if (wanted("supervisor")) {
    const desk = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(desk, email);
    await conversationRows(desk).first().click();
    await desk.waitForURL(/\/inbox\/.+/);
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    await signIn(page, process.env.PARLEY_LEAD_EMAIL ?? "lead@acme.example");
    await page.goto(`${baseUrl}/supervisor`);
    await page.getByRole("region", { name: "Agents" }).waitFor({ timeout: 30_000 });
    await settle(page);
    const height = await page.evaluate(
      () => document.querySelector("[data-supervisor-page]")?.scrollHeight ?? 0,
    );
    await page.setViewportSize({ width: viewport.width, height: Math.min(Math.max(height + 48, 900), 2400) });
    await shot(page, "supervisor");
    await page.close();
    await desk.close();
  }
} finally {
  await browser.close();
}
