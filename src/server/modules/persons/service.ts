import { aliasedTable, and, asc, desc, eq, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  createPersonBody,
  createShareBody,
  PersonDetail,
  personSummary,
  updatePersonBody,
} from "../../../contracts/persons";
import {
  ageOn,
  looksLikePersonnummer,
  MAX_PLAUSIBLE_AGE,
  maskPersonnummer,
  parsePersonnummer,
  personnummerImplausibility,
} from "../../../domain/personnummer";
import { stockholmDate, stockholmToday } from "../../../domain/time";
import type { Database, Db, Tx } from "../../db/connection";
import { auditLog, districts, personShares, persons, units, users } from "../../db/schema/index";
import { type Actor, districtsWithPermission, personalDataDistricts } from "../../platform/actor";
import { audit, auditRow } from "../../platform/audit";
import { auditedReadById } from "../../platform/audited-read";
import { decodeCursor, encodeCursor } from "../../platform/cursor";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";

type Summary = z.infer<typeof personSummary>;

const summaryColumns = {
  id: persons.id,
  kind: persons.kind,
  firstName: persons.firstName,
  lastName: persons.lastName,
  gender: persons.gender,
  birthDate: persons.birthDate,
  personnummer: persons.personnummer,
  protectedIdentity: persons.protectedIdentity,
  districtId: persons.districtId,
  districtName: districts.name,
};
type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"] };

function toSummary(r: SummaryRow, today: string): Summary {
  return {
    id: r.id,
    kind: r.kind as Summary["kind"],
    firstName: r.firstName,
    lastName: r.lastName,
    gender: r.gender as Summary["gender"],
    birthDate: r.birthDate,
    age: ageOn(r.birthDate, today),
    personnummerMasked: maskPersonnummer(r.personnummer),
    protectedIdentity: r.protectedIdentity,
    districtId: r.districtId,
    districtName: r.districtName,
  };
}

/** Condition for a search term: an exact personnummer, or name prefixes (every word must match). */
function searchCondition(q: string): { where: SQL; kind: "personnummer" | "name" } | null {
  if (looksLikePersonnummer(q)) {
    const parsed = parsePersonnummer(q);
    return parsed ? { where: eq(persons.personnummer, parsed.normalized), kind: "personnummer" } : null;
  }
  const words = q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
  const each = words.map(
    (w) => or(like(sql`lower(${persons.lastName})`, `${w}%`), like(sql`lower(${persons.firstName})`, `${w}%`)) as SQL,
  );
  return { where: and(...each) as SQL, kind: "name" };
}

/**
 * Searches persons in the actor's scope; every person shown gets an audit row, since seeing a
 * name in a result list is itself a read of personal data.
 */
export async function searchPersons(
  { db }: Database,
  actor: Actor,
  input: { q: string; limit: number; cursor?: string | undefined },
): Promise<{ items: Summary[]; nextCursor: string | null }> {
  const condition = searchCondition(input.q);
  if (!condition) {
    throw badRequest("invalid_personnummer", "Ogiltigt personnummer / Invalid personal identity number", [
      { path: "q", message: "Kontrollera siffrorna / Check the digits" },
    ]);
  }
  const after = input.cursor ? decodeCursor(input.cursor, ["text", "text", "uuid"]) : null;
  const keyset = after
    ? sql`(${persons.lastName}, ${persons.firstName}, ${persons.id}) > (${after[0]}, ${after[1]}, ${after[2]}::uuid)`
    : undefined;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select(summaryColumns)
      .from(persons)
      .innerJoin(districts, eq(districts.id, persons.districtId))
      .where(and(condition.where, personScope(actor), keyset))
      .orderBy(asc(persons.lastName), asc(persons.firstName), asc(persons.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    await audit(
      tx,
      actor,
      page.map((r) => ({
        action: "person.search_result",
        permission: "person:read" as const,
        personId: r.id,
        recordType: "person",
        recordId: r.id,
        details: { by: condition.kind },
      })),
    );
    const last = page.at(-1);
    const today = stockholmToday();
    return {
      items: page.map((r) => toSummary(r, today)),
      nextCursor: rows.length > input.limit && last ? encodeCursor([last.lastName, last.firstName, last.id]) : null,
    };
  });
}

type DetailRow = SummaryRow & {
  isSamordningsnummer: boolean;
  address: string | null;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function toDetail(row: DetailRow, actor: Actor): PersonDetail {
  const hidden = row.protectedIdentity && !actor.protectedIdentityAccess;
  return {
    ...toSummary(row, stockholmToday()),
    personnummer: row.personnummer,
    isSamordningsnummer: row.isSamordningsnummer,
    address: hidden ? null : row.address,
    phone: hidden ? null : row.phone,
    contactHidden: hidden,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

async function loadDetail(tx: Db | Tx, actor: Actor, id: string): Promise<PersonDetail> {
  const [row] = await tx
    .select({
      ...summaryColumns,
      isSamordningsnummer: persons.isSamordningsnummer,
      address: persons.address,
      phone: persons.phone,
      createdAt: persons.createdAt,
      updatedAt: persons.updatedAt,
    })
    .from(persons)
    .innerJoin(districts, eq(districts.id, persons.districtId))
    .where(and(eq(persons.id, id), personScope(actor)));
  if (!row) throw notFound();
  return toDetail(row, actor);
}

/** Opening a person: the read and its audit row in one round trip (the most frequent request). */
const readPerson = auditedReadById<DetailRow>((actor, id) => ({
  select: sql`select ${persons.id} as "id", ${persons.kind} as "kind", ${persons.firstName} as "firstName",
          ${persons.lastName} as "lastName", ${persons.gender} as "gender", ${persons.birthDate}::text as "birthDate",
          ${persons.personnummer} as "personnummer", ${persons.protectedIdentity} as "protectedIdentity",
          ${persons.districtId} as "districtId", ${districts.name} as "districtName",
          ${persons.isSamordningsnummer} as "isSamordningsnummer", ${persons.address} as "address", ${persons.phone} as "phone",
          ${persons.createdAt} as "createdAt", ${persons.updatedAt} as "updatedAt"
        from ${persons} join ${districts} on ${districts.id} = ${persons.districtId}
        where ${persons.id} = ${id} and ${personScope(actor)}`,
  details: actor.protectedIdentityAccess
    ? undefined
    : sql`case when found."protectedIdentity" then '{"contactHidden":true}'::jsonb end`,
}));

export async function getPerson(database: Database, actor: Actor, id: string, purpose?: string): Promise<PersonDetail> {
  const row = await readPerson(database, actor, id, {
    action: "person.read",
    permission: "person:read",
    personId: id,
    recordType: "person",
    recordId: id,
    purpose: purpose ?? null,
  });
  if (!row) throw notFound();
  return toDetail(row, actor);
}

function requireWritableDistrict(actor: Actor, districtId: string): void {
  if (
    !districtsWithPermission(actor, "person:write").includes(districtId) ||
    !personalDataDistricts(actor).includes(districtId)
  ) {
    throw badRequest("district_not_in_scope", "Du kan inte registrera personer i det distriktet / Not your district", [
      { path: "body.districtId", message: "Välj ett av dina distrikt / Choose one of your districts" },
    ]);
  }
}

export async function createPerson(
  { db }: Database,
  actor: Actor,
  input: z.infer<typeof createPersonBody>,
  now: Date,
): Promise<PersonDetail> {
  const parsed = parsePersonnummer(input.personnummer);
  if (!parsed) {
    throw badRequest("invalid_personnummer", "Ogiltigt personnummer / Invalid personal identity number", [
      { path: "body.personnummer", message: "Kontrollera datum och kontrollsiffra / Check date and check digit" },
    ]);
  }
  const implausible = personnummerImplausibility(parsed, stockholmDate(now));
  if (implausible) {
    throw badRequest("personnummer_implausible", "Personnumret kan inte stämma / The personal identity number cannot be right", [
      {
        path: "body.personnummer",
        message:
          implausible === "future_birth_date"
            ? "Födelsedatumet ligger i framtiden / The birth date is in the future"
            : `Åldern blir över ${MAX_PLAUSIBLE_AGE} år: kontrollera skiljetecknet (- eller +) / The age exceeds ${MAX_PLAUSIBLE_AGE} years: check the separator (- or +)`,
      },
    ]);
  }
  requireWritableDistrict(actor, input.districtId);
  return db.transaction(async (tx) => {
    // The person register is municipality-wide: a conflict tells the user that the personnummer is
    // registered (README, "What a conflict reveals"). Not so for a person with skyddade
    // personuppgifter whom the user cannot see: that registration is answered as for an unknown
    // person, and kept as a record of its own that staff with protected-identity access in the
    // person's district see and take over (protectedMatches).
    const existing = await tx
      .select({
        id: persons.id,
        protectedIdentity: persons.protectedIdentity,
        protectedMatchId: persons.protectedMatchId,
        inScope: sql<boolean>`${personScope(actor)}`,
      })
      .from(persons)
      .where(eq(persons.personnummer, parsed.normalized));
    const registered = existing.find((p) => p.protectedMatchId === null);
    const hiddenProtected = registered?.protectedIdentity && !registered.inScope;
    if (registered && (!hiddenProtected || existing.some((p) => p.protectedMatchId !== null && p.inScope))) {
      throw conflict("person_exists", "Personen finns redan registrerad / The person is already registered", [
        { path: "body.personnummer", message: "Sök fram personen i stället / Search for the person instead" },
      ]);
    }
    const [row] = await tx
      .insert(persons)
      .values({
        personnummer: parsed.normalized,
        isSamordningsnummer: parsed.isSamordningsnummer,
        birthDate: parsed.birthDate,
        kind: input.kind,
        firstName: input.firstName,
        lastName: input.lastName,
        gender: input.gender,
        protectedIdentity: input.protectedIdentity,
        address: input.address ?? null,
        phone: input.phone ?? null,
        districtId: input.districtId,
        createdBy: actor.userId,
        protectedMatchId: hiddenProtected ? registered.id : null,
      })
      .returning({ id: persons.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "person.create",
      permission: "person:write",
      personId: row.id,
      recordType: "person",
      recordId: row.id,
    });
    if (hiddenProtected) {
      // On the protected person's trail, where their district's staff see it; without the
      // registering unit, so the registering district's own log readers do not.
      await tx.insert(auditLog).values({
        ...auditRow(actor, {
          action: "person.protected_match",
          permission: "person:write",
          personId: registered.id,
          recordType: "person",
          recordId: row.id,
        }),
        unitId: null,
      });
    }
    return loadDetail(tx, actor, row.id);
  });
}

export async function updatePerson(
  { db }: Database,
  actor: Actor,
  id: string,
  input: z.infer<typeof updatePersonBody>,
): Promise<PersonDetail> {
  return db.transaction(async (tx) => {
    const current = await loadDetail(tx, actor, id);
    requireWritableDistrictFor404(actor, current.districtId);
    // Without protected-identity access, contact details cannot be seen, so neither changed.
    if (current.contactHidden && (input.address !== undefined || input.phone !== undefined)) throw notFound();
    const liftsProtection = current.protectedIdentity && input.protectedIdentity === false;
    // Lifting protection would reveal the contact details it hides: only those who may already see them may lift it.
    if (liftsProtection && !actor.protectedIdentityAccess) {
      throw badRequest(
        "protected_identity_lift_not_allowed",
        "Bara den som har behörighet till skyddade personuppgifter kan ta bort skyddet / Only a user with protected-identity access can lift the protection",
        [
          {
            path: "body.protectedIdentity",
            message: "Kräver behörighet till skyddade personuppgifter / Requires protected-identity access",
          },
        ],
      );
    }
    const changed = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
    if (changed.length === 0) return current;
    await tx
      .update(persons)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(persons.id, id));
    await audit(tx, actor, {
      action: "person.update",
      permission: "person:write",
      personId: id,
      recordType: "person",
      recordId: id,
      details: liftsProtection ? { fields: changed, protectedIdentityLifted: true } : { fields: changed },
    });
    return loadDetail(tx, actor, id);
  });
}

/** Shared-in persons can be read but only the owning district writes them. */
function requireWritableDistrictFor404(actor: Actor, districtId: string): void {
  if (!districtsWithPermission(actor, "person:write").includes(districtId)) throw notFound();
}

export async function listShares({ db }: Database, actor: Actor, personId: string) {
  return db.transaction(async (tx) => {
    await loadDetail(tx, actor, personId);
    const rows = await tx
      .select()
      .from(personShares)
      .where(and(eq(personShares.personId, personId), isNull(personShares.revokedAt)))
      .orderBy(asc(personShares.createdAt));
    await audit(tx, actor, {
      action: "person.shares_read",
      permission: "person:read",
      personId,
      recordType: "person",
      recordId: personId,
    });
    return rows.map(shareOut);
  });
}

function shareOut(r: typeof personShares.$inferSelect) {
  return {
    id: r.id,
    userId: r.userId,
    unitId: r.unitId,
    reason: r.reason,
    validUntil: r.validUntil?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function sharePerson({ db }: Database, actor: Actor, personId: string, input: z.infer<typeof createShareBody>) {
  if (!input.userId === !input.unitId) {
    throw badRequest("share_target", "Dela med antingen en användare eller en enhet / Share with either a user or a unit", [
      { path: "body.userId", message: "Ange userId eller unitId / Give userId or unitId" },
    ]);
  }
  return db.transaction(async (tx) => {
    const person = await loadDetail(tx, actor, personId);
    if (!districtsWithPermission(actor, "person:share").includes(person.districtId)) throw notFound();
    if (input.userId) {
      const [u] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, input.userId), eq(users.active, true)));
      if (!u)
        throw badRequest("unknown_user", "Okänd användare / Unknown user", [{ path: "body.userId", message: "Finns inte" }]);
    }
    if (input.unitId) {
      const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
      if (!u) throw badRequest("unknown_unit", "Okänd enhet / Unknown unit", [{ path: "body.unitId", message: "Finns inte" }]);
    }
    const [row] = await tx
      .insert(personShares)
      .values({
        personId,
        userId: input.userId ?? null,
        unitId: input.unitId ?? null,
        reason: input.reason,
        validUntil: input.validUntil ? new Date(input.validUntil) : null,
        grantedBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, {
      action: "person.share",
      permission: "person:share",
      personId,
      recordType: "person_share",
      recordId: row.id,
      purpose: input.reason,
      details: { userId: row.userId, unitId: row.unitId },
    });
    return shareOut(row);
  });
}

export async function revokeShare({ db }: Database, actor: Actor, personId: string, shareId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const person = await loadDetail(tx, actor, personId);
    if (!districtsWithPermission(actor, "person:share").includes(person.districtId)) throw notFound();
    const done = await tx
      .update(personShares)
      .set({ revokedAt: new Date() })
      .where(and(eq(personShares.id, shareId), eq(personShares.personId, personId), isNull(personShares.revokedAt)))
      .returning({ id: personShares.id });
    if (done.length === 0) throw notFound();
    await audit(tx, actor, {
      action: "person.share_revoke",
      permission: "person:share",
      personId,
      recordType: "person_share",
      recordId: shareId,
    });
  });
}

/**
 * Registrations made elsewhere of persons with skyddade personuppgifter in the actor's scope: the
 * queue through which staff with protected-identity access take such a case over. Others see none.
 */
export async function protectedMatches({ db }: Database, actor: Actor) {
  if (!actor.protectedIdentityAccess) return { items: [] };
  const match = aliasedTable(persons, "match");
  const registrar = aliasedTable(users, "registrar");
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: match.id,
        protectedPersonId: persons.id,
        // The reader has protected-identity access in the person's district: the name is theirs to see.
        firstName: persons.firstName,
        lastName: persons.lastName,
        districtId: match.districtId,
        districtName: districts.name,
        registeredBy: registrar.username,
        createdAt: match.createdAt,
      })
      .from(match)
      .innerJoin(persons, eq(persons.id, match.protectedMatchId))
      .innerJoin(districts, eq(districts.id, match.districtId))
      .leftJoin(registrar, eq(registrar.id, match.createdBy))
      .where(personScope(actor))
      .orderBy(desc(match.createdAt))
      .limit(200);
    await audit(
      tx,
      actor,
      rows.map((r) => ({
        action: "person.protected_match_read",
        permission: "person:read" as const,
        personId: r.protectedPersonId,
        recordType: "person",
        recordId: r.id,
      })),
    );
    return {
      items: rows.map(({ firstName, lastName, ...r }) => ({
        ...r,
        protectedPersonName: `${firstName} ${lastName}`,
        createdAt: r.createdAt.toISOString(),
      })),
    };
  });
}
