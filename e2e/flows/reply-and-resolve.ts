import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import {
  AGENT,
  conversationPane,
  conversationRow,
  newDesk,
  screenshotOnFailure,
  signIn,
} from "../support/browser";
import { createXCustomer, customerMentionsBrand, uniqueWord, waitForBrandDm } from "../support/sandbox";

/**
 * Issue 6's flow: the demo agent signs in → live conversations from the sandbox fill the inbox →
 * a new one arrives without a reload → the agent opens it, answers privately (a DM on X) → the
 * sandbox network receives the DM → the agent resolves the conversation.
 */
export async function replyAndResolve(browser: Browser, baseUrl: string): Promise<void> {
  const context = await newDesk(browser, baseUrl);
  try {
    const page = await context.newPage();
    await screenshotOnFailure([page], "reply-and-resolve", () => flow(page, baseUrl));
  } finally {
    await context.close();
  }
}

async function flow(page: Page, baseUrl: string) {
  await signIn(page, AGENT.email);

  // Simulated customers are posting: rows appear without anyone touching the page.
  await page.getByRole("region", { name: "Conversations" }).getByRole("link").first().waitFor();
  // Newest first: the new conversation then arrives on top, whatever the demo history left open
  // above it by priority (the list renders only the rows in view).
  await page.getByRole("button", { name: "Sort by priority" }).click();
  await page.getByRole("menuitem", { name: "Newest" }).click();
  await page.waitForURL(/sort=newest/);

  const word = uniqueWord("wifi");
  const customer = await createXCustomer(baseUrl, "Robin Router");
  await customerMentionsBrand(baseUrl, customer, `how do I change the password of my home ${word}?`);
  const row = conversationRow(page, word);
  await row.waitFor({ timeout: 45_000 }); // over the live channel: no reload in between

  await row.click();
  await page.waitForURL(/\/inbox\/[^/?]+/);
  const pane = conversationPane(page);
  await pane.getByText(word).first().waitFor();

  // Private first, then the text: the agent's choice must survive the refetches that follow opening
  // (auto-routing assigns the conversation, the live channel refreshes it) — it once sent publicly.
  const privately = pane.getByRole("switch", { name: "Private" });
  await privately.check();
  const reply = `Hi Robin, I have sent the steps for ${word} by DM.`;
  await pane.getByRole("textbox", { name: "Reply" }).fill(reply);
  expect(await privately.isChecked()).toBe(true);
  // Next to Send, what it will do: a private message.
  await pane.getByText("Private message", { exact: true }).waitFor();
  await pane.getByRole("button", { name: "Send" }).click();

  const dm = await waitForBrandDm(baseUrl, customer, reply);
  expect(dm.text).toBe(reply);

  await pane.getByRole("button", { name: "Resolve" }).click();
  // Resolved: the header offers to reopen, and the server has it resolved.
  await pane.getByRole("button", { name: "Reopen" }).waitFor();
  const id = new URL(page.url()).pathname.split("/").pop();
  const saved = await (await page.request.get(`/api/v1/conversations/${id}`)).json();
  expect(saved.status).toBe("resolved");
}
