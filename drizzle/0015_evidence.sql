ALTER TABLE "statistic_series" ADD COLUMN "kind" text DEFAULT 'figure' NOT NULL;--> statement-breakpoint
ALTER TABLE "statistic_series" ADD COLUMN "coverage" text DEFAULT 'unknown' NOT NULL;--> statement-breakpoint
CREATE INDEX "statistic_series_kind_idx" ON "statistic_series" USING btree ("kind");