import { personRelations, persons } from "../db/schema/index";
import { nextPersonnummer, type World } from "./world";

/**
 * A vårdnadshavare (or other related person) registered in the target district and linked to its
 * young person, written straight to the database (the linking API is tested in guardians tests).
 */
export async function seedGuardian(
  w: World,
  target: "own" | "other",
  options: { custody?: boolean; protectedIdentity?: boolean; relation?: string; childId?: string } = {},
) {
  const f = target === "own" ? w.own : w.other;
  const personnummer = nextPersonnummer();
  const [g] = await w.database.db
    .insert(persons)
    .values({
      personnummer,
      kind: "vardnadshavare",
      firstName: "Maria",
      lastName: options.protectedIdentity ? "Skyddadsson" : "Förälder",
      gender: "okant",
      birthDate: `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${personnummer.slice(6, 8)}`,
      protectedIdentity: options.protectedIdentity ?? false,
      address: "Föräldragatan 3",
      districtId: f.id,
    })
    .returning({ id: persons.id });
  if (!g) throw new Error("seed failed");
  const [r] = await w.database.db
    .insert(personRelations)
    .values({
      childId: options.childId ?? f.personId,
      relatedPersonId: g.id,
      relation: options.relation ?? "forelder",
      custody: options.custody ?? true,
    })
    .returning({ id: personRelations.id });
  if (!r) throw new Error("seed failed");
  return { guardianId: g.id, relationId: r.id, personnummer };
}

/** A person registered in the target district, not yet linked to anyone. */
export async function seedUnlinkedPerson(
  w: World,
  target: "own" | "other",
  name: { firstName: string; lastName: string } = { firstName: "Olle", lastName: "Närstående" },
) {
  const f = target === "own" ? w.own : w.other;
  const personnummer = nextPersonnummer();
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer,
      kind: "vardnadshavare",
      firstName: name.firstName,
      lastName: name.lastName,
      gender: "okant",
      birthDate: `${personnummer.slice(0, 4)}-${personnummer.slice(4, 6)}-${personnummer.slice(6, 8)}`,
      districtId: f.id,
    })
    .returning({ id: persons.id });
  if (!p) throw new Error("seed failed");
  return { personId: p.id, personnummer };
}
