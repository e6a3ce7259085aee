import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmToday } from "../src/domain/time";
import { PDF_BYTES } from "../src/server/testing/governance-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
const today = () => stockholmToday();

beforeAll(async () => {
  w = await createWorld();
  // Something for the log review to find: the enhetschef opens the protected person, with no case on them.
  const login = await w.login("enhetschef");
  const read = await w.app.inject({ method: "GET", url: `/api/persons/${w.own.protectedPersonId}`, headers: { cookie: login } });
  expect(read.statusCode).toBe(200);
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("egenkontroll and governance", () => {
  it("registers and publishes a routine, and the owner sees the review reminder on the start page", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("link", { name: "Styrdokument", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Styrdokument" }).isVisible()).toBe(true);
    await expectAccessible(page, "styrdokument register");

    const form = page.getByRole("form", { name: "Registrera styrdokument" });
    await form.getByLabel("Titel").fill("Rutin för utredande socialsekreterare");
    await form.getByLabel("Ägare").selectOption({ label: "Test kvalitet" });
    await form.getByLabel("Utredning", { exact: true }).check();
    await form.getByRole("button", { name: "Registrera" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Rutin för utredande socialsekreterare" }).isVisible())
      .toBe(true);

    // Växjö 2024: no decision-maker, no date. Publishing is refused, naming what is missing.
    const publish = page.getByRole("button", { name: "Publicera senaste versionen" });
    await publish.click();
    await expect.poll(() => page.getByRole("alert").innerText()).toContain("kan inte publiceras");
    await expect.poll(() => page.getByText("Det här saknas innan dokumentet kan publiceras:").isVisible()).toBe(true);
    await expectAccessible(page, "styrdokument detail, refused");

    const upload = page.getByRole("form", { name: "Ladda upp ny version" });
    await upload
      .getByLabel("Fil", { exact: true })
      .setInputFiles({ name: "rutin.pdf", mimeType: "application/pdf", buffer: PDF_BYTES });
    await upload.getByLabel("Vad har ändrats").fill("Första versionen");
    await upload.getByRole("button", { name: "Ladda upp" }).click();
    await expect.poll(() => page.getByRole("link", { name: "rutin.pdf" }).isVisible()).toBe(true);

    const edit = page.getByRole("form", { name: "Ändra uppgifter och beslut" });
    await edit.getByLabel("Beslutad av").selectOption("namnd");
    await edit.getByLabel("Beslutsdatum").fill(today());
    await edit.getByLabel("Revideras senast").fill(addCalendarDays(today(), 20));
    await edit.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => page.getByText("Ändringarna är sparade.").isVisible()).toBe(true);
    await publish.click();
    await expect.poll(() => page.getByText("Dokumentet är publicerat.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Revideras snart").first().isVisible()).toBe(true);
    await expectAccessible(page, "styrdokument detail, published");

    await page.getByRole("link", { name: "Start", exact: true }).click();
    const reminder = page.getByRole("region", { name: "Styrdokument att revidera" });
    await expect.poll(() => reminder.isVisible()).toBe(true);
    expect(await reminder.innerText()).toContain("Rutin för utredande socialsekreterare");
    expect(await reminder.innerText()).toContain("Revideras snart");
    await expectAccessible(page, "start page with review reminder");
  });

  it("draws a log review and flags one row, confirming another by keyboard", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("link", { name: "Loggkontroll", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Loggkontroll" }).isVisible()).toBe(true);
    await expectAccessible(page, "log reviews");
    const draw = page.getByRole("form", { name: "Dra månadens loggkontroll" });
    await draw.getByLabel("Månad").fill(today().slice(0, 7));
    await draw.getByLabel("Frö").fill("e2e-frö");
    await draw.getByRole("button", { name: "Dra urval" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toContain(`Loggkontroll ${today().slice(0, 7)}`);
    await expect.poll(() => page.getByText("e2e-frö").isVisible()).toBe(true);
    // The protected person's read is flagged by the rules.
    const flaggedRow = page.getByRole("row").filter({ hasText: "Skyddade personuppgifter" }).first();
    await expect.poll(() => flaggedRow.isVisible()).toBe(true);
    await expectAccessible(page, "log review detail");

    await flaggedRow.getByRole("button", { name: /^Flagga post \d+$/ }).click();
    const note = flaggedRow.getByLabel(/Vad är avvikande i post \d+/);
    await note.fill("Enhetschefen saknar ärende på personen; utreds.");
    await flaggedRow.getByRole("button", { name: "Flagga och skapa avvikelse" }).click();
    await expect.poll(() => page.getByText(/Post \d+ är flaggad och rapporterad som avvikelse\./).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Avvikelse skapad.").isVisible()).toBe(true);

    // The reader drawn at random is judged as a whole, by keyboard.
    const confirm = page.getByRole("button", { name: /^Post \d+ är i sin ordning$/ }).first();
    await confirm.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText(/Post \d+ är bedömd\./).isVisible()).toBe(true);
    await expectAccessible(page, "log review after verdicts");
  });

  it("creates an internkontrollplan with a control point and a result, and gives the PDF", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("link", { name: "Internkontrollplan", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Internkontrollplaner" }).isVisible()).toBe(true);
    await expectAccessible(page, "control plans");
    await page.getByRole("form", { name: "Ny internkontrollplan" }).getByRole("button", { name: "Skapa plan" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).innerText())
      .toContain(`Internkontrollplan ${today().slice(0, 4)}`);

    const point = page.getByRole("form", { name: "Lägg till kontrollpunkt" });
    await point.getByLabel("Område").selectOption("genomforandeplaner");
    await point.getByLabel("Kontrollpunkt").fill("Genomförandeplaner signerade inom 14 dagar");
    await point.getByLabel("Risk", { exact: true }).fill("Insatser saknar genomförandeplan");
    await point.getByLabel("Sannolikhet (1–4)").selectOption("3");
    await point.getByLabel("Konsekvens (1–4)").selectOption("4");
    await point.getByLabel("Ansvarig").selectOption({ label: "Test enhetschef" });
    await point.getByRole("button", { name: "Lägg till" }).click();
    await expect.poll(() => page.getByText("Kontrollpunkten är tillagd.").isVisible()).toBe(true);
    const card = page.getByRole("article", { name: "1. Genomförandeplaner signerade inom 14 dagar" });
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain("3 × 4 = 12 (Hög)");

    const result = card.getByRole("form", { name: "Registrera resultat för kontrollpunkt 1" });
    await result.getByLabel("Utfall").selectOption("mindre_brister");
    await result.getByLabel("Avvikelser").fill("3");
    await result.getByLabel("Kommentar").fill("3 av 20 insatser saknade signerad plan.");
    await result.getByRole("button", { name: "Registrera resultat" }).click();
    await expect.poll(() => page.getByText("Resultatet är registrerat.").isVisible()).toBe(true);
    await expect.poll(() => card.getByRole("table").innerText()).toContain("Mindre brister");
    await expectAccessible(page, "control plan");

    const href = await page.getByRole("link", { name: "Plan och utfall som PDF för nämnden" }).getAttribute("href");
    const pdf = await page.request.get(`${base}${href}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
