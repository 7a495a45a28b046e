CREATE INDEX "directives_date_idx" ON "directives" USING btree ("date","id");--> statement-breakpoint
CREATE INDEX "engagements_occurred_idx" ON "engagements" USING btree ("occurred_at","id");