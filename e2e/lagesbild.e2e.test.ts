import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cases, fieldAreas, fieldShifts, persons, reports } from "../src/server/db/schema/index";
import { createWorld, nextPersonnummer, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
/** The page offers last year's lägesbild by default. */
const YEAR = new Date().getFullYear() - 1;

beforeAll(async () => {
  w = await createWorld();
  // Last year's orosanmälningar in the own district: enough that the figures are not protected whole.
  const { db } = w.database;
  for (let i = 0; i < 14; i++) {
    const [p] = await db
      .insert(persons)
      .values({
        personnummer: nextPersonnummer(),
        kind: "ung",
        firstName: "Test",
        lastName: `Lägesbild${i}`,
        gender: i % 3 ? "pojke" : "flicka",
        birthDate: "2010-06-01",
        districtId: w.own.id,
      })
      .returning();
    const receivedAt = new Date(`${YEAR}-0${1 + (i % 9)}-15T10:00:00Z`);
    const [c] = await db
      .insert(cases)
      .values({ personId: p?.id as string, districtId: w.own.id, openedAt: receivedAt })
      .returning();
    await db.insert(reports).values({
      caseId: c?.id as string,
      personId: p?.id as string,
      districtId: w.own.id,
      kind: "orosanmalan",
      receivedAt,
      reporterCategory: i % 2 ? "polis" : "skola",
      concerns: ["brott"],
      text: "Fixture",
    });
  }
  // Two outreach areas with last year's shifts: the map shades them by contacts.
  const by = w.userIds.samordnare as string;
  const square = (lon: number) => ({
    type: "Polygon",
    coordinates: [
      [
        [lon, 59.3],
        [lon + 0.02, 59.3],
        [lon + 0.02, 59.31],
        [lon, 59.31],
        [lon, 59.3],
      ],
    ],
  });
  for (const [name, lon, shifts] of [
    ["Centrum", 18.0, 12],
    ["Hamnen", 18.02, 6],
  ] as const) {
    const [area] = await db
      .insert(fieldAreas)
      .values({ districtId: w.own.id, name, polygon: square(lon), createdBy: by })
      .returning();
    for (let i = 0; i < shifts; i++)
      await db.insert(fieldShifts).values({
        districtId: w.own.id,
        areaIds: [area?.id as string],
        startedAt: new Date(`${YEAR}-05-${String(i + 1).padStart(2, "0")}T18:00:00Z`),
        endedAt: new Date(`${YEAR}-05-${String(i + 1).padStart(2, "0")}T22:00:00Z`),
        staffIds: [by],
        contactsTotal: 8,
        girls: 3,
        boys: 5,
        tags: ["rekrytering"],
        createdBy: by,
      });
  }
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("lägesbild in the browser", () => {
  it("a samordnare makes the year's lägesbild with figures, a manual source, analysis and åtgärdsplan; the analytiker reads it", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "samordnare");
    await page.getByRole("link", { name: "Lägesbild", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Lägesbild och åtgärdsplan" }).isVisible()).toBe(true);
    await expectAccessible(page, "lägesbild list");
    const create = page.getByRole("form", { name: "Ny lägesbild" });
    await create.getByLabel("År").fill(String(YEAR));
    await create.getByRole("button", { name: "Skapa" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: new RegExp(`Lägesbild ${YEAR}`) }).isVisible())
      .toBe(true);

    // The figures: one table per indicator with its definition, boys and girls apart.
    const reporter = page.getByRole("region", { name: "Orosanmälningar per anmälarkategori" });
    await expect.poll(() => reporter.getByRole("columnheader", { name: "Pojkar" }).isVisible()).toBe(true);
    await expect.poll(() => reporter.getByRole("rowheader", { name: "Polis" }).isVisible()).toBe(true);
    await expect.poll(() => reporter.getByText("Definition:").isVisible()).toBe(true);
    // The fältarbete: the map of the district's own areas (no tile server) beside its table.
    await expect.poll(() => page.getByRole("img", { name: "Kontakter per område" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("rowheader", { name: "Hamnen" }).isVisible()).toBe(true);
    await expectAccessible(page, "lägesbild report");

    // A manual source with a period running backwards is refused beside the field; then fixed.
    const edit = page.getByRole("form", { name: "Manuella källor / Analys" });
    await edit.getByRole("button", { name: "Lägg till källa" }).click();
    await edit.getByLabel("Uppgift").fill("Anmälda brott 15–20 år");
    await edit.getByLabel("Värde").fill("412");
    await edit.getByLabel("Period från").fill(`${YEAR}-06-01`);
    await edit.getByLabel("Period till").fill(`${YEAR}-05-31`);
    await edit.getByLabel("Källa", { exact: true }).fill("Polisen");
    await edit.getByLabel("Analys").fill("Rekryteringen till kriminella nätverk har ökat i Centrum.");
    await edit.getByRole("button", { name: "Spara som ny version" }).click();
    await expect.poll(() => edit.getByText("Slutdatum före startdatum / End before start").first().isVisible()).toBe(true);
    await expectAccessible(page, "lägesbild, source refused");
    await edit.getByLabel("Period till").fill(`${YEAR}-12-31`);
    await edit.getByRole("button", { name: "Spara som ny version" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "412", exact: true }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText("Rekryteringen till kriminella nätverk har ökat i Centrum.").first().isVisible())
      .toBe(true);

    // The åtgärdsplan: a prioritised measure with responsible and due date.
    const measure = page.getByRole("form", { name: "Lägg till åtgärd" });
    await measure.getByLabel("Område").fill("Centrum");
    await measure.getByLabel("Problem").fill("Rekrytering");
    await measure.getByLabel("Åtgärd", { exact: true }).fill("Fältarbete fredagskvällar");
    await measure.getByLabel("Ansvarig").fill("Fältgruppen");
    await measure.getByLabel("Klart senast").fill(`${YEAR + 1}-12-31`);
    await measure.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Fältarbete fredagskvällar", exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, "lägesbild with åtgärdsplan");
    const url = page.url();
    await page.close();

    // The analytiker sees the aggregates and the exports, but no forms.
    const analyst = await newPage(browser);
    await signIn(analyst, base, "analytiker");
    await analyst.goto(url);
    await expect
      .poll(() => analyst.getByRole("heading", { level: 1, name: new RegExp(`Lägesbild ${YEAR}`) }).isVisible())
      .toBe(true);
    await expect.poll(() => analyst.getByRole("link", { name: "PDF" }).isVisible()).toBe(true);
    expect(await analyst.getByRole("form", { name: "Lägg till åtgärd" }).count()).toBe(0);
    await expectAccessible(analyst, "lägesbild as analytiker");
    await analyst.close();

    // The enhetschef records the kommunstyrelse's decision: the lägesbild is locked, its follow-up stays open.
    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    await chef.goto(url);
    const decide = chef.getByRole("form", { name: "Registrera beslut" });
    await decide.getByLabel("Beslutande organ (t.ex. kommunstyrelsen)").fill("Kommunstyrelsen");
    await decide.getByLabel("Beslutsdatum").fill(`${YEAR + 1}-02-15`);
    await decide.getByRole("button", { name: "Registrera beslut" }).click();
    await expect.poll(() => chef.getByText("Siffrorna visas som de publicerades vid beslutet.").isVisible()).toBe(true);
    expect(await chef.getByRole("form", { name: "Manuella källor / Analys" }).count()).toBe(0);
    await expect.poll(() => chef.getByRole("form", { name: "Uppföljning: Fältarbete fredagskvällar" }).isVisible()).toBe(true);
    await expectAccessible(chef, "decided lägesbild");
    await chef.close();
  });
});
