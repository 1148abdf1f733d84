ALTER TABLE "conversations" ADD COLUMN "sla_state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "sla_next_check_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "approval_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "approval_reason" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "approval_reason" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "approval_sample_percent" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "team_members" ADD COLUMN "last_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "business_hours_id" uuid;--> statement-breakpoint
ALTER TABLE "rules" ADD COLUMN "after_seconds" integer;--> statement-breakpoint
CREATE INDEX "conversations_sla_check_idx" ON "conversations" USING btree ("sla_next_check_at") WHERE "conversations"."sla_next_check_at" is not null;