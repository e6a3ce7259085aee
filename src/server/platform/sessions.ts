import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt, or, sql } from "drizzle-orm";
import type { Role } from "../../domain/roles";
import type { Db } from "../db/connection";
import { districts, emergencyAccessGrants, sessions, units, userRoles, users } from "../db/schema/index";
import type { Actor } from "./actor";
import type { Config } from "./config";
import { liveGrantRefs } from "./emergency-access";

export const SESSION_COOKIE = "vagval_session";
/**
 * Over HTTPS the cookie carries the `__Host-` prefix: the browser then takes it only with Secure,
 * Path=/ and no Domain, so a sibling subdomain cannot plant or shadow it. Browsers refuse the
 * prefix without Secure, so plain HTTP (development, tests) keeps the bare name.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

export const sessionCookieName = (secure: boolean) => (secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

/** The session token of a request: over HTTPS only the prefixed cookie counts. */
export function sessionToken(request: { protocol: string; cookies: Record<string, string | undefined> }): string | undefined {
  return request.cookies[sessionCookieName(request.protocol === "https")];
}

const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(db: Db, userId: string, clientIp: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId, clientIp });
  return token;
}

export async function destroySession(db: Db, token: string): Promise<void> {
  if (token) cache.delete(tokenHash(token));
  await db.delete(sessions).where(eq(sessions.tokenHash, token ? tokenHash(token) : ""));
}

export async function destroyUserSessions(db: Db, userId: string, exceptToken?: string): Promise<void> {
  forgetCachedSessions();
  await db
    .delete(sessions)
    .where(
      exceptToken
        ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${tokenHash(exceptToken)}`)
        : eq(sessions.userId, userId),
    );
}

function buildActorQuery(db: Db) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      active: users.active,
      protectedIdentityAccess: users.protectedIdentityAccess,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      role: userRoles.role,
      unitId: units.id,
      unitName: units.name,
      districtId: districts.id,
      districtName: districts.name,
      // The user's live nödåtkomst grants ride along with the session (no round trip of their own);
      // the scope checks each against the database's clock again when it is used.
      emergencyGrants: sql<{ id: string; personId: string; category: string; reason: string; expiresAt: string }[] | null>`(
        select json_agg(json_build_object('id', g.id, 'personId', g.person_id, 'category', g.category,
                                          'reason', g.reason, 'expiresAt', g.expires_at))
        from ${emergencyAccessGrants} g
        where g.user_id = ${users.id} and g.ended_at is null and g.expires_at > now())`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userRoles, eq(userRoles.userId, users.id))
    .leftJoin(units, eq(units.id, userRoles.unitId))
    .leftJoin(districts, eq(districts.id, units.districtId))
    .where(eq(sessions.tokenHash, sql.placeholder("hash")))
    .prepare("actor_for_session");
}

/**
 * Every request runs this lookup, so it is a named prepared statement: PostgreSQL plans the
 * five-table join once per connection instead of on every request.
 */
const actorQueries = new WeakMap<Db, ReturnType<typeof buildActorQuery>>();
function actorQuery(db: Db) {
  let q = actorQueries.get(db);
  if (!q) {
    q = buildActorQuery(db);
    actorQueries.set(db, q);
  }
  return q;
}

type ActorRows = Awaited<ReturnType<ReturnType<typeof buildActorQuery>["execute"]>>;

/**
 * Sessions looked up in the last few seconds, by token hash: a page load fires several requests,
 * and each would otherwise pay a database round trip before doing its work. Everything that ends
 * a session or changes who a user is (sign-out, deactivation, roles, units) forgets the cache at
 * once in this process; another process running the same database sees such a change within
 * CACHE_MS. Expiry is still checked on every request, against the cached times.
 */
const CACHE_MS = 5_000;
const CACHE_MAX = 10_000;
const cache = new Map<string, { loadedAt: number; rows: ActorRows; lastSeenAt: number }>();

/** Drops every cached session: after a change to users, roles or units, and in tests that edit sessions by hand. */
export function forgetCachedSessions(): void {
  cache.clear();
}

/** Drops the cached sessions of one user: after their nödåtkomst grants change. */
export function forgetCachedSessionsOf(userId: string): void {
  for (const [hash, entry] of cache) if (entry.rows[0]?.userId === userId) cache.delete(hash);
}

async function loadSession(db: Db, hash: string, now: number) {
  const hit = cache.get(hash);
  if (hit && now - hit.loadedAt < CACHE_MS) return hit;
  const rows = await actorQuery(db).execute({ hash });
  const first = rows[0];
  if (!first) {
    cache.delete(hash);
    return null;
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  const entry = { loadedAt: now, rows, lastSeenAt: first.lastSeenAt.getTime() };
  cache.set(hash, entry);
  return entry;
}

/** The actor for a session token, or null when the session is gone or expired. */
export async function actorForSession(
  db: Db,
  config: Config,
  token: string,
  request: { id: string; ip: string },
): Promise<Actor | null> {
  const hash = tokenHash(token);
  const now = Date.now();
  const entry = await loadSession(db, hash, now);
  const first = entry?.rows[0];
  if (!entry || !first) return null;
  const expired =
    !first.active || now - entry.lastSeenAt > config.sessionIdleMs || now - first.createdAt.getTime() > config.sessionAbsoluteMs;
  if (expired) {
    cache.delete(hash);
    await db.delete(sessions).where(eq(sessions.tokenHash, hash));
    return null;
  }
  // Touch at most once a minute: the idle clock needs no finer grain, and reads stay cheap.
  if (now - entry.lastSeenAt > 60_000) {
    entry.lastSeenAt = now;
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.tokenHash, hash));
  }
  return {
    userId: first.userId,
    username: first.username,
    displayName: first.displayName,
    protectedIdentityAccess: first.protectedIdentityAccess,
    assignments: entry.rows
      .filter((r) => r.role && r.unitId && r.districtId)
      .map((r) => ({
        role: r.role as Role,
        unitId: r.unitId as string,
        unitName: r.unitName as string,
        districtId: r.districtId as string,
        districtName: r.districtName as string,
      })),
    requestId: request.id,
    clientIp: request.ip,
    ...withGrants(liveGrantRefs(first.emergencyGrants, now)),
  };
}

/** Only an actor with live grants carries the field: everyone else's actor (and compiled reads) stay as they were. */
const withGrants = (grants: ReturnType<typeof liveGrantRefs>) => (grants.length ? { emergencyGrants: grants } : {});

/** Removes sessions past either limit; run at start and now and then. */
export async function pruneSessions(db: Db, config: Config): Promise<void> {
  const idle = new Date(Date.now() - config.sessionIdleMs);
  const absolute = new Date(Date.now() - config.sessionAbsoluteMs);
  await db.delete(sessions).where(or(lt(sessions.lastSeenAt, idle), lt(sessions.createdAt, absolute)));
}
