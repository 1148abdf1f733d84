import { z } from "zod";

/** HTTP shapes of proactive posts (SPEC W7). */
export const CreatePostRequest = z.strictObject({
  channel_ids: z.array(z.uuid()).min(1).max(20),
  text: z.string().trim().min(1).max(8000),
  /** Ask for a review even when the author could publish directly. */
  request_approval: z.boolean().optional(),
});

export const PostDto = z.object({
  id: z.uuid(),
  channel_id: z.uuid(),
  channel: z.string(),
  text: z.string(),
  status: z.enum(["awaiting_approval", "queued", "sending", "sent", "failed", "rejected"]),
  external_id: z.string().nullable(),
  error: z.string().nullable(),
  author_user_id: z.uuid().nullable(),
  approval_reason: z.string().nullable(),
  reviewed_by: z.uuid().nullable(),
  reviewed_at: z.string().nullable(),
  review_comment: z.string().nullable(),
  sent_at: z.string().nullable(),
  created_at: z.string(),
});
export type PostDto = z.infer<typeof PostDto>;

export const DecidePostRequest = z.strictObject({ comment: z.string().trim().min(1).max(2000).optional() });
export const RejectPostRequest = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
