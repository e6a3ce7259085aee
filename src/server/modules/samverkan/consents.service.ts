import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ConsentView,
  CreateConsentInput,
  CreateDisclosureInput,
  expiringConsents,
  PersonConsents,
  revokeConsentBody,
} from "../../../contracts/samverkan";
import { addCalendarDays } from "../../../domain/clocks";
import {
  consentState,
  EXPIRY_WARNING_DAYS,
  type GiverProblem,
  giverProblemFor,
  revocationProblem,
  validityProblem,
} from "../../../domain/consent/rules";
import type {
  Agency,
  ConsentGiver,
  ConsentMethod,
  ForumType,
  Guardianship,
  InformationCategory,
} from "../../../domain/consent/vocabulary";
import { stockholmDate } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { consentDisclosures, consents, forumAgendaItems, forumMeetings, forums, persons, users } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit, auditShownList } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";
import { personInScope, requireCover } from "./access";

const field = (path: string, message: string) => [{ path, message }];

const GIVER_PROBLEMS: Record<GiverProblem, { message: string; path: string }> = {
  young_person_required: {
    message: "Den unge måste själv samtycka (från 15 år) / The young person must consent (from 15)",
    path: "body.givenBy",
  },
  guardians_required: {
    message: "Vårdnadshavare måste samtycka för den som är under 18 / Guardians must consent for a minor",
    path: "body.givenBy",
  },
  both_guardians_required: {
    message: "Vid gemensam vårdnad måste båda vårdnadshavarna samtycka / With joint custody both guardians must consent",
    path: "body.givenBy",
  },
  guardianship_required: {
    message: "Ange om vårdnaden är gemensam eller ensam / State whether custody is joint or sole",
    path: "body.guardianship",
  },
};

/**
 * Records a samtycke for the person (in scope, else 404). The period must be whole and at most 12
 * months; the givers must be those the person's age on the first day requires; named forums must
 * be forums of the person's district. Audited on the person.
 */
export async function createConsent({ db }: Database, actor: Actor, personId: string, input: CreateConsentInput, now: Date) {
  const validity = validityProblem(input.validFrom, input.validUntil);
  if (validity === "until_before_from")
    throw badRequest(
      "until_before_from",
      "Giltig till ligger före giltig från / Valid until is before valid from",
      field("body.validUntil", "Före startdagen"),
    );
  if (validity === "too_long")
    throw badRequest(
      "too_long",
      "Ett samtycke gäller högst 12 månader / A consent runs at most 12 months",
      field("body.validUntil", "Högst 12 månader"),
    );
  return db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, personId);
    const problem = giverProblemFor(
      { givenBy: input.givenBy, guardianship: input.guardianship ?? null },
      person.birthDate,
      input.validFrom,
    );
    if (problem) {
      const p = GIVER_PROBLEMS[problem];
      throw badRequest(problem, p.message, field(p.path, p.message.split(" / ")[0] as string));
    }
    const forumIds = input.forumIds ?? [];
    if (forumIds.length) {
      const found = await tx
        .select({ id: forums.id })
        .from(forums)
        .where(and(inArray(forums.id, forumIds), eq(forums.districtId, person.districtId)));
      if (found.length !== forumIds.length)
        throw badRequest(
          "unknown_forum",
          "Forumet finns inte i personens distrikt / The forum is not in the person's district",
          field("body.forumIds", "Okänt forum"),
        );
    }
    const [row] = await tx
      .insert(consents)
      .values({
        personId: person.id,
        givenBy: input.givenBy,
        guardianship: input.guardianship ?? null,
        method: input.method,
        agencies: input.agencies,
        categories: input.categories,
        forumIds,
        forumTypes: input.forumTypes ?? [],
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        note: input.note ?? "",
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning({ id: consents.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "consent.create",
      permission: "consent:manage",
      personId: person.id,
      recordType: "consent",
      recordId: row.id,
    });
    return row;
  });
}

/**
 * Revokes a consent from a day (today or a past day it was said, not before it was recorded).
 * Once only: a second revocation is 409 already_revoked. The row is kept, so what was allowed
 * when stays on record. The lock makes a revocation and an agenda request one after the other.
 */
export async function revokeConsent(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof revokeConsentBody>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [visible] = await tx
      .select({ id: consents.id })
      .from(consents)
      .innerJoin(persons, eq(persons.id, consents.personId))
      .where(and(eq(consents.id, id), personScope(actor)));
    if (!visible) throw notFound();
    const [c] = await tx.select().from(consents).where(eq(consents.id, id)).for("update");
    if (!c) throw notFound();
    const problem = revocationProblem(
      { revokedOn: c.revokedOn, recordedOn: stockholmDate(c.recordedAt) },
      input.revokedOn,
      stockholmDate(now),
    );
    if (problem === "already_revoked")
      throw conflict(
        "already_revoked",
        "Samtycket är redan återkallat / The consent is already revoked",
        field("body.revokedOn", "Redan återkallat"),
      );
    if (problem === "in_future")
      throw badRequest(
        "in_future",
        "Datumet ligger i framtiden / The date is in the future",
        field("body.revokedOn", "Framtida datum"),
      );
    if (problem === "before_recorded")
      throw badRequest(
        "before_recorded",
        "Datumet ligger före registreringen / The date is before the consent was recorded",
        field("body.revokedOn", "Före registreringen"),
      );
    await tx
      .update(consents)
      .set({ revokedOn: input.revokedOn, revokedBy: actor.userId, revokedAt: now, revocationNote: input.note ?? null })
      .where(eq(consents.id, id));
    await audit(tx, actor, {
      action: "consent.revoke",
      permission: "consent:manage",
      personId: c.personId,
      recordType: "consent",
      recordId: id,
    });
    return { ok: true as const };
  });
}

/**
 * Records information shared about the person with an agency. Refused (409 consent_required)
 * unless a consent names the agency and every category on the day it was shared. Audited.
 */
export async function recordDisclosure(
  { db }: Database,
  actor: Actor,
  personId: string,
  input: CreateDisclosureInput,
  now: Date,
) {
  if (input.sharedOn > stockholmDate(now))
    throw badRequest(
      "in_future",
      "Datumet ligger i framtiden / The date is in the future",
      field("body.sharedOn", "Framtida datum"),
    );
  return db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, personId);
    if (input.meetingId) {
      const [onAgenda] = await tx
        .select({ id: forumAgendaItems.id })
        .from(forumAgendaItems)
        .where(and(eq(forumAgendaItems.meetingId, input.meetingId), eq(forumAgendaItems.personId, person.id)));
      if (!onAgenda)
        throw badRequest(
          "not_on_agenda",
          "Personen står inte på det mötets dagordning / The person is not on that meeting's agenda",
          field("body.meetingId", "Inte på dagordningen"),
        );
    }
    const consent = await requireCover(
      tx,
      person.id,
      { kind: "agency", agency: input.agency, categories: input.categories },
      input.sharedOn,
      "body.agency",
    );
    const [row] = await tx
      .insert(consentDisclosures)
      .values({
        personId: person.id,
        consentId: consent.id,
        agency: input.agency,
        categories: input.categories,
        sharedOn: input.sharedOn,
        recipient: input.recipient ?? "",
        description: input.description,
        meetingId: input.meetingId ?? null,
        recordedBy: actor.userId,
        recordedAt: now,
      })
      .returning({ id: consentDisclosures.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "consent.disclosure",
      permission: "consent:manage",
      personId: person.id,
      recordType: "consent_disclosure",
      recordId: row.id,
      details: { consentId: consent.id, agency: input.agency },
    });
    return row;
  });
}

/**
 * The person's consents, the disclosures made under them and the meetings they were put forward
 * to (all kept: a person has few), plus the forums of their district for the consent form.
 * Out of scope answers 404. One audit row on the person.
 */
export async function personConsents({ db }: Database, actor: Actor, personId: string, now: Date): Promise<PersonConsents> {
  const today = stockholmDate(now);
  return db.transaction(async (tx) => {
    const person = await personInScope(tx, actor, personId);
    const consentRows = await tx
      .select()
      .from(consents)
      .where(eq(consents.personId, person.id))
      .orderBy(desc(consents.validFrom), desc(consents.recordedAt));
    const staffIds = [...new Set(consentRows.flatMap((c) => [c.recordedBy, c.revokedBy ?? c.recordedBy]))];
    const staffNames = new Map<string, string>(
      staffIds.length
        ? (await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, staffIds))).map(
            (u): [string, string] => [u.id, u.name],
          )
        : [],
    );
    const rows = consentRows.map((c) => ({
      c,
      recordedByName: staffNames.get(c.recordedBy) ?? "",
      revokedByName: c.revokedBy ? (staffNames.get(c.revokedBy) ?? "") : null,
    }));
    const disclosures = await tx
      .select({ d: consentDisclosures, recordedByName: users.displayName })
      .from(consentDisclosures)
      .innerJoin(users, eq(users.id, consentDisclosures.recordedBy))
      .where(eq(consentDisclosures.personId, person.id))
      .orderBy(desc(consentDisclosures.sharedOn), desc(consentDisclosures.recordedAt));
    const agenda = await tx
      .select({
        meetingId: forumMeetings.id,
        meetingOn: forumMeetings.meetingOn,
        forumName: forums.name,
        consentId: forumAgendaItems.consentId,
      })
      .from(forumAgendaItems)
      .innerJoin(forumMeetings, eq(forumMeetings.id, forumAgendaItems.meetingId))
      .innerJoin(forums, eq(forums.id, forumMeetings.forumId))
      .where(eq(forumAgendaItems.personId, person.id))
      .orderBy(desc(forumMeetings.meetingOn));
    const forumChoices = await tx
      .select({ id: forums.id, name: forums.name, type: forums.type })
      .from(forums)
      .where(and(eq(forums.districtId, person.districtId), eq(forums.active, true)))
      .orderBy(asc(forums.name))
      .limit(200);
    const forumIds = [...new Set(rows.flatMap((r) => r.c.forumIds))];
    const names = new Map<string, string>(
      forumIds.length
        ? (await tx.select({ id: forums.id, name: forums.name }).from(forums).where(inArray(forums.id, forumIds))).map(
            (f): [string, string] => [f.id, f.name],
          )
        : [],
    );
    await audit(tx, actor, {
      action: "consent.read",
      permission: "person:read",
      personId: person.id,
      recordType: "person",
      recordId: person.id,
    });
    return {
      consents: rows.map(({ c, recordedByName, revokedByName }): ConsentView => {
        const facts = {
          ...c,
          agencies: c.agencies as Agency[],
          categories: c.categories as InformationCategory[],
          forumTypes: c.forumTypes as ForumType[],
        };
        return {
          id: c.id,
          personId: c.personId,
          givenBy: c.givenBy as ConsentGiver[],
          guardianship: c.guardianship as Guardianship | null,
          method: c.method as ConsentMethod,
          agencies: facts.agencies,
          categories: facts.categories,
          forumIds: c.forumIds,
          forums: c.forumIds.map((f) => ({ id: f, name: names.get(f) ?? "" })),
          forumTypes: facts.forumTypes,
          validFrom: c.validFrom,
          validUntil: c.validUntil,
          note: c.note,
          recordedByName,
          recordedAt: c.recordedAt.toISOString(),
          revokedOn: c.revokedOn,
          revokedByName: revokedByName ?? null,
          revocationNote: c.revocationNote,
          state: consentState(facts, today),
        };
      }),
      disclosures: disclosures.map(({ d, recordedByName }) => ({
        id: d.id,
        consentId: d.consentId,
        agency: d.agency as Agency,
        categories: d.categories as InformationCategory[],
        sharedOn: d.sharedOn,
        recipient: d.recipient,
        description: d.description,
        meetingId: d.meetingId,
        recordedByName,
        recordedAt: d.recordedAt.toISOString(),
      })),
      agendaItems: agenda,
      forumChoices: forumChoices.map((f) => ({ ...f, type: f.type as ForumType })),
    };
  });
}

/** The most shown on the start page: the reminder is a prompt, the person page has the rest. */
const EXPIRING_SHOWN = 50;

/**
 * Consents of persons in the actor's scope that are in force and end within 30 days: the start
 * page's reminder to ask for a new one. The names shown are audited on each person.
 */
export async function expiringConsentList(
  database: Database,
  actor: Actor,
  now: Date,
): Promise<z.infer<typeof expiringConsents>> {
  const today = stockholmDate(now);
  const rows = await database.db
    .select({
      id: consents.id,
      personId: consents.personId,
      firstName: persons.firstName,
      lastName: persons.lastName,
      validUntil: consents.validUntil,
    })
    .from(consents)
    .innerJoin(persons, eq(persons.id, consents.personId))
    .where(
      and(
        personScope(actor),
        gte(consents.validUntil, today),
        lte(consents.validUntil, addCalendarDays(today, EXPIRY_WARNING_DAYS)),
        lte(consents.validFrom, today),
        or(isNull(consents.revokedOn), sql`${consents.revokedOn} > ${today}`),
      ),
    )
    .orderBy(asc(consents.validUntil), asc(consents.id))
    .limit(EXPIRING_SHOWN);
  await auditShownList(
    database,
    actor,
    { action: "consent.expiring.list", permission: "consent:manage", recordType: "consent" },
    rows.map((r) => ({ personId: r.personId, recordId: r.id })),
  );
  return {
    days: EXPIRY_WARNING_DAYS,
    items: rows.map((r) => ({
      id: r.id,
      personId: r.personId,
      personName: `${r.firstName} ${r.lastName}`,
      validUntil: r.validUntil,
    })),
  };
}
