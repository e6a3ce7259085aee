-- Audit log: append-only, hash-chained.
-- Each row's hash covers its own fields and the previous row's hash, so editing or removing a
-- row breaks every later link. Ids are drawn under the chain lock, so id order is chain order.
CREATE SEQUENCE audit_log_id_seq AS bigint;
--> statement-breakpoint
CREATE FUNCTION audit_row_digest(prev text, r audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    prev,
    r.id::text,
    to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(r.user_id::text, ''),
    coalesce(r.username, ''),
    coalesce(r.role, ''),
    coalesce(r.unit_id::text, ''),
    r.action,
    coalesce(r.person_id::text, ''),
    coalesce(r.record_type, ''),
    coalesce(r.record_id, ''),
    coalesce(r.purpose, ''),
    coalesce(r.request_id, ''),
    coalesce(r.client_ip, ''),
    coalesce(r.details::text, '')
  ), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  -- Held until commit: writers append one at a time, so the chain never forks.
  PERFORM pg_advisory_xact_lock(7410021);
  SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.id := nextval('audit_log_id_seq');
  NEW.at := clock_timestamp();
  NEW.prev_hash := coalesce(last_hash, 'genesis');
  NEW.hash := audit_row_digest(NEW.prev_hash, NEW);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Returns the id of the first row whose link does not hold, or NULL when the chain is whole.
CREATE FUNCTION audit_verify_chain() RETURNS TABLE (broken_id bigint, checked bigint)
LANGUAGE plpgsql STABLE AS $$
DECLARE
  r audit_log;
  expected_prev text := 'genesis';
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    IF r.prev_hash <> expected_prev OR r.hash <> audit_row_digest(r.prev_hash, r) THEN
      broken_id := r.id; checked := n; RETURN NEXT; RETURN;
    END IF;
    expected_prev := r.hash;
  END LOOP;
  broken_id := NULL; checked := n; RETURN NEXT;
END
$$;
--> statement-breakpoint
-- Name search is a case-insensitive prefix match on last or first name.
CREATE INDEX persons_last_name_prefix_idx ON persons (lower(last_name) text_pattern_ops);
--> statement-breakpoint
CREATE INDEX persons_first_name_prefix_idx ON persons (lower(first_name) text_pattern_ops);
