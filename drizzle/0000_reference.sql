CREATE TABLE "bureaus" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "countries" (
	"alpha2" text PRIMARY KEY NOT NULL,
	"alpha3" text NOT NULL,
	"numeric" text NOT NULL,
	"name" text NOT NULL,
	"official_name" text NOT NULL,
	"capital" text,
	"capital_lat" double precision,
	"capital_lon" double precision,
	"population" bigint,
	"region" text NOT NULL,
	"subregion" text,
	"bureau_code" text,
	CONSTRAINT "countries_alpha3_unique" UNIQUE("alpha3")
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"country_alpha2" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL,
	"bureau_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "countries" ADD CONSTRAINT "countries_bureau_code_bureaus_code_fk" FOREIGN KEY ("bureau_code") REFERENCES "public"."bureaus"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_bureau_code_bureaus_code_fk" FOREIGN KEY ("bureau_code") REFERENCES "public"."bureaus"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "countries_bureau_idx" ON "countries" USING btree ("bureau_code");--> statement-breakpoint
CREATE INDEX "posts_country_idx" ON "posts" USING btree ("country_alpha2");--> statement-breakpoint
CREATE INDEX "posts_bureau_idx" ON "posts" USING btree ("bureau_code");