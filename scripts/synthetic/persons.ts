import { addCalendarDays } from "../../src/domain/clocks";
import type { persons } from "../../src/server/db/schema/index";
import { ADULT_NAMES, BOY_NAMES, GIRL_NAMES, LAST_NAMES, STREETS } from "./names";
import type { SynthDistrict } from "./organisation";
import type { PersonnummerPool } from "./personnummer-pool";
import type { Random } from "./random";

export type PersonRow = typeof persons.$inferInsert & { id: string; districtId: string; gender: string };

/** Ages of the young people reports concern: every age, most of them in their teens. */
const AGE_WEIGHTS = [3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 5, 6, 8, 10, 12, 12, 11, 9, 2, 1, 1];

function address(rng: Random, district: SynthDistrict): string {
  return `${rng.pick(STREETS)} ${rng.int(1, 120)}, ${rng.int(100, 199)} ${rng.int(10, 99)} ${district.name}`;
}

/** A number from PTS's series for fiction (070-1740605 … 070-1740699). */
function phone(rng: Random): string {
  return `070-17406${String(rng.int(5, 99)).padStart(2, "0")}`;
}

export function youngPerson(
  rng: Random,
  pool: PersonnummerPool,
  district: SynthDistrict,
  asOf: string,
  overrides: Partial<Pick<PersonRow, "firstName" | "lastName" | "gender" | "protectedIdentity">> & { age?: number } = {},
): PersonRow {
  const r = rng.next();
  const gender = overrides.gender ?? (r < 0.55 ? "pojke" : r < 0.99 ? "flicka" : rng.pick(["annat", "okant"]));
  const male = gender === "pojke" || (gender !== "flicka" && rng.chance(0.5));
  const age = overrides.age ?? rng.weighted(AGE_WEIGHTS);
  const wanted = addCalendarDays(asOf, -(age * 365 + rng.int(1, 364)));
  const pn = pool.take(wanted, male);
  const protectedIdentity = overrides.protectedIdentity ?? rng.chance(0.01);
  const firstName =
    overrides.firstName ??
    rng.pick(gender === "flicka" ? GIRL_NAMES : gender === "pojke" ? BOY_NAMES : [...GIRL_NAMES, ...BOY_NAMES]);
  return {
    id: rng.uuid(),
    personnummer: pn.personnummer,
    isSamordningsnummer: pn.samordningsnummer,
    kind: "ung",
    firstName,
    lastName: overrides.lastName ?? rng.pick(LAST_NAMES),
    gender,
    birthDate: pn.birthDate,
    protectedIdentity,
    address: address(rng, district),
    phone: rng.chance(0.4) ? phone(rng) : null,
    districtId: district.id,
  };
}

export function guardian(rng: Random, pool: PersonnummerPool, district: SynthDistrict, asOf: string): PersonRow {
  const male = rng.chance(0.45);
  const pn = pool.take(addCalendarDays(asOf, -(rng.int(26, 58) * 365 + rng.int(1, 364))), male);
  return {
    id: rng.uuid(),
    personnummer: pn.personnummer,
    isSamordningsnummer: pn.samordningsnummer,
    kind: "vardnadshavare",
    firstName: rng.pick(ADULT_NAMES),
    lastName: rng.pick(LAST_NAMES),
    gender: "okant",
    birthDate: pn.birthDate,
    protectedIdentity: false,
    address: address(rng, district),
    phone: phone(rng),
    districtId: district.id,
  };
}
