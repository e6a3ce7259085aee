-- The chain's tail is looked up once per transaction, not once per row. The first row a
-- transaction appends takes the chain lock (held until commit) and reads the last hash from the
-- table; its later rows reuse the hash the previous row left in a transaction-local setting, as
-- no one else can append while the lock is held. A rolled-back savepoint also rolls the setting
-- back, so the tail always matches the rows that remain. A result list of 200 names is one lock
-- and one index lookup instead of 200.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  tx text := txid_current()::text;
  tail text := current_setting('vagval.audit_tail', true);
  last_hash text;
BEGIN
  IF tail IS NOT NULL AND split_part(tail, ':', 1) = tx THEN
    last_hash := split_part(tail, ':', 2);
  ELSE
    PERFORM pg_advisory_xact_lock(7410021);
    SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  END IF;
  NEW.id := nextval('audit_log_id_seq');
  NEW.at := clock_timestamp();
  NEW.prev_hash := coalesce(last_hash, 'genesis');
  NEW.hash := audit_row_digest(NEW.prev_hash, NEW);
  PERFORM set_config('vagval.audit_tail', tx || ':' || NEW.hash, true);
  RETURN NEW;
END
$$;
