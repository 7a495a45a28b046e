-- Each audit event records the version of the canonical form it was hashed with (audit-hash.ts).
-- Events written before this migration do not say: those from before 0005 were hashed without
-- their marking (form 1), those since with it (form 2). They all start at 1; each one whose
-- stored hash is the hash of its form 2 is then marked 2. An event that matches neither keeps
-- 1, and `demarche audit verify` reports it.
ALTER TABLE "audit_events" ADD COLUMN "hash_version" smallint DEFAULT 1 NOT NULL;
--> statement-breakpoint
-- RFC 8785 canonical JSON of a jsonb value, as the `canonicalize` package writes it for the
-- value read back from the database: members sorted by name, no spaces, numbers as ECMAScript
-- prints them. Strings, booleans and null print as jsonb prints them (the same escapes).
CREATE FUNCTION audit_canonical_json(value jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  magnitude numeric;
  digits text;
  exponent integer;
BEGIN
  CASE jsonb_typeof(value)
    WHEN 'object' THEN
      RETURN '{' || coalesce((SELECT string_agg(to_jsonb(e.key)::text || ':' || audit_canonical_json(e.value), ',' ORDER BY e.key COLLATE "C")
                              FROM jsonb_each(value) AS e), '') || '}';
    WHEN 'array' THEN
      RETURN '[' || coalesce((SELECT string_agg(audit_canonical_json(e.value), ',' ORDER BY e.n)
                              FROM jsonb_array_elements(value) WITH ORDINALITY AS e(value, n)), '') || ']';
    WHEN 'number' THEN
      magnitude := abs(value::text::numeric);
      IF magnitude = 0 THEN
        RETURN '0';
      ELSIF magnitude >= 1e-6 AND magnitude < 1e21 THEN
        RETURN trim_scale(value::text::numeric)::text;
      END IF;
      -- ECMAScript's exponent form: d.ddde+N for 1e21 and above, d.ddde-N below 1e-6.
      IF magnitude >= 1 THEN
        exponent := length(split_part(trim_scale(magnitude)::text, '.', 1)) - 1;
      ELSE
        exponent := -(length(split_part(trim_scale(magnitude)::text, '.', 2)) - length(ltrim(split_part(trim_scale(magnitude)::text, '.', 2), '0')) + 1);
      END IF;
      digits := rtrim(ltrim(replace(trim_scale(magnitude)::text, '.', ''), '0'), '0');
      RETURN CASE WHEN value::text::numeric < 0 THEN '-' ELSE '' END
        || left(digits, 1) || CASE WHEN length(digits) > 1 THEN '.' || substr(digits, 2) ELSE '' END
        || 'e' || CASE WHEN exponent > 0 THEN '+' ELSE '-' END || abs(exponent)::text;
    ELSE
      RETURN value::text;
  END CASE;
END
$$;
--> statement-breakpoint
-- The append-only trigger refuses every UPDATE: lifted for this one statement, as the owner.
ALTER TABLE "audit_events" DISABLE TRIGGER audit_events_no_update_or_delete;
--> statement-breakpoint
UPDATE "audit_events" SET "hash_version" = 2
WHERE "hash" = encode(sha256(convert_to(
  '{"action":' || to_jsonb("action")::text
  || ',"actorEmail":' || coalesce(to_jsonb("actor_email")::text, 'null')
  || ',"actorId":' || coalesce(to_jsonb("actor_id")::text, 'null')
  || ',"address":' || coalesce(to_jsonb("address")::text, 'null')
  || ',"at":"' || to_char("at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '"'
  || ',"change":' || audit_canonical_json("change")
  || ',"classification":' || to_jsonb("classification")::text
  || ',"id":' || "id"::text
  || ',"prevHash":' || to_jsonb("prev_hash")::text
  || ',"recordId":' || coalesce(to_jsonb("record_id")::text, 'null')
  || ',"recordType":' || to_jsonb("record_type")::text
  || ',"via":' || to_jsonb("via")::text
  || '}', 'UTF8')), 'hex');
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE TRIGGER audit_events_no_update_or_delete;
--> statement-breakpoint
DROP FUNCTION audit_canonical_json(jsonb);
--> statement-breakpoint
-- New events say their version; the default covers a process still running the code of 0005-0007.
ALTER TABLE "audit_events" ALTER COLUMN "hash_version" SET DEFAULT 2;
