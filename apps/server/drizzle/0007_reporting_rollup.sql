CREATE TABLE "agent_availability_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"availability" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conversation_facts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"team_id" uuid,
	"assignee_id" uuid,
	"category" text,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" text,
	"is_spam" boolean DEFAULT false NOT NULL,
	"inbound_messages" integer DEFAULT 0 NOT NULL,
	"spam_messages" integer DEFAULT 0 NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"agent_replies" integer DEFAULT 0 NOT NULL,
	"customer_channels" text[] DEFAULT '{}'::text[] NOT NULL,
	"first_response_s" double precision,
	"first_response_in_hours" boolean,
	"response_count" integer DEFAULT 0 NOT NULL,
	"response_sum_s" double precision DEFAULT 0 NOT NULL,
	"response_in_hours_count" integer DEFAULT 0 NOT NULL,
	"response_in_hours_sum_s" double precision DEFAULT 0 NOT NULL,
	"sentiment_start" text,
	"sentiment_end" text,
	"sentiment_converted" boolean,
	"first_assigned_at" timestamp with time zone,
	"queue_s" double precision,
	"resolved_at" timestamp with time zone,
	"resolution_s" double precision,
	"reopened" integer DEFAULT 0 NOT NULL,
	"first_contact_resolution" boolean DEFAULT false NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"sla_first_response" text DEFAULT 'none' NOT NULL,
	"sla_resolution" text DEFAULT 'none' NOT NULL,
	"handling_s" double precision DEFAULT 0 NOT NULL,
	"handling_by_user" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reply_handling_s" double precision[] DEFAULT '{}'::float8[] NOT NULL,
	"disposition" text DEFAULT '' NOT NULL,
	"not_open_spans" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_closed_at" timestamp with time zone,
	"agent_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"source_seq" bigint DEFAULT 0 NOT NULL,
	"stale" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_rollup_state" (
	"name" text PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"holes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"contact_id" uuid,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"agent_id" uuid,
	"team_id" uuid,
	"status" text DEFAULT 'asked' NOT NULL,
	"question_message_id" uuid,
	"asked_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"score" integer,
	"comment" text,
	"answer_message_id" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agent_availability_history" ADD CONSTRAINT "agent_availability_history_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agent_availability_history" ADD CONSTRAINT "agent_availability_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agent_availability_history_period_idx" ON "agent_availability_history" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agent_availability_history_current_idx" ON "agent_availability_history" USING btree ("workspace_id","user_id") WHERE ended_at is null;--> statement-breakpoint
CREATE INDEX "conversation_facts_started_idx" ON "conversation_facts" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "conversation_facts_channel_idx" ON "conversation_facts" USING btree ("workspace_id","channel","started_at");--> statement-breakpoint
CREATE INDEX "conversation_facts_team_idx" ON "conversation_facts" USING btree ("workspace_id","team_id","started_at");--> statement-breakpoint
CREATE INDEX "conversation_facts_category_idx" ON "conversation_facts" USING btree ("workspace_id","category","started_at");--> statement-breakpoint
CREATE INDEX "conversation_facts_agents_idx" ON "conversation_facts" USING gin ("agent_ids");--> statement-breakpoint
CREATE INDEX "conversation_facts_closed_idx" ON "conversation_facts" USING btree ("workspace_id","last_closed_at");--> statement-breakpoint
CREATE INDEX "conversation_facts_stale_idx" ON "conversation_facts" USING btree ("conversation_id") WHERE stale;--> statement-breakpoint
CREATE INDEX "surveys_workspace_asked_idx" ON "surveys" USING btree ("workspace_id","asked_at");--> statement-breakpoint
CREATE INDEX "surveys_conversation_idx" ON "surveys" USING btree ("conversation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "surveys_one_waiting_idx" ON "surveys" USING btree ("conversation_id","kind") WHERE status = 'asked';--> statement-breakpoint
CREATE INDEX "surveys_contact_waiting_idx" ON "surveys" USING btree ("workspace_id","contact_id") WHERE status = 'asked';