import type { Random } from "../shared/random";
import type { BrandReply } from "./adapters/types";
import type { Conversation } from "./memory";
import type { Customer } from "./profiles";
import { chance, intBetween } from "./sampling";
import type { FollowUpKind, Intent } from "./templates";
import type { Channel } from "./types";

/**
 * How customers react to what the brand says. The brand's words are read with simple cues in the
 * five languages: a public "please DM us" moves the customer to a private channel with their
 * details [S001 "Please DM me your member number"]; a fix earns a thank-you (the customer-
 * acknowledged resolution of S001) or, sometimes, "still broken"; anything else gets an answer
 * when the customer still needs help. Follow-ups per conversation are capped so an auto-responder
 * on the brand side can never start an endless loop.
 */
export type BrandCue = "dm" | "fix" | "other";

const DM_CUES =
  /\b(dms?|inbox|direct message|private message|message us|send us a (message|note)|drop us a (line|message)|privately|md|mp|pn|per dm)\b|mensaje (privado|directo)|por privado|escr[ií]benos|message priv[ée]|en priv[ée]|[ée]crivez-nous|direktnachricht|private nachricht|mensagem (privada|direta)/iu;

const FIX_CUES =
  /\b(fixed|resolved|sorted|restored|back (up|online|to normal)|working (again|now|normally)|refund(ed)?|credit(ed)?|replacement|should (now )?be (fine|ok|working)|all good now|has been reset)\b|solucionad|resuelt|reembols|restablecid|ya funciona|abonad|r[ée]solu|r[ée]tabli|rembours|corrig[ée]|r[ée]par[ée]|fonctionne [àa] nouveau|behoben|gel[öo]st|erstattet|gutgeschrieben|wiederhergestellt|funktioniert wieder|resolvid|restabelecid|corrigid|j[áa] funciona|repost[oa]/iu;

export function classifyBrandReply(text: string, channel: Channel): BrandCue {
  // Asking to move to private only makes sense in public; in a DM "DM" is just the channel's name.
  if (channel === "public" && DM_CUES.test(text)) return "dm";
  if (FIX_CUES.test(text)) return "fix";
  return "other";
}

export const MAX_FOLLOW_UPS = 6;
const ACTIONABLE = new Set<Intent>(["question", "complaint", "outage", "crisis"]);

export interface Reaction {
  kind: FollowUpKind;
  channel: Channel;
  /** Simulated seconds until the customer acts. */
  delaySeconds: number;
}

const reaction = (
  random: Random,
  kind: FollowUpKind,
  channel: Channel,
  min: number,
  max: number,
): Reaction => ({
  kind,
  channel,
  delaySeconds: intBetween(random, min, max),
});

/** What this customer does about this brand reply, if anything. */
export function decideReaction(input: {
  random: Random;
  conversation: Conversation;
  customer: Customer;
  reply: BrandReply;
}): Reaction | undefined {
  const { random: r, conversation: c, reply } = input;
  if (c.followUps >= MAX_FOLLOW_UPS || reply.text.trim() === "") return undefined;
  if (input.customer.troll) return chance(r, 0.6) ? reaction(r, "troll", reply.channel, 30, 600) : undefined;
  const cue = classifyBrandReply(reply.text, reply.channel);
  if (cue === "dm") return onDmRequest(r, c);
  if (cue === "fix") return onFix(r, reply.channel);
  if (!ACTIONABLE.has(c.intent) || c.resolved) {
    return chance(r, 0.25) ? reaction(r, "smalltalk", reply.channel, 10, 600) : undefined;
  }
  return onOther(r, c, reply.channel);
}

function onDmRequest(r: Random, c: Conversation): Reaction | undefined {
  if (c.detailsGiven) return chance(r, 0.5) ? reaction(r, "nudge", "private", 60, 600) : undefined;
  const roll = r.next();
  if (roll < 0.88) return reaction(r, "details", "private", 20, 180);
  return roll < 0.95 ? reaction(r, "refuse_dm", "public", 30, 300) : undefined;
}

function onFix(r: Random, channel: Channel): Reaction | undefined {
  const roll = r.next();
  if (roll < 0.55) return reaction(r, "thanks", channel, 30, 900);
  return roll < 0.75 ? reaction(r, "unhappy", channel, 60, 900) : undefined;
}

function onOther(r: Random, c: Conversation, channel: Channel): Reaction | undefined {
  if (c.detailsGiven) return chance(r, 0.35) ? reaction(r, "nudge", channel, 300, 1800) : undefined;
  if (channel === "private") return chance(r, 0.85) ? reaction(r, "details", "private", 20, 240) : undefined;
  const roll = r.next();
  if (roll < 0.5) return reaction(r, "answer", "public", 20, 300);
  // Some customers move to DMs on their own once the brand has shown up.
  return roll < 0.7 ? reaction(r, "details", "private", 30, 300) : undefined;
}

/** Chance that an unanswered customer comes back to chase, and when (simulated seconds). */
export function chaseAfterOpening(random: Random, intent: Intent): number | undefined {
  if (!ACTIONABLE.has(intent) || !chance(random, 0.3)) return undefined;
  return intBetween(random, 20 * 60, 60 * 60);
}

/** After a private thank-you, some customers also say it in public ("close the loop"). */
export function closeLoopAfterThanks(random: Random, channel: Channel): number | undefined {
  return channel === "private" && chance(random, 0.25) ? intBetween(random, 120, 1200) : undefined;
}
