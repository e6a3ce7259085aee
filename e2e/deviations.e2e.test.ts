import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmToday } from "../src/domain/time";
import { cases, deviations } from "../src/server/db/schema/index";
import { seedCase } from "../src/server/testing/case-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  w = await createWorld();
  // A report received 20 days ago that nobody assessed: its skyddsbedömning ran out 19 days ago.
  const { caseId } = await seedCase(w, "own", "reported");
  await w.database.db.update(cases).set({ unitId: w.own.unitId, assignedTo: w.userIds.handlaggare }).where(eq(cases.id, caseId));
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const form = (page: Page, name: string | RegExp) => page.getByRole("form", { name });

/** Waits for the detail page to show the state, after a step reloaded it. */
async function expectState(page: Page, state: string) {
  await expect
    .poll(async () => (await page.locator("dl.facts").first().innerText()).includes(state), { timeout: 10_000 })
    .toBe(true);
}

describe("avvikelser, lex Sarah and the late-deadline list in the browser", () => {
  it("a handläggare reports; kvalitet classifies it as lex Sarah, investigates, acts, notifies IVO, follows up and closes", async () => {
    const staff = await newPage(browser);
    await signIn(staff, base, "handlaggare");
    await staff.getByRole("link", { name: "Rapportera avvikelse" }).click();
    await expect.poll(() => staff.getByRole("heading", { level: 1, name: "Rapportera en avvikelse" }).isVisible()).toBe(true);
    const report = form(staff, "Rapportera en avvikelse");
    const unit = report.getByLabel("Enhet där det hände");
    await expect.poll(async () => (await unit.locator("option").allInnerTexts()).includes("Utredning A")).toBe(true);
    await expectAccessible(staff, "report form");
    // By keyboard: choose, type, tab to the button, Enter.
    await unit.selectOption({ label: "Utredning A" });
    await report.getByLabel("Vad gäller det?").selectOption({ label: "Bemötande" });
    const text = report.getByLabel("Beskriv vad som hände");
    await text.fill("Den unge blev utskälld vid ett hembesök.");
    await text.press("Tab");
    await staff.keyboard.press("Enter");
    await expect.poll(() => staff.getByText("Avvikelsen är rapporterad.").isVisible()).toBe(true);
    await expect.poll(() => staff.getByRole("link", { name: /Bemötande · Utredning A/ }).isVisible()).toBe(true);
    await staff.close();

    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("link", { name: "Avvikelser", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Avvikelser och lex Sarah" }).isVisible()).toBe(true);
    const row = page.getByRole("row").filter({ hasText: "Test handlaggare" }).first();
    await expect.poll(() => row.isVisible()).toBe(true);
    await expectAccessible(page, "deviation list");
    await row.getByRole("link").click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: /Avvikelse: Bemötande, Utredning A/ }).isVisible())
      .toBe(true);
    await expectAccessible(page, "deviation detail, reported");

    const classify = form(page, "Klassificera");
    await classify.getByRole("radio", { name: "Hög" }).check();
    await classify.getByRole("radio", { name: "Missförhållande (lex Sarah)", exact: true }).check();
    await classify.getByRole("checkbox", { name: "Allvarligt (ska anmälas till IVO)" }).check();
    await classify.getByRole("button", { name: "Klassificera" }).click();
    await expectState(page, "Klassificerad");

    const investigation = form(page, "Utredning");
    await investigation.getByLabel("Huvudsaklig orsak").selectOption({ label: "Kunskap eller kompetens" });
    await investigation.getByLabel("Analys").fill("Medarbetaren saknade stöd i hur hot bemöts.");
    await investigation.getByRole("radio", { name: "Ja" }).check();
    await investigation.getByRole("button", { name: "Spara" }).click();
    await expectState(page, "Utredd");
    await expectAccessible(page, "deviation detail, investigated");

    const action = form(page, "Besluta en åtgärd");
    await action.getByLabel("Åtgärd").fill("Utbildning i bemötande");
    const responsible = action.getByLabel("Ansvarig");
    await expect.poll(async () => (await responsible.locator("option").allInnerTexts()).includes("Test enhetschef")).toBe(true);
    await responsible.selectOption({ label: "Test enhetschef" });
    await action.getByLabel("Klar senast").fill(addCalendarDays(stockholmToday(), 30));
    await action.getByRole("button", { name: "Besluta en åtgärd" }).click();
    await expectState(page, "Åtgärdas");
    await expect.poll(() => page.getByRole("rowheader", { name: "Utbildning i bemötande" }).isVisible()).toBe(true);

    // Closing is not offered while IVO has not been notified.
    await expect.poll(() => page.getByText("kan inte avslutas innan anmälan till IVO").isVisible()).toBe(true);
    const ivo = form(page, "Anmälan till IVO");
    await ivo.getByLabel("Diarienummer eller referens").fill("IVO 3.5.1-4711/2026");
    await ivo.getByRole("button", { name: "Registrera anmälan" }).click();
    await expect.poll(() => page.getByText(/IVO 3\.5\.1-4711\/2026\) — 27 kap\. 6 § SoL \(2025:400\)/).isVisible()).toBe(true);

    const follow = form(page, "Uppföljning");
    await follow.getByLabel("Resultat av uppföljningen").fill("Utbildningen genomförd, inga nya händelser.");
    await follow.getByRole("button", { name: "Spara" }).click();
    await expectState(page, "Uppföljd");

    const close = form(page, "Avsluta");
    await close.getByRole("button", { name: "Avsluta" }).click();
    await expectState(page, "Avslutad");
    await expect.poll(() => page.getByText("Inga steg återstår för dig.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("27 kap. 2 § SoL (2025:400)", { exact: false }).isVisible()).toBe(true);
    await expectAccessible(page, "deviation detail, closed");

    await page.getByRole("link", { name: "Avvikelsestatistik" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Avvikelser i siffror" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("heading", { name: "Per typ" }).isVisible()).toBe(true);
    await expectAccessible(page, "deviation statistics");
    await page.close();
  });

  it("kvalitet opens the late-deadline list of a past period and creates an avvikelse from a row", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("link", { name: "Sena tidsfrister" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Sena och missade tidsfrister" }).isVisible()).toBe(true);
    const filter = form(page, "Filtrera");
    await filter.getByLabel("Från").fill(addCalendarDays(stockholmToday(), -30));
    await filter.getByLabel("Till").fill(addCalendarDays(stockholmToday(), -1));
    await filter.getByRole("button", { name: "Visa" }).click();
    const row = page.getByRole("row").filter({ hasText: "Skyddsbedömning (24 h)" }).filter({ hasText: "Alva AnderssonA" });
    await expect.poll(() => row.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(async () => (await row.innerText()).includes("Test handlaggare")).toBe(true);
    await expect.poll(() => page.getByRole("link", { name: "CSV (Excel)" }).isVisible()).toBe(true);
    await expectAccessible(page, "late-deadline list");

    await row.getByRole("button", { name: /Skapa avvikelse/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Rapportera en avvikelse" }).isVisible()).toBe(true);
    const report = form(page, "Rapportera en avvikelse");
    await expect
      .poll(() => page.getByRole("note", { name: "Förifylld från listan över sena tidsfrister" }).isVisible())
      .toBe(true);
    await expect
      .poll(async () => report.getByLabel("Beskriv vad som hände").inputValue())
      .toContain("Skyddsbedömning (24 h): sista dag");
    await expect.poll(async () => report.getByLabel("Enhet där det hände").inputValue()).toBe(w.own.unitId);
    await expect.poll(async () => report.getByLabel("Vad gäller det?").inputValue()).toBe("tidsfrist");
    await expectAccessible(page, "pre-filled report form");
    await report.getByRole("button", { name: "Rapportera" }).click();
    await expect.poll(() => page.getByText("Avvikelsen är rapporterad.").isVisible()).toBe(true);

    const [created] = await w.database.db.select().from(deviations).where(eq(deviations.source, "late_deadline"));
    expect(created).toMatchObject({ kind: "tidsfrist", personId: w.own.personId, unitId: w.own.unitId });
    expect(created?.sourceRef).toMatchObject({ clock: "skyddsbedomning", completedOn: null });
    await page.close();
  });
});
