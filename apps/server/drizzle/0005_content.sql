CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playbooks" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"tone_of_voice" text DEFAULT '' NOT NULL,
	"dos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"donts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"examples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalation_contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "is_abuse" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "templates" ADD COLUMN "channels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Keep each template's single channel as its one-element channel list before "channel" is dropped.
UPDATE "templates" SET "channels" = ARRAY["channel"] WHERE "channel" IS NOT NULL;--> statement-breakpoint
-- The "playbook" kind is gone (the playbook has its own table); such rows become plain replies.
UPDATE "templates" SET "kind" = 'reply' WHERE "kind" = 'playbook';--> statement-breakpoint
-- Shortcuts become unique per workspace (case-insensitive): later duplicates lose theirs.
UPDATE "templates" AS t SET "shortcut" = NULL WHERE t."shortcut" IS NOT NULL AND EXISTS (SELECT 1 FROM "templates" AS o WHERE o."workspace_id" = t."workspace_id" AND lower(o."shortcut") = lower(t."shortcut") AND (o."created_at", o."id") < (t."created_at", t."id"));--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playbooks" ADD CONSTRAINT "playbooks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_articles_workspace_idx" ON "knowledge_articles" USING btree ("workspace_id","title");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_workspace_shortcut_idx" ON "templates" USING btree ("workspace_id",lower("shortcut")) WHERE "templates"."shortcut" is not null;--> statement-breakpoint
ALTER TABLE "templates" DROP COLUMN "channel";