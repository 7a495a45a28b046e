CREATE TABLE "directive_addressee_choices" (
	"directive_id" uuid NOT NULL,
	"role" text NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "directive_addressee_choices_directive_id_role_kind_code_pk" PRIMARY KEY("directive_id","role","kind","code")
);
--> statement-breakpoint
ALTER TABLE "directive_addressee_choices" ADD CONSTRAINT "directive_addressee_choices_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE VIEW "public"."directive_addressees" AS (
  select dp.directive_id, dp.post_id, dp.role
  from directive_posts dp
  join directives d on d.id = dp.directive_id and d.status <> 'draft'
  union all
  select c.directive_id, p.id as post_id, case when bool_or(c.role = 'action') then 'action' else 'info' end as role
  from directive_addressee_choices c
  join directives d on d.id = c.directive_id and d.status = 'draft'
  join posts p on (c.kind = 'bureau' and p.bureau_code = c.code)
    or (c.kind = 'country' and p.country_alpha2 = c.code)
    or (c.kind = 'post' and p.code = c.code)
  group by c.directive_id, p.id
);--> statement-breakpoint
-- Directives written before choices were kept: each keeps the posts it was expanded into, as
-- posts chosen one by one (the bureau or country they came from is not known any more).
INSERT INTO "directive_addressee_choices" ("directive_id", "role", "kind", "code", "position")
SELECT dp."directive_id", dp."role", 'post', p."code",
  (row_number() OVER (PARTITION BY dp."directive_id", dp."role" ORDER BY p."code") - 1)::int
FROM "directive_posts" dp
JOIN "posts" p ON p."id" = dp."post_id";--> statement-breakpoint
-- A draft's addressees are its choices from now on; only issued directives keep frozen posts.
DELETE FROM "directive_posts" dp USING "directives" d WHERE d."id" = dp."directive_id" AND d."status" = 'draft';
