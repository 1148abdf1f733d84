import type { BrandReply } from "./adapters/types";
import type { Conversation } from "./memory";
import { secondsToSteps } from "./options";
import { closeLoopAfterThanks, decideReaction } from "./reactions";
import { planSurveyAnswer } from "./surveys";
import { type FollowUpKind, PACKS } from "./templates";
import { greet, humanize, render } from "./text";
import type { Channel } from "./types";
import { attempt, emit, type World } from "./world";

/**
 * The conversation side of the simulation: read what the brand did on every network, let each
 * customer decide how to react (see `reactions.ts`), and post the reactions when they fall due.
 */
export function pollBrand(world: World): void {
  for (const adapter of world.adapters.values()) {
    const replies = attempt(world, adapter.network, () => adapter.poll()) ?? [];
    for (const reply of replies) reactToBrand(world, reply);
  }
}

function reactToBrand(world: World, reply: BrandReply): void {
  world.counters.brandRepliesSeen++;
  const conversation = world.memory.conversations.get(reply.key);
  const customer = conversation && world.memory.customers.get(conversation.customerId);
  if (!conversation || !customer) return;
  conversation.brandReplied = true;
  conversation.lastStep = world.step;
  // Public replies are what the customer answers under; on WhatsApp, what they may quote.
  if (reply.channel === "public" || reply.network === "whatsapp") conversation.thread.brand = reply.ref;
  if (planSurveyAnswer(world, conversation, customer, reply)) return; // a survey question (surveys.ts)
  const reaction = decideReaction({ random: world.random, conversation, customer, reply });
  if (!reaction) return;
  world.memory.schedule(conversation, {
    due: world.step + secondsToSteps(world.options, reaction.delaySeconds),
    kind: reaction.kind,
    channel: reaction.channel,
  });
}

const CALM: ReadonlySet<FollowUpKind> = new Set(["thanks", "close_loop", "smalltalk", "details", "answer"]);

export function runFollowUp(world: World, conversation: Conversation): void {
  const pending = conversation.pending;
  conversation.pending = undefined;
  const customer = world.memory.customers.get(conversation.customerId);
  const adapter = world.adapters.get(conversation.network);
  if (!pending || !customer || !adapter) return;
  // A chase is only for customers the brand never answered.
  if (pending.kind === "chase" && conversation.brandReplied) return;
  const { random } = world;
  const pack = PACKS[conversation.lang];
  const channel: Channel = conversation.network === "whatsapp" ? "private" : pending.channel;
  let text = render(random, random.pick(pack.followUps[pending.kind]), conversation.slots);
  if (pending.kind !== "troll") text = humanize(random, text, CALM.has(pending.kind) ? "calm" : "angry");
  if (channel === "private" && pending.kind === "details") text = greet(random, pack, text);
  const posted = attempt(world, conversation.network, () =>
    adapter.followUp({ conversation, customer, channel, text }),
  );
  if (!posted) return;
  record(world, conversation, pending.kind, channel);
  if (posted.publicRef)
    conversation.thread = { ...conversation.thread, own: posted.publicRef, ownIsPost: false };
  world.memory.touch(customer, world.step);
  emit(world, {
    kind: "follow_up",
    network: conversation.network,
    channel,
    intent: conversation.intent,
    topic: conversation.topic,
    lang: conversation.lang,
    spam: false,
    followUp: pending.kind,
    customerId: customer.id,
    customer: conversation.network === "x" ? `@${customer.handle}` : customer.name,
    text: posted.text ?? text,
    ref: posted.ref,
  });
}

/** Updates what the conversation has been through, and plans a public thank-you after a private one. */
function record(world: World, conversation: Conversation, kind: FollowUpKind, channel: Channel): void {
  conversation.followUps++;
  conversation.lastStep = world.step;
  if (kind === "details") conversation.detailsGiven = true;
  if (kind === "unhappy") conversation.resolved = false;
  if (kind !== "thanks") return;
  conversation.resolved = true;
  // WhatsApp has no public side to close the loop on.
  if (conversation.network === "whatsapp") return;
  const later = closeLoopAfterThanks(world.random, channel);
  if (later === undefined) return;
  world.memory.schedule(conversation, {
    due: world.step + secondsToSteps(world.options, later),
    kind: "close_loop",
    channel: "public",
  });
}
