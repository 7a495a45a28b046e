CREATE TABLE "counter_arguments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"talking_point_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"argument" text NOT NULL,
	"rebuttal" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directive_posts" (
	"directive_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "directive_posts_directive_id_post_id_pk" PRIMARY KEY("directive_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "directive_tags" (
	"directive_id" uuid NOT NULL,
	"tag_code" text NOT NULL,
	CONSTRAINT "directive_tags_directive_id_tag_code_pk" PRIMARY KEY("directive_id","tag_code")
);
--> statement-breakpoint
CREATE TABLE "directives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"date" date NOT NULL,
	"subject" text NOT NULL,
	"from_line" text NOT NULL,
	"objective" text NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"classification" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"engagement_cadence_days" integer,
	"incident_cadence_days" integer,
	"assessment_cadence_days" integer,
	"supersedes_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"source_note" text,
	"drafted_by" uuid,
	"issued_by" uuid,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "directives_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "tags" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "talking_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"directive_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"text" text NOT NULL,
	"scope" text DEFAULT 'all' NOT NULL,
	"scope_bureaus" text[] DEFAULT '{}' NOT NULL,
	"scope_countries" text[] DEFAULT '{}' NOT NULL,
	"rationale" text,
	"wording" text DEFAULT 'verbatim' NOT NULL,
	"attribution" text,
	CONSTRAINT "talking_points_number_unique" UNIQUE("directive_id","number")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"organization" text NOT NULL,
	"organization_type" text NOT NULL,
	"country_alpha2" text NOT NULL,
	"post_id" uuid NOT NULL,
	"classification" text DEFAULT 'U' NOT NULL,
	"merged_into_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_contacts" (
	"engagement_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	CONSTRAINT "engagement_contacts_engagement_id_contact_id_pk" PRIMARY KEY("engagement_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_directives" (
	"engagement_id" uuid NOT NULL,
	"directive_id" uuid NOT NULL,
	CONSTRAINT "engagement_directives_engagement_id_directive_id_pk" PRIMARY KEY("engagement_id","directive_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_officers" (
	"engagement_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "engagement_officers_engagement_id_user_id_pk" PRIMARY KEY("engagement_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_points" (
	"engagement_id" uuid NOT NULL,
	"talking_point_id" uuid NOT NULL,
	"delivered" boolean NOT NULL,
	"reception" text,
	CONSTRAINT "engagement_points_engagement_id_talking_point_id_pk" PRIMARY KEY("engagement_id","talking_point_id")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"classification" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"our_readout" text DEFAULT '' NOT NULL,
	"commitments" text DEFAULT '' NOT NULL,
	"counterpart_account" text,
	"counterpart_source_url" text,
	"counterpart_date" date,
	"synthetic" boolean DEFAULT false NOT NULL,
	"drafted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"action" text NOT NULL,
	"owner_id" uuid,
	"due_date" date NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"rotated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_secretHash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_dedupeKey_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "counter_arguments" ADD CONSTRAINT "counter_arguments_talking_point_id_talking_points_id_fk" FOREIGN KEY ("talking_point_id") REFERENCES "public"."talking_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_posts" ADD CONSTRAINT "directive_posts_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_posts" ADD CONSTRAINT "directive_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_tags" ADD CONSTRAINT "directive_tags_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directive_tags" ADD CONSTRAINT "directive_tags_tag_code_tags_code_fk" FOREIGN KEY ("tag_code") REFERENCES "public"."tags"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directives" ADD CONSTRAINT "directives_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talking_points" ADD CONSTRAINT "talking_points_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_contacts" ADD CONSTRAINT "engagement_contacts_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_contacts" ADD CONSTRAINT "engagement_contacts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_directives" ADD CONSTRAINT "engagement_directives_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_directives" ADD CONSTRAINT "engagement_directives_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_officers" ADD CONSTRAINT "engagement_officers_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_officers" ADD CONSTRAINT "engagement_officers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_points" ADD CONSTRAINT "engagement_points_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_points" ADD CONSTRAINT "engagement_points_talking_point_id_talking_points_id_fk" FOREIGN KEY ("talking_point_id") REFERENCES "public"."talking_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_drafted_by_users_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directive_posts_post_idx" ON "directive_posts" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "directives_status_idx" ON "directives" USING btree ("status");--> statement-breakpoint
CREATE INDEX "contacts_post_idx" ON "contacts" USING btree ("post_id");--> statement-breakpoint
CREATE INDEX "engagement_contacts_contact_idx" ON "engagement_contacts" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "engagement_directives_directive_idx" ON "engagement_directives" USING btree ("directive_id");--> statement-breakpoint
CREATE INDEX "engagement_points_point_idx" ON "engagement_points" USING btree ("talking_point_id");--> statement-breakpoint
CREATE INDEX "engagements_post_idx" ON "engagements" USING btree ("post_id","occurred_at");--> statement-breakpoint
CREATE INDEX "engagements_status_idx" ON "engagements" USING btree ("status");--> statement-breakpoint
CREATE INDEX "follow_ups_owner_idx" ON "follow_ups" USING btree ("owner_id","due_date");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");