import type { MetaStore } from "./store";

/** Meta's id shapes (§2.4, §2.5, §2.7), drawn from the seeded random so runs repeat. */
export const newIds = {
  postNumber: (s: MetaStore) => s.uniqueId(() => s.random.digits(15)),
  commentNumber: (s: MetaStore) => s.uniqueId(() => s.random.digits(16)),
  psid: (s: MetaStore) => s.uniqueId(() => s.random.digits(16)),
  igsid: (s: MetaStore) => s.uniqueId(() => s.random.digits(16)),
  igMedia: (s: MetaStore) => s.uniqueId(() => `18${s.random.digits(15)}`),
  igComment: (s: MetaStore) => s.uniqueId(() => `179${s.random.digits(14)}`),
  messengerMid: (s: MetaStore) => s.uniqueId(() => `m_${s.random.token(43)}`),
  /** Instagram mids are base64 of an internal item key (`aWdf...`). */
  instagramMid: (s: MetaStore, accountId: string) =>
    s.uniqueId(() =>
      Buffer.from(`ig_message_item:1:IGMessageThread:${accountId}:${s.random.digits(39)}`).toString(
        "base64url",
      ),
    ),
  shortcode: (s: MetaStore) => s.uniqueId(() => s.random.token(11)),
};
