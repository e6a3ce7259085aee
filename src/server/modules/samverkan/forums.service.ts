import { and, asc, desc, eq, gte, inArray, min, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  addAgendaBody,
  CreateForumInput,
  createMeetingBody,
  ForumDetail,
  forumList,
  forumListQuery,
  MeetingDetail,
  UpdateForumInput,
  UpdateMeetingInput,
} from "../../../contracts/samverkan";
import type { Agency, ForumType } from "../../../domain/consent/vocabulary";
import type { Database, Tx } from "../../db/connection";
import {
  consents,
  districts,
  forumAgendaItems,
  forumMeetings,
  forums,
  persons,
  units,
  userRoles,
  users,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { coverOf, forumDistricts, forumInScope, meetingInScope, personInScope, requireCover } from "./access";

type ForumRow = typeof forums.$inferSelect;
const field = (path: string, message: string) => [{ path, message }];
/** A forum keeps its meetings; the page shows the newest ones, never an unbounded list. */
const MEETINGS_SHOWN = 100;
/** Forums of one's districts are few (a handful per district); the cap keeps the list bounded anyway. */
const FORUMS_SHOWN = 200;

function checkAges(ageMin: number, ageMax: number) {
  if (ageMin > ageMax)
    throw badRequest("age_range", "Lägsta ålder är högre än högsta / The lowest age is above the highest", [
      { path: "body.ageMax", message: "Lägre än lägsta ålder" },
    ]);
}

const forumTarget = (forum: ForumRow) => ({
  kind: "forum" as const,
  forumId: forum.id,
  forumType: forum.type as ForumType,
  agencies: forum.agencies as Agency[],
});

async function summaries(tx: Tx, rows: { forum: ForumRow; districtName: string }[], today: string) {
  const ids = rows.map((r) => r.forum.id);
  const next = ids.length
    ? await tx
        .select({ forumId: forumMeetings.forumId, on: min(forumMeetings.meetingOn) })
        .from(forumMeetings)
        .where(and(inArray(forumMeetings.forumId, ids), gte(forumMeetings.meetingOn, today)))
        .groupBy(forumMeetings.forumId)
    : [];
  const nextOf = new Map(next.map((n) => [n.forumId, n.on]));
  return rows.map(({ forum: f, districtName }) => ({
    id: f.id,
    districtId: f.districtId,
    districtName,
    name: f.name,
    type: f.type as ForumType,
    ageMin: f.ageMin,
    ageMax: f.ageMax,
    agencies: f.agencies as Agency[],
    cadence: f.cadence,
    active: f.active,
    nextMeetingOn: nextOf.get(f.id) ?? null,
  }));
}

/** The forums of the actor's districts (configuration, no personal data: not audited). */
export async function listForums(
  { db }: Database,
  actor: Actor,
  query: z.infer<typeof forumListQuery>,
  today: string,
): Promise<z.infer<typeof forumList>> {
  const allowed = forumDistricts(actor).filter((d) => !query.districtId || d === query.districtId);
  if (!allowed.length) return { items: [] };
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ forum: forums, districtName: districts.name })
      .from(forums)
      .innerJoin(districts, eq(districts.id, forums.districtId))
      .where(inArray(forums.districtId, allowed))
      .orderBy(desc(forums.active), asc(forums.name), asc(forums.id))
      .limit(FORUMS_SHOWN);
    return { items: await summaries(tx, rows, today) };
  });
}

export async function createForum({ db }: Database, actor: Actor, input: CreateForumInput) {
  if (!forumDistricts(actor).includes(input.districtId))
    throw badRequest("district_not_in_scope", "Välj ett av dina distrikt / Choose one of your districts", [
      { path: "body.districtId", message: "Inte ditt distrikt" },
    ]);
  checkAges(input.ageMin, input.ageMax);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(forums)
      .values({ ...input, cadence: input.cadence ?? "", createdBy: actor.userId })
      .returning({ id: forums.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, { action: "forum.create", permission: "forum:manage", recordType: "forum", recordId: row.id });
    return row;
  });
}

export async function getForum({ db }: Database, actor: Actor, id: string, today: string): Promise<ForumDetail> {
  return db.transaction(async (tx) => {
    const forum = await forumInScope(tx, actor, id);
    const [d] = await tx.select({ name: districts.name }).from(districts).where(eq(districts.id, forum.districtId));
    const [summary] = await summaries(tx, [{ forum, districtName: d?.name ?? "" }], today);
    const meetings = await tx
      .select({
        id: forumMeetings.id,
        meetingOn: forumMeetings.meetingOn,
        place: forumMeetings.place,
        minutes: forumMeetings.minutes,
        agendaCount: sql<number>`(select count(*)::int from ${forumAgendaItems} where ${forumAgendaItems.meetingId} = ${forumMeetings.id})`,
      })
      .from(forumMeetings)
      .where(eq(forumMeetings.forumId, id))
      .orderBy(desc(forumMeetings.meetingOn), desc(forumMeetings.id))
      .limit(MEETINGS_SHOWN);
    if (!summary) throw notFound();
    return {
      ...summary,
      meetings: meetings.map((m) => ({
        id: m.id,
        meetingOn: m.meetingOn,
        place: m.place,
        agendaCount: Number(m.agendaCount),
        hasMinutes: !!m.minutes,
      })),
    };
  });
}

export async function updateForum({ db }: Database, actor: Actor, id: string, input: UpdateForumInput) {
  return db.transaction(async (tx) => {
    const forum = await forumInScope(tx, actor, id);
    checkAges(input.ageMin ?? forum.ageMin, input.ageMax ?? forum.ageMax);
    await tx.update(forums).set(input).where(eq(forums.id, id));
    await audit(tx, actor, {
      action: "forum.update",
      permission: "forum:manage",
      recordType: "forum",
      recordId: id,
      details: { fields: Object.keys(input) },
    });
    return { ok: true as const };
  });
}

export async function createMeeting({ db }: Database, actor: Actor, forumId: string, input: z.infer<typeof createMeetingBody>) {
  return db.transaction(async (tx) => {
    const forum = await forumInScope(tx, actor, forumId);
    if (!forum.active)
      throw conflict("forum_inactive", "Forumet är avslutat / The forum is no longer active", field("body", "Avslutat forum"));
    const [row] = await tx
      .insert(forumMeetings)
      .values({ forumId, meetingOn: input.meetingOn, place: input.place ?? "", createdBy: actor.userId })
      .returning({ id: forumMeetings.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "forum.meeting.create",
      permission: "forum:manage",
      recordType: "forum_meeting",
      recordId: row.id,
    });
    return row;
  });
}

/** Staff of the forum's district: who may be listed as the meeting's participants from the social services. */
async function districtStaff(tx: Tx, districtId: string) {
  return tx
    .selectDistinct({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(units, eq(units.id, userRoles.unitId))
    .where(and(eq(units.districtId, districtId), eq(users.active, true)))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(500);
}

async function agendaOf(tx: Tx, meetingId: string) {
  return tx
    .select({ item: forumAgendaItems, firstName: persons.firstName, lastName: persons.lastName })
    .from(forumAgendaItems)
    .innerJoin(persons, eq(persons.id, forumAgendaItems.personId))
    .where(eq(forumAgendaItems.meetingId, meetingId))
    .orderBy(asc(forumAgendaItems.addedAt), asc(forumAgendaItems.id));
}

/**
 * The meeting with its agenda, participants and minutes. The agenda names persons: each one shown
 * is an audit row on that person. Each item says whether a consent still covers the person on the
 * meeting's day, so a revocation after the person was put forward is seen before the meeting.
 */
export async function getMeeting({ db }: Database, actor: Actor, id: string): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const { meeting, forum } = await meetingInScope(tx, actor, id);
    const agenda = await agendaOf(tx, id);
    const personIds = agenda.map((a) => a.item.personId);
    const consentRows = personIds.length ? await tx.select().from(consents).where(inArray(consents.personId, personIds)) : [];
    const staff = await districtStaff(tx, forum.districtId);
    const names = new Map(staff.map((s) => [s.id, s.name]));
    const missingStaff = meeting.staffParticipantIds.filter((p) => !names.has(p));
    if (missingStaff.length) {
      for (const u of await tx
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, missingStaff)))
        names.set(u.id, u.name);
    }
    const [minutesBy] = meeting.minutesBy
      ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, meeting.minutesBy))
      : [];
    await audit(
      tx,
      actor,
      agenda.length
        ? agenda.map((a) => ({
            action: "forum.meeting.read",
            permission: "forum:manage" as const,
            personId: a.item.personId,
            recordType: "forum_meeting",
            recordId: id,
          }))
        : [{ action: "forum.meeting.read", permission: "forum:manage", recordType: "forum_meeting", recordId: id }],
    );
    const target = forumTarget(forum);
    return {
      id: meeting.id,
      forumId: forum.id,
      forumName: forum.name,
      forumType: forum.type as ForumType,
      forumAgencies: forum.agencies as Agency[],
      districtId: forum.districtId,
      meetingOn: meeting.meetingOn,
      place: meeting.place,
      staffParticipants: meeting.staffParticipantIds.map((p) => ({ id: p, name: names.get(p) ?? "" })),
      externalParticipants: meeting.externalParticipants as MeetingDetail["externalParticipants"],
      minutes: meeting.minutes,
      minutesByName: minutesBy?.name ?? null,
      minutesAt: meeting.minutesAt?.toISOString() ?? null,
      agenda: agenda.map((a) => {
        const cover = coverOf(
          consentRows.filter((c) => c.personId === a.item.personId),
          target,
          meeting.meetingOn,
        );
        return {
          id: a.item.id,
          personId: a.item.personId,
          personName: `${a.firstName} ${a.lastName}`,
          consentId: a.item.consentId,
          note: a.item.note,
          covered: cover.covered,
          coverReason: cover.reason,
        };
      }),
      staffChoices: staff,
    };
  });
}

/**
 * Changes the meeting: day, place, participants, minutes. Moving the day re-checks every person on
 * the agenda against their consents on the new day (409 consent_required when one no longer
 * covers). Writing minutes is audited on each person on the agenda: the minutes speak of them.
 */
export async function updateMeeting({ db }: Database, actor: Actor, id: string, input: UpdateMeetingInput, now: Date) {
  return db.transaction(async (tx) => {
    const { meeting, forum } = await meetingInScope(tx, actor, id, true);
    if (input.staffParticipantIds?.length) {
      const staff = new Set((await districtStaff(tx, forum.districtId)).map((s) => s.id));
      const unknown = input.staffParticipantIds.filter((p) => !staff.has(p));
      if (unknown.length)
        throw badRequest(
          "unknown_staff",
          "Deltagaren är inte personal i distriktet / The participant is not staff of the district",
          field("body.staffParticipantIds", "Okänd personal"),
        );
    }
    const agenda = await agendaOf(tx, id);
    if (input.meetingOn && input.meetingOn !== meeting.meetingOn) {
      for (const a of agenda) await requireCover(tx, a.item.personId, forumTarget(forum), input.meetingOn, "body.meetingOn");
    }
    const minutesChanged = input.minutes !== undefined && input.minutes !== meeting.minutes;
    await tx
      .update(forumMeetings)
      .set({
        ...(input.meetingOn ? { meetingOn: input.meetingOn } : {}),
        ...(input.place !== undefined ? { place: input.place } : {}),
        ...(input.staffParticipantIds ? { staffParticipantIds: input.staffParticipantIds } : {}),
        ...(input.externalParticipants ? { externalParticipants: input.externalParticipants } : {}),
        ...(minutesChanged ? { minutes: input.minutes, minutesBy: actor.userId, minutesAt: now } : {}),
      })
      .where(eq(forumMeetings.id, id));
    const entry = {
      action: minutesChanged ? "forum.minutes.write" : "forum.meeting.update",
      permission: "forum:manage" as const,
      recordType: "forum_meeting",
      recordId: id,
      details: { fields: Object.keys(input) },
    };
    await audit(
      tx,
      actor,
      minutesChanged && agenda.length ? agenda.map((a) => ({ ...entry, personId: a.item.personId })) : [entry],
    );
    return { ok: true as const };
  });
}

/**
 * Puts a person on the meeting's agenda, only while a valid consent covers the forum on the
 * meeting's day (409 consent_required otherwise). Once per meeting: the unique index decides
 * between two requests at the same time, and the second is told 409 already_on_agenda.
 */
export async function addAgendaItem({ db }: Database, actor: Actor, meetingId: string, input: z.infer<typeof addAgendaBody>) {
  return db.transaction(async (tx) => {
    const { meeting, forum } = await meetingInScope(tx, actor, meetingId);
    const person = await personInScope(tx, actor, input.personId);
    const consent = await requireCover(tx, person.id, forumTarget(forum), meeting.meetingOn, "body.personId");
    const [row] = await tx
      .insert(forumAgendaItems)
      .values({ meetingId, personId: person.id, consentId: consent.id, note: input.note ?? "", addedBy: actor.userId })
      .onConflictDoNothing({ target: [forumAgendaItems.meetingId, forumAgendaItems.personId] })
      .returning({ id: forumAgendaItems.id });
    if (!row)
      throw conflict(
        "already_on_agenda",
        "Personen står redan på dagordningen / The person is already on the agenda",
        field("body.personId", "Redan på dagordningen"),
      );
    await audit(tx, actor, {
      action: "forum.agenda.add",
      permission: "forum:manage",
      personId: person.id,
      recordType: "forum_agenda_item",
      recordId: row.id,
      details: { meetingId, consentId: consent.id },
    });
    return row;
  });
}
