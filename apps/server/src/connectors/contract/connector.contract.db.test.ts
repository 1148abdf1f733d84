import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../platform/clock";
import { facebookPair } from "./facebook.pair";
import { type ContractEnv, startContract } from "./harness";
import { instagramPair } from "./instagram.pair";
import { whatsappPair } from "./whatsapp.pair";
import { xPair } from "./x.pair";

/*
 * The contract every connector meets against its network's emulator, over real HTTP on loopback:
 * a customer's public post and private message arrive through the network's own delivery
 * mechanism and become one conversation; public and private replies reach the network as the
 * right calls and come back as `sent` with the network's id; what the network forbids is refused
 * before sending; a throttled send waits for the reset and goes out once; a crash between the
 * network's answer and recording it never posts twice.
 */

describe.each([xPair(), facebookPair(), instagramPair(), whatsappPair()])(
  "$network connector against its emulator",
  (pair) => {
    const clock = fixedClock(new Date("2026-03-02T15:00:00Z"));
    let env: ContractEnv;
    let conversationId: string;

    beforeAll(async () => {
      env = await startContract(pair, clock);
    });
    afterAll(async () => {
      await env?.close();
    });

    it("files a customer's first messages, public and private, in one conversation", async () => {
      if (pair.hasPublic) await pair.customerPosts("my internet is down since this morning");
      else await pair.customerMessages("my internet is down since this morning");
      await env.drain();
      const [first, ...others] = await env.conversationIds();
      expect(others).toEqual([]);
      conversationId = first ?? "";
      await pair.customerMessages("here is my account number, as asked");
      await env.drain();
      expect(await env.conversationIds()).toEqual([conversationId]);
      const items = await env.messagesOf(conversationId);
      expect(items.map((m) => m.visibility)).toEqual([pair.hasPublic ? "public" : "private", "private"]);
      expect(items.every((m) => m.direction === "inbound" && m.external_id)).toBe(true);
    });

    // A network without public posts (WhatsApp) must refuse a public reply instead.
    if (pair.hasPublic) {
      it("refuses personal data in a public reply, naming it, before anything is queued", async () => {
        const res = await env.reply(
          conversationId,
          "Your account number 12345678 is now unlocked.",
          "public",
        );
        expect(res.statusCode).toBe(422);
        expect(res.json().errors[0]).toMatchObject({ field: "body.text" });
        expect(res.json().detail).toMatch(/account number.*Reply privately/);
        expect((await env.messagesOf(conversationId)).filter((m) => m.direction === "outbound")).toHaveLength(
          0,
        );
      });

      it("posts a public reply as the network's reply call and records its id", async () => {
        const res = await env.reply(
          conversationId,
          "Sorry to hear that! We're looking into it now.",
          "public",
        );
        expect(res.statusCode).toBe(202);
        expect(res.json().delivery_status).toBe("queued");
        await env.drain();
        const sent = await env.message(conversationId, res.json().id);
        expect(sent).toMatchObject({ delivery_status: "sent", direction: "outbound", visibility: "public" });
        const onNetwork = await pair.brandSent("public");
        expect(onNetwork.map((p) => p.id)).toEqual([sent?.external_id]);
        const customerPost = (await env.messagesOf(conversationId))[0];
        expect(onNetwork[0]?.replyTo).toBe(customerPost?.external_id);
        expect(await pair.readBack(sent?.external_id ?? "")).toContain("We're looking into it now.");
        // The network's echo of the reply (webhook) is the same message, not a second one.
        await env.drain();
        expect((await env.messagesOf(conversationId)).filter((m) => m.direction === "outbound")).toHaveLength(
          1,
        );
      });
    } else {
      it("refuses a public reply where there is no public conversation", async () => {
        const res = await env.reply(conversationId, "Sorry to hear that!", "public");
        expect(res.statusCode).toBe(422);
        expect(res.json().detail).toMatch(/public/);
      });
    }

    it("sends a private reply as a direct message", async () => {
      const res = await env.reply(conversationId, "Thanks, checking your account now.", "private");
      expect(res.statusCode).toBe(202);
      await env.drain();
      const sent = await env.message(conversationId, res.json().id);
      expect(sent).toMatchObject({ delivery_status: "sent", visibility: "private" });
      expect((await pair.brandSent("private")).map((d) => d.id)).toContain(sent?.external_id);
    });

    it("refuses what the network forbids before sending, naming the rule", async () => {
      const res = await env.reply(conversationId, pair.forbidden.text, pair.forbidden.visibility);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe("body.text");
      expect(res.json().errors[0].message).toMatch(/characters/);
    });

    it("waits for the rate-limit reset after a throttled send, then sends exactly once", async () => {
      const before = (await pair.brandSent(pair.replyVisibility)).length;
      pair.rateLimitNext();
      const res = await env.reply(
        conversationId,
        "We've found the fault; an engineer is on the way.",
        pair.replyVisibility,
      );
      await env.drain();
      expect((await env.message(conversationId, res.json().id))?.delivery_status).toBe("queued");
      expect((await pair.brandSent(pair.replyVisibility)).length).toBe(before);
      clock.advance(16 * 60_000);
      await env.drain();
      expect((await env.message(conversationId, res.json().id))?.delivery_status).toBe("sent");
      expect((await pair.brandSent(pair.replyVisibility)).length).toBe(before + 1);
    });

    it.each(pair.hasPublic ? (["public", "private"] as const) : (["private"] as const))(
      "does not post a %s reply twice when Parley dies between the network's answer and recording it",
      async (visibility) => {
        const res = await env.reply(
          conversationId,
          `Your line is fixed (${visibility}); thanks!`,
          visibility,
        );
        const id = res.json().id as string;
        await env.sendBehindParleysBack(id);
        const before = await pair.brandSent(visibility);
        const lastOnNetwork = before[before.length - 1]?.id;
        expect(await env.findSent(id)).toEqual(pair.reconciles ? { externalId: lastOnNetwork } : "unknown");
        await env.drain();
        const after = await pair.brandSent(visibility);
        expect(after.length).toBe(before.length);
        const stored = await env.message(conversationId, id);
        if (pair.reconciles) {
          expect(stored).toMatchObject({ delivery_status: "sent", external_id: lastOnNetwork });
        } else {
          // The network cannot say whether it arrived: the agent checks instead of risking a duplicate.
          expect(stored?.delivery_status).toBe("failed");
          expect(stored?.delivery_error).toMatch(/cannot tell whether it arrived/);
        }
      },
    );

    it("processed every delivery the network made, leaving none pending or dead", async () => {
      await env.drain();
      const counts = await env.deliveries();
      expect(counts.processed).toBeGreaterThan(0);
      expect(counts).not.toHaveProperty("pending");
      expect(counts).not.toHaveProperty("dead");
    });
  },
);
