CREATE TABLE "crisis_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"topic_kind" text NOT NULL,
	"topic" text NOT NULL,
	"kind" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"volume" integer NOT NULL,
	"negative" integer NOT NULL,
	"baseline_volume" real NOT NULL,
	"baseline_negative_share" real NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_modes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"topic_kind" text NOT NULL,
	"topic" text NOT NULL,
	"team_id" uuid,
	"holding_template_id" uuid,
	"rule_id" uuid,
	"alert_id" uuid,
	"started_by" uuid,
	"started_via" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid
);
--> statement-breakpoint
CREATE TABLE "outbound_posts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel_account_id" uuid NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"external_id" text,
	"error" text,
	"author_user_id" uuid,
	"approval_reason" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "rules" ADD COLUMN "clock" text;--> statement-breakpoint
ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_modes" ADD CONSTRAINT "crisis_modes_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_posts" ADD CONSTRAINT "outbound_posts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crisis_alerts_workspace_idx" ON "crisis_alerts" USING btree ("workspace_id","status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "crisis_modes_workspace_idx" ON "crisis_modes" USING btree ("workspace_id","ended_at");--> statement-breakpoint
CREATE INDEX "outbound_posts_workspace_idx" ON "outbound_posts" USING btree ("workspace_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "conversations_sla_check_idx" ON "conversations" USING btree ("sla_next_check_at") WHERE "conversations"."sla_next_check_at" is not null;