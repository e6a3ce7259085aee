import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedInsatsFile, seedInvestigationFile } from "../src/server/testing/file-review-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
let reasonCaseId: string;

beforeAll(async () => {
  w = await createWorld();
  // Files of 2024 in the own district: one with a late skyddsbedömning, one completed with a reason, one insats.
  await seedInvestigationFile(w, "own", {
    receivedAt: new Date("2024-02-01T08:00:00Z"),
    protectionAfterHours: 30,
    lastName: "Sensson",
  });
  reasonCaseId = (
    await seedInvestigationFile(w, "own", {
      receivedAt: new Date("2024-03-01T08:00:00Z"),
      noAssessmentReason: "ingen_utbildad_personal",
      noAssessmentNote: "Ingen utbildad i SAVRY",
      lastName: "Skalsson",
    })
  ).caseId;
  await seedInsatsFile(w, "own", {
    decidedOn: "2024-04-01",
    startedOn: "2024-04-10",
    planSignedOn: "2024-04-20",
    lastName: "Insatsson",
  });
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("file review (aktgranskning)", () => {
  it("kvalitet runs a review, marks the manual criteria, signs, exports and acts on a finding", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("link", { name: "Aktgranskning" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Ny granskning" }).isVisible()).toBe(true);
    // A random seed is filled in for the reviewer.
    expect(await page.getByLabel("Frö").inputValue()).toMatch(/^\d+$/);
    await expectAccessible(page, "file reviews (new)");

    await page.getByLabel("Period från").fill("2024-01-01");
    await page.getByLabel("Period till").fill("2024-12-31");
    await page.getByLabel("Antal akter").fill("10");
    await page.getByLabel("Frö").fill("4242");
    await page.getByRole("button", { name: "Starta granskningen" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Resultat per akt" }).isVisible()).toBe(true);
    const results = page.getByRole("table", { name: "Resultat per akt" });
    await expect.poll(() => results.getByRole("row").count()).toBe(4);
    // The late skyddsbedömning is not met, and its verdict links to the case it rests on.
    const late = results.getByRole("row").filter({ hasText: "Sensson" });
    const verdict = late.getByRole("link", { name: /Ej uppfyllt.*Skyddsbedömning inom 24 timmar/ });
    expect(await verdict.getAttribute("href")).toMatch(/^\/arenden\//);
    await expectAccessible(page, "file review (new)");

    // Each file's manual criteria, answered and saved; the first by keyboard.
    const forms = page.locator("form").filter({ has: page.getByRole("button", { name: "Spara akten" }) });
    const n = await forms.count();
    expect(n).toBe(3);
    for (let k = 0; k < n; k++) {
      const form = forms.nth(k);
      const selects = form.locator("select");
      for (let s = 0; s < (await selects.count()); s++) await selects.nth(s).selectOption({ label: "Uppfyllt" });
      if (k === 0) {
        await form.getByLabel("Kommentar").fill("Barnets syn framgår av journalen.");
        await form.getByRole("button", { name: "Spara akten" }).focus();
        await page.keyboard.press("Enter");
      } else {
        await form.getByRole("button", { name: "Spara akten" }).click();
      }
      await expect.poll(() => form.getByText("Akten sparad.").isVisible()).toBe(true);
    }
    await expect.poll(async () => (await results.getByText("Bedöms manuellt").count()) === 0).toBe(true);

    await page.getByLabel(/Slutsats/).fill("Skyddsbedömningarna behöver göras i tid.");
    await page.getByRole("button", { name: "Signera granskningen" }).click();
    await expect.poll(() => page.getByText("Granskningen är signerad och kan inte ändras.").isVisible()).toBe(true);
    await expectAccessible(page, "file review (signed)");

    for (const [name, type] of [
      ["Kalkylblad med akterna (XLSX)", "spreadsheetml"],
      ["Rapport till nämnden, utan personuppgifter (PDF)", "application/pdf"],
    ] as const) {
      const href = (await page.getByRole("link", { name }).getAttribute("href")) as string;
      const res = await page.request.get(`${base}${href}`);
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toContain(type);
    }

    // A finding becomes an action; the finding is exposed with its id for other flows.
    const finding = page.locator("[data-finding-id]").first();
    expect(await finding.getAttribute("data-finding-id")).toMatch(/^[0-9a-f-]{36}:skyddsbedomning$/);
    const actionForm = page.getByRole("form", { name: "Lägg till åtgärd" });
    const findingSelect = actionForm.getByLabel("Iakttagelse som åtgärden gäller");
    await findingSelect.selectOption({ index: 1 });
    await actionForm.getByLabel("Åtgärd", { exact: true }).fill("Gå igenom rutinen för skyddsbedömning på APT");
    await actionForm.getByLabel("Ansvarig").selectOption({ label: "Test enhetschef" });
    await actionForm.getByLabel("Klart senast").fill("2027-03-31");
    await actionForm.getByRole("button", { name: "Lägg till åtgärd" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Gå igenom rutinen för skyddsbedömning på APT" }).isVisible())
      .toBe(true);
    await expectAccessible(page, "file review (action)");

    // The list shows the signed review.
    const reviewUrl = page.url();
    await page.getByRole("link", { name: "Alla granskningar" }).click();
    await expect.poll(() => page.getByRole("row").filter({ hasText: "Signerad" }).count()).toBe(1);
    await expectAccessible(page, "file reviews (list)");

    // A finding becomes an avvikelse in one click, and the finding then links to it.
    await page.goto(reviewUrl);
    const lateFinding = page.locator('[data-finding-id$=":skyddsbedomning"]').filter({ hasText: "Sensson" });
    await lateFinding.getByRole("button", { name: "Skapa avvikelse" }).click();
    const open = lateFinding.getByRole("link", { name: "Avvikelse skapad: öppna den" });
    await expect.poll(() => open.isVisible()).toBe(true);
    expect(await open.getAttribute("href")).toMatch(/^\/avvikelser\/[0-9a-f-]{36}$/);
    await expectAccessible(page, "file review (finding with avvikelse)");
    await open.click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: /Avvikelse: Tidsfrist överskriden/ }).isVisible())
      .toBe(true);
    // The description is the finding's text: what was found, never who.
    await expect
      .poll(() => page.getByText(/Aktgranskning 2024-01-01–2024-12-31 \(version 1\): Skyddsbedömning/).isVisible())
      .toBe(true);
    await expectAccessible(page, "avvikelse from a finding");
    await page.close();
  });

  it("shows the reason given for completing without a structured assessment on the case page", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.goto(`${base}/arenden/${reasonCaseId}`);
    await expect.poll(() => page.getByText("Ingen utbildad bedömare tillgänglig: Ingen utbildad i SAVRY").isVisible()).toBe(true);
    await expectAccessible(page, "case page with the reason");
    await page.close();
  });
});
