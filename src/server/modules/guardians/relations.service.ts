import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { createRelationBody, RelatedPerson } from "../../../contracts/guardians";
import { linkProblem } from "../../../domain/guardians/rules";
import type { Relation } from "../../../domain/guardians/vocabulary";
import { maskPersonnummer, parsePersonnummer } from "../../../domain/personnummer";
import type { Database, Db, Tx } from "../../db/connection";
import { personRelations, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest, conflict, notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";
import { isUniqueViolation, problemError } from "./problems";

/**
 * How much of a related person the reader sees. Skyddade personuppgifter without protected-identity
 * access: only "skyddad", no name or address. A person outside the reader's scope (a child shared
 * with them whose guardian is not): the relation only.
 */
export function hiddenAs(actor: Actor, p: { protectedIdentity: boolean; inScope: boolean }): RelatedPerson["hidden"] {
  if (!p.inScope) return "out_of_scope";
  if (p.protectedIdentity && !actor.protectedIdentityAccess) return "protected";
  return null;
}

/** The related persons' columns, with whether each is in the reader's scope (personScope on the joined person). */
const relatedColumns = (actor: Actor) => ({
  relationId: personRelations.id,
  relation: personRelations.relation,
  custody: personRelations.custody,
  createdAt: personRelations.createdAt,
  personId: persons.id,
  firstName: persons.firstName,
  lastName: persons.lastName,
  personnummer: persons.personnummer,
  address: persons.address,
  protectedIdentity: persons.protectedIdentity,
  inScope: sql<boolean>`${personScope(actor)}`,
});
type RelatedRow = {
  relationId: string;
  relation: string;
  custody: boolean;
  createdAt: Date;
  personId: string;
  firstName: string;
  lastName: string;
  personnummer: string;
  address: string | null;
  protectedIdentity: boolean;
  inScope: boolean;
};

function toRelated(actor: Actor, r: RelatedRow): RelatedPerson {
  const hidden = hiddenAs(actor, r);
  return {
    relationId: r.relationId,
    relation: r.relation as Relation,
    custody: r.custody,
    hidden,
    personId: hidden ? null : r.personId,
    name: hidden ? null : `${r.firstName} ${r.lastName}`,
    personnummerMasked: hidden ? null : maskPersonnummer(r.personnummer),
    address: hidden ? null : r.address,
    createdAt: r.createdAt.toISOString(),
  };
}

/** The live relations of a child, joined with each related person (for their name and scope). */
export function liveRelations(tx: Db | Tx, actor: Actor, childId: string, onlyCustody = false) {
  return tx
    .select(relatedColumns(actor))
    .from(personRelations)
    .innerJoin(persons, eq(persons.id, personRelations.relatedPersonId))
    .where(
      and(
        eq(personRelations.childId, childId),
        isNull(personRelations.removedAt),
        onlyCustody ? eq(personRelations.custody, true) : undefined,
      ),
    )
    .orderBy(asc(personRelations.createdAt), asc(personRelations.id));
}

/** The child in the actor's scope (else 404); with `write`, only in a district where they hold person:write. */
async function childInScope(tx: Db | Tx, actor: Actor, childId: string, write: boolean) {
  const q = tx
    .select({ id: persons.id, districtId: persons.districtId })
    .from(persons)
    .where(and(eq(persons.id, childId), personScope(actor)));
  // Row lock on writes: two links to one child run one after the other and see each other.
  const [child] = write ? await q.for("update") : await q;
  if (!child) throw notFound();
  if (write && !districtsWithPermission(actor, "person:write").includes(child.districtId)) throw notFound();
  return child;
}

/** Närstående of a child: every read audited, on the child's trail and on each related person's. */
export async function listRelations({ db }: Database, actor: Actor, childId: string): Promise<RelatedPerson[]> {
  return db.transaction(async (tx) => {
    await childInScope(tx, actor, childId, false);
    const rows = await liveRelations(tx, actor, childId);
    await audit(tx, actor, [
      {
        action: "person.relations_read",
        permission: "person:read",
        personId: childId,
        recordType: "person",
        recordId: childId,
        details: { count: rows.length },
      },
      ...rows.map((r) => ({
        action: "person.relation_read",
        permission: "person:read" as const,
        personId: r.personId,
        recordType: "person_relation",
        recordId: r.relationId,
        details: { childId, hidden: hiddenAs(actor, r) },
      })),
    ]);
    return rows.map((r) => toRelated(actor, r));
  });
}

/**
 * Links a registered person to a child by personnummer. A person not registered, or not in the
 * actor's scope, is answered alike (400 unknown_person): the link reveals nobody's existence.
 */
export async function createRelation(
  { db }: Database,
  actor: Actor,
  childId: string,
  input: z.infer<typeof createRelationBody>,
): Promise<RelatedPerson> {
  const parsed = parsePersonnummer(input.personnummer);
  if (!parsed) {
    throw badRequest("invalid_personnummer", "Ogiltigt personnummer / Invalid personal identity number", [
      { path: "body.personnummer", message: "Kontrollera datum och kontrollsiffra / Check date and check digit" },
    ]);
  }
  try {
    return await db.transaction(async (tx) => {
      await childInScope(tx, actor, childId, true);
      const [related] = await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.personnummer, parsed.normalized), isNull(persons.protectedMatchId), personScope(actor)));
      if (!related) {
        throw badRequest(
          "unknown_person",
          "Ingen registrerad person med det personnumret i ditt distrikt / No registered person with that number in your district",
          [{ path: "body.personnummer", message: "Registrera personen först / Register the person first" }],
        );
      }
      const existing = await tx
        .select({ relatedPersonId: personRelations.relatedPersonId, custody: personRelations.custody })
        .from(personRelations)
        .where(and(eq(personRelations.childId, childId), isNull(personRelations.removedAt)));
      const problem = linkProblem({
        childId,
        relatedPersonId: related.id,
        relation: input.relation,
        custody: input.custody,
        existing,
      });
      if (problem) throw problemError(problem);
      const [row] = await tx
        .insert(personRelations)
        .values({
          childId,
          relatedPersonId: related.id,
          relation: input.relation,
          custody: input.custody,
          createdBy: actor.userId,
        })
        .returning({ id: personRelations.id });
      if (!row) throw new Error("insert returned nothing");
      const details = { childId, relatedPersonId: related.id, relation: input.relation, custody: input.custody };
      await audit(tx, actor, [
        {
          action: "person.relation_create",
          permission: "person:write",
          personId: childId,
          recordType: "person_relation",
          recordId: row.id,
          details,
        },
        // On the related person's trail too: their data is now part of the child's file.
        {
          action: "person.relation_create",
          permission: "person:write",
          personId: related.id,
          recordType: "person_relation",
          recordId: row.id,
          details,
        },
      ]);
      const [out] = await liveRelations(tx, actor, childId).then((rs) => rs.filter((r) => r.relationId === row.id));
      if (!out) throw new Error("relation not found after insert");
      return toRelated(actor, out);
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict("relation_exists", "Personen är redan kopplad till barnet / The person is already linked to the child", [
        { path: "body.personnummer", message: "Redan kopplad / Already linked" },
      ]);
    }
    throw e;
  }
}

/** Ends a link (kept as history with who and when). */
export async function removeRelation({ db }: Database, actor: Actor, childId: string, relationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await childInScope(tx, actor, childId, true);
    const [done] = await tx
      .update(personRelations)
      .set({ removedAt: new Date(), removedBy: actor.userId })
      .where(and(eq(personRelations.id, relationId), eq(personRelations.childId, childId), isNull(personRelations.removedAt)))
      .returning({ relatedPersonId: personRelations.relatedPersonId });
    if (!done) throw notFound();
    const details = { childId, relatedPersonId: done.relatedPersonId };
    await audit(tx, actor, [
      {
        action: "person.relation_remove",
        permission: "person:write",
        personId: childId,
        recordType: "person_relation",
        recordId: relationId,
        details,
      },
      {
        action: "person.relation_remove",
        permission: "person:write",
        personId: done.relatedPersonId,
        recordType: "person_relation",
        recordId: relationId,
        details,
      },
    ]);
  });
}
