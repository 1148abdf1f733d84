import type { Sentiment, Tier } from "@parley/contracts";
import { findSensitive, type SensitiveSpan } from "@parley/contracts";
import type { InboundItem } from "../connectors/connector";
import type { CompiledProfiles } from "../modules/listening/match";
import { matchProfiles } from "../modules/listening/match";
import { type Classifiers, loadClassifiers } from "../nlp/classifier";
import { classifyIntent, type Intent } from "../nlp/tier";

/** What the classify step concluded about one customer message (stored on the message). */
export interface Triage {
  language: string | null;
  sentiment: Sentiment;
  sentimentScore: number;
  isSpam: boolean;
  spamScore: number;
  isComplaint: boolean;
  isOffensive: boolean;
  category: string | null;
  intent: Intent;
  tier: Tier;
  intentReasons: string[];
  /** Kinds and places of sensitive data (SPEC T4), never the values. */
  sensitive: SensitiveSpan[];
  /** The listening profiles it matched (SPEC L2). */
  listening: { id: string; name: string; kind: string; matched: string }[];
}

let shared: Classifiers | undefined;
/** The models are loaded once per process, on first use. */
export function classifiers(): Classifiers {
  shared ??= loadClassifiers();
  return shared;
}

/**
 * Classifies a customer's message (SPEC T1, T2, T4, L2) with the workspace's spam corrections
 * applied. The brand's own messages and empty ones are not triaged.
 */
export function triage(
  workspaceId: string,
  item: InboundItem,
  context: { models?: Classifiers; profiles?: CompiledProfiles | null; location?: string | null } = {},
): Triage | null {
  if (item.fromBrand || !item.text.trim()) return null;
  const c = (context.models ?? classifiers()).forWorkspace(workspaceId).classify(item.text);
  const sentiment = (
    ["negative", "neutral", "positive"].includes(c.sentiment.label) ? c.sentiment.label : "neutral"
  ) as Sentiment;
  const language = item.language ?? (c.language && c.language !== "und" ? c.language : null);
  const isSpam = c.spam.label === "spam";
  const isComplaint = c.complaint.label === "complaint";
  const listening = context.profiles
    ? matchProfiles(context.profiles, { text: item.text, language, location: context.location ?? null })
    : [];
  const intent = classifyIntent({
    text: item.text,
    sentiment,
    sentimentScore: c.sentiment.score,
    isComplaint,
    isSpam,
    // Everything a channel delivers is addressed to the brand except what listening found.
    mentionsBrand: true,
    crisis: false,
  });
  return {
    language,
    sentiment,
    sentimentScore: Math.round(c.sentiment.score * 1000) / 1000,
    isSpam,
    spamScore: isSpam ? c.spam.prob : 1 - c.spam.prob,
    isComplaint,
    isOffensive: c.offensive.label === "offensive",
    category: c.category.prob >= 0.6 ? c.category.label.toLowerCase() : null,
    intent: intent.intent,
    tier: intent.tier,
    intentReasons: intent.reasons,
    sensitive: findSensitive(item.text),
    listening: listening.map((m) => ({ id: m.profileId, name: m.name, kind: m.kind, matched: m.matched })),
  };
}
