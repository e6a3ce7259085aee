import { eq } from "drizzle-orm";
import type { Me } from "../../../contracts/auth";
import { PERMISSIONS, type Permission } from "../../../domain/roles";
import type { Database } from "../../db/connection";
import { appSettings, users } from "../../db/schema/index";
import { type Actor, hasPermission } from "../../platform/actor";
import { audit, auditSecurityEvent } from "../../platform/audit";
import type { Config } from "../../platform/config";
import { AppError, badRequest, tooManyRequests } from "../../platform/errors";
import { dummyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from "../../platform/passwords";
import { createSession, destroyUserSessions } from "../../platform/sessions";
import { clearKey, hit, type Limit, retryAfterSeconds, throttleKey, unhit } from "../../platform/throttle";

const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "Fel användarnamn eller lösenord / Wrong username or password");

/** The limits of sign-in, from the configuration. */
function loginLimits(config: Config) {
  const windowMs = 2 * config.loginLockMs;
  const delays = { baseDelayMs: Math.min(30_000, config.loginLockMs), maxDelayMs: config.loginLockMs, windowMs };
  return {
    /** One username from one address: the real user's own typos, or a guesser at one account. */
    userIp: { free: config.loginMaxFailures, ...delays },
    /** One address, any usernames: password spraying. */
    ip: { free: config.loginIpMaxFailures, ...delays },
    /** One username, any addresses: counted only to slow the answers; it never refuses. */
    user: { free: 2_000_000_000, baseDelayMs: 0, maxDelayMs: 0, windowMs },
  } satisfies Record<string, Limit>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks the password and opens a session, within the anti-automation limits (ASVS 6.3). Every
 * attempt is counted before the password is checked, in PostgreSQL and atomically, on three keys:
 * the username from this address, this address, and the username. The first two refuse, with
 * growing delays, so neither a guesser at one account nor a sprayer across many gets far; they
 * are per address, so an attacker elsewhere cannot lock the real user out. The third only slows
 * the answers for a username under attack from many addresses. A success takes its counts back.
 * The answers are the same whether or not the account exists.
 */
export async function login(
  { db, pool }: Database,
  config: Config,
  input: { username: string; password: string },
  client: { ip: string; requestId: string },
): Promise<string> {
  const username = input.username.toLowerCase();
  const limits = loginLimits(config);
  const keys = {
    userIp: throttleKey("login-user-ip", username, client.ip),
    ip: throttleKey("login-ip", client.ip),
    user: throttleKey("login-user", username),
  };
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const who = {
    actor: null,
    userId: user?.id ?? null,
    username: user?.username ?? null,
    requestId: client.requestId,
    clientIp: client.ip,
  };
  const [userIp, ip, perUser] = await Promise.all([
    hit(pool, keys.userIp, limits.userIp),
    hit(pool, keys.ip, limits.ip),
    hit(pool, keys.user, limits.user),
  ]);
  if (userIp.refused || ip.refused) {
    const retryAfter = Math.max(userIp.refused ? retryAfterSeconds(userIp) : 0, ip.refused ? retryAfterSeconds(ip) : 0);
    await auditSecurityEvent(db, who, {
      action: "security.login_locked",
      recordType: "user",
      recordId: user?.id,
      details: { limit: userIp.refused ? "username_address" : "address", retryAfterSeconds: retryAfter, knownUser: !!user },
    });
    throw tooManyRequests(
      "locked",
      "För många misslyckade försök, försök igen senare / Too many failed attempts, try again later",
      retryAfter,
    );
  }
  const over = perUser.hits - config.loginUserSlowAfter;
  if (over > 0) await sleep(Math.min(config.loginUserMaxDelayMs, 100 * 2 ** Math.min(over - 1, 20)));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.active) {
    await auditSecurityEvent(db, who, {
      action: "security.login_failed",
      recordType: "user",
      recordId: user?.id,
      details: {
        knownUser: !!user,
        ...(user && ok && !user.active ? { reason: "inactive" } : {}),
        failuresFromAddress: userIp.hits,
        delayStarted: userIp.blockedUntil !== null || ip.blockedUntil !== null,
      },
    });
    throw invalidCredentials();
  }
  await Promise.all([clearKey(pool, keys.userIp), unhit(pool, keys.ip), unhit(pool, keys.user)]);
  return createSession(db, user.id, client.ip);
}

export async function me({ db }: Database, actor: Actor): Promise<Me> {
  const [synthetic] = await db.select().from(appSettings).where(eq(appSettings.key, "synthetic_data"));
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    roles: [...new Set(actor.assignments.map((a) => a.role))],
    assignments: actor.assignments,
    permissions: (Object.keys(PERMISSIONS) as Permission[]).filter((p) => hasPermission(actor, p)),
    protectedIdentityAccess: actor.protectedIdentityAccess,
    syntheticData: synthetic?.value === "true",
  };
}

export async function changePassword(
  { db }: Database,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  keepToken: string,
): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badRequest("wrong_password", "Nuvarande lösenord stämmer inte / Current password is wrong", [
      { path: "body.currentPassword", message: "Fel lösenord / Wrong password" },
    ]);
  }
  const weakness = passwordWeakness(input.newPassword, user.username);
  if (weakness) throw badRequest("weak_password", weakness, [{ path: "body.newPassword", message: weakness }]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await audit(tx, actor, { action: "user.password_change", permission: "self", recordType: "user", recordId: user.id });
  });
  // Other sessions of this user end: a changed password should lock out whoever knew the old one.
  await destroyUserSessions(db, user.id, keepToken);
}
