import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityReport } from "./flows/accessibility";
import { twoAgentsOneConversation } from "./flows/collision";
import { replyAndResolve } from "./flows/reply-and-resolve";
import { launchChromium } from "./support/browser";
import { type RunningParley, startParley } from "./support/server";

/*
 * The agent desktop end to end (issue 6): one `parley start` (PGlite, demo workspace, sandbox
 * networks, simulated customers) and one Chromium for the file; each flow has its own browser
 * contexts and its own customer, so flows never see each other's state.
 */

let parley: RunningParley;
let browser: Browser;

beforeAll(async () => {
  [parley, browser] = await Promise.all([startParley({ simulatedPerMinute: 30 }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await parley?.stop();
}, 30_000);

/** On failure, the server's own output says what it was doing. */
async function withServerLog(flow: () => Promise<void>) {
  try {
    await flow();
  } catch (err) {
    const tail = parley.output().split("\n").slice(-40).join("\n");
    throw new Error(`${(err as Error).message}\n--- parley start (last lines) ---\n${tail}`, { cause: err });
  }
}

describe("agent desktop", () => {
  it("signs in, sees live conversations, answers privately in the channel and resolves", async () => {
    await withServerLog(() => replyAndResolve(browser, parley.url));
  }, 120_000);

  it("shows two agents to each other and warns the second before posting", async () => {
    await withServerLog(() => twoAgentsOneConversation(browser, parley.url));
  }, 120_000);

  it("has no serious or critical axe violations on the main screens", async () => {
    const report = await accessibilityReport(browser, parley.url);
    const failing = Object.fromEntries(Object.entries(report).filter(([, v]) => v.length > 0));
    expect(Object.keys(report).length).toBeGreaterThan(3);
    expect(failing, JSON.stringify(failing, null, 2)).toEqual({});
  }, 120_000);
});
