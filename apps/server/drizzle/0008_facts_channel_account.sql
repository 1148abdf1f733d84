ALTER TABLE "conversation_facts" ADD COLUMN "channel_account_id" uuid;--> statement-breakpoint
-- Facts computed before this column: their conversation's account (the rollup writes it from now on).
UPDATE "conversation_facts" f SET "channel_account_id" = c."channel_account_id" FROM "conversations" c WHERE c."id" = f."conversation_id";
