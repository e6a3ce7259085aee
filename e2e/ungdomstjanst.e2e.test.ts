import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmToday } from "../src/domain/time";
import { insatsAvailability } from "../src/server/db/schema/index";
import { seedCase } from "../src/server/testing/case-fixtures";
import { catalogueEntry } from "../src/server/testing/insats-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
let caseId: string;

beforeAll(async () => {
  w = await createWorld();
  ({ caseId } = await seedCase(w, "own", "investigating"));
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const form = (page: Page, name: string) => page.getByRole("form", { name });
/** A fact of the first judgment, as its card shows it. */
const fact = (page: Page, term: string) =>
  page.getByRole("article", { name: /Ungdomstjänst 1/ }).locator(`dt:text-is("${term}") + dd`);
const today = stockholmToday();
const judgedOn = addCalendarDays(today, -10);

async function recordSession(page: Page, on: string, hours: string, attendance: string) {
  const f = form(page, "Registrera pass");
  await f.getByLabel("Datum").fill(on);
  await f.getByLabel("Timmar").fill(hours);
  await f.getByLabel("Närvaro").selectOption({ label: attendance });
  await f.getByRole("button", { name: "Registrera passet" }).click();
}

describe("ungdomstjänst: judgment, placement, sessions, hours done and left, misconduct", () => {
  it("the handläggare registers the judgment and follows it on the case page; the overview shows its clock", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await page.goto(`${base}/arenden/${caseId}`);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Ungdomstjänst" }).isVisible()).toBe(true);

    // 151 hours is beyond the law's range: the refusal names the field and nothing is registered.
    const judgment = form(page, "Registrera dom på ungdomstjänst");
    await judgment.getByLabel("Domstol").fill("Solna tingsrätt");
    await judgment.getByLabel("Målnummer").fill("B 4711-26");
    await judgment.getByLabel("Domen meddelad").fill(judgedOn);
    await judgment.getByLabel("Dömda timmar (20–150)").fill("151");
    await judgment.getByLabel("Varav programdel (timmar)").fill("6");
    await judgment.getByLabel("Ska påbörjas senast (enligt dom/plan)").fill(addCalendarDays(today, 7));
    await judgment.getByLabel("Ska vara fullgjord senast (enligt dom/plan)").fill(addCalendarDays(today, 90));
    await judgment.getByRole("button", { name: "Registrera domen" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /20–150/ })
          .isVisible(),
      )
      .toBe(true);
    await judgment.getByLabel("Dömda timmar (20–150)").fill("30");
    await judgment.getByRole("button", { name: "Registrera domen" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: /Ungdomstjänst 1: Solna tingsrätt B 4711-26/ }).isVisible())
      .toBe(true);
    await expect.poll(() => fact(page, "Återstående timmar").innerText()).toBe("30");
    await expectAccessible(page, "case page with a judgment to ungdomstjänst");

    const placement = form(page, "Placering");
    await placement.getByLabel("Arbetsplats").fill("Föreningens second hand-butik");
    await placement.getByLabel("Handledare").fill("Anna Handledare");
    await placement.getByLabel("Placerad från").fill(addCalendarDays(judgedOn, 2));
    await placement.getByRole("button", { name: "Spara placeringen" }).click();
    await expect.poll(() => fact(page, "Läge").innerText()).toBe("Placerad, ej påbörjad");

    // A session before the judgment is refused with the date at fault.
    await recordSession(page, addCalendarDays(judgedOn, -1), "3", "Fullgjord");
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /före domen/ })
          .isVisible(),
      )
      .toBe(true);

    await recordSession(page, addCalendarDays(judgedOn, 3), "4", "Fullgjord");
    await expect.poll(() => fact(page, "Gjorda timmar").innerText()).toBe("4");
    await recordSession(page, addCalendarDays(judgedOn, 5), "3.5", "Fullgjord");
    await recordSession(page, addCalendarDays(judgedOn, 7), "4", "Uteblev");
    await expect.poll(() => page.getByRole("table", { name: "Schema och närvaro" }).getByRole("row").count()).toBe(4);
    await expect.poll(() => fact(page, "Gjorda timmar").innerText()).toBe("7.5");
    await expect.poll(() => fact(page, "Återstående timmar").innerText()).toBe("22.5");
    await expectAccessible(page, "case page with sessions recorded");

    const report = form(page, "Underrättelse till åklagaren om misskötsamhet");
    await report.getByLabel("Åklagarens diarienummer").fill("AM-99-26");
    await report.getByLabel("Vad den unge har misskött").fill("Uteblev från passet utan giltigt skäl.");
    await report.getByRole("button", { name: "Registrera underrättelsen" }).click();
    await expect
      .poll(() =>
        page.getByRole("table", { name: "Underrättelser till åklagaren" }).getByRole("cell", { name: "AM-99-26" }).isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, "case page with misconduct reported");

    // The judgment's days are corrected: a day after the sessions is refused with its field, a new end day
    // moves the end clock.
    const edit = form(page, "Rätta domens uppgifter");
    await edit.getByLabel("Domen meddelad").fill(addCalendarDays(judgedOn, 4));
    await edit.getByRole("button", { name: "Spara rättelsen" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /registrerats under den/ })
          .isVisible(),
      )
      .toBe(true);
    await edit.getByLabel("Domen meddelad").fill(judgedOn);
    await edit.getByLabel("Ska vara fullgjord senast (enligt dom/plan)").fill(addCalendarDays(today, 120));
    await edit.getByRole("button", { name: "Spara rättelsen" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("table", { name: "Tider enligt dom/plan" })
          .getByRole("cell", { name: addCalendarDays(today, 120) })
          .isVisible(),
      )
      .toBe(true);
    await expectAccessible(page, "case page with a corrected judgment");

    await page.close();

    // The end clock runs on the enhetschef's deadline overview (the start clock was met by the first session).
    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    await chef.goto(`${base}/`);
    await expect
      .poll(async () => (await chef.getByRole("cell", { name: "Ungdomstjänst fullgjord (dag enligt dom/plan)" }).count()) > 0)
      .toBe(true);
    await expectAccessible(chef, "start page with the ungdomstjänst clock");
    await chef.close();
  });

  it("the handläggare ends it without completion after the report to the prosecutor; the person page shows its hours", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await page.goto(`${base}/arenden/${caseId}`);
    const end = form(page, "Avsluta utan att ungdomstjänsten fullgjorts");
    // The case page loads its panels one after another: allow it time on a loaded machine.
    await expect.poll(() => end.isVisible(), { timeout: 15_000 }).toBe(true);
    await end.getByLabel("Avslutad den").fill(today);
    await end.getByLabel("Skäl").selectOption({ label: "Misskötsamhet – den unge har slutat komma, åklagaren är underrättad" });
    await end.getByLabel("Kommentar").fill("Har slutat komma; åklagaren underrättad.");
    await end.getByRole("button", { name: "Avsluta ungdomstjänsten" }).click();
    await expect.poll(() => fact(page, "Läge").innerText()).toBe("Avslutad utan att ha fullgjorts");
    await expect.poll(() => fact(page, "Avslutad den").innerText()).toBe(today);
    // Nothing more is recorded on it: its forms are gone.
    await expect.poll(() => form(page, "Registrera pass").count()).toBe(0);
    await expectAccessible(page, "case page with a judgment ended without completion");

    await page.goto(`${base}/personer/${w.own.personId}`);
    const hours = page.getByRole("table", { name: "Ungdomstjänst – timmar" });
    await expect.poll(() => hours.isVisible(), { timeout: 15_000 }).toBe(true);
    const row = hours.getByRole("row", { name: /Solna tingsrätt B 4711-26/ });
    await expect
      .poll(() => row.getByRole("cell").allInnerTexts())
      .toEqual([judgedOn, "Avslutad utan att ha fullgjorts", "30", "7.5", "22.5"]);
    await expectAccessible(page, "person page with ungdomstjänst hours");
    await page.close();
  });

  it("an LVU or påföljd insats is given with the day of its decision or judgment; the reports filter by legal form", async () => {
    for (const code of ["LVU_HVB", "UNGDOMSTJANST"]) {
      const entry = await catalogueEntry(w, code);
      await w.database.db
        .insert(insatsAvailability)
        .values({ catalogueId: entry.id, districtId: w.own.id })
        .onConflictDoNothing();
    }
    const { caseId: insatsCase } = await seedCase(w, "own", "investigated");
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await page.goto(`${base}/arenden/${insatsCase}`);
    const give = form(page, "Ge uppdrag");
    const entry = give.getByLabel("Insats", { exact: true });
    const choose = async (name: string) => {
      await expect
        .poll(async () => (await entry.locator("option").allInnerTexts()).some((o) => o.startsWith(name)), { timeout: 15_000 })
        .toBe(true);
      await entry.selectOption({ label: (await entry.locator("option", { hasText: name }).first().innerText()).trim() });
    };
    await choose("Placering på HVB enligt LVU");
    await expect.poll(() => give.getByLabel("Beslutsdatum (beslut om vård eller placering enligt LVU)").isVisible()).toBe(true);
    await expect.poll(() => give.getByLabel("Beviljad den").count()).toBe(0);
    await choose("Ungdomstjänst");
    await expect.poll(() => give.getByLabel("Domen meddelad (påföljden)").isVisible()).toBe(true);
    await give.getByLabel("Domen meddelad (påföljden)").fill(addCalendarDays(today, -3));
    await give.getByLabel("Utförare").selectOption({ index: 1 });
    await give.getByRole("button", { name: "Ge uppdrag" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Påföljd enligt BrB 32 kap." }).first().isVisible()).toBe(true);
    await expectAccessible(page, "case page with a påföljd insats");
    await page.close();

    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    for (const [path, name] of [
      ["/statistik/insatser", "samlad-bild"],
      ["/statistik/effekter", "effects"],
    ] as const) {
      await chef.goto(`${base}${path}`);
      const filter = chef.getByRole("form", { name: "Filtrera" });
      await expect.poll(() => filter.getByLabel("Rättslig grund").isVisible(), { timeout: 15_000 }).toBe(true);
      await filter.getByLabel("Rättslig grund").selectOption({ label: "Vård enligt LVU" });
      const answer = chef.waitForResponse((r) => r.url().includes(`/api/reports/${name}?`) && r.url().includes("legalForm=lvu"));
      await filter.getByRole("button", { name: "Filtrera" }).click();
      expect((await answer).status()).toBe(200);
      await expect
        .poll(() => chef.getByRole("link", { name: "Excel (XLSX)" }).first().getAttribute("href"))
        .toContain("legalForm=lvu");
      await expectAccessible(chef, `${name} filtered by legal form`);
    }
    await chef.close();
  });
});
