CREATE TABLE "cadence_latest" (
	"directive_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"classification" text NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cadence_latest_directive_id_post_id_classification_pk" PRIMARY KEY("directive_id","post_id","classification")
);
--> statement-breakpoint
CREATE TABLE "cadence_weeks" (
	"post_id" uuid NOT NULL,
	"classification" text NOT NULL,
	"week_start" date NOT NULL,
	"directive_ids" uuid[] NOT NULL,
	"engagements" integer NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cadence_weeks_post_id_classification_week_start_directive_ids_pk" PRIMARY KEY("post_id","classification","week_start","directive_ids")
);
--> statement-breakpoint
CREATE TABLE "point_latest" (
	"talking_point_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"classification" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"reception" text,
	CONSTRAINT "point_latest_talking_point_id_post_id_classification_pk" PRIMARY KEY("talking_point_id","post_id","classification")
);
--> statement-breakpoint
CREATE TABLE "reception_months" (
	"directive_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"classification" text NOT NULL,
	"month" date NOT NULL,
	"receptive" integer NOT NULL,
	"noncommittal" integer NOT NULL,
	"disagreed" integer NOT NULL,
	"not_recorded" integer NOT NULL,
	CONSTRAINT "reception_months_directive_id_post_id_classification_month_pk" PRIMARY KEY("directive_id","post_id","classification","month")
);
--> statement-breakpoint
ALTER TABLE "cadence_latest" ADD CONSTRAINT "cadence_latest_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_latest" ADD CONSTRAINT "cadence_latest_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_weeks" ADD CONSTRAINT "cadence_weeks_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_latest" ADD CONSTRAINT "point_latest_talking_point_id_talking_points_id_fk" FOREIGN KEY ("talking_point_id") REFERENCES "public"."talking_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "point_latest" ADD CONSTRAINT "point_latest_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_months" ADD CONSTRAINT "reception_months_directive_id_directives_id_fk" FOREIGN KEY ("directive_id") REFERENCES "public"."directives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_months" ADD CONSTRAINT "reception_months_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cadence_weeks_week_idx" ON "cadence_weeks" USING btree ("week_start");--> statement-breakpoint
CREATE INDEX "point_latest_engagement_idx" ON "point_latest" USING btree ("engagement_id");
--> statement-breakpoint
-- Recomputes the engagement facts (src/server/db/schema/engagement-facts.ts) touched by a
-- change, from the engagements themselves: the weeks and months of the given (post, day)
-- pairs, the latest per directive at those posts, and the latest delivery of the given
-- (post, talking point) pairs. Maintenance of one post is serialised by an advisory lock, so
-- two approvals at the same post in the same week cannot each miss the other.
CREATE FUNCTION engagement_facts_refresh(day_posts uuid[], days date[], point_posts uuid[], point_ids uuid[]) RETURNS void AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('engagement_facts:' || p::text, 0))
    FROM (SELECT DISTINCT p FROM unnest(day_posts || point_posts) AS k(p) ORDER BY p) locked;

  IF coalesce(array_length(day_posts, 1), 0) > 0 THEN
    DELETE FROM cadence_weeks w
      USING (SELECT DISTINCT p, date_trunc('week', d::timestamp)::date AS week_start FROM unnest(day_posts, days) AS k(p, d)) k
      WHERE w.post_id = k.p AND w.week_start = k.week_start;
    INSERT INTO cadence_weeks (post_id, classification, week_start, directive_ids, engagements, last_at)
    SELECT post_id, classification, week_start, directive_ids, count(*)::int, max(occurred_at)
    FROM (
      SELECT e.id, e.post_id, e.classification, k.week_start, e.occurred_at, array_agg(ed.directive_id ORDER BY ed.directive_id) AS directive_ids
      FROM (SELECT DISTINCT p, date_trunc('week', d::timestamp)::date AS week_start FROM unnest(day_posts, days) AS k(p, d)) k
      JOIN engagements e ON e.post_id = k.p
        AND e.occurred_at >= (k.week_start::timestamp AT TIME ZONE 'UTC')
        AND e.occurred_at < ((k.week_start + 7)::timestamp AT TIME ZONE 'UTC')
      JOIN engagement_directives ed ON ed.engagement_id = e.id
      JOIN directives d ON d.id = ed.directive_id
      WHERE e.status = 'approved'
        AND e.occurred_at >= (date_trunc('day', d.issued_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
      GROUP BY e.id, e.post_id, e.classification, k.week_start, e.occurred_at
    ) counted
    GROUP BY post_id, classification, week_start, directive_ids
    ON CONFLICT (post_id, classification, week_start, directive_ids)
      DO UPDATE SET engagements = excluded.engagements, last_at = excluded.last_at;

    DELETE FROM cadence_latest WHERE post_id = ANY (day_posts);
    INSERT INTO cadence_latest (directive_id, post_id, classification, last_at)
    SELECT d, w.post_id, w.classification, max(w.last_at)
    FROM cadence_weeks w CROSS JOIN LATERAL unnest(w.directive_ids) AS d
    WHERE w.post_id = ANY (day_posts)
    GROUP BY d, w.post_id, w.classification
    ON CONFLICT (directive_id, post_id, classification) DO UPDATE SET last_at = excluded.last_at;

    DELETE FROM reception_months r
      USING (SELECT DISTINCT p, date_trunc('month', d::timestamp)::date AS month FROM unnest(day_posts, days) AS k(p, d)) k
      WHERE r.post_id = k.p AND r.month = k.month;
    INSERT INTO reception_months (directive_id, post_id, classification, month, receptive, noncommittal, disagreed, not_recorded)
    SELECT tp.directive_id, e.post_id, e.classification, k.month,
      count(*) FILTER (WHERE ep.reception = 'receptive')::int,
      count(*) FILTER (WHERE ep.reception = 'noncommittal')::int,
      count(*) FILTER (WHERE ep.reception = 'disagreed')::int,
      count(*) FILTER (WHERE ep.reception IS NULL)::int
    FROM (SELECT DISTINCT p, date_trunc('month', d::timestamp)::date AS month FROM unnest(day_posts, days) AS k(p, d)) k
    JOIN engagements e ON e.post_id = k.p
      AND e.occurred_at >= (k.month::timestamp AT TIME ZONE 'UTC')
      AND e.occurred_at < ((k.month + interval '1 month') AT TIME ZONE 'UTC')
    JOIN engagement_points ep ON ep.engagement_id = e.id AND ep.delivered
    JOIN talking_points tp ON tp.id = ep.talking_point_id
    JOIN directives d ON d.id = tp.directive_id
    WHERE e.status = 'approved'
      AND e.occurred_at >= (date_trunc('day', d.issued_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')
    GROUP BY tp.directive_id, e.post_id, e.classification, k.month
    ON CONFLICT (directive_id, post_id, classification, month) DO UPDATE SET
      receptive = excluded.receptive, noncommittal = excluded.noncommittal, disagreed = excluded.disagreed, not_recorded = excluded.not_recorded;
  END IF;

  IF coalesce(array_length(point_posts, 1), 0) > 0 THEN
    DELETE FROM point_latest pl
      USING (SELECT DISTINCT p, t FROM unnest(point_posts, point_ids) AS k(p, t)) k
      WHERE pl.post_id = k.p AND pl.talking_point_id = k.t;
    -- Per (post, point, marking), the newest approved engagement of the post that delivered
    -- the point: a walk back along the post's engagements by date, however many there are.
    INSERT INTO point_latest (talking_point_id, post_id, classification, engagement_id, occurred_at, reception)
    SELECT k.t, k.p, c.marking, latest.id, latest.occurred_at, latest.reception
    FROM (SELECT DISTINCT p, t FROM unnest(point_posts, point_ids) AS k(p, t)) k
    CROSS JOIN (VALUES ('U'), ('SBU'), ('C'), ('S')) AS c(marking)
    CROSS JOIN LATERAL (
      SELECT e.id, e.occurred_at, ep.reception
      FROM engagements e
      JOIN engagement_points ep ON ep.engagement_id = e.id AND ep.talking_point_id = k.t
      WHERE e.post_id = k.p AND e.classification = c.marking AND e.status = 'approved' AND ep.delivered
      ORDER BY e.occurred_at DESC, e.id DESC
      LIMIT 1
    ) latest
    ON CONFLICT (talking_point_id, post_id, classification) DO UPDATE SET
      engagement_id = excluded.engagement_id, occurred_at = excluded.occurred_at, reception = excluded.reception;
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- The facts touched by rows that name engagements: the weeks and months of those that are
-- approved, and the (post, talking point) pairs given as parallel arrays of engagement and
-- point ids. The triggers on the tables that point at engagements call it.
CREATE FUNCTION engagement_facts_refresh_engagements(engagement_ids uuid[], pair_engagements uuid[], pair_points uuid[]) RETURNS void AS $$
DECLARE
  day_posts uuid[]; days date[]; point_posts uuid[]; point_ids uuid[];
BEGIN
  SELECT array_agg(k.post_id), array_agg(k.day) INTO day_posts, days FROM (
    SELECT DISTINCT e.post_id, (e.occurred_at AT TIME ZONE 'UTC')::date AS day
    FROM (SELECT DISTINCT id FROM unnest(engagement_ids) AS i(id)) i JOIN engagements e ON e.id = i.id
    WHERE e.status = 'approved') k;
  SELECT array_agg(k.post_id), array_agg(k.talking_point_id) INTO point_posts, point_ids FROM (
    SELECT DISTINCT e.post_id, p.talking_point_id
    FROM unnest(pair_engagements, pair_points) AS p(engagement_id, talking_point_id) JOIN engagements e ON e.id = p.engagement_id
    WHERE e.status = 'approved') k;
  IF day_posts IS NOT NULL OR point_posts IS NOT NULL THEN
    PERFORM engagement_facts_refresh(coalesce(day_posts, '{}'), coalesce(days, '{}'), coalesce(point_posts, '{}'), coalesce(point_ids, '{}'));
  END IF;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Engagements: an approved engagement inserted, changed (approval, or the post, date or marking
-- of an approved one) or deleted refreshes its post's weeks and months and its delivered points.
CREATE FUNCTION engagement_facts_on_engagements() RETURNS trigger AS $$
DECLARE
  day_posts uuid[]; days date[]; point_posts uuid[]; point_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(post_id), array_agg(day) INTO day_posts, days
      FROM (SELECT DISTINCT post_id, (occurred_at AT TIME ZONE 'UTC')::date AS day FROM new_rows WHERE status = 'approved') changed;
    SELECT array_agg(post_id), array_agg(talking_point_id) INTO point_posts, point_ids
      FROM (SELECT DISTINCT n.post_id, ep.talking_point_id FROM new_rows n JOIN engagement_points ep ON ep.engagement_id = n.id
            WHERE n.status = 'approved') changed;
  ELSIF TG_OP = 'UPDATE' THEN
    WITH changed AS (
      SELECT o.id, o.post_id AS old_post, o.occurred_at AS old_at, n.post_id AS new_post, n.occurred_at AS new_at
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status = 'approved' OR n.status = 'approved')
        AND (o.status, o.post_id, o.occurred_at, o.classification) IS DISTINCT FROM (n.status, n.post_id, n.occurred_at, n.classification)
    ), keyed AS (
      SELECT DISTINCT old_post AS post_id, (old_at AT TIME ZONE 'UTC')::date AS day FROM changed
      UNION SELECT DISTINCT new_post, (new_at AT TIME ZONE 'UTC')::date FROM changed
    )
    SELECT array_agg(post_id), array_agg(day) INTO day_posts, days FROM keyed;
    WITH changed AS (
      SELECT o.id, o.post_id AS old_post, n.post_id AS new_post
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o.status = 'approved' OR n.status = 'approved')
        AND (o.status, o.post_id, o.occurred_at, o.classification) IS DISTINCT FROM (n.status, n.post_id, n.occurred_at, n.classification)
    ), keyed AS (
      SELECT DISTINCT c.old_post AS post_id, ep.talking_point_id FROM changed c JOIN engagement_points ep ON ep.engagement_id = c.id
      UNION SELECT DISTINCT c.new_post, ep.talking_point_id FROM changed c JOIN engagement_points ep ON ep.engagement_id = c.id
    )
    SELECT array_agg(post_id), array_agg(talking_point_id) INTO point_posts, point_ids FROM keyed;
  ELSE
    SELECT array_agg(post_id), array_agg(day) INTO day_posts, days
      FROM (SELECT DISTINCT post_id, (occurred_at AT TIME ZONE 'UTC')::date AS day FROM old_rows WHERE status = 'approved') changed;
    -- The engagement's points are gone with it: its rows in point_latest say where it was the latest.
    SELECT array_agg(post_id), array_agg(talking_point_id) INTO point_posts, point_ids
      FROM (SELECT DISTINCT pl.post_id, pl.talking_point_id FROM point_latest pl JOIN old_rows o ON o.id = pl.engagement_id) changed;
  END IF;
  IF day_posts IS NOT NULL OR point_posts IS NOT NULL THEN
    PERFORM engagement_facts_refresh(coalesce(day_posts, '{}'), coalesce(days, '{}'), coalesce(point_posts, '{}'), coalesce(point_ids, '{}'));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER engagement_facts_insert AFTER INSERT ON engagements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_engagements();
--> statement-breakpoint
CREATE TRIGGER engagement_facts_update AFTER UPDATE ON engagements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_engagements();
--> statement-breakpoint
CREATE TRIGGER engagement_facts_delete AFTER DELETE ON engagements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_engagements();
--> statement-breakpoint
-- A directive linked to or unlinked from an approved engagement refreshes that engagement's week.
CREATE FUNCTION engagement_facts_on_links() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM engagement_facts_refresh_engagements(ARRAY(SELECT engagement_id FROM new_rows), '{}', '{}');
  ELSE
    PERFORM engagement_facts_refresh_engagements(ARRAY(SELECT engagement_id FROM old_rows), '{}', '{}');
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER engagement_facts_links_insert AFTER INSERT ON engagement_directives REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_links();
--> statement-breakpoint
CREATE TRIGGER engagement_facts_links_delete AFTER DELETE ON engagement_directives REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_links();
--> statement-breakpoint
-- A talking point's delivery recorded, changed or removed for an approved engagement refreshes
-- that month's receptions and the point's latest delivery at the post.
CREATE FUNCTION engagement_facts_on_points() RETURNS trigger AS $$
DECLARE
  engagement_ids uuid[]; point_ids uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(engagement_id), array_agg(talking_point_id) INTO engagement_ids, point_ids FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(engagement_id), array_agg(talking_point_id) INTO engagement_ids, point_ids
      FROM (SELECT engagement_id, talking_point_id FROM new_rows UNION SELECT engagement_id, talking_point_id FROM old_rows) r;
  ELSE
    SELECT array_agg(engagement_id), array_agg(talking_point_id) INTO engagement_ids, point_ids FROM old_rows;
  END IF;
  PERFORM engagement_facts_refresh_engagements(coalesce(engagement_ids, '{}'), coalesce(engagement_ids, '{}'), coalesce(point_ids, '{}'));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER engagement_facts_points_insert AFTER INSERT ON engagement_points REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_points();
--> statement-breakpoint
CREATE TRIGGER engagement_facts_points_update AFTER UPDATE ON engagement_points REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_points();
--> statement-breakpoint
CREATE TRIGGER engagement_facts_points_delete AFTER DELETE ON engagement_points REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_points();
--> statement-breakpoint
-- A directive's issue date decides which engagements count: when it changes, the weeks and
-- months of the engagements linked to it, or delivering its points, are counted again.
CREATE FUNCTION engagement_facts_on_directives() RETURNS trigger AS $$
BEGIN
  PERFORM engagement_facts_refresh_engagements(ARRAY(
    SELECT ed.engagement_id FROM old_rows o JOIN new_rows n ON n.id = o.id AND o.issued_at IS DISTINCT FROM n.issued_at
    JOIN engagement_directives ed ON ed.directive_id = n.id
    UNION
    SELECT ep.engagement_id FROM old_rows o JOIN new_rows n ON n.id = o.id AND o.issued_at IS DISTINCT FROM n.issued_at
    JOIN talking_points tp ON tp.directive_id = n.id JOIN engagement_points ep ON ep.talking_point_id = tp.id), '{}', '{}');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER engagement_facts_directives_update AFTER UPDATE ON directives REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION engagement_facts_on_directives();
--> statement-breakpoint
-- The facts of the engagements approved before this migration.
SELECT engagement_facts_refresh(coalesce(weeks.posts, '{}'), coalesce(weeks.days, '{}'), coalesce(points.posts, '{}'), coalesce(points.ids, '{}'))
FROM (SELECT array_agg(post_id) AS posts, array_agg(day) AS days
      FROM (SELECT DISTINCT post_id, (occurred_at AT TIME ZONE 'UTC')::date AS day FROM engagements WHERE status = 'approved') s) weeks,
     (SELECT array_agg(post_id) AS posts, array_agg(talking_point_id) AS ids
      FROM (SELECT DISTINCT e.post_id, ep.talking_point_id FROM engagements e JOIN engagement_points ep ON ep.engagement_id = e.id
            WHERE e.status = 'approved') s) points;
