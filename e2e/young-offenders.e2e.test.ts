import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmToday } from "../src/domain/time";
import { seedCase } from "../src/server/testing/case-fixtures";
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

async function openCase(page: Page) {
  await page.goto(`${base}/arenden/${caseId}`);
  await expect.poll(() => page.getByRole("heading", { level: 2, name: "Yttranden (LUL)" }).isVisible()).toBe(true);
}

/** Records the next LVU step through the step form. */
async function lvuStep(page: Page, step: string, fill: (f: ReturnType<typeof form>) => Promise<void>) {
  const f = form(page, "Registrera nästa steg");
  await f.getByLabel("Steg", { exact: true }).selectOption({ label: step });
  await fill(f);
  const steps = await page
    .getByRole("table", { name: "Registrerade steg" })
    .getByRole("row")
    .count()
    .catch(() => 0);
  await f.getByRole("button", { name: "Registrera steget" }).click();
  await expect
    .poll(() => page.getByRole("table", { name: "Registrerade steg" }).getByRole("row").count())
    .toBeGreaterThan(Math.max(steps, 1));
}

describe("young offenders: a yttrande and an LVU process", () => {
  it("a request for a yttrande arrives, is written by the handläggare, signed by the enhetschef and sent", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await openCase(page);
    const request = form(page, "Registrera begäran om yttrande");
    await request.getByLabel("Begärt av").selectOption({ label: "Åklagare" });
    await request.getByLabel("Den begärandes referens (diarie- eller målnummer)").fill("AM-4711-26");
    await request.getByLabel("Misstänkt brott (kategori)").selectOption({ label: "Rån" });
    await request.getByLabel("Ska lämnas senast").fill(addCalendarDays(stockholmToday(), 14));
    await request.getByRole("button", { name: "Registrera" }).click();
    await expect.poll(() => page.getByRole("heading", { name: /Yttrande 1: Åklagare AM-4711-26/ }).isVisible()).toBe(true);

    const write = form(page, "Skriv yttrandet");
    await write.getByLabel("Tidigare åtgärder").fill("Kontaktperson sedan i höstas.");
    await write.getByLabel("Bedömning av särskilt behov av åtgärder").fill("Den unge har ett särskilt behov av åtgärder.");
    await write.getByLabel("Föreslagen åtgärd").selectOption({ label: "Ungdomsvård med ungdomskontrakt (SoL)" });
    await write.getByLabel(/Utredning 1/).check();
    await write.getByRole("button", { name: "Spara yttrandet" }).click();
    await expect
      .poll(async () => (await page.locator("dd").filter({ hasText: "Ungdomsvård med ungdomskontrakt (SoL)" }).count()) > 0)
      .toBe(true);
    await expectAccessible(page, "case page with a yttrande being written");

    // The handläggare has no delegation to sign: the refusal is shown, nothing is signed.
    await form(page, "Signera (beslut enligt delegationsordningen)").getByRole("button", { name: "Signera" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /delegation/ })
          .isVisible(),
      )
      .toBe(true);
    await page.close();

    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    await openCase(chef);
    await form(chef, "Signera (beslut enligt delegationsordningen)").getByRole("button", { name: "Signera" }).click();
    await expect.poll(() => chef.getByText("Signerat", { exact: true }).isVisible()).toBe(true);
    await form(chef, "Registrera att yttrandet skickats").getByRole("button", { name: "Registrera skickat" }).click();
    await expect.poll(() => chef.getByText("Skickat", { exact: true }).isVisible()).toBe(true);
    // The signature is one of the case's decisions, under the delegation.
    await expect.poll(() => chef.getByRole("cell", { name: "Yttrande enligt LUL" }).isVisible()).toBe(true);
    await expectAccessible(chef, "case page with a sent yttrande");
    await chef.close();
  });

  it("an omedelbart omhändertagande is decided, carried out, underställt and followed by an application; the overview shows each clock", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "enhetschef");
    await openCase(page);
    const open = form(page, "Inled LVU-process");
    await open.getByLabel("3 § LVU (eget beteende)").check();
    await open.getByLabel("Brottslig verksamhet").check();
    await open.getByRole("button", { name: "Inled LVU-process" }).click();
    await expect.poll(() => page.getByRole("heading", { name: /LVU-process 1/ }).isVisible()).toBe(true);

    // The chair's urgent decision (6 § andra stycket).
    const f = form(page, "Registrera nästa steg");
    await f.getByLabel("Steg", { exact: true }).selectOption({ label: "Beslut om omedelbart omhändertagande (6 §)" });
    await f.getByLabel("Beslutsfattare").selectOption({ label: "Ordföranden (brådskande)" });
    await f.getByLabel("Ordförandens eller ledamotens namn").fill("Eva Ordförande");
    await f.getByLabel("Skäl").fill("Rättens beslut kan inte avvaktas: risk för fortsatt grov brottslighet.");
    await f.getByRole("button", { name: "Registrera steget" }).click();
    const clocks = page.getByRole("table", { name: "Frister" });
    await expect.poll(() => clocks.getByRole("rowheader", { name: "LVU underställning (7 §, en vecka)" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Ej anmält").isVisible()).toBe(true);
    await expectAccessible(page, "case page with an omedelbart omhändertagande");

    await lvuStep(page, "Omhändertagandet verkställt", async () => {});
    await expect
      .poll(() => clocks.getByRole("rowheader", { name: "LVU ansökan om vård (8 §, fyra veckor)" }).isVisible())
      .toBe(true);

    // The overview shows both running clocks.
    await page.goto(`${base}/`);
    await expect
      .poll(async () => (await page.getByRole("cell", { name: "LVU underställning (7 §, en vecka)" }).count()) > 0)
      .toBe(true);
    await expect
      .poll(async () => (await page.getByRole("cell", { name: "LVU ansökan om vård (8 §, fyra veckor)" }).count()) > 0)
      .toBe(true);
    await expect
      .poll(async () => (await page.getByRole("cell", { name: "Yttrande LUL (sista dag enligt begäran)" }).count()) > 0)
      .toBe(true);
    await expectAccessible(page, "start page with the deadline overview");

    await openCase(page);
    await lvuStep(page, "Underställt förvaltningsrätten (7 §)", async () => {});
    await lvuStep(page, "Ansökan om vård (4 §, 8 §)", async (s) => {
      await s.getByLabel("Beslutsfattare").selectOption({ label: "Nämnden eller dess utskott (sammanträde)" });
      await s.getByLabel("Skäl").fill("Behov av vård enligt 3 § LVU.");
    });
    const rows = page.getByRole("table", { name: "Frister" }).getByRole("row");
    await expect
      .poll(async () => (await rows.filter({ hasText: "LVU underställning" }).innerText()).includes("Klar i tid"))
      .toBe(true);
    await expect.poll(async () => (await rows.filter({ hasText: "LVU ansökan" }).innerText()).includes("Klar i tid")).toBe(true);
    await expectAccessible(page, "case page after the application");

    // The overview (met clocks included) shows each clock as met.
    await page.goto(`${base}/`);
    for (const clock of [
      "LVU underställning (7 §, en vecka)",
      "LVU ansökan om vård (8 §, fyra veckor)",
      "Yttrande LUL (sista dag enligt begäran)",
    ]) {
      const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: clock }) });
      await expect.poll(async () => (await row.first().innerText()).includes("Klar i tid")).toBe(true);
    }

    await page.getByRole("link", { name: "Ungdomsmål och LVU" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: /nämndens siffror/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("table", { name: "Underställning inom en vecka (7 § LVU)" }).isVisible()).toBe(true);
    await expectAccessible(page, "young offenders' figures");
    await page.close();
  });
});
