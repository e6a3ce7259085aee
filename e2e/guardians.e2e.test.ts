import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCase } from "../src/server/testing/case-fixtures";
import { seedUnlinkedPerson } from "../src/server/testing/guardian-fixtures";
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

const form = (page: Page, name: string | RegExp) => page.getByRole("form", { name });
const dashed = (pnr: string) => `${pnr.slice(0, 8)}-${pnr.slice(8)}`;

describe("guardians and the child's view in the browser", () => {
  it("a handläggare links two guardians to a child, records both informed on the investigation and the child's view", async () => {
    const mother = await seedUnlinkedPerson(w, "own", { firstName: "Maria", lastName: "Andersson" });
    const father = await seedUnlinkedPerson(w, "own", { firstName: "Karim", lastName: "Andersson" });
    const { caseId } = await seedCase(w, "own", "investigating");

    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");

    // The person page: the Närstående panel, empty; two guardians added by personnummer.
    await page.goto(`${base}/personer/${w.own.personId}`);
    const panel = page.getByRole("region", { name: /Närstående/ });
    await expect.poll(() => panel.getByText("Inga närstående registrerade.").isVisible()).toBe(true);
    await expectAccessible(page, "person page with the Närstående panel");
    const add = form(page, "Lägg till närstående");
    for (const [who, pnr] of [
      ["Maria Andersson", mother.personnummer],
      ["Karim Andersson", father.personnummer],
    ] as const) {
      await add.getByLabel("Personnummer").fill(dashed(pnr));
      await add.getByLabel("Relation").selectOption({ label: "Förälder" });
      await expect.poll(() => add.getByLabel("Har vårdnaden om barnet").isChecked()).toBe(true);
      await add.getByRole("button", { name: "Lägg till" }).click();
      await expect.poll(() => panel.getByRole("row").filter({ hasText: who }).count()).toBe(1);
    }
    // Linking the same guardian again is refused with the reason next to the form.
    await add.getByLabel("Personnummer").fill(mother.personnummer);
    await add.getByRole("button", { name: "Lägg till" }).click();
    await expect.poll(() => page.getByRole("alert").filter({ hasText: "redan kopplad" }).count()).toBeGreaterThan(0);
    const rows = panel.getByRole("row").filter({ hasText: "Vårdnadshavare" });
    await expect.poll(() => rows.count()).toBe(2);
    await expectAccessible(page, "person page with two guardians");

    // The case page: both guardians are listed as not yet informed.
    await page.goto(`${base}/arenden/${caseId}`);
    const informed = page.getByRole("region", { name: "Vårdnadshavare informerade" });
    await expect.poll(() => informed.getByRole("note").filter({ hasText: "Inte informerade ännu" }).isVisible()).toBe(true);
    await expect.poll(() => informed.getByRole("note").innerText()).toContain("Maria Andersson");
    expect(await informed.getByRole("note").innerText()).toContain("Karim Andersson");
    await expectAccessible(page, "case page with guardians not yet informed");

    // Record each informed: the mother at a meeting (she consents), the father by letter.
    const record = form(page, "Registrera informerad");
    await record.getByLabel("Vårdnadshavare").selectOption({ label: "Maria Andersson (Förälder)" });
    await record.getByRole("radio", { name: "Möte" }).check();
    await record.getByLabel("Inställning").selectOption({ label: "Samtycker" });
    await record.getByRole("button", { name: "Registrera informerad" }).click();
    await expect.poll(() => informed.getByRole("row").filter({ hasText: "Maria Andersson" }).count()).toBe(1);
    await expect.poll(() => informed.getByRole("note").innerText()).not.toContain("Maria Andersson");
    await record.getByLabel("Vårdnadshavare").selectOption({ label: "Karim Andersson (Förälder)" });
    await record.getByRole("radio", { name: "Brev" }).check();
    await record.getByRole("button", { name: "Registrera informerad" }).click();
    await expect.poll(() => informed.getByText("Alla vårdnadshavare är informerade.").isVisible()).toBe(true);
    expect(await informed.getByRole("row").filter({ hasText: "Brev" }).innerText()).toContain("Karim Andersson");

    // Barnets syn in the investigation.
    const views = page.getByRole("region", { name: "Barnets syn" });
    await expect.poll(() => views.getByText(/inte dokumenterad i utredningen/).isVisible()).toBe(true);
    const view = form(page, "Dokumentera barnets syn");
    await view.getByLabel("Skede").selectOption({ label: "Utredning" });
    await view.getByRole("radio", { name: "Ja, barnet har framfört sin syn" }).check();
    await view.getByLabel("Vad barnet har framfört").fill("Vill bo kvar hemma och ha stöd i skolan.");
    await view.getByRole("button", { name: "Dokumentera barnets syn" }).click();
    await expect.poll(() => views.getByText("Vill bo kvar hemma och ha stöd i skolan.").isVisible()).toBe(true);
    await expect.poll(() => views.getByText("Barnets syn är dokumenterad i utredningen.").isVisible()).toBe(true);
    expect(await views.getByText(/Lagrum: /).innerText()).toMatch(/SoL/);
    await expectAccessible(page, "case page with guardians informed and the child's view");

    // Documented in the investigation, the child's view lets the investigation be completed.
    const complete = form(page, "Avsluta utredningen");
    await complete.getByRole("button", { name: "Avsluta utredningen" }).click();
    await expect
      .poll(() =>
        page
          .getByText(/Avslutad \d{4}-\d{2}-\d{2}/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.close();
  });
});
