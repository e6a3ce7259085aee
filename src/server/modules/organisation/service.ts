import { aliasedTable, and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  adminUser,
  createDistrictBody,
  createUnitBody,
  createUserBody,
  roleAssignmentInput,
  updateDistrictBody,
  updateUnitBody,
  updateUserBody,
} from "../../../contracts/organisation";
import type { Database, Db, Tx } from "../../db/connection";
import { districts, protectedAccessGrants, units, userRoles, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { hashPassword, passwordWeakness } from "../../platform/passwords";
import { destroyUserSessions, forgetCachedSessions } from "../../platform/sessions";
import { offerCatalogueInDistrict } from "../interventions/catalogue.service";

type AdminUser = z.infer<typeof adminUser>;
type Assignment = z.infer<typeof roleAssignmentInput>;

export async function getOrganisation({ db }: Database) {
  const [d, u] = await Promise.all([
    db.select({ id: districts.id, code: districts.code, name: districts.name }).from(districts).orderBy(asc(districts.name)),
    db
      .select({ id: units.id, districtId: units.districtId, name: units.name, kind: units.kind })
      .from(units)
      .orderBy(asc(units.name)),
  ]);
  return { districts: d, units: u as { id: string; districtId: string; name: string; kind: never }[] };
}

export async function createDistrict({ db }: Database, actor: Actor, input: z.infer<typeof createDistrictBody>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(districts)
      .values(input)
      .onConflictDoNothing()
      .returning({ id: districts.id, code: districts.code, name: districts.name });
    if (!row)
      throw conflict("district_exists", "Koden används redan / Code already in use", [
        { path: "body.code", message: "Upptagen" },
      ]);
    await offerCatalogueInDistrict(tx, row.id);
    await audit(tx, actor, { action: "district.create", permission: "admin", recordType: "district", recordId: row.id });
    return row;
  });
}

export async function updateDistrict({ db }: Database, actor: Actor, id: string, input: z.infer<typeof updateDistrictBody>) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(districts)
      .set(input)
      .where(eq(districts.id, id))
      .returning({ id: districts.id, code: districts.code, name: districts.name });
    if (!row) throw notFound();
    await audit(tx, actor, { action: "district.update", permission: "admin", recordType: "district", recordId: id });
    return row;
  });
}

export async function createUnit({ db }: Database, actor: Actor, input: z.infer<typeof createUnitBody>) {
  return db.transaction(async (tx) => {
    const [d] = await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, input.districtId));
    if (!d)
      throw badRequest("unknown_district", "Okänt distrikt / Unknown district", [
        { path: "body.districtId", message: "Finns inte" },
      ]);
    const [row] = await tx.insert(units).values(input).returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, { action: "unit.create", permission: "admin", recordType: "unit", recordId: row.id });
    return { id: row.id, districtId: row.districtId, name: row.name, kind: row.kind as never };
  });
}

export async function updateUnit({ db }: Database, actor: Actor, id: string, input: z.infer<typeof updateUnitBody>) {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(units).set(input).where(eq(units.id, id)).returning();
    if (!row) throw notFound();
    await audit(tx, actor, { action: "unit.update", permission: "admin", recordType: "unit", recordId: id });
    return { id: row.id, districtId: row.districtId, name: row.name, kind: row.kind as never };
  });
}

async function loadUsers(tx: Db | Tx, ids?: string[]): Promise<AdminUser[]> {
  const rows = await tx
    .select()
    .from(users)
    .where(ids ? inArray(users.id, ids) : undefined)
    .orderBy(asc(users.username));
  const pending = rows.length
    ? await tx
        .select({ userId: protectedAccessGrants.userId })
        .from(protectedAccessGrants)
        .where(
          and(
            eq(protectedAccessGrants.status, "pending"),
            inArray(
              protectedAccessGrants.userId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const roles = rows.length
    ? await tx
        .select()
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    active: u.active,
    protectedIdentityAccess: u.protectedIdentityAccess,
    protectedIdentityAccessPending: pending.some((p) => p.userId === u.id),
    assignments: roles.filter((r) => r.userId === u.id).map((r) => ({ unitId: r.unitId, role: r.role as Assignment["role"] })),
    createdAt: u.createdAt.toISOString(),
    deactivatedAt: u.deactivatedAt?.toISOString() ?? null,
  }));
}

export async function listUsers({ db }: Database) {
  return { items: await loadUsers(db) };
}

async function replaceAssignments(tx: Db | Tx, userId: string, assignments: Assignment[]): Promise<void> {
  const unitIds = [...new Set(assignments.map((a) => a.unitId))];
  if (unitIds.length) {
    const found = await tx.select({ id: units.id }).from(units).where(inArray(units.id, unitIds));
    const missing = unitIds.find((id) => !found.some((f) => f.id === id));
    if (missing) {
      throw badRequest("unknown_unit", "Okänd enhet / Unknown unit", [
        { path: `body.assignments.${assignments.findIndex((a) => a.unitId === missing)}.unitId`, message: "Finns inte" },
      ]);
    }
  }
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (assignments.length)
    await tx
      .insert(userRoles)
      .values(assignments.map((a) => ({ ...a, userId })))
      .onConflictDoNothing();
}

/** Administrators administer others: nobody widens their own access (ASVS 8.2, separation of duties). */
const selfGrantForbidden = (path: string) =>
  new AppError(403, "self_grant_forbidden", "Du kan inte ge dig själv behörigheter / You cannot grant yourself access", [
    { path, message: "Be en annan administratör / Ask another administrator" },
  ]);

/**
 * Protected-identity access is asked for by one administrator and given only when another
 * approves (four eyes). Asking again while a request waits changes nothing.
 */
async function requestProtectedAccess(tx: Db | Tx, actor: Actor, userId: string): Promise<void> {
  const [row] = await tx
    .insert(protectedAccessGrants)
    .values({ userId, requestedBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: protectedAccessGrants.id });
  if (!row) return;
  await audit(tx, actor, {
    action: "protected_access.request",
    permission: "admin",
    recordType: "protected_access_grant",
    recordId: row.id,
    details: { userId },
  });
}

function requireStrong(password: string, username: string, path: string) {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw badRequest("weak_password", weakness, [{ path, message: weakness }]);
}

export async function createUser({ db }: Database, actor: Actor, input: z.infer<typeof createUserBody>) {
  requireStrong(input.password, input.username, "body.password");
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        // Given only when a second administrator approves.
        protectedIdentityAccess: false,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row)
      throw conflict("username_taken", "Användarnamnet är upptaget / Username taken", [
        { path: "body.username", message: "Upptaget" },
      ]);
    await replaceAssignments(tx, row.id, input.assignments);
    await audit(tx, actor, {
      action: "user.create",
      permission: "admin",
      recordType: "user",
      recordId: row.id,
      details: { assignments: input.assignments },
    });
    if (input.protectedIdentityAccess) await requestProtectedAccess(tx, actor, row.id);
    const [out] = await loadUsers(tx, [row.id]);
    return out as AdminUser;
  });
}

export async function updateUser({ db }: Database, actor: Actor, id: string, input: z.infer<typeof updateUserBody>) {
  if (id === actor.userId && input.active === false) {
    throw badRequest("cannot_deactivate_self", "Du kan inte inaktivera dig själv / You cannot deactivate yourself", [
      { path: "body.active", message: "Ej tillåtet" },
    ]);
  }
  if (id === actor.userId && input.protectedIdentityAccess === true) throw selfGrantForbidden("body.protectedIdentityAccess");
  const { protectedIdentityAccess, ...direct } = input;
  const result = await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: users.id, protectedIdentityAccess: users.protectedIdentityAccess })
      .from(users)
      .where(eq(users.id, id));
    if (!current) throw notFound();
    const values = {
      ...direct,
      // Taking the access away needs no second pair of eyes; giving it does.
      ...(protectedIdentityAccess === false ? { protectedIdentityAccess: false } : {}),
      ...(input.active === false ? { deactivatedAt: new Date() } : input.active === true ? { deactivatedAt: null } : {}),
    };
    if (Object.keys(values).length) await tx.update(users).set(values).where(eq(users.id, id));
    await audit(tx, actor, {
      action: "user.update",
      permission: "admin",
      recordType: "user",
      recordId: id,
      details: { ...input },
    });
    if (protectedIdentityAccess === true && !current.protectedIdentityAccess) await requestProtectedAccess(tx, actor, id);
    if (protectedIdentityAccess === false) {
      const withdrawn = await tx
        .update(protectedAccessGrants)
        .set({ status: "withdrawn", decidedBy: actor.userId, decidedAt: new Date() })
        .where(and(eq(protectedAccessGrants.userId, id), eq(protectedAccessGrants.status, "pending")))
        .returning({ id: protectedAccessGrants.id });
      for (const w of withdrawn)
        await audit(tx, actor, {
          action: "protected_access.withdraw",
          permission: "admin",
          recordType: "protected_access_grant",
          recordId: w.id,
          details: { userId: id },
        });
    }
    const [out] = await loadUsers(tx, [id]);
    return out as AdminUser;
  });
  if (input.active === false) await destroyUserSessions(db, id);
  // Protected-identity access and names are part of a signed-in actor.
  forgetCachedSessions();
  return result;
}

export async function setUserRoles({ db }: Database, actor: Actor, id: string, assignments: Assignment[]) {
  const result = await db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id));
    if (!u) throw notFound();
    if (id === actor.userId && !assignments.some((a) => a.role === "systemadministrator")) {
      throw badRequest(
        "cannot_drop_own_admin",
        "Du kan inte ta bort din egen administratörsroll / You cannot remove your own admin role",
        [{ path: "body.assignments", message: "Behåll systemadministratör" }],
      );
    }
    if (id === actor.userId) {
      const held = new Set(actor.assignments.map((a) => `${a.unitId}|${a.role}`));
      const added = assignments.findIndex((a) => !held.has(`${a.unitId}|${a.role}`));
      if (added >= 0) throw selfGrantForbidden(`body.assignments.${added}`);
    }
    await replaceAssignments(tx, id, assignments);
    await audit(tx, actor, {
      action: "user.roles",
      permission: "admin",
      recordType: "user",
      recordId: id,
      details: { assignments },
    });
    const [out] = await loadUsers(tx, [id]);
    return out as AdminUser;
  });
  // New roles apply from the user's next request, not when a cached session runs out.
  forgetCachedSessions();
  return result;
}

export async function resetPassword({ db }: Database, actor: Actor, id: string, password: string) {
  const [u] = await db.select({ username: users.username }).from(users).where(eq(users.id, id));
  if (!u) throw notFound();
  requireStrong(password, u.username, "body.password");
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
    await audit(tx, actor, { action: "user.password_reset", permission: "admin", recordType: "user", recordId: id });
  });
  await destroyUserSessions(db, id);
}

const requester = aliasedTable(users, "requester");

export async function listPendingProtectedAccess({ db }: Database) {
  const rows = await db
    .select({
      id: protectedAccessGrants.id,
      userId: protectedAccessGrants.userId,
      username: users.username,
      requestedBy: protectedAccessGrants.requestedBy,
      requestedByUsername: requester.username,
      requestedAt: protectedAccessGrants.requestedAt,
    })
    .from(protectedAccessGrants)
    .innerJoin(users, eq(users.id, protectedAccessGrants.userId))
    .innerJoin(requester, eq(requester.id, protectedAccessGrants.requestedBy))
    .where(eq(protectedAccessGrants.status, "pending"))
    .orderBy(asc(protectedAccessGrants.requestedAt))
    .limit(500);
  return { items: rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() })) };
}

/**
 * The second administrator's decision on a pending grant. The one who asked cannot decide, nor
 * can the user it is for; approving gives the access from the user's next request.
 */
export async function decideProtectedAccess({ db }: Database, actor: Actor, grantId: string, approve: boolean) {
  const userId = await db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(protectedAccessGrants)
      .where(and(eq(protectedAccessGrants.id, grantId), eq(protectedAccessGrants.status, "pending")))
      .for("update");
    if (!grant) throw notFound();
    if (grant.userId === actor.userId) throw selfGrantForbidden("params.id");
    if (grant.requestedBy === actor.userId)
      throw new AppError(
        403,
        "four_eyes_required",
        "En annan administratör än den som begärde måste godkänna / Another administrator than the requester must approve",
        [{ path: "params.id", message: "Begärd av dig / Requested by you" }],
      );
    await tx
      .update(protectedAccessGrants)
      .set({ status: approve ? "approved" : "rejected", decidedBy: actor.userId, decidedAt: new Date() })
      .where(eq(protectedAccessGrants.id, grantId));
    if (approve) await tx.update(users).set({ protectedIdentityAccess: true }).where(eq(users.id, grant.userId));
    await audit(tx, actor, {
      action: approve ? "protected_access.approve" : "protected_access.reject",
      permission: "admin",
      recordType: "protected_access_grant",
      recordId: grantId,
      details: { userId: grant.userId, requestedBy: grant.requestedBy },
    });
    return grant.userId;
  });
  forgetCachedSessions();
  const [out] = await loadUsers(db, [userId]);
  return out as AdminUser;
}
