import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmDate } from "../src/domain/time";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

/** The server's clock: real time plus an offset the test moves forward (and the browsers' with it). */
let offsetMs = 0;
const serverNow = () => new Date(Date.now() + offsetMs);
const DAY = 86_400_000;

let w: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  w = await createWorld({ clock: serverNow });
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const form = (page: Page, name: string | RegExp) => page.getByRole("form", { name });

/** The overview row of one clock for the test person, read as text (state is text, not colour). */
function overviewRow(page: Page, clockLabel: string): Locator {
  return page.getByRole("row").filter({ hasText: "Alva AnderssonA" }).filter({ hasText: clockLabel });
}

async function expectState(page: Page, clockLabel: string, state: string) {
  await expect
    .poll(async () => (await overviewRow(page, clockLabel).allInnerTexts()).join(" | "), { timeout: 10_000 })
    .toContain(state);
}

describe("case flow in the browser", () => {
  it("handläggare registers, assesses, opens, extends and decides; the overview shows each state; the enhetschef sees it overdue", async () => {
    // The administrator delegates förlängning to handläggare in district A.
    const admin = await newPage(browser);
    await signIn(admin, base, "systemadministrator");
    await admin.goto(`${base}/admin`);
    const delegation = form(admin, /Delegationsordning/);
    await expect.poll(() => delegation.isVisible()).toBe(true);
    await admin.getByLabel("Distrikt", { exact: true }).first().selectOption({ label: "Distrikt A" });
    const box = delegation.getByRole("checkbox", { name: /Handläggare får besluta Förlängning/ });
    await box.check();
    await delegation.getByRole("button", { name: "Spara" }).click();
    await expect
      .poll(
        async () =>
          (
            await w.app.inject({
              method: "GET",
              url: `/api/admin/districts/${w.own.id}/delegations`,
              headers: { cookie: await w.login("systemadministrator") },
            })
          )
            .json()
            .rows.find((r: { decisionType: string }) => r.decisionType === "forlangning")?.roles,
      )
      .toContain("handlaggare");
    await expectAccessible(admin, "admin page with the delegation editor");
    await admin.close();

    // Register a report from the person page.
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await page.goto(`${base}/personer/${w.own.personId}`);
    const report = form(page, "Registrera anmälan");
    await expect.poll(() => report.isVisible()).toBe(true);
    await expectAccessible(page, "person page with the report form");
    await report.getByLabel("Anmälarkategori").selectOption({ label: "Skola" });
    await report.getByRole("checkbox", { name: "Brott" }).check();
    await report.getByLabel("Anmälans innehåll").fill("Eleven har gripits misstänkt för rån.");
    await report.getByRole("button", { name: "Registrera anmälan" }).click();
    await expect.poll(() => page.url()).toMatch(/\/arenden\/[0-9a-f-]{36}$/);
    const caseUrl = page.url();
    await expect.poll(() => form(page, "Skyddsbedömning").isVisible()).toBe(true);
    await expectAccessible(page, "case page, new report");

    // The overview: the skyddsbedömning runs out within 24 hours.
    await page.goto(`${base}/`);
    await expectState(page, "Skyddsbedömning", "Snart");
    await expectAccessible(page, "start page with the deadline overview");

    // Skyddsbedömning, then förhandsbedömning that opens an investigation — by keyboard.
    await page.goto(caseUrl);
    const skydd = form(page, "Skyddsbedömning");
    await expect.poll(() => skydd.isVisible()).toBe(true);
    await skydd.getByRole("radio", { name: "Nej" }).check();
    await skydd.getByLabel("Anteckningar").fill("Inget akut skyddsbehov; vårdnadshavare nåbara.");
    await skydd.getByLabel("Anteckningar").press("Tab");
    await page.keyboard.press("Enter");
    const pre = form(page, "Förhandsbedömning");
    await expect.poll(() => pre.isVisible()).toBe(true);
    await pre.getByRole("radio", { name: "Inleda utredning", exact: true }).check();
    await pre.getByLabel("Motivering").fill("Uppgifterna om brott behöver utredas.");
    await pre.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => form(page, "Förlängning av utredningstiden").isVisible()).toBe(true);

    await page.goto(`${base}/`);
    await expectState(page, "Skyddsbedömning", "Klar i tid");
    await expectState(page, "Förhandsbedömning", "Klar i tid");
    await expectState(page, "Utredning", "Löpande");

    // Four months and more pass: the enhetschef's overview shows the investigation overdue.
    offsetMs = 130 * DAY;
    // The browser's clock moves with the server's: forms cap dates at "today" as the user sees it.
    await page.clock.setSystemTime(serverNow());
    const chef = await newPage(browser);
    await chef.clock.setSystemTime(serverNow());
    await signIn(chef, base, "enhetschef");
    await expectState(chef, "Utredning", "Försenad");
    await expectAccessible(chef, "enhetschef's overview with an overdue clock");

    // The handläggare extends with a reason and a new end date; the clock runs again.
    await page.goto(caseUrl);
    const ext = form(page, "Förlängning av utredningstiden");
    await expect.poll(() => ext.isVisible()).toBe(true);
    await ext.getByLabel("Nytt slutdatum").fill(addCalendarDays(stockholmDate(serverNow()), 40));
    await ext.getByLabel("Motivering").fill("Särskilda skäl: inväntar BUP:s utlåtande.");
    await ext.getByRole("button", { name: "Förläng" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Särskilda skäl: inväntar BUP:s utlåtande." }).count()).toBe(1);
    await page.goto(`${base}/`);
    await expectState(page, "Utredning", "Löpande");

    // Complete the investigation, then decide.
    await page.goto(caseUrl);
    const complete = form(page, "Avsluta utredningen");
    await expect.poll(() => complete.isVisible()).toBe(true);
    await complete.getByLabel("Avslutad den").fill(stockholmDate(serverNow()));
    // The report concerns crime and no structured assessment was signed: the reason is documented.
    await complete
      .getByLabel(/Skäl till att strukturerad bedömning saknas/)
      .selectOption({ label: "Ingen utbildad bedömare tillgänglig" });
    await complete.getByLabel(/Förklaring av skälet/).fill("Ingen utbildad i SAVRY under perioden.");
    // Barnets syn is required to complete (issue 18 point 3).
    await complete.getByLabel("Vad barnet har framfört").fill("Vill få hjälp att sluta umgås med de äldre killarna.");
    await complete.getByRole("button", { name: "Avsluta utredningen" }).click();
    const decision = form(page, "Nytt beslut");
    await expect.poll(() => decision.isVisible()).toBe(true);
    await decision.getByLabel("Beslut", { exact: true }).selectOption({ label: "Ingen åtgärd" });
    await decision.getByLabel("Motivering").fill("Behoven tillgodoses av skolans stöd.");
    await decision.getByRole("button").click();
    await expect.poll(() => page.getByRole("cell", { name: "Behoven tillgodoses av skolans stöd." }).count()).toBe(1);
    await expect.poll(() => page.getByRole("cell", { name: "Ingen åtgärd" }).count()).toBe(1);
    await expectAccessible(page, "case page after the decision");

    await page.goto(`${base}/`);
    await expectState(page, "Utredning", "Klar i tid");
    await chef.reload();
    await expectState(chef, "Utredning", "Klar i tid");
    await page.close();
    await chef.close();
  });
});
