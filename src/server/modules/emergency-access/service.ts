import { and, desc, eq, gt, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  EmergencyGrant,
  EmergencyReviewItem,
  emergencyRequestBody,
  emergencyReviewBody,
  emergencyReviewQuery,
} from "../../../contracts/emergency-access";
import {
  type EmergencyCategory,
  grantExpiresAt,
  isGrantLive,
  MIN_REASON_LENGTH,
  type RequestProblem,
  type ReviewVerdict,
  requestProblems,
  reviewProblem,
} from "../../../domain/emergency-access/rules";
import { parsePersonnummer } from "../../../domain/personnummer";
import type { Database, Tx } from "../../db/connection";
import { auditLog, districts, emergencyAccessGrants, persons, units, users } from "../../db/schema/index";
import { type Actor, actingAs, districtsWithPermission } from "../../platform/actor";
import { audit, auditRow } from "../../platform/audit";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { AppError, badRequest, conflict, notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";
import { forgetCachedSessionsOf } from "../../platform/sessions";

type Grant = typeof emergencyAccessGrants.$inferSelect;

const REQUEST_MESSAGES: Record<RequestProblem, { path: string; message: string }> = {
  reason_required: { path: "body.reason", message: "Ange skälet till nödåtkomsten / State the reason for the emergency access" },
  reason_too_short: {
    path: "body.reason",
    message: `Skriv skälet så att den som granskar kan bedöma det, minst ${MIN_REASON_LENGTH} tecken / Describe the reason so a reviewer can judge it, at least ${MIN_REASON_LENGTH} characters`,
  },
  reason_too_long: { path: "body.reason", message: "Skälet är för långt / The reason is too long" },
  category_required: { path: "body.category", message: "Välj vilket slags akut behov / Choose the kind of urgent need" },
};

/** The same answer for a number nobody registered and for a protected person the user may not see. */
const personNotFound = () =>
  new AppError(
    404,
    "person_not_found",
    "Ingen person med det personnumret finns i registret / No person with that personal identity number is registered",
    [{ path: "body.personnummer", message: "Kontrollera personnumret / Check the number" }],
  );

const purposeOf = (category: string, reason: string) => `Nödåtkomst (${category}): ${reason}`;

function grantOut(g: Grant, personName: string, now: Date): EmergencyGrant {
  return {
    id: g.id,
    personId: g.personId,
    personName,
    category: g.category as EmergencyCategory,
    reason: g.reason,
    grantedAt: g.grantedAt.toISOString(),
    expiresAt: g.expiresAt.toISOString(),
    endedAt: g.endedAt?.toISOString() ?? null,
    live: isGrantLive(g, now),
  };
}

/** A user's grants run one after another: two requests at once cannot both see "no live grant". */
async function lockUserGrants(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`emergency_access:${userId}`}, 0))`);
}

/**
 * Asks for nödåtkomst to the person with this exact personnummer. Refused with nothing written: a
 * missing or too short reason (400), an invalid number (400), a person already in the user's scope
 * (409 already_in_scope: the request is well formed, but the state makes it pointless — the user
 * opens the person as usual), a grant to the same person still live (409). A number nobody
 * registered and a person with skyddade personuppgifter whom the user may not see (no
 * protected-identity access) both answer 404 person_not_found: the page is no oracle for protected
 * persons. The refused attempt on a protected person is written on that person's trail, where
 * their district's log review sees it.
 */
export async function requestEmergencyAccess(
  { db }: Database,
  actor: Actor,
  input: z.infer<typeof emergencyRequestBody>,
  now: Date,
): Promise<EmergencyGrant> {
  const problems = requestProblems(input);
  if (problems.length) {
    throw badRequest(
      problems[0] as string,
      "Nödåtkomst kräver ett skäl / Emergency access requires a reason",
      problems.map((p) => REQUEST_MESSAGES[p]),
    );
  }
  const parsed = parsePersonnummer(input.personnummer);
  if (!parsed) {
    throw badRequest("invalid_personnummer", "Ogiltigt personnummer / Invalid personal identity number", [
      { path: "body.personnummer", message: "Kontrollera datum och kontrollsiffra / Check date and check digit" },
    ]);
  }
  const reason = input.reason.trim();
  const outcome = await db.transaction(async (tx) => {
    await lockUserGrants(tx, actor.userId);
    const [person] = await tx
      .select({
        id: persons.id,
        firstName: persons.firstName,
        lastName: persons.lastName,
        districtId: persons.districtId,
        protectedIdentity: persons.protectedIdentity,
        inScope: sql<boolean>`${personScope(actor)}`,
      })
      .from(persons)
      .where(and(eq(persons.personnummer, parsed.normalized), isNull(persons.protectedMatchId)));
    if (!person) return { kind: "unknown" as const };
    if (person.inScope) {
      throw conflict(
        "already_in_scope",
        "Du har redan tillgång till personen: sök fram personen som vanligt / You already have access to this person: search for them as usual",
        [{ path: "body.personnummer", message: "Ingen nödåtkomst behövs / No emergency access needed" }],
      );
    }
    if (person.protectedIdentity && !actor.protectedIdentityAccess) {
      // On the protected person's trail, without the user's unit (as a protected match is).
      await tx.insert(auditLog).values({
        ...auditRow(actor, {
          action: "emergency_access.protected_refused",
          permission: "person:read",
          personId: person.id,
          recordType: "person",
          recordId: person.id,
          purpose: purposeOf(input.category, reason),
        }),
        unitId: null,
      });
      return { kind: "protected" as const };
    }
    const [live] = await tx
      .select({ id: emergencyAccessGrants.id })
      .from(emergencyAccessGrants)
      .where(
        and(
          eq(emergencyAccessGrants.userId, actor.userId),
          eq(emergencyAccessGrants.personId, person.id),
          isNull(emergencyAccessGrants.endedAt),
          gt(emergencyAccessGrants.expiresAt, now),
        ),
      );
    if (live) {
      throw conflict(
        "emergency_access_active",
        "Du har redan nödåtkomst till personen / You already have emergency access to this person",
        [
          {
            path: "body.personnummer",
            message: "Öppna personen från listan över din nödåtkomst / Open the person from your list",
          },
        ],
      );
    }
    const as = actingAs(actor, "person:read");
    const [grant] = await tx
      .insert(emergencyAccessGrants)
      .values({
        userId: actor.userId,
        personId: person.id,
        unitId: as?.unitId ?? null,
        userDistrictId: as?.districtId ?? null,
        personDistrictId: person.districtId,
        category: input.category,
        reason,
        grantedAt: now,
        expiresAt: grantExpiresAt(now),
      })
      .returning();
    if (!grant) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "emergency_access.grant",
      permission: "person:read",
      personId: person.id,
      recordType: "emergency_access_grant",
      recordId: grant.id,
      purpose: purposeOf(grant.category, grant.reason),
      details: { category: grant.category, expiresAt: grant.expiresAt.toISOString() },
    });
    return { kind: "granted" as const, grant: grantOut(grant, `${person.firstName} ${person.lastName}`, now) };
  });
  if (outcome.kind !== "granted") throw personNotFound();
  // The user's next request must see the new grant: their cached session is loaded afresh.
  forgetCachedSessionsOf(actor.userId);
  return outcome.grant;
}

/** The user's own live grants, for the Nödåtkomst page and the banner on the person page. */
export async function myGrants({ db }: Database, actor: Actor, now: Date): Promise<EmergencyGrant[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ grant: emergencyAccessGrants, firstName: persons.firstName, lastName: persons.lastName })
      .from(emergencyAccessGrants)
      .innerJoin(persons, eq(persons.id, emergencyAccessGrants.personId))
      .where(
        and(
          eq(emergencyAccessGrants.userId, actor.userId),
          isNull(emergencyAccessGrants.endedAt),
          gt(emergencyAccessGrants.expiresAt, now),
        ),
      )
      .orderBy(desc(emergencyAccessGrants.grantedAt))
      .limit(100);
    // Each name shown is a read under its grant.
    await audit(
      tx,
      actor,
      rows.map(({ grant }) => ({
        action: "emergency_access.list",
        permission: "person:read" as const,
        personId: grant.personId,
        recordType: "emergency_access_grant",
        recordId: grant.id,
        purpose: purposeOf(grant.category, grant.reason),
      })),
    );
    return rows.map((r) => grantOut(r.grant, `${r.firstName} ${r.lastName}`, now));
  });
}

/** Ends the user's own grant now: the person is out of scope again at once. */
export async function endEmergencyAccess({ db }: Database, actor: Actor, id: string, now: Date): Promise<EmergencyGrant> {
  const result = await db.transaction(async (tx) => {
    await lockUserGrants(tx, actor.userId);
    const [row] = await tx
      .select({ grant: emergencyAccessGrants, firstName: persons.firstName, lastName: persons.lastName })
      .from(emergencyAccessGrants)
      .innerJoin(persons, eq(persons.id, emergencyAccessGrants.personId))
      .where(and(eq(emergencyAccessGrants.id, id), eq(emergencyAccessGrants.userId, actor.userId)));
    if (!row) throw notFound();
    if (!isGrantLive(row.grant, now)) {
      throw conflict("emergency_access_over", "Nödåtkomsten har redan upphört / The emergency access has already ended");
    }
    const [ended] = await tx
      .update(emergencyAccessGrants)
      .set({ endedAt: now })
      .where(eq(emergencyAccessGrants.id, id))
      .returning();
    if (!ended) throw new Error("update returned nothing");
    await audit(tx, actor, {
      action: "emergency_access.end",
      permission: "person:read",
      personId: ended.personId,
      recordType: "emergency_access_grant",
      recordId: ended.id,
    });
    return grantOut(ended, `${row.firstName} ${row.lastName}`, now);
  });
  forgetCachedSessionsOf(actor.userId);
  return result;
}

/** The reads listed per grant; the audit log holds them all. */
const MAX_READS_SHOWN = 100;

/**
 * Grants a reviewer sees: those where either the person's district or the user's district (both
 * as at the grant) is one where the reviewer holds review:manage.
 */
function reviewerScope(actor: Actor): SQL {
  const mine = districtsWithPermission(actor, "review:manage");
  if (mine.length === 0) return sql`false`;
  return or(inArray(emergencyAccessGrants.personDistrictId, mine), inArray(emergencyAccessGrants.userDistrictId, mine)) as SQL;
}

async function loadReviewItems(
  tx: Tx,
  actor: Actor,
  where: SQL,
  limit: number,
  now: Date,
): Promise<{ items: EmergencyReviewItem[]; more: boolean }> {
  // pg-core's alias keeps each join's own name in the types (two aliasedTable of one table collide).
  const requester = alias(users, "requester");
  const reviewer = alias(users, "reviewer");
  const userDistrict = alias(districts, "user_district");
  const personDistrict = alias(districts, "person_district");
  const rows = await tx
    .select({
      grant: emergencyAccessGrants,
      username: requester.username,
      userDisplayName: requester.displayName,
      unitName: units.name,
      userDistrictName: userDistrict.name,
      personDistrictName: personDistrict.name,
      // The name only where the reviewer may see the person anyway; otherwise the id alone.
      personName: sql<string | null>`case when ${personScope(actor)} then ${persons.firstName} || ' ' || ${persons.lastName} end`,
      reviewedByName: reviewer.displayName,
    })
    .from(emergencyAccessGrants)
    .innerJoin(requester, eq(requester.id, emergencyAccessGrants.userId))
    .innerJoin(persons, eq(persons.id, emergencyAccessGrants.personId))
    .innerJoin(personDistrict, eq(personDistrict.id, emergencyAccessGrants.personDistrictId))
    .leftJoin(units, eq(units.id, emergencyAccessGrants.unitId))
    .leftJoin(userDistrict, eq(userDistrict.id, emergencyAccessGrants.userDistrictId))
    .leftJoin(reviewer, eq(reviewer.id, emergencyAccessGrants.reviewedBy))
    .where(and(reviewerScope(actor), where))
    .orderBy(desc(emergencyAccessGrants.grantedAt), desc(emergencyAccessGrants.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.grant.id);
  // What was read: the user's audit rows about the person while the grant was live (the grant's
  // own rows and refusals aside), newest grants' reads in one statement.
  const reads = ids.length
    ? ((
        await tx.execute(sql`
          select g.id as "grantId", r.at, r.action, r.record_type as "recordType", r.record_id as "recordId"
          from ${emergencyAccessGrants} g
          cross join lateral (
            select a.at, a.action, a.record_type, a.record_id
            from ${auditLog} a
            where a.person_id = g.person_id and a.user_id = g.user_id
              and a.at >= g.granted_at and a.at < least(g.expires_at, coalesce(g.ended_at, g.expires_at))
              and a.action not like 'emergency_access.%' and a.action not like 'security.%'
            order by a.at, a.id
            limit ${MAX_READS_SHOWN + 1}
          ) r
          where g.id = any(${sql.param(ids)}::uuid[])
          order by g.id, r.at`)
      ).rows as { grantId: string; at: Date | string; action: string; recordType: string | null; recordId: string | null }[])
    : [];
  const readsOf = new Map<string, typeof reads>();
  for (const r of reads) readsOf.set(r.grantId, [...(readsOf.get(r.grantId) ?? []), r]);
  // Listing grants is a read of each person named: on their trail.
  await audit(
    tx,
    actor,
    page.map((r) => ({
      action: "emergency_access.review_read",
      permission: "review:manage" as const,
      personId: r.grant.personId,
      recordType: "emergency_access_grant",
      recordId: r.grant.id,
    })),
  );
  const items = page.map((r): EmergencyReviewItem => {
    const g = r.grant;
    const own = readsOf.get(g.id) ?? [];
    return {
      id: g.id,
      userId: g.userId,
      username: r.username,
      userDisplayName: r.userDisplayName,
      unitName: r.unitName,
      userDistrictName: r.userDistrictName,
      personId: g.personId,
      personName: r.personName,
      personDistrictName: r.personDistrictName,
      category: g.category as EmergencyCategory,
      reason: g.reason,
      grantedAt: g.grantedAt.toISOString(),
      expiresAt: g.expiresAt.toISOString(),
      endedAt: g.endedAt?.toISOString() ?? null,
      live: isGrantLive(g, now),
      review:
        g.reviewVerdict && g.reviewedAt
          ? {
              verdict: g.reviewVerdict as ReviewVerdict,
              note: g.reviewNote,
              reviewedBy: r.reviewedByName ?? "",
              reviewedAt: g.reviewedAt.toISOString(),
            }
          : null,
      reads: own.slice(0, MAX_READS_SHOWN).map((x) => ({
        at: new Date(x.at).toISOString(),
        action: x.action,
        recordType: x.recordType,
        recordId: x.recordId,
      })),
      readsTruncated: own.length > MAX_READS_SHOWN,
    };
  });
  return { items, more: rows.length > limit };
}

/** kvalitet's review list (review:manage): unreviewed first by default, newest first, keyset pages. */
export async function reviewList(
  { db }: Database,
  actor: Actor,
  query: z.infer<typeof emergencyReviewQuery>,
  now: Date,
): Promise<{ items: EmergencyReviewItem[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, ["timestamp", "uuid"]) : null;
  const status =
    query.status === "unreviewed"
      ? isNull(emergencyAccessGrants.reviewedAt)
      : query.status === "reviewed"
        ? isNotNull(emergencyAccessGrants.reviewedAt)
        : undefined;
  const keyset = after
    ? sql`(${emergencyAccessGrants.grantedAt}, ${emergencyAccessGrants.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : undefined;
  return db.transaction(async (tx) => {
    const { items, more } = await loadReviewItems(tx, actor, and(status, keyset) ?? sql`true`, query.limit, now);
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor([last.grantedAt, last.id]) : null };
  });
}

/**
 * Records the review of a grant that is over: approved, or questioned with a note. Refused with
 * nothing written: the reviewer's own grant (403), a grant still live or already reviewed (409), a
 * questioned grant without a note (400). Two reviewers at once: the row lock lets one through.
 */
export async function reviewGrant(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof emergencyReviewBody>,
  now: Date,
): Promise<EmergencyReviewItem> {
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .select()
      .from(emergencyAccessGrants)
      .where(and(eq(emergencyAccessGrants.id, id), reviewerScope(actor)))
      .for("update");
    if (!grant) throw notFound();
    const problem = reviewProblem({ verdict: input.verdict, note: input.note }, grant, actor.userId, now);
    if (problem === "own_grant") {
      throw new AppError(
        403,
        "self_review_forbidden",
        "Du kan inte granska din egen nödåtkomst / You cannot review your own emergency access",
      );
    }
    if (problem === "already_reviewed") throw conflict("already_reviewed", "Redan granskad / Already reviewed");
    if (problem === "grant_still_live") {
      throw conflict(
        "emergency_access_active",
        "Nödåtkomsten pågår: granska den när den har upphört, så att granskningen ser allt som lästes / The access is still live: review it when it has ended, so the review sees every read",
      );
    }
    if (problem === "note_required") {
      throw badRequest("note_required", "Skriv vad som ifrågasätts / Say what is questioned", [
        { path: "body.note", message: "Krävs när nödåtkomsten ifrågasätts / Required when the access is questioned" },
      ]);
    }
    await tx
      .update(emergencyAccessGrants)
      .set({ reviewVerdict: input.verdict, reviewNote: input.note || null, reviewedBy: actor.userId, reviewedAt: now })
      .where(eq(emergencyAccessGrants.id, id));
    await audit(tx, actor, {
      action: "emergency_access.review",
      permission: "review:manage",
      personId: grant.personId,
      recordType: "emergency_access_grant",
      recordId: id,
      details: { verdict: input.verdict },
    });
    const { items } = await loadReviewItems(tx, actor, eq(emergencyAccessGrants.id, id), 1, now);
    const item = items[0];
    if (!item) throw notFound();
    return item;
  });
}
