CREATE TABLE "assessment_evidence" (
	"assessment_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "assessment_evidence_assessment_id_record_type_record_id_pk" PRIMARY KEY("assessment_id","record_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"assessment_id" uuid NOT NULL,
	"area" text NOT NULL,
	"score" smallint NOT NULL,
	"justification" text NOT NULL,
	CONSTRAINT "assessment_scores_assessment_id_area_pk" PRIMARY KEY("assessment_id","area")
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"country_alpha2" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL,
	"flag_rationale" text,
	"classification" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"copied_from_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"drafted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_measure_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"country_alpha2" text NOT NULL,
	"area" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"status_on" date NOT NULL,
	"direction" text NOT NULL,
	"summary" text NOT NULL,
	"classification" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD CONSTRAINT "assessment_evidence_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_area_policy_areas_code_fk" FOREIGN KEY ("area") REFERENCES "public"."policy_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measure_statuses" ADD CONSTRAINT "policy_measure_statuses_measure_id_policy_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."policy_measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measure_statuses" ADD CONSTRAINT "policy_measure_statuses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_area_policy_areas_code_fk" FOREIGN KEY ("area") REFERENCES "public"."policy_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessments_post_period_idx" ON "assessments" USING btree ("post_id","period");--> statement-breakpoint
CREATE INDEX "assessments_country_idx" ON "assessments" USING btree ("country_alpha2","period_start");--> statement-breakpoint
CREATE INDEX "assessments_period_idx" ON "assessments" USING btree ("period_start","id");--> statement-breakpoint
CREATE INDEX "policy_measure_statuses_measure_idx" ON "policy_measure_statuses" USING btree ("measure_id","effective_on");--> statement-breakpoint
CREATE INDEX "policy_measure_statuses_effective_idx" ON "policy_measure_statuses" USING btree ("effective_on");--> statement-breakpoint
CREATE INDEX "policy_measures_status_on_idx" ON "policy_measures" USING btree ("status_on","id");--> statement-breakpoint
CREATE INDEX "policy_measures_country_idx" ON "policy_measures" USING btree ("country_alpha2","area","status_on");--> statement-breakpoint
CREATE INDEX "policy_measures_post_idx" ON "policy_measures" USING btree ("post_id","status_on");--> statement-breakpoint
INSERT INTO "policy_areas" ("code", "name", "description", "sort_order") VALUES
  ('asylum_procedure', 'Asylum procedure', 'Access to asylum, admissibility, procedures, appeals and recognition.', 10),
  ('reception_detention', 'Reception and detention', 'Reception conditions, accommodation, and immigration detention.', 20),
  ('returns_deportation', 'Returns and deportation', 'Return decisions, removals, readmission and voluntary return.', 30),
  ('return_hubs', 'Return hubs in third countries', 'Processing or return centres in third countries.', 40),
  ('legal_pathways', 'Legal pathways and labour migration', 'Visas, resettlement, family reunification and labour migration.', 50),
  ('integration', 'Integration', 'Language, housing, work, naturalisation and access to services.', 60),
  ('border_control', 'Border control', 'Border surveillance, checks, pushbacks and external border management.', 70),
  ('hate_crime_enforcement', 'Hate-crime enforcement', 'Investigation and prosecution of hate crimes and incitement.', 80);
--> statement-breakpoint
-- An approved assessment never changes: the application refuses first with a clear problem;
-- this keeps it so for every other writer too (SQL by hand, a future command that forgets).
CREATE FUNCTION "assessment_frozen_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'assessments' THEN
    IF OLD.status = 'approved' THEN
      RAISE EXCEPTION 'assessment % is approved and frozen', OLD.id USING ERRCODE = 'check_violation';
    END IF;
  ELSIF EXISTS (SELECT 1 FROM assessments a WHERE a.status = 'approved'
      AND a.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END)) THEN
    RAISE EXCEPTION 'assessment is approved and frozen' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "assessments_frozen" BEFORE UPDATE OR DELETE ON "assessments" FOR EACH ROW EXECUTE FUNCTION "assessment_frozen_guard"();
--> statement-breakpoint
CREATE TRIGGER "assessment_scores_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "assessment_scores" FOR EACH ROW EXECUTE FUNCTION "assessment_frozen_guard"();
--> statement-breakpoint
CREATE TRIGGER "assessment_evidence_frozen" BEFORE INSERT OR UPDATE OR DELETE ON "assessment_evidence" FOR EACH ROW EXECUTE FUNCTION "assessment_frozen_guard"();
