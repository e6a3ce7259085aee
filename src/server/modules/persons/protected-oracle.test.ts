import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../../db/schema/index";
import { createWorld, nextPersonnummer, type World } from "../../testing/world";

let w: World;
let protectedNumber: string;
let plainNumber: string;
beforeAll(async () => {
  w = await createWorld();
  const rows = await w.database.db.select({ id: persons.id, pnr: persons.personnummer }).from(persons);
  protectedNumber = rows.find((r) => r.id === w.own.protectedPersonId)?.pnr as string;
  plainNumber = rows.find((r) => r.id === w.own.personId)?.pnr as string;
});
afterAll(async () => w?.close());

async function as(username: string, method: "GET" | "POST", url: string, payload?: object) {
  return w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
}
const registration = (personnummer: string, districtId: string) => ({
  personnummer,
  firstName: "Kim",
  lastName: "Okänd",
  gender: "okant",
  districtId,
});
/** The answer with what differs between any two registrations (ids, times, the number itself) blanked. */
function shape(body: Record<string, unknown>) {
  const { id, createdAt, updatedAt, personnummer, personnummerMasked, birthDate, age, ...rest } = body;
  return { ...rest, id: typeof id, createdAt: typeof createdAt, personnummer: typeof personnummer };
}

describe("a protected person's personnummer, from outside their district", () => {
  it("finds nothing in a search, as for an unknown number", async () => {
    const res = await as("handlaggare.b", "POST", "/api/persons/search", { q: protectedNumber });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it("registers as an unknown number would, and the protected person stays unseen", async () => {
    const known = await as("handlaggare.b", "POST", "/api/persons", registration(protectedNumber, w.other.id));
    const unknown = await as("handlaggare.b", "POST", "/api/persons", registration(nextPersonnummer(), w.other.id));
    expect(known.statusCode).toBe(201);
    expect(unknown.statusCode).toBe(201);
    expect(shape(known.json())).toEqual(shape(unknown.json()));
    expect(known.json().id).not.toBe(w.own.protectedPersonId);
    expect(known.body).not.toMatch(/Elias|Berg|Hemlig/);
    // The registering district's log readers see their own registration, not the protected person.
    const log = await as("enhetschef.b", "GET", "/api/audit?limit=100");
    expect(log.statusCode).toBe(200);
    expect(log.body).not.toContain(w.own.protectedPersonId);
    // A second registration in the same district is a conflict with the record they can see.
    const again = await as("samordnare.b", "POST", "/api/persons", registration(protectedNumber, w.other.id));
    expect(again.statusCode).toBe(409);
  });

  it("reaches staff with protected-identity access in the person's district, and nobody else", async () => {
    const seen = await as("enhetschef", "GET", "/api/persons/protected-matches");
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toEqual([
      expect.objectContaining({
        protectedPersonId: w.own.protectedPersonId,
        protectedPersonName: "Elias BergA",
        districtId: w.other.id,
        registeredBy: "handlaggare.b",
      }),
    ]);
    // Same district, no protected-identity access; or protected-identity access elsewhere.
    expect((await as("handlaggare", "GET", "/api/persons/protected-matches")).json().items).toEqual([]);
    expect((await as("enhetschef.b", "GET", "/api/persons/protected-matches")).json().items).toEqual([]);
  });
});

describe("an unprotected person's personnummer, from another district", () => {
  it("is a conflict: the person register is municipality-wide (README)", async () => {
    const res = await as("handlaggare.b", "POST", "/api/persons", registration(plainNumber, w.other.id));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("person_exists");
    expect(res.body).not.toMatch(/Alva|Andersson/);
  });

  it("is a conflict in the person's own district too, for protected persons as well", async () => {
    const res = await as("handlaggare", "POST", "/api/persons", registration(protectedNumber, w.own.id));
    expect(res.statusCode).toBe(409);
  });
});
