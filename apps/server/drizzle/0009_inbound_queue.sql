-- ADR 0020: what the pipeline still owes lives in a narrow queue table, not in inbound_events.status.
CREATE TABLE "inbound_queue" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inbound_queue_received_idx" ON "inbound_queue" USING btree ("received_at");--> statement-breakpoint
-- Events still pending move to the queue; pending and processed alike are now `received`.
INSERT INTO "inbound_queue" ("event_id", "received_at") SELECT "id", "received_at" FROM "inbound_events" WHERE "status" = 'pending';--> statement-breakpoint
UPDATE "inbound_events" SET "status" = 'received' WHERE "status" IN ('pending', 'processed');--> statement-breakpoint
DROP INDEX "inbound_events_pending_idx";--> statement-breakpoint
ALTER TABLE "inbound_events" ALTER COLUMN "status" SET DEFAULT 'received';
