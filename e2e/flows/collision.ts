import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import {
  AGENT,
  conversationPane,
  conversationRow,
  LEAD,
  newDesk,
  screenshotOnFailure,
  signIn,
} from "../support/browser";
import {
  brandDmsTo,
  createXCustomer,
  customerMentionsBrand,
  uniqueWord,
  waitForBrandDm,
} from "../support/sandbox";

/**
 * Issue 6's collision rule: two agents on one conversation see each other in the presence bar;
 * when A has answered, B is warned before anything of B's is posted, and "Send anyway" posts it.
 */
export async function twoAgentsOneConversation(browser: Browser, baseUrl: string): Promise<void> {
  const [a, b] = await Promise.all([newDesk(browser, baseUrl), newDesk(browser, baseUrl)]);
  try {
    const [pageA, pageB] = await Promise.all([a.newPage(), b.newPage()]);
    await screenshotOnFailure([pageA, pageB], "collision", () => flow(pageA, pageB, baseUrl));
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function flow(pageA: Page, pageB: Page, baseUrl: string) {
  await signIn(pageA, AGENT.email);
  await signIn(pageB, LEAD.email);

  const word = uniqueWord("roaming");
  const customer = await createXCustomer(baseUrl, "Sam Traveller");
  await customerMentionsBrand(baseUrl, customer, `is ${word} included in my plan when I travel to Spain?`);
  await openConversation(pageA, word);
  await openConversation(pageB, word);

  // Presence: each sees the other's name in the conversation while both are viewing it.
  await presenceBar(pageA).getByText(LEAD.name).waitFor();
  await presenceBar(pageB).getByText(AGENT.name).waitFor();

  // B starts a draft, then A answers first.
  const replyB = `Lee here: roaming in Spain is included (${word}, B).`;
  await conversationPane(pageB).getByRole("switch", { name: "Private" }).check();
  await composer(pageB).fill(replyB);
  const replyA = `Alex here: yes, EU roaming is part of every plan (${word}, A).`;
  await sendPrivately(pageA, replyA);
  await waitForBrandDm(baseUrl, customer, replyA);

  // B sends: warned with A's reply, and nothing of B's reaches the network.
  await conversationPane(pageB).getByRole("button", { name: "Send" }).click();
  const warning = pageB.getByRole("dialog");
  await warning.waitFor();
  await warning.getByText(AGENT.name).first().waitFor();
  const sentSoFar = (await brandDmsTo(baseUrl, customer)).map((d) => d.text);
  expect(sentSoFar).not.toContain(replyB);

  await warning.getByRole("button", { name: "Send anyway" }).click();
  const dm = await waitForBrandDm(baseUrl, customer, replyB);
  expect(dm.text).toBe(replyB);
}

async function openConversation(page: Page, text: string) {
  const row = conversationRow(page, text);
  await row.waitFor({ timeout: 45_000 });
  await row.click();
  await page.waitForURL(/\/inbox\/[^/?]+/);
  await conversationPane(page).getByText(text).first().waitFor();
}

const presenceBar = (page: Page) =>
  conversationPane(page).getByRole("group", { name: "Also viewing this conversation" });

const composer = (page: Page) => conversationPane(page).getByRole("textbox", { name: "Reply" });

async function sendPrivately(page: Page, text: string) {
  const pane = conversationPane(page);
  await pane.getByRole("switch", { name: "Private" }).check();
  await composer(page).fill(text);
  await pane.getByRole("button", { name: "Send" }).click();
}
