import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPersonnummer } from "../src/domain/personnummer";
import { square } from "../src/server/testing/fieldwork-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;

const AREA = "Torget vid stationen";
const FIRST = "Två grupper hotade varandra vid busskuren";
const CORRECTED = "Två grupper hotade varandra vid busskuren på stationens norra sida";

beforeAll(async () => {
  w = await createWorld();
  // The test world has no field areas: a samordnare of the district draws one, as on /faltarbete/omraden.
  const res = await w.app.inject({
    method: "POST",
    url: "/api/fieldwork/areas",
    headers: { cookie: await w.login("samordnare") },
    payload: { districtId: w.own.id, name: AREA, polygon: square(18.05, 59.33) },
  });
  expect(res.statusCode, res.body).toBe(201);
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const form = (page: Page, name: string) => page.getByRole("form", { name });
const row = (page: Page, text: string) => page.getByRole("row").filter({ hasText: text });
const cellText = async (page: Page, text: string) =>
  (
    await row(page, text)
      .innerText()
      .catch(() => "")
  ).replace(/\s+/g, " ");

async function openIncidents(page: Page, user: string) {
  await signIn(page, base, user);
  await page.goto(`${base}/faltarbete`);
  await page.getByRole("link", { name: "Händelserapporter" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1, name: "Händelserapporter" }).isVisible()).toBe(true);
}

describe("händelserapporter in the browser", () => {
  it("a field worker reports, a manager returns it, the reporter corrects and resubmits, the manager approves", async () => {
    // The field worker writes a report; a personnummer in the text is refused beside the field.
    const worker = await newPage(browser);
    await openIncidents(worker, "insatsutforare");
    const write = form(worker, "Ny händelserapport");
    await write.getByLabel("Område").selectOption({ label: AREA });
    await write.getByLabel("Kategori").selectOption({ label: "Hot" });
    const pnr = buildPersonnummer("2010-02-03", 456);
    await write.getByLabel("Vad hände?").fill(`${FIRST}, en av dem var ${pnr}`);
    await write.getByRole("button", { name: "Skicka in rapporten" }).click();
    await expect
      .poll(() => worker.locator(".field-error").filter({ hasText: "Personnummer är inte tillåtet här" }).isVisible())
      .toBe(true);
    await expect.poll(() => worker.getByRole("alert").filter({ hasText: "orosanmälan" }).isVisible()).toBe(true);
    await expectAccessible(worker, "the incident form refusing a personnummer");
    await write.getByLabel("Vad hände?").fill(FIRST);
    await write.getByRole("button", { name: "Skicka in rapporten" }).click();
    await expect.poll(() => worker.getByRole("status").filter({ hasText: "Rapporten är inskickad" }).isVisible()).toBe(true);
    await expect.poll(() => cellText(worker, FIRST)).toContain("Inskickad");
    // Nobody reviews their own report.
    await expect(
      row(worker, FIRST)
        .getByRole("button", { name: /Godkänn/ })
        .count(),
    ).resolves.toBe(0);
    await expectAccessible(worker, "the incident page with a submitted report");

    // The manager of the district returns it with a comment.
    const manager = await newPage(browser);
    await openIncidents(manager, "enhetschef");
    await manager.getByLabel("Status").selectOption({ label: "Inskickad" });
    await expect.poll(() => cellText(manager, FIRST)).toContain("Test insatsutforare");
    await row(manager, FIRST)
      .getByRole("button", { name: /Skicka tillbaka/ })
      .click();
    await expect.poll(() => manager.evaluate(() => document.activeElement?.textContent ?? "")).toBe("Skicka tillbaka rapporten");
    const back = form(manager, "Skicka tillbaka rapporten");
    await expectAccessible(manager, "the return form");
    await back.getByLabel("Vad ska rättas?").fill("Ange vilken sida av stationen");
    await back.getByRole("button", { name: "Skicka tillbaka" }).click();
    await expect
      .poll(() => manager.getByRole("status").filter({ hasText: "Rapporten är tillbakaskickad" }).isVisible())
      .toBe(true);

    // The reporter sees the comment, corrects the report and sends it in again.
    await worker.reload();
    await expect.poll(() => cellText(worker, FIRST)).toContain("Återskickad");
    expect(await cellText(worker, FIRST)).toContain("Ange vilken sida av stationen");
    expect(await cellText(worker, FIRST)).toContain("Test enhetschef");
    await row(worker, FIRST).getByRole("button", { name: /Rätta/ }).click();
    const fix = form(worker, "Rätta och skicka in igen");
    await expect.poll(() => fix.getByLabel("Vad hände?").inputValue()).toBe(FIRST);
    await expect.poll(() => fix.getByLabel("Kategori").inputValue()).toBe("hot");
    await expectAccessible(worker, "the correction form");
    await fix.getByLabel("Vad hände?").fill(CORRECTED);
    await fix.getByRole("button", { name: "Skicka in igen" }).click();
    await expect.poll(() => worker.getByRole("status").filter({ hasText: "Rapporten är inskickad igen" }).isVisible()).toBe(true);
    await expect.poll(() => cellText(worker, CORRECTED)).toContain("Inskickad igen");

    // The manager approves the corrected report; it then shows among the approved.
    await manager.reload();
    await expect.poll(() => cellText(manager, CORRECTED)).toContain("Inskickad igen");
    await row(manager, CORRECTED)
      .getByRole("button", { name: /Godkänn/ })
      .click();
    await expect.poll(() => manager.getByRole("status").filter({ hasText: "Rapporten är godkänd" }).isVisible()).toBe(true);
    await manager.getByLabel("Status").selectOption({ label: "Godkänd" });
    await expect.poll(() => cellText(manager, CORRECTED)).toContain("Godkänd");
    await expect(row(manager, CORRECTED).getByRole("button").count()).resolves.toBe(0);
    await expectAccessible(manager, "the incident list filtered to approved reports");
    await worker.close();
    await manager.close();
  });
});
