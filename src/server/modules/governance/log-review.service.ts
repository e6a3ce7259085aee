import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, notLike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type {
  completeBody,
  drawLogReviewBody,
  LogReviewDetail,
  LogReviewSummary,
  logReviewQuery,
  verdictBody,
} from "../../../contracts/log-review";
import {
  type AccessFlag,
  type AccessRow,
  DEFAULT_FLAG_OPTIONS,
  drawReview,
  hasCaseRelation,
  isSharedWith,
  monthBounds,
  type PersonRelations,
} from "../../../domain/governance/log-review";
import { SAMPLE_METHOD } from "../../../domain/governance/sample";
import { stockholmDate } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import {
  auditLog,
  caseCoHandlers,
  cases,
  districts,
  insatser,
  logReviewItems,
  logReviews,
  personShares,
  persons,
  units,
  userRoles,
  users,
} from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { field } from "./common";
import { deviationForFlag } from "./deviation-hook";

type DrawInput = z.infer<typeof drawLogReviewBody>;
const creator = alias(users, "creator");
const completer = alias(users, "completer");
const judge = alias(users, "judge");
const reader = alias(users, "reader");

/** The rules' method, stored with every review beside the sampling method. */
const RULES_METHOD =
  "Flaggor / Flags: skyddade personuppgifter; annat distrikts person som inte delats med läsaren; fler än {manyPersons} olika personer inom {windowMinutes} minuter; " +
  "före {workStartHour}:00 eller från {workEndHour}:00, helg eller helgdag (svensk tid); läsaren saknar ärende, uppdrag eller delning för personen. " +
  "Urvalsram: loggrader om personer under månaden där personen hör till distriktet eller läsaren agerade i distriktets enheter, utom loggkontrollens egna läsningar (list- och sökträffar ingår i slumpurvalet men flaggas inte). " +
  "Grund: HSLF-FS 2016:40 4 kap. 9 § (systematiska och återkommande stickprovskontroller, dokumenterade) tillämpad på socialtjänsten, IMY:s checklista (slump kombinerad med urvalsparametrar).";

const fill = (text: string, values: Record<string, number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k]));

function scopeDistricts(actor: Actor): string[] {
  return districtsWithPermission(actor, "logreview:manage");
}

/**
 * Every audit row of the month that concerns a person of the district or was written by staff
 * acting in one of its units (but the log review's own), with what the rules need: the person's district and protection, and
 * who has a case, an uppdrag or a share concerning the person.
 */
async function readFrame(tx: Tx, districtId: string, month: string): Promise<AccessRow[]> {
  const { from, to } = monthBounds(month);
  const start = sql`(${from}::date)::timestamp at time zone 'Europe/Stockholm'`;
  const end = sql`(${to}::date)::timestamp at time zone 'Europe/Stockholm'`;
  const rows = await tx
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      unitId: auditLog.unitId,
      action: auditLog.action,
      personId: auditLog.personId,
      personDistrictId: persons.districtId,
      personProtected: persons.protectedIdentity,
      unitDistrictId: units.districtId,
    })
    .from(auditLog)
    .innerJoin(persons, eq(persons.id, auditLog.personId))
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(
      and(
        isNotNull(auditLog.personId),
        // The review's own reads have their purpose stated; left in, they would change the frame of
        // the month being reviewed each time the review is opened, and it could not be drawn again.
        notLike(auditLog.action, "logreview.%"),
        gte(auditLog.at, start),
        lt(auditLog.at, end),
        or(eq(persons.districtId, districtId), eq(units.districtId, districtId)),
      ),
    );
  const personIds = [...new Set(rows.map((r) => r.personId as string))];
  const userIds = [...new Set(rows.flatMap((r) => (r.userId ? [r.userId] : [])))];
  const relations = await personRelations(tx, personIds, from, to);
  const staff = new Map<string, { unitId: string; districtId: string }[]>();
  if (userIds.length) {
    const assignments = await tx
      .select({ userId: userRoles.userId, unitId: userRoles.unitId, districtId: units.districtId })
      .from(userRoles)
      .innerJoin(units, eq(units.id, userRoles.unitId))
      .where(inArray(userRoles.userId, userIds));
    for (const a of assignments) staff.set(a.userId, [...(staff.get(a.userId) ?? []), a]);
  }
  const empty: PersonRelations = {
    assignedUserIds: [],
    caseUnitIds: [],
    providerUnitIds: [],
    sharedUserIds: [],
    sharedUnitIds: [],
  };
  return rows.map((r) => {
    const own = r.userId ? (staff.get(r.userId) ?? []) : [];
    const unitIds = [...new Set([...(r.unitId ? [r.unitId] : []), ...own.map((a) => a.unitId)])];
    const who = { userId: r.userId, unitIds };
    const rel = relations.get(r.personId as string) ?? empty;
    return {
      id: String(r.id),
      at: r.at,
      userId: r.userId,
      action: r.action,
      personId: r.personId as string,
      personDistrictId: r.personDistrictId,
      personProtected: r.personProtected,
      // The district the row's role was taken in; without one, every district the reader works in.
      readerDistrictIds: r.unitDistrictId ? [r.unitDistrictId] : [...new Set(own.map((a) => a.districtId))],
      hasCaseRelation: hasCaseRelation(who, rel),
      sharedWithReader: isSharedWith(who, rel),
    };
  });
}

/** Per person: their cases' handläggare and units, their uppdrag's units, and the shares valid at some time in the month. */
async function personRelations(tx: Tx, personIds: string[], from: string, to: string): Promise<Map<string, PersonRelations>> {
  const out = new Map<string, PersonRelations>();
  if (personIds.length === 0) return out;
  const get = (id: string) => {
    let r = out.get(id);
    if (!r) {
      r = { assignedUserIds: [], caseUnitIds: [], providerUnitIds: [], sharedUserIds: [], sharedUnitIds: [] };
      out.set(id, r);
    }
    return r as { [K in keyof PersonRelations]: string[] };
  };
  const caseRows = await tx
    .select({ personId: cases.personId, assignedTo: cases.assignedTo, unitId: cases.unitId })
    .from(cases)
    .where(inArray(cases.personId, personIds));
  for (const c of caseRows) {
    if (c.assignedTo) get(c.personId).assignedUserIds.push(c.assignedTo);
    if (c.unitId) get(c.personId).caseUnitIds.push(c.unitId);
  }
  // Medhandläggare working one of the person's cases at some time in the month relate to them too.
  const coHandlers = await tx
    .select({ personId: cases.personId, userId: caseCoHandlers.userId })
    .from(caseCoHandlers)
    .innerJoin(cases, eq(cases.id, caseCoHandlers.caseId))
    .where(
      and(
        inArray(cases.personId, personIds),
        lt(caseCoHandlers.addedAt, sql`(${to}::date)::timestamp at time zone 'Europe/Stockholm'`),
        or(
          isNull(caseCoHandlers.removedAt),
          gte(caseCoHandlers.removedAt, sql`(${from}::date)::timestamp at time zone 'Europe/Stockholm'`),
        ),
      ),
    );
  for (const h of coHandlers) get(h.personId).assignedUserIds.push(h.userId);
  const uppdrag = await tx
    .select({ personId: insatser.personId, unitId: insatser.providerUnitId })
    .from(insatser)
    .where(inArray(insatser.personId, personIds));
  for (const u of uppdrag) get(u.personId).providerUnitIds.push(u.unitId);
  const shares = await tx
    .select({ personId: personShares.personId, userId: personShares.userId, unitId: personShares.unitId })
    .from(personShares)
    .where(
      and(
        inArray(personShares.personId, personIds),
        lt(personShares.createdAt, sql`(${to}::date)::timestamp at time zone 'Europe/Stockholm'`),
        or(
          isNull(personShares.revokedAt),
          gte(personShares.revokedAt, sql`(${from}::date)::timestamp at time zone 'Europe/Stockholm'`),
        ),
      ),
    );
  for (const s of shares) {
    if (s.userId) get(s.personId).sharedUserIds.push(s.userId);
    if (s.unitId) get(s.personId).sharedUnitIds.push(s.unitId);
  }
  return out;
}

/**
 * Draws a month's log review for a district: every flagged access (up to maxFlagged, the most
 * serious first), a seeded random sample of the month's rows and a seeded sample of readers. The
 * seed, sizes, rules and method are stored, so the same draw can be made again. One review per
 * district and month (409 for a second): a sample is not redrawn until it suits.
 */
export async function drawLogReview({ db }: Database, actor: Actor, input: DrawInput, now: Date): Promise<{ id: string }> {
  if (!scopeDistricts(actor).includes(input.districtId)) {
    throw badRequest(
      "district_not_in_scope",
      "Inte ditt distrikt / Not your district",
      field("body.districtId", "Välj ett av dina distrikt"),
    );
  }
  const currentMonth = stockholmDate(now).slice(0, 7);
  if (input.month > currentMonth) {
    throw badRequest("month_in_future", "Månaden har inte börjat / The month has not begun", field("body.month", "I framtiden"));
  }
  const seed = input.seed ?? randomBytes(6).toString("base64url");
  return db.transaction(async (tx) => {
    const frame = await readFrame(tx, input.districtId, input.month);
    const draw = drawReview(frame, {
      seed,
      rowSample: input.rowSample,
      userSample: input.userSample,
      maxFlagged: input.maxFlagged,
    });
    const frameSummary = {
      ...draw.frame,
      flaggedLeftOut: draw.flaggedLeftOut,
      rowSampleTookAll: draw.rowSampleTookAll,
      userSampleTookAll: draw.userSampleTookAll,
      monthComplete: input.month < currentMonth,
    };
    const [review] = await tx
      .insert(logReviews)
      .values({
        districtId: input.districtId,
        month: input.month,
        seed,
        rowSample: input.rowSample,
        userSample: input.userSample,
        maxFlagged: input.maxFlagged,
        rules: DEFAULT_FLAG_OPTIONS,
        method: `${SAMPLE_METHOD}\n${fill(RULES_METHOD, { ...DEFAULT_FLAG_OPTIONS, holidaysOff: 1 })}`,
        frame: frameSummary,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: logReviews.id });
    if (!review) {
      throw conflict(
        "review_exists",
        "Månaden har redan en loggkontroll för distriktet / The district already has a log review for the month",
        field("body.month", "Finns redan / Already drawn"),
      );
    }
    const auditIds = draw.rows.map((r) => Number(r.row.id));
    const copies = auditIds.length
      ? await tx
          .select({
            id: auditLog.id,
            username: auditLog.username,
            role: auditLog.role,
            recordType: auditLog.recordType,
            recordId: auditLog.recordId,
          })
          .from(auditLog)
          .where(inArray(auditLog.id, auditIds))
      : [];
    const copyOf = new Map(copies.map((c) => [String(c.id), c]));
    let position = 0;
    const rowItems = draw.rows.map((d) => {
      const c = copyOf.get(d.row.id);
      return {
        reviewId: review.id,
        kind: "row",
        position: position++,
        auditId: Number(d.row.id),
        at: d.row.at,
        userId: d.row.userId,
        username: c?.username ?? null,
        role: c?.role ?? null,
        action: d.row.action,
        personId: d.row.personId,
        recordType: c?.recordType ?? null,
        recordId: c?.recordId ?? null,
        flags: d.flags,
        drawnByRule: d.flagged,
        drawnAtRandom: d.random,
        details: d.burst ? { persons: d.burst.persons, from: d.burst.from.toISOString(), to: d.burst.to.toISOString() } : null,
      };
    });
    const flagsOfFrame = new Map(draw.rows.map((d) => [d.row.id, d.flags]));
    const userItems = draw.users.map((userId) => {
      const own = frame.filter((r) => r.userId === userId);
      return {
        reviewId: review.id,
        kind: "user",
        position: position++,
        userId,
        details: {
          rows: own.length,
          persons: new Set(own.map((r) => r.personId)).size,
          flaggedInReview: own.filter((r) => (flagsOfFrame.get(r.id) ?? []).length > 0).length,
        },
      };
    });
    const items = [...rowItems, ...userItems];
    if (items.length) await tx.insert(logReviewItems).values(items);
    await audit(tx, actor, {
      action: "logreview.draw",
      permission: "logreview:manage",
      recordType: "log_review",
      recordId: review.id,
      purpose: "loggkontroll",
      details: { districtId: input.districtId, month: input.month, seed, ...frameSummary, items: items.length },
    });
    return review;
  });
}

const counts = {
  items: sql<number>`(select count(*)::int from ${logReviewItems} where ${logReviewItems.reviewId} = ${logReviews.id})`,
  judged: sql<number>`(select count(*)::int from ${logReviewItems} where ${logReviewItems.reviewId} = ${logReviews.id} and ${logReviewItems.verdict} is not null)`,
  flagged: sql<number>`(select count(*)::int from ${logReviewItems} where ${logReviewItems.reviewId} = ${logReviews.id} and ${logReviewItems.verdict} = 'flagged')`,
};

function reviewQuery(db: Db | Tx) {
  return db
    .select({
      review: logReviews,
      districtName: districts.name,
      createdByName: creator.displayName,
      completedByName: completer.displayName,
      ...counts,
    })
    .from(logReviews)
    .innerJoin(districts, eq(districts.id, logReviews.districtId))
    .innerJoin(creator, eq(creator.id, logReviews.createdBy))
    .leftJoin(completer, eq(completer.id, logReviews.completedBy));
}
type ReviewRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>["execute"]>>[number];

function toSummary(r: ReviewRow): LogReviewSummary {
  return {
    id: r.review.id,
    districtId: r.review.districtId,
    districtName: r.districtName,
    month: r.review.month,
    createdAt: r.review.createdAt.toISOString(),
    createdByName: r.createdByName,
    completedAt: r.review.completedAt?.toISOString() ?? null,
    items: Number(r.items),
    judged: Number(r.judged),
    flagged: Number(r.flagged),
  };
}

export async function listLogReviews({ db }: Database, actor: Actor, q: z.infer<typeof logReviewQuery>) {
  const scope = scopeDistricts(actor);
  const wanted = q.districtId ? scope.filter((d) => d === q.districtId) : scope;
  if (wanted.length === 0) return { items: [] };
  const rows = await reviewQuery(db)
    .where(inArray(logReviews.districtId, wanted))
    .orderBy(desc(logReviews.month), asc(districts.name))
    .limit(240);
  return { items: rows.map(toSummary) };
}

async function reviewInScope(db: Db | Tx, actor: Actor, id: string): Promise<ReviewRow> {
  const scope = scopeDistricts(actor);
  if (scope.length === 0) throw notFound();
  const [row] = await reviewQuery(db).where(and(eq(logReviews.id, id), inArray(logReviews.districtId, scope)));
  if (!row) throw notFound();
  return row;
}

/**
 * A review with its items. The items name persons, so reading them is itself an audited read:
 * one audit row per person shown, in the same transaction, with the review as purpose.
 */
export async function getLogReview({ db }: Database, actor: Actor, id: string): Promise<LogReviewDetail> {
  return db.transaction(async (tx) => {
    const row = await reviewInScope(tx, actor, id);
    const items = await tx
      .select({
        item: logReviewItems,
        userName: reader.displayName,
        firstName: persons.firstName,
        lastName: persons.lastName,
        judgedByName: judge.displayName,
      })
      .from(logReviewItems)
      .leftJoin(reader, eq(reader.id, logReviewItems.userId))
      .leftJoin(persons, eq(persons.id, logReviewItems.personId))
      .leftJoin(judge, eq(judge.id, logReviewItems.judgedBy))
      .where(eq(logReviewItems.reviewId, id))
      .orderBy(asc(logReviewItems.position));
    const shown = [...new Set(items.flatMap((i) => (i.item.personId ? [i.item.personId] : [])))];
    await audit(
      tx,
      actor,
      shown.map((personId) => ({
        action: "logreview.read",
        permission: "logreview:manage" as const,
        personId,
        recordType: "log_review",
        recordId: id,
        purpose: "loggkontroll",
      })),
    );
    const r = row.review;
    return {
      ...toSummary(row),
      seed: r.seed,
      rowSample: r.rowSample,
      userSample: r.userSample,
      maxFlagged: r.maxFlagged,
      rules: r.rules as Record<string, unknown>,
      method: r.method,
      frame: r.frame as LogReviewDetail["frame"],
      summary: r.summary,
      completedByName: row.completedByName ?? null,
      entries: items.map(({ item: i, ...names }) => ({
        id: i.id,
        kind: i.kind as "row" | "user",
        position: i.position,
        auditId: i.auditId,
        at: i.at?.toISOString() ?? null,
        userId: i.userId,
        username: i.username,
        userName: names.userName ?? null,
        role: i.role,
        action: i.action,
        personId: i.personId,
        personName: names.firstName ? `${names.firstName} ${names.lastName}` : null,
        recordType: i.recordType,
        recordId: i.recordId,
        flags: i.flags as AccessFlag[],
        drawnByRule: i.drawnByRule,
        drawnAtRandom: i.drawnAtRandom,
        details: (i.details as Record<string, unknown> | null) ?? null,
        verdict: i.verdict as "ok" | "flagged" | null,
        note: i.note,
        judgedByName: names.judgedByName ?? null,
        judgedAt: i.judgedAt?.toISOString() ?? null,
        deviationId: i.deviationId,
      })),
    };
  });
}

/**
 * The reviewer's verdict on one item: ok, or flagged with a note (which becomes an avvikelse through
 * deviation-hook.ts, in the same transaction). A verdict is given once (409 for a second, so two reviewers cannot overwrite each other),
 * and not after the review is completed.
 */
export async function judgeItem(
  { db }: Database,
  actor: Actor,
  reviewId: string,
  itemId: string,
  input: z.infer<typeof verdictBody>,
  now: Date,
): Promise<{ id: string; verdict: "ok" | "flagged"; deviationId: string | null }> {
  if (input.verdict === "flagged" && input.note.length < 3) {
    throw badRequest(
      "note_required",
      "Skriv vad som är avvikande / Say what is irregular",
      field("body.note", "Obligatorisk vid flaggning / Required when flagging"),
    );
  }
  return db.transaction(async (tx) => {
    const row = await reviewInScope(tx, actor, reviewId);
    const [item] = await tx
      .select()
      .from(logReviewItems)
      .where(and(eq(logReviewItems.id, itemId), eq(logReviewItems.reviewId, reviewId)))
      .for("update");
    if (!item) throw notFound();
    const [review] = await tx.select({ completedAt: logReviews.completedAt }).from(logReviews).where(eq(logReviews.id, reviewId));
    if (review?.completedAt) throw conflict("review_completed", "Loggkontrollen är avslutad / The review is completed");
    if (item.verdict) throw conflict("already_judged", "Posten är redan bedömd / The item has already been judged");
    const deviationId =
      input.verdict === "flagged"
        ? await deviationForFlag(
            tx,
            actor,
            {
              reviewId,
              itemId,
              districtId: row.review.districtId,
              month: row.review.month,
              auditId: item.auditId,
              at: item.at,
              personId: item.personId,
              flags: item.flags,
              note: input.note,
            },
            now,
          )
        : null;
    await tx
      .update(logReviewItems)
      .set({ verdict: input.verdict, note: input.note || null, judgedBy: actor.userId, judgedAt: now, deviationId })
      .where(eq(logReviewItems.id, itemId));
    await audit(tx, actor, {
      action: "logreview.verdict",
      permission: "logreview:manage",
      personId: item.personId,
      recordType: "log_review_item",
      recordId: itemId,
      purpose: "loggkontroll",
      details: { reviewId, verdict: input.verdict, flags: item.flags, auditId: item.auditId, deviationId },
    });
    return { id: itemId, verdict: input.verdict, deviationId };
  });
}

/** Completes (signs) a review once every item has its verdict. */
export async function completeLogReview(
  { db }: Database,
  actor: Actor,
  reviewId: string,
  input: z.infer<typeof completeBody>,
  now: Date,
): Promise<{ id: string; completedAt: string }> {
  return db.transaction(async (tx) => {
    await reviewInScope(tx, actor, reviewId);
    const [review] = await tx.select().from(logReviews).where(eq(logReviews.id, reviewId)).for("update");
    if (!review) throw notFound();
    if (review.completedAt) throw conflict("review_completed", "Loggkontrollen är redan avslutad / Already completed");
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(logReviewItems)
      .where(and(eq(logReviewItems.reviewId, reviewId), isNull(logReviewItems.verdict)));
    if (Number(open?.n ?? 0) > 0) {
      throw badRequest(
        "items_unjudged",
        `${open?.n} poster saknar bedömning / ${open?.n} items have no verdict`,
        field("entries", "Bedöm alla poster först / Judge every item first"),
      );
    }
    await tx
      .update(logReviews)
      .set({ completedAt: now, completedBy: actor.userId, summary: input.summary || null })
      .where(eq(logReviews.id, reviewId));
    await audit(tx, actor, {
      action: "logreview.complete",
      permission: "logreview:manage",
      recordType: "log_review",
      recordId: reviewId,
      purpose: "loggkontroll",
    });
    return { id: reviewId, completedAt: now.toISOString() };
  });
}

/**
 * Draws the review again from its stored seed, sizes and rules over the audit log as it is now, and
 * compares: for a month that is over the audit rows cannot change (append-only, stamped by the
 * database clock), so the same rows come back unless a case relation or share has changed since.
 * Only ids are compared and returned; no person is shown.
 */
export async function verifyLogReview({ db }: Database, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const row = await reviewInScope(tx, actor, id);
    const r = row.review;
    const frame = await readFrame(tx, r.districtId, r.month);
    const again = drawReview(
      frame,
      { seed: r.seed, rowSample: r.rowSample, userSample: r.userSample, maxFlagged: r.maxFlagged },
      r.rules as typeof DEFAULT_FLAG_OPTIONS,
    );
    const stored = await tx
      .select({ kind: logReviewItems.kind, auditId: logReviewItems.auditId, userId: logReviewItems.userId })
      .from(logReviewItems)
      .where(eq(logReviewItems.reviewId, id))
      .orderBy(asc(logReviewItems.position));
    const storedRows = stored.flatMap((i) => (i.kind === "row" && i.auditId !== null ? [i.auditId] : []));
    const storedUsers = stored.flatMap((i) => (i.kind === "user" && i.userId ? [i.userId] : []));
    const redrawnRows = again.rows.map((d) => Number(d.row.id));
    const result = {
      matches:
        storedRows.length === redrawnRows.length &&
        storedRows.every((a, k) => a === redrawnRows[k]) &&
        storedUsers.length === again.users.length &&
        storedUsers.every((u, k) => u === again.users[k]),
      onlyStored: storedRows.filter((a) => !redrawnRows.includes(a)),
      onlyRedrawn: redrawnRows.filter((a) => !storedRows.includes(a)),
      usersMatch: storedUsers.join() === again.users.join(),
    };
    await audit(tx, actor, {
      action: "logreview.verify",
      permission: "logreview:manage",
      recordType: "log_review",
      recordId: id,
      purpose: "loggkontroll",
      details: { matches: result.matches, onlyStored: result.onlyStored.length, onlyRedrawn: result.onlyRedrawn.length },
    });
    return result;
  });
}
