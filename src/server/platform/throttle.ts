import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * Anti-automation limits kept in PostgreSQL (ASVS 6.3), shared by every server instance.
 *
 * A limit is a counter per key. Each hit is one INSERT … ON CONFLICT DO UPDATE that counts it and
 * decides at once, in the row lock, whether it is refused: twenty requests at the same moment are
 * twenty increments, never twenty reads of the same count. After `free` hits within the window the
 * key is blocked for a delay that doubles with every further hit, up to `maxDelayMs`; a refused hit
 * does not count and does not extend the block. The counter starts afresh after a quiet window.
 */
export interface Limit {
  /** Hits allowed before the first delay. */
  free: number;
  /** The first delay; each further hit doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A key untouched this long starts from zero. */
  windowMs: number;
}

export interface Hit {
  /** Hits counted in the window, this one included. */
  hits: number;
  /** True when the key was blocked: the request must be refused. */
  refused: boolean;
  /** Until when further hits are refused (null when not blocked). */
  blockedUntil: Date | null;
}

/** Keys hash what they name: a username or a link token is not kept in clear. */
export const throttleKey = (kind: string, ...parts: string[]) =>
  `${kind}:${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32)}`;

const HIT = `
  insert into throttle_counters as t (key, hits, window_started_at, last_hit_at, blocked_until, last_refused)
  values ($1, 1, now(), now(),
          case when $2::int <= 1 then now() + make_interval(secs => $3::double precision / 1000) end, false)
  on conflict (key) do update set
    hits = case when t.last_hit_at < now() - make_interval(secs => $5::double precision / 1000) then 1
                when t.blocked_until > now() then t.hits
                else t.hits + 1 end,
    window_started_at = case when t.last_hit_at < now() - make_interval(secs => $5::double precision / 1000) then now()
                             else t.window_started_at end,
    blocked_until = case
      when t.last_hit_at < now() - make_interval(secs => $5::double precision / 1000) then
        case when $2::int <= 1 then now() + make_interval(secs => $3::double precision / 1000) end
      when t.blocked_until > now() then t.blocked_until
      when t.hits + 1 >= $2::int then
        now() + make_interval(secs => least($4::double precision, $3::double precision * power(2, least(t.hits + 1 - $2::int, 40))) / 1000)
      else null end,
    last_refused = coalesce(t.blocked_until > now(), false)
                   and t.last_hit_at >= now() - make_interval(secs => $5::double precision / 1000),
    last_hit_at = case when t.blocked_until > now() then t.last_hit_at else now() end
  returning hits, last_refused as refused, blocked_until`;

/** Counts one hit on the key and says whether it is refused (one atomic statement). */
export async function hit(pool: pg.Pool, key: string, limit: Limit): Promise<Hit> {
  const { rows } = await pool.query<{ hits: number; refused: boolean; blocked_until: Date | null }>(HIT, [
    key,
    limit.free,
    limit.baseDelayMs,
    limit.maxDelayMs,
    limit.windowMs,
  ]);
  const r = rows[0];
  if (!r) throw new Error("throttle hit returned nothing");
  return { hits: r.hits, refused: r.refused, blockedUntil: r.blocked_until };
}

/**
 * Takes back a hit that turned out harmless (a sign-in that succeeded): a counter of attempts
 * becomes a counter of failures without a window in which a failure went uncounted.
 */
export async function unhit(pool: pg.Pool, key: string): Promise<void> {
  await pool.query("update throttle_counters set hits = greatest(hits - 1, 0) where key = $1", [key]);
}

/** Forgets a key: the user signed in from this address, so its failures there are over. */
export async function clearKey(pool: pg.Pool, key: string): Promise<void> {
  await pool.query("delete from throttle_counters where key = $1", [key]);
}

/** Drops counters quiet for longer than any window; run at start and now and then. */
export async function pruneThrottle(pool: pg.Pool, olderThanMs: number): Promise<void> {
  await pool.query(
    "delete from throttle_counters where last_hit_at < now() - make_interval(secs => $1::double precision / 1000)",
    [olderThanMs],
  );
}

/** The seconds to tell a refused client to wait (Retry-After). */
export const retryAfterSeconds = (h: Hit) =>
  h.blockedUntil ? Math.max(1, Math.ceil((h.blockedUntil.getTime() - Date.now()) / 1000)) : 1;
