import type { Sentiment } from "@parley/contracts";
import type { InboundItem } from "../connectors/connector";
import { type Classifiers, loadClassifiers } from "../nlp/classifier";

/** What triage concluded about one customer message (stored on the message and its conversation). */
export interface Triage {
  language: string | null;
  sentiment: Sentiment;
  sentimentScore: number;
  isSpam: boolean;
  spamScore: number;
  isComplaint: boolean;
  isOffensive: boolean;
  category: string | null;
}

let shared: Classifiers | undefined;
/** The models are loaded once per process, on first use. */
export function classifiers(): Classifiers {
  shared ??= loadClassifiers();
  return shared;
}

/**
 * Classifies a customer's message with the workspace's spam corrections applied. The brand's own
 * messages are not triaged. (Issue 4 turns this into the pipeline's classify step.)
 */
export function triage(
  workspaceId: string,
  item: InboundItem,
  models: Classifiers = classifiers(),
): Triage | null {
  if (item.fromBrand || !item.text.trim()) return null;
  const c = models.forWorkspace(workspaceId).classify(item.text);
  const sentiment = (
    ["negative", "neutral", "positive"].includes(c.sentiment.label) ? c.sentiment.label : "neutral"
  ) as Sentiment;
  return {
    language: item.language ?? (c.language && c.language !== "und" ? c.language : null),
    sentiment,
    sentimentScore: Math.round(c.sentiment.score * 1000) / 1000,
    isSpam: c.spam.label === "spam",
    spamScore: c.spam.label === "spam" ? c.spam.prob : 1 - c.spam.prob,
    isComplaint: c.complaint.label === "complaint",
    isOffensive: c.offensive.label === "offensive",
    category: c.category.prob >= 0.6 ? c.category.label.toLowerCase() : null,
  };
}
