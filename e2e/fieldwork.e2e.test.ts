import { eq } from "drizzle-orm";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validatePolygon } from "../src/domain/fieldwork/polygon";
import { fieldAreas } from "../src/server/db/schema/index";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  w = await createWorld();
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

/** Clicks the drawing at fractions of its width and height, as a hand places corners. */
async function clickAt(surface: Locator, points: [number, number][]) {
  const box = await surface.boundingBox();
  if (!box) throw new Error("the drawing is not shown");
  for (const [fx, fy] of points) await surface.click({ position: { x: box.width * fx, y: box.height * fy } });
}

/** A time in Stockholm as a datetime-local field takes it: "YYYY-MM-DDTHH:mm". */
const stockholmLocal = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  })
    .format(d)
    .replace(" ", "T");

const lines = async (page: Page) =>
  (await page.getByLabel("Koordinater").inputValue())
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

describe("fältarbete", () => {
  it("a manager draws an area with clicks, is told beside the field when it crosses itself, and saves it", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "enhetschef");
    await page.goto(`${base}/faltarbete`);
    await page.getByRole("link", { name: "Hantera områden" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Områden för fältarbete" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Inga områden ännu").isVisible()).toBe(true);
    await expectAccessible(page, "the areas page without areas");

    const form = page.getByRole("form", { name: "Nytt område" });
    const surface = form.getByRole("img", { name: /^Rityta/ });
    await form.getByLabel("Namn").fill("Torget");
    // A bow tie: the second edge crosses the fourth. The server refuses it and says so beside the field.
    await clickAt(surface, [
      [0.2, 0.2],
      [0.6, 0.6],
      [0.6, 0.2],
      [0.2, 0.6],
    ]);
    await expect.poll(() => lines(page)).toHaveLength(4);
    await form.getByRole("button", { name: "Spara området" }).click();
    await expect.poll(() => form.locator(".field-error").filter({ hasText: "korsar" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "korsar" }).isVisible()).toBe(true);
    await expectAccessible(page, "the areas page with a refused polygon");

    // Clear, then a square; an extra corner is undone.
    await form.getByRole("button", { name: "Rensa" }).click();
    await expect.poll(() => lines(page)).toEqual([]);
    await clickAt(surface, [
      [0.3, 0.3],
      [0.6, 0.3],
      [0.6, 0.6],
      [0.45, 0.9],
    ]);
    await form.getByRole("button", { name: "Ångra senaste punkten" }).click();
    await clickAt(surface, [[0.3, 0.6]]);
    await expect.poll(() => form.getByRole("status").filter({ hasText: "Hörn: 4" }).isVisible()).toBe(true);
    await expect.poll(() => lines(page)).toHaveLength(4);
    const typed = await lines(page);
    await form.getByRole("button", { name: "Spara området" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Området Torget är sparat." }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole("table", { name: "Områden" }).getByRole("rowheader", { name: "Torget" }).isVisible())
      .toBe(true);

    // Stored as drawn, the ring closed by the page: the four corners and the first again.
    const [stored] = await w.database.db.select().from(fieldAreas).where(eq(fieldAreas.name, "Torget"));
    const ring = (stored?.polygon as { coordinates: [number, number][][] }).coordinates[0] ?? [];
    expect(ring.map(([lon, lat]) => `${lon} ${lat}`)).toEqual([...typed, typed[0]]);
    expect(validatePolygon(stored?.polygon).ok).toBe(true);
    await expectAccessible(page, "the areas page with an area");
    await page.close();
  });

  it("a manager types a second area's corners instead, renames it and deactivates it", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "samordnare");
    await page.goto(`${base}/faltarbete/omraden`);
    const form = page.getByRole("form", { name: "Nytt område" });
    await form.getByLabel("Namn").fill("Parken");
    const [torget] = await w.database.db.select().from(fieldAreas).where(eq(fieldAreas.name, "Torget"));
    const [[lon, lat] = [18, 59]] = (torget?.polygon as { coordinates: [number, number][][] }).coordinates[0] ?? [];
    // Beside Torget, to its west: typed as "lon lat" per line, the last corner not repeated.
    const corners = [
      [lon - 0.004, lat],
      [lon - 0.001, lat],
      [lon - 0.001, lat + 0.002],
      [lon - 0.004, lat + 0.002],
    ].map(([x, y]) => `${(x as number).toFixed(6)} ${(y as number).toFixed(6)}`);
    await form.getByLabel("Koordinater").fill(corners.join("\n"));
    await expect.poll(() => form.getByRole("status").filter({ hasText: "Hörn: 4" }).isVisible()).toBe(true);
    await form.getByRole("button", { name: "Spara området" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Området Parken är sparat." }).isVisible()).toBe(true);

    await page.getByRole("button", { name: "Ändra Parken" }).click();
    const edit = page.getByRole("form", { name: "Ändra området Parken" });
    await expect.poll(() => edit.getByLabel("Koordinater").inputValue()).toBe(corners.join("\n"));
    await edit.getByLabel("Namn").fill("Parken norra");
    await edit.getByRole("button", { name: "Spara ändringar" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Ändringen av Parken norra är sparad." }).isVisible())
      .toBe(true);
    await page.getByRole("button", { name: "Inaktivera Parken norra" }).click();
    await expect.poll(() => page.getByRole("button", { name: "Aktivera Parken norra" }).isVisible()).toBe(true);
    const [parken] = await w.database.db.select().from(fieldAreas).where(eq(fieldAreas.name, "Parken norra"));
    expect(parken?.active).toBe(false);
    expect((parken?.polygon as { coordinates: [number, number][][] }).coordinates[0]).toHaveLength(5);
    await expectAccessible(page, "the areas page after a change");
    await page.close();
  });

  it("a field worker logs a shift in the drawn area, and the heat map shows the areas as a map and a table", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "insatsutforare");
    await page.goto(`${base}/faltarbete`);
    const form = page.getByRole("form", { name: "Logga ett pass" });
    await expect.poll(() => form.getByLabel("Torget").isVisible()).toBe(true);
    // The deactivated area is not offered for new shifts.
    expect(await form.getByLabel("Parken norra").count()).toBe(0);
    await form.getByLabel("Torget").check();
    await form.getByLabel("Start").fill(stockholmLocal(new Date(Date.now() - 3 * 3_600_000)));
    await form.getByLabel("Slut").fill(stockholmLocal(new Date(Date.now() - 3_600_000)));
    await form.getByLabel("13–15, Pojke").fill("3");
    await form.getByLabel("16–17, Flicka").fill("2");
    await form.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => page.getByRole("status").filter({ hasText: "Sparat." }).isVisible()).toBe(true);
    const shifts = page.getByRole("region", { name: "Pass" }).getByRole("table");
    await expect.poll(() => shifts.getByRole("cell", { name: "Torget" }).isVisible()).toBe(true);
    await expect.poll(() => shifts.getByRole("cell", { name: "5", exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, "the shift log with a shift");

    await page.getByRole("link", { name: "Fältarbete: karta" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Fältarbete per område" }).isVisible()).toBe(true);
    const map = page.locator("figure.area-map svg[role=img]");
    await expect.poll(() => map.isVisible()).toBe(true);
    expect(await map.locator("path").count()).toBe(2);
    const table = page.getByRole("table", { name: "Tabell per område" });
    await expect.poll(() => table.getByRole("rowheader", { name: "Torget" }).isVisible()).toBe(true);
    await expect.poll(() => table.getByRole("rowheader", { name: "Parken norra" }).isVisible()).toBe(true);
    await expectAccessible(page, "the heat map");
    await page.close();
  });
});
