import type { GraphCall, GraphRoute } from "./graph/dispatch";

/** Who is calling: a Page token, an Instagram-Login user token, or the app token `id|secret`. */
export type MetaPrincipal =
  | { kind: "page"; pageId: string }
  | { kind: "instagram"; accountId: string }
  | { kind: "app" };

export type MetaNodeKind =
  | "page"
  | "post"
  | "comment"
  | "user"
  | "ig_account"
  | "ig_media"
  | "ig_comment"
  | "ig_user"
  | "application"
  | "conversation"
  | "message";

export interface MetaNode {
  kind: MetaNodeKind;
  id: string;
  /** The Page or IG account the object belongs to (usage headers are keyed by it). */
  ownerId: string;
}

export type MetaRoute = GraphRoute<MetaPrincipal, MetaNode>;
export type MetaCall = GraphCall<MetaPrincipal, MetaNode>;
