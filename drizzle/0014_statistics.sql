CREATE TABLE "statistic_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"source_id" text NOT NULL,
	"publisher" text NOT NULL,
	"table_id" text NOT NULL,
	"table_title" text NOT NULL,
	"url" text NOT NULL,
	"licence" text NOT NULL,
	"retrieved_on" date NOT NULL,
	"indicator_code" text NOT NULL,
	"indicator_name" text NOT NULL,
	"offence_key" text,
	"offence_name" text,
	"group_code" text NOT NULL,
	"group_definition" text NOT NULL,
	"justice_stage" text NOT NULL,
	"immigration_law_offences" text NOT NULL,
	"standardisation" text NOT NULL,
	"unit" text NOT NULL,
	"denominator" jsonb,
	"series_breaks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"caveats" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"classification" text DEFAULT 'U' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistic_series_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "statistic_values" (
	"series_id" uuid NOT NULL,
	"country_alpha2" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistic_values_series_id_country_alpha2_year_pk" PRIMARY KEY("series_id","country_alpha2","year")
);
--> statement-breakpoint
ALTER TABLE "statistic_values" ADD CONSTRAINT "statistic_values_series_id_statistic_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."statistic_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistic_values" ADD CONSTRAINT "statistic_values_country_alpha2_countries_alpha2_fk" FOREIGN KEY ("country_alpha2") REFERENCES "public"."countries"("alpha2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "statistic_series_source_idx" ON "statistic_series" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "statistic_series_indicator_idx" ON "statistic_series" USING btree ("indicator_code");--> statement-breakpoint
CREATE INDEX "statistic_series_offence_idx" ON "statistic_series" USING btree ("offence_key");--> statement-breakpoint
CREATE INDEX "statistic_values_country_year_idx" ON "statistic_values" USING btree ("country_alpha2","year");