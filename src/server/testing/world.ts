import type { FastifyInstance } from "fastify";
import { buildPersonnummer } from "../../domain/personnummer";
import { ROLES } from "../../domain/roles";
import { buildApp } from "../app";
import type { Database } from "../db/connection";
import { districts, persons, units, userRoles, users } from "../db/schema/index";
import { offerCatalogueInDistrict } from "../modules/interventions/catalogue.service";
import { type Config, testConfig } from "../platform/config";
import { hashPassword } from "../platform/passwords";
import { freshDatabase } from "./database";

export const PASSWORD = "testlösenord-som-är-långt";

export interface DistrictFixture {
  id: string;
  unitId: string;
  /** The district's öppenvård unit, where its insatsutförare carries out uppdrag. */
  providerUnitId: string;
  /** A young person of this district. */
  personId: string;
  /** A young person of this district with skyddade personuppgifter. */
  protectedPersonId: string;
}

export interface World {
  app: FastifyInstance;
  database: Database & { url: string };
  own: DistrictFixture;
  other: DistrictFixture;
  /** Usernames `${role}` (own district) and `${role}.b` (other district), plus `kollega`/`kollega.b`. */
  userIds: Record<string, string>;
  login(username: string): Promise<string>;
  close(): Promise<void>;
}

let birthNumber = 980;
/** A fresh valid test-series personnummer each call (birth numbers 980–999, then next day). */
export function nextPersonnummer(): string {
  birthNumber += 1;
  const day = 1 + Math.floor((birthNumber - 981) / 20);
  const n = 980 + ((birthNumber - 981) % 20);
  return buildPersonnummer(`2011-01-${String(day).padStart(2, "0")}`, n);
}

async function seedDistrict(database: Database, code: string, hash: string, suffix: string, userIds: Record<string, string>) {
  const { db } = database;
  const [d] = await db
    .insert(districts)
    .values({ code, name: `Distrikt ${code.toUpperCase()}` })
    .returning();
  if (!d) throw new Error("seed failed");
  const [u] = await db
    .insert(units)
    .values({ districtId: d.id, name: `Utredning ${code.toUpperCase()}`, kind: "utredning" })
    .returning();
  if (!u) throw new Error("seed failed");
  const [provider] = await db
    .insert(units)
    .values({ districtId: d.id, name: `Öppenvård ${code.toUpperCase()}`, kind: "oppenvard" })
    .returning();
  if (!provider) throw new Error("seed failed");
  await offerCatalogueInDistrict(db, d.id);
  for (const role of ROLES) {
    const username = `${role}${suffix}`;
    const [user] = await db
      .insert(users)
      .values({
        username,
        displayName: `Test ${role}${suffix}`,
        passwordHash: hash,
        protectedIdentityAccess: role === "enhetschef",
      })
      .returning();
    if (!user) throw new Error("seed failed");
    userIds[username] = user.id;
    // The insatsutförare works in the provider unit; everyone else in the investigating unit.
    await db.insert(userRoles).values({ userId: user.id, unitId: role === "insatsutforare" ? provider.id : u.id, role });
  }
  // A colleague that tests act upon (reset password, change roles) but never sign in as.
  const [colleague] = await db
    .insert(users)
    .values({ username: `kollega${suffix}`, displayName: "Kollega", passwordHash: hash })
    .returning();
  if (!colleague) throw new Error("seed failed");
  userIds[`kollega${suffix}`] = colleague.id;
  await db.insert(userRoles).values({ userId: colleague.id, unitId: u.id, role: "handlaggare" });
  const [p] = await db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: "Alva",
      lastName: `Andersson${suffix ? "B" : "A"}`,
      gender: "flicka",
      birthDate: "2011-01-01",
      address: "Exempelgatan 1",
      districtId: d.id,
    })
    .returning();
  const [q] = await db
    .insert(persons)
    .values({
      personnummer: nextPersonnummer(),
      kind: "ung",
      firstName: "Elias",
      lastName: `Berg${suffix ? "B" : "A"}`,
      gender: "pojke",
      birthDate: "2011-01-01",
      protectedIdentity: true,
      address: "Hemlig väg 2",
      phone: "070-1740601",
      districtId: d.id,
    })
    .returning();
  if (!p || !q) throw new Error("seed failed");
  return { id: d.id, unitId: u.id, providerUnitId: provider.id, personId: p.id, protectedPersonId: q.id };
}

/**
 * Two districts, each with one unit, one user per role and two young persons (one protected):
 * enough to test every role against its own and another district's data.
 */
export async function createWorld(options: { clock?: () => Date; config?: Partial<Config> } = {}): Promise<World> {
  const database = await freshDatabase();
  const hash = await hashPassword(PASSWORD);
  const userIds: Record<string, string> = {};
  const own = await seedDistrict(database, "a", hash, "", userIds);
  const other = await seedDistrict(database, "b", hash, ".b", userIds);
  const app = await buildApp({ config: testConfig(options.config), database, clock: options.clock });
  await app.ready();
  const cookies = new Map<string, string>();
  return {
    app,
    database,
    own,
    other,
    userIds,
    async login(username: string) {
      const cached = cookies.get(username);
      if (cached) return cached;
      const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === "vagval_session");
      if (!cookie) throw new Error("no session cookie");
      const header = `vagval_session=${cookie.value}`;
      cookies.set(username, header);
      return header;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
