import { eq, sql } from "drizzle-orm";
import type { Me } from "../../../contracts/auth";
import { PERMISSIONS, type Permission } from "../../../domain/roles";
import type { Database } from "../../db/connection";
import { appSettings, loginFailures, users } from "../../db/schema/index";
import { type Actor, hasPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import type { Config } from "../../platform/config";
import { AppError, badRequest } from "../../platform/errors";
import { dummyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from "../../platform/passwords";
import { createSession, destroyUserSessions } from "../../platform/sessions";

const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "Fel användarnamn eller lösenord / Wrong username or password");

/**
 * Checks the password and opens a session. Failures are counted per username (known or not); past
 * the limit the name is locked for a while, with the same answer whether the account exists.
 */
export async function login(
  { db }: Database,
  config: Config,
  input: { username: string; password: string },
  client: { ip: string; requestId: string },
): Promise<string> {
  const username = input.username.toLowerCase();
  const [failure] = await db.select().from(loginFailures).where(eq(loginFailures.username, username));
  if (failure?.lockedUntil && failure.lockedUntil.getTime() > Date.now()) {
    throw new AppError(
      429,
      "locked",
      "För många misslyckade försök, försök igen senare / Too many failed attempts, try again later",
    );
  }
  const [user] = await db.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !ok || !user.active) {
    const failures = (failure?.failures ?? 0) + 1;
    const lockedUntil = failures >= config.loginMaxFailures ? new Date(Date.now() + config.loginLockMs) : null;
    await db
      .insert(loginFailures)
      .values({ username, failures, lockedUntil })
      .onConflictDoUpdate({
        target: loginFailures.username,
        set: { failures: lockedUntil ? 0 : failures, lockedUntil, lastFailureAt: sql`now()` },
      });
    throw invalidCredentials();
  }
  if (failure) await db.delete(loginFailures).where(eq(loginFailures.username, username));
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
