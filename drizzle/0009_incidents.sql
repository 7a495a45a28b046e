-- pg_trgm: similarity() for comparing duplicate-detection methods (docs/duplicates.md); no index uses it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "incident_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"retired" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_duplicates" (
	"incident_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"score" real NOT NULL,
	"found_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone,
	CONSTRAINT "incident_duplicates_incident_id_candidate_id_pk" PRIMARY KEY("incident_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "incident_legal_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"status" text NOT NULL,
	"effective_on" date NOT NULL,
	"source_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_merges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merged_id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"moved_source_ids" uuid[] DEFAULT '{}' NOT NULL,
	"moved_legal_status_ids" uuid[] DEFAULT '{}' NOT NULL,
	"survivor_classification_before" text NOT NULL,
	"survivor_legal_status_before" text NOT NULL,
	"merged_by" uuid NOT NULL,
	"merged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incident_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_at_change" text NOT NULL,
	"change" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"country_alpha2" text NOT NULL,
	"place_name" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"geo_precision" text NOT NULL,
	"occurred_on" date NOT NULL,
	"time_precision" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"killed" integer,
	"injured" integer,
	"human_rights_relevant" boolean DEFAULT false NOT NULL,
	"classification" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"legal_status" text DEFAULT 'reported' NOT NULL,
	"allowed_names" text[] DEFAULT '{}' NOT NULL,
	"external_id" text,
	"merged_into_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"drafted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"url" text NOT NULL,
	"outlet" text NOT NULL,
	"published_on" date,
	"language" text NOT NULL,
	"source_type" text NOT NULL,
	"reliability" text NOT NULL,
	"credibility" smallint NOT NULL,
	"suspect_status" text,
	"seq" bigserial NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_duplicates" ADD CONSTRAINT "incident_duplicates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_duplicates" ADD CONSTRAINT "incident_duplicates_candidate_id_incidents_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_duplicates" ADD CONSTRAINT "incident_duplicates_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_legal_statuses" ADD CONSTRAINT "incident_legal_statuses_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_legal_statuses" ADD CONSTRAINT "incident_legal_statuses_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_legal_statuses" ADD CONSTRAINT "incident_legal_statuses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_merges" ADD CONSTRAINT "incident_merges_merged_id_incidents_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_merges" ADD CONSTRAINT "incident_merges_survivor_id_incidents_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_merges" ADD CONSTRAINT "incident_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_merges" ADD CONSTRAINT "incident_merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_revisions" ADD CONSTRAINT "incident_revisions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_revisions" ADD CONSTRAINT "incident_revisions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_category_incident_categories_code_fk" FOREIGN KEY ("category") REFERENCES "public"."incident_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_duplicates_candidate_idx" ON "incident_duplicates" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "incident_legal_statuses_incident_idx" ON "incident_legal_statuses" USING btree ("incident_id","effective_on");--> statement-breakpoint
CREATE INDEX "incident_merges_merged_idx" ON "incident_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "incident_merges_survivor_idx" ON "incident_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE INDEX "incident_revisions_incident_idx" ON "incident_revisions" USING btree ("incident_id","at");--> statement-breakpoint
CREATE INDEX "incidents_occurred_idx" ON "incidents" USING btree ("occurred_on","id");--> statement-breakpoint
CREATE INDEX "incidents_post_idx" ON "incidents" USING btree ("post_id","occurred_on");--> statement-breakpoint
CREATE INDEX "incidents_country_idx" ON "incidents" USING btree ("country_alpha2","occurred_on");--> statement-breakpoint
CREATE INDEX "incidents_merged_into_idx" ON "incidents" USING btree ("merged_into_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_external_id_idx" ON "incidents" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "sources_record_idx" ON "sources" USING btree ("record_type","record_id");
--> statement-breakpoint
-- The seed taxonomy; administrators add categories and retire them (never delete: old incidents keep theirs).
INSERT INTO "incident_categories" ("code", "name", "description", "sort_order") VALUES
  ('violent_crime', 'Violent crime', 'Assault, robbery and other violence against persons not listed separately.', 10),
  ('homicide', 'Homicide', 'Killing of a person, including attempts where the source reports them as such.', 20),
  ('sexual_assault', 'Sexual assault', 'Rape and other sexual violence.', 30),
  ('human_trafficking', 'Human trafficking', 'Recruitment, transport or harbouring of persons for exploitation.', 40),
  ('migrant_smuggling', 'Migrant smuggling', 'Facilitating irregular entry or stay for gain.', 50),
  ('terrorist_attack', 'Terrorist or extremist attack', 'Violence for political, religious or ideological ends, whoever the perpetrator.', 60),
  ('antisemitic_incident', 'Antisemitic incident', 'Attacks, threats or damage targeting Jews or Jewish institutions.', 70),
  ('anti_christian_incident', 'Anti-Christian incident', 'Attacks, threats or damage targeting Christians or churches.', 80),
  ('anti_muslim_incident', 'Anti-Muslim incident', 'Attacks, threats or damage targeting Muslims or mosques.', 90),
  ('anti_migrant_attack', 'Anti-migrant or xenophobic attack', 'Attacks on migrants, refugees or people perceived as foreign, and on their housing.', 100),
  ('public_disorder', 'Public disorder', 'Riots and violent unrest.', 110),
  ('other', 'Other', 'Anything the directive asks about that fits no other category.', 120)
ON CONFLICT ("code") DO NOTHING;
