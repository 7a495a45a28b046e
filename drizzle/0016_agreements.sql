CREATE TABLE "agreement_engagements" (
	"agreement_id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_engagements_agreement_id_engagement_id_pk" PRIMARY KEY("agreement_id","engagement_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_stage_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"effective_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"country_alpha2" text NOT NULL,
	"type" text NOT NULL,
	"stage" text NOT NULL,
	"stage_on" date NOT NULL,
	"stopped_at" text,
	"notes" text DEFAULT '' NOT NULL,
	"annual_capacity" integer,
	"nationalities" text[] DEFAULT '{}' NOT NULL,
	"assistance_offered" text DEFAULT '' NOT NULL,
	"duration_months" integer,
	"review_on" date,
	"classification" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_engagements" ADD CONSTRAINT "agreement_engagements_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_engagements" ADD CONSTRAINT "agreement_engagements_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_engagements" ADD CONSTRAINT "agreement_engagements_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_stage_changes" ADD CONSTRAINT "agreement_stage_changes_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_stage_changes" ADD CONSTRAINT "agreement_stage_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_engagements_engagement_idx" ON "agreement_engagements" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "agreement_stage_changes_agreement_idx" ON "agreement_stage_changes" USING btree ("agreement_id","changed_at");--> statement-breakpoint
CREATE INDEX "agreements_country_idx" ON "agreements" USING btree ("country_alpha2");--> statement-breakpoint
CREATE INDEX "agreements_updated_idx" ON "agreements" USING btree ("updated_at","id");