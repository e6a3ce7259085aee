import { grantExpiresAt } from "../../domain/emergency-access/rules";
import { emergencyAccessGrants, persons } from "../db/schema/index";
import { nextPersonnummer, type World } from "./world";

/** A fresh young person of a district, so a nödåtkomst test never touches the shared fixtures. */
export async function seedEmergencyPerson(w: World, target: "own" | "other"): Promise<{ id: string; personnummer: string }> {
  const personnummer = nextPersonnummer();
  const [p] = await w.database.db
    .insert(persons)
    .values({
      personnummer,
      kind: "ung",
      firstName: "Nora",
      lastName: "Nödfall",
      gender: "flicka",
      birthDate: "2011-01-01",
      districtId: (target === "own" ? w.own : w.other).id,
    })
    .returning({ id: persons.id });
  if (!p) throw new Error("seed failed");
  return { id: p.id, personnummer };
}

/**
 * A nödåtkomst grant of a user (by username) to a fresh person of the other district, written
 * straight to the database: live, or over (given five hours ago) for a review.
 */
export async function seedEmergencyGrant(w: World, username: string, state: "live" | "over"): Promise<string> {
  const person = await seedEmergencyPerson(w, "other");
  const grantedAt = state === "live" ? new Date() : new Date(Date.now() - 5 * 3_600_000);
  const [g] = await w.database.db
    .insert(emergencyAccessGrants)
    .values({
      userId: w.userIds[username] as string,
      personId: person.id,
      userDistrictId: username.endsWith(".b") ? w.other.id : w.own.id,
      personDistrictId: w.other.id,
      category: "jourarende",
      reason: "Jourärende i natt: behöver se tidigare utredning",
      grantedAt,
      expiresAt: grantExpiresAt(grantedAt),
    })
    .returning({ id: emergencyAccessGrants.id });
  if (!g) throw new Error("seed failed");
  return g.id;
}
