CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"classification" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_activity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"fields" text[] DEFAULT '{}' NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "record_type" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "record_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "post_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "params" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_activity" ADD CONSTRAINT "record_activity_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_record_idx" ON "comments" USING btree ("record_type","record_id","created_at");--> statement-breakpoint
CREATE INDEX "record_activity_record_idx" ON "record_activity" USING btree ("record_type","record_id","at");--> statement-breakpoint
CREATE INDEX "record_activity_actor_idx" ON "record_activity" USING btree ("actor_id","record_type","record_id");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_record_idx" ON "notifications" USING btree ("record_type","record_id");--> statement-breakpoint
-- Notifications made before this migration kept their text; from now on they point at their
-- record, and the text is composed at read time. The link or the dedupe key names the record.
UPDATE "notifications" SET "record_type" = 'engagement', "record_id" = substring("link" from '^/engagements/([0-9a-f-]{36})')::uuid WHERE "link" ~ '^/engagements/[0-9a-f-]{36}';--> statement-breakpoint
UPDATE "notifications" SET "record_type" = 'directive', "record_id" = substring("link" from '^/directives/([0-9a-f-]{36})')::uuid WHERE "link" ~ '^/directives/[0-9a-f-]{36}';--> statement-breakpoint
UPDATE "notifications" AS n SET "post_id" = p."id", "params" = jsonb_build_object('dueDate', split_part(n."dedupe_key", ':', 5)) FROM "posts" AS p WHERE n."kind" LIKE 'cadence.%' AND p."code" = split_part(n."dedupe_key", ':', 3);--> statement-breakpoint
UPDATE "notifications" SET "params" = jsonb_build_object('followUpId', split_part("dedupe_key", ':', 2)) WHERE "kind" = 'follow_up.overdue';--> statement-breakpoint
UPDATE "notifications" SET "kind" = 'engagement.awaiting_approval' WHERE "kind" = 'engagement.submitted';--> statement-breakpoint
DELETE FROM "notifications" WHERE "record_type" IS NULL OR "record_id" IS NULL OR ("kind" LIKE 'cadence.%' AND "post_id" IS NULL);--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "record_type" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "record_id" SET NOT NULL;--> statement-breakpoint
-- The activity of existing engagements, from the audit trail, which recorded every step with
-- its actor: so four eyes counts everyone who already edited a record, and returns keep their reason.
INSERT INTO "record_activity" ("record_type", "record_id", "actor_id", "kind", "fields", "note", "at")
SELECT 'engagement', e."record_id"::uuid, e."actor_id",
  CASE e."action" WHEN 'engagement.created' THEN 'created' WHEN 'engagement.updated' THEN 'edited' WHEN 'engagement.submitted' THEN 'submitted' WHEN 'engagement.returned' THEN 'returned' ELSE 'approved' END,
  CASE WHEN e."action" = 'engagement.updated' THEN ARRAY(SELECT k FROM jsonb_object_keys(e."change") AS k WHERE k <> 'tokenId' ORDER BY 1) ELSE '{}'::text[] END,
  CASE WHEN e."action" = 'engagement.returned' THEN e."change"->>'reason' END,
  e."at"
FROM "audit_events" AS e
WHERE e."record_type" = 'engagement' AND e."action" IN ('engagement.created', 'engagement.updated', 'engagement.submitted', 'engagement.returned', 'engagement.approved')
  AND EXISTS (SELECT 1 FROM "engagements" WHERE "engagements"."id"::text = e."record_id");
