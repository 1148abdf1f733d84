import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../platform/clock";
import { facebookPair } from "./facebook.pair";
import { type ContractEnv, startContract } from "./harness";
import { instagramPair } from "./instagram.pair";
import { whatsappPair } from "./whatsapp.pair";

/*
 * The private-messaging windows of Meta's networks, against their emulators: Messenger's 24 h /
 * 7-day human-agent window and one private reply per comment; WhatsApp's 24 h window, refused
 * before sending and, when the network disagrees, failed later by its status webhook.
 */

const HOUR = 3_600_000;

async function onlyConversation(env: ContractEnv): Promise<string> {
  const [id, ...others] = await env.conversationIds();
  expect(others).toEqual([]);
  return id ?? "";
}

describe.each([facebookPair(), instagramPair()])("$network private replies", (pair) => {
  const clock = fixedClock(new Date("2026-03-02T15:00:00Z"));
  let env: ContractEnv;
  let conversationId: string;
  const lastSent = async () => (await pair.brandSent("private")).at(-1);

  beforeAll(async () => {
    env = await startContract(pair, clock);
  });
  afterAll(async () => {
    await env?.close();
  });

  it("answers a comment privately when the customer never wrote privately, once", async () => {
    await pair.customerPosts("I was charged twice, can someone help?");
    await env.drain();
    conversationId = await onlyConversation(env);
    const first = await env.reply(conversationId, "Sorry! Please send us your account number.", "private");
    expect(first.statusCode).toBe(202);
    await env.drain();
    const sent = await env.message(conversationId, first.json().id);
    expect(sent?.delivery_status).toBe("sent");
    expect(await lastSent()).toMatchObject({ id: sent?.external_id, how: "private_reply" });

    const second = await env.reply(conversationId, "Any news?", "private");
    await env.drain();
    const refused = await env.message(conversationId, second.json().id);
    expect(refused?.delivery_status).toBe("failed");
    expect(refused?.delivery_error).toMatch(/allows one per comment.*error 10900/);
  });

  it("answers normally within 24 h, with the human-agent tag until 7 days, then refuses", async () => {
    await pair.customerMessages("Here it is: 55-1234");
    await env.drain();
    expect(await onlyConversation(env)).toBe(conversationId);

    const inWindow = await env.reply(conversationId, "Thanks, refund on its way.", "private");
    await env.drain();
    expect((await env.message(conversationId, inWindow.json().id))?.delivery_status).toBe("sent");
    expect((await lastSent())?.how).toBe("RESPONSE");

    clock.advance(30 * HOUR);
    const tagged = await env.reply(conversationId, "The refund has now cleared.", "private");
    await env.drain();
    expect((await env.message(conversationId, tagged.json().id))?.delivery_status).toBe("sent");
    expect((await lastSent())?.how).toBe("MESSAGE_TAG/HUMAN_AGENT");

    // Six more days (7 d 6 h after the customer's message); the agent's session slides meanwhile.
    clock.advance(3 * 24 * HOUR);
    await env.messagesOf(conversationId);
    clock.advance(3 * 24 * HOUR);
    const late = await env.reply(conversationId, "Anything else?", "private");
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toMatch(/more than 7 days ago/);
  });
});

describe("whatsapp 24-hour window", () => {
  const clock = fixedClock(new Date("2026-03-02T15:00:00Z"));
  const pair = whatsappPair();
  let env: ContractEnv;
  let conversationId: string;

  beforeAll(async () => {
    env = await startContract(pair, clock);
    await pair.customerMessages("Where is my parcel?");
    await env.drain();
    conversationId = await onlyConversation(env);
  });
  afterAll(async () => {
    await env?.close();
  });

  it("fails a message WhatsApp accepted but later found outside the window (131047)", async () => {
    // Parley still sees the window open; WhatsApp's clock says the customer wrote 25 hours ago.
    pair.networkAhead(25 * HOUR);
    const res = await env.reply(conversationId, "Your parcel is at the depot.", "private");
    expect(res.statusCode).toBe(202);
    await env.drain();
    // Accepted (the network's id is recorded); the failed status webhook follows, possibly already
    // within that drain when the send took longer than the emulator's status delay.
    const accepted = await env.message(conversationId, res.json().id);
    expect(accepted?.external_id).toBeTruthy();
    expect(["sent", "failed"]).toContain(accepted?.delivery_status);
    // The status webhook goes out on the emulator's timer: on a loaded machine after that drain.
    await expect
      .poll(
        async () => {
          await env.drain();
          return (await env.message(conversationId, res.json().id))?.delivery_status;
        },
        { timeout: 10_000, interval: 50 },
      )
      .toBe("failed");
    const failed = await env.message(conversationId, res.json().id);
    expect(failed?.delivery_error).toMatch(/more than 24 hours.*template.*\(WhatsApp error 131047\)/);
    expect(pair.wa().store.outboundById(accepted?.external_id ?? "")?.finalStatus).toBe("failed");
    pair.networkAhead(0);
  });

  it("refuses a free-form reply outside the window before sending, suggesting a template", async () => {
    clock.advance(25 * HOUR);
    const sentBefore = pair.wa().store.outbound.length;
    const res = await env.reply(conversationId, "Are you still there?", "private");
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/within 24 hours.*approved message template/);
    expect(pair.wa().store.outbound.length).toBe(sentBefore);
  });
});
