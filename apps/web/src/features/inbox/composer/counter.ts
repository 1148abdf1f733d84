import { type Channel, TEXT_LIMITS, xWeightedLength } from "@parley/contracts";

export type ReplyVisibility = "public" | "private";

export interface CharacterCount {
  used: number;
  /** The most the network takes; null where Parley knows no limit. */
  max: number | null;
  over: boolean;
  /** How X counts: URLs as 23, emoji and most non-Latin scripts as 2. */
  weighted: boolean;
}

/** Messenger and Instagram DMs must be shorter than the limit; the others may reach it. */
const STRICTLY_SHORTER: Partial<Record<Channel, ReplyVisibility[]>> = {
  facebook: ["private"],
  instagram: ["private"],
};

/** The count the network applies to a reply, as the connectors check it (packages/contracts limits.ts). */
export function countCharacters(channel: Channel, visibility: ReplyVisibility, text: string): CharacterCount {
  const weighted = channel === "x" && visibility === "public";
  const used = weighted ? xWeightedLength(text) : [...text].length;
  const limits = channel in TEXT_LIMITS ? TEXT_LIMITS[channel as keyof typeof TEXT_LIMITS] : null;
  if (!limits) return { used, max: null, over: false, weighted };
  const strict = STRICTLY_SHORTER[channel]?.includes(visibility) ?? false;
  const max = limits[visibility] - (strict ? 1 : 0);
  return { used, max, over: used > max, weighted };
}
