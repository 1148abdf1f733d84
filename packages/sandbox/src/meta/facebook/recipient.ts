import type { MetaDeps } from "../deps";
import { errors } from "../graph/errors";
import type { MetaNode } from "../principal";
import type {
  CommentRecord,
  CustomerRecord,
  DirectPlatform,
  IgCommentRecord,
  PostRecord,
} from "../state/types";

export type PrivateReplyTarget =
  | { kind: "comment"; record: CommentRecord }
  | { kind: "ig_comment"; record: IgCommentRecord }
  | { kind: "post"; record: PostRecord };

export interface Recipient {
  platform: DirectPlatform;
  /** Page id (Messenger) or IG account id (Instagram). */
  businessId: string;
  /** PSID or IGSID: what the Send API answers as `recipient_id`. */
  userId: string;
  customer: CustomerRecord;
  privateReplyTo?: PrivateReplyTarget;
}

function keysOf(recipient: Record<string, unknown>): string[] {
  return ["id", "comment_id", "post_id", "user_ref", "phone_number"].filter(
    (k) => recipient[k] !== undefined,
  );
}

function igAccountOf(deps: MetaDeps, node: MetaNode): string | undefined {
  if (node.kind === "ig_account") return node.id;
  return deps.store.pages.get(node.id)?.instagramId;
}

function byUserId(deps: MetaDeps, node: MetaNode, userId: string): Recipient {
  if (node.kind === "page") {
    const customer = deps.store.customerByPsid(node.id, userId);
    if (customer) return { platform: "messenger", businessId: node.id, userId, customer };
  }
  const accountId = igAccountOf(deps, node);
  const igCustomer = accountId ? deps.store.customerByIgsid(accountId, userId) : undefined;
  if (accountId && igCustomer)
    return { platform: "instagram", businessId: accountId, userId, customer: igCustomer };
  throw errors.noMatchingUser();
}

function customerOf(deps: MetaDeps, customerId: string | undefined): CustomerRecord {
  const customer = customerId ? deps.store.customers.get(customerId) : undefined;
  if (!customer) throw errors.noMatchingUser();
  return customer;
}

function byCommentId(deps: MetaDeps, node: MetaNode, commentId: string): Recipient {
  const comment = deps.store.comments.get(commentId);
  if (node.kind === "page" && comment && comment.pageId === node.id && !comment.removed) {
    const customer = customerOf(deps, comment.customerId);
    const userId = customer.psids[node.id] as string;
    return {
      platform: "messenger",
      businessId: node.id,
      userId,
      customer,
      privateReplyTo: { kind: "comment", record: comment },
    };
  }
  const accountId = igAccountOf(deps, node);
  const igComment = deps.store.igComments.get(commentId);
  if (accountId && igComment && igComment.accountId === accountId && !igComment.removed) {
    const customer = customerOf(deps, igComment.customerId);
    const userId = customer.igsids[accountId] as string;
    return {
      platform: "instagram",
      businessId: accountId,
      userId,
      customer,
      privateReplyTo: { kind: "ig_comment", record: igComment },
    };
  }
  throw errors.invalidParam("Param recipient[comment_id] must be a valid comment ID");
}

function byPostId(deps: MetaDeps, node: MetaNode, postId: string): Recipient {
  const post = deps.store.posts.get(postId);
  if (node.kind !== "page" || !post || post.pageId !== node.id || !post.customerId || post.removed) {
    throw errors.invalidParam("Param recipient[post_id] must be a valid visitor post ID");
  }
  const customer = customerOf(deps, post.customerId);
  const userId = customer.psids[node.id] as string;
  return {
    platform: "messenger",
    businessId: node.id,
    userId,
    customer,
    privateReplyTo: { kind: "post", record: post },
  };
}

/** `recipient` takes exactly one of `id`, `comment_id`, `post_id` (§2.6). */
export function findRecipient(
  deps: MetaDeps,
  node: MetaNode,
  recipient: Record<string, unknown> | undefined,
): Recipient {
  if (!recipient) throw errors.invalidParam("The parameter recipient is required");
  const keys = keysOf(recipient);
  if (keys.length !== 1) {
    throw errors.invalidParam(
      "Param recipient must have exactly one of id, comment_id, post_id, user_ref, phone_number",
    );
  }
  const value = String(recipient[keys[0] as string]);
  if (keys[0] === "id") return byUserId(deps, node, value);
  if (keys[0] === "comment_id") return byCommentId(deps, node, value);
  if (keys[0] === "post_id") return byPostId(deps, node, value);
  throw errors.invalidParam(`recipient[${keys[0]}] is not supported by the emulator`);
}
