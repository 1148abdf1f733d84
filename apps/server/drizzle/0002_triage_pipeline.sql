CREATE TABLE "listening_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"include" text[] DEFAULT '{}'::text[] NOT NULL,
	"require_any" text[] DEFAULT '{}'::text[] NOT NULL,
	"exclude" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"locations" text[] DEFAULT '{}'::text[] NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spam_corrections" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"message_id" uuid,
	"label" text NOT NULL,
	"text" text NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "failed_step" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "post_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "listening_profiles" ADD CONSTRAINT "listening_profiles_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spam_corrections" ADD CONSTRAINT "spam_corrections_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spam_corrections" ADD CONSTRAINT "spam_corrections_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spam_corrections" ADD CONSTRAINT "spam_corrections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listening_profiles_workspace_idx" ON "listening_profiles" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "spam_corrections_workspace_idx" ON "spam_corrections" USING btree ("workspace_id","seq");--> statement-breakpoint
CREATE INDEX "inbound_events_dead_idx" ON "inbound_events" USING btree ("workspace_id","received_at" DESC NULLS LAST) WHERE "inbound_events"."status" = 'dead';--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("channel_account_id","external_thread_id","sent_at" DESC NULLS LAST);