import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emergencyAccessGrants, persons } from "../src/server/db/schema/index";
import { seedCase } from "../src/server/testing/case-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
let personnummer: string;

beforeAll(async () => {
  w = await createWorld();
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  // Alva AnderssonB of district B has an open investigation; the handläggare works in district A.
  await seedCase(w, "other", "investigating");
  const [p] = await w.database.db.select({ pnr: persons.personnummer }).from(persons).where(eq(persons.id, w.other.personId));
  personnummer = `${p?.pnr.slice(0, 8)}-${p?.pnr.slice(8)}`;
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const REASON = "Polisen ringde i natt: Alva omhändertagen, jouren behöver se pågående utredning";

describe("nödåtkomst", () => {
  it("lets a handläggare of another district read the person for a stated reason, with a banner while it lasts", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    // Out of scope: the person page is a 404 as before.
    await page.goto(`${base}/personer/${w.other.personId}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent()).toBe("Sidan finns inte");

    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Personer", exact: true }).click();
    await page.getByRole("main").getByRole("link", { name: "Nödåtkomst" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Nödåtkomst" }).isVisible()).toBe(true);
    expect(await page.getByText(/Allt du läser loggas med det skäl du anger/).isVisible()).toBe(true);
    await expectAccessible(page, "emergency access page");

    const form = page.getByRole("region", { name: "Begär nödåtkomst" });
    await form.getByLabel("Personnummer (hela, ÅÅÅÅMMDD-NNNN)").fill(personnummer);
    await form.getByLabel("Slag av akut behov").selectOption({ label: "Jourärende" });
    // A reason too short to judge is refused, and nothing is granted.
    await form.getByLabel("Skäl").fill("akut");
    await form.getByLabel("Jag förstår att åtkomsten loggas och granskas i efterhand").check();
    await form.getByRole("button", { name: "Begär nödåtkomst" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toMatch(/minst 20 tecken/);
    expect(await w.database.db.$count(emergencyAccessGrants)).toBe(0);
    await expectAccessible(page, "emergency access form with an error");

    await form.getByLabel("Skäl").fill(REASON);
    await form.getByRole("button", { name: "Begär nödåtkomst" }).click();
    const open = form.getByRole("link", { name: "Öppna Alva AnderssonB" });
    await expect.poll(() => open.isVisible()).toBe(true);
    await expect
      .poll(() =>
        page.getByRole("region", { name: "Din pågående nödåtkomst" }).getByRole("link", { name: "Alva AnderssonB" }).count(),
      )
      .toBe(1);
    await expectAccessible(page, "emergency access granted");

    await open.click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Alva AnderssonB" }).isVisible()).toBe(true);
    const banner = page.getByRole("note", { name: "Nödåtkomst" });
    await expect.poll(() => banner.textContent()).toMatch(/min kvar/);
    expect(await banner.textContent()).toMatch(/Bara läsning/);
    // Read only: no new report is offered under emergency access; the person's cases are listed.
    await expect.poll(() => page.getByRole("region", { name: "Ärenden" }).getByRole("row").count()).toBeGreaterThan(1);
    expect(await page.getByRole("heading", { name: "Registrera anmälan" }).count()).toBe(0);
    await expectAccessible(page, "person page under emergency access");

    await banner.getByRole("button", { name: "Avsluta nödåtkomst" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Nödåtkomst" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Du har ingen pågående nödåtkomst.").isVisible()).toBe(true);
    await page.goto(`${base}/personer/${w.other.personId}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent()).toBe("Sidan finns inte");
    await page.close();
  });

  it("goes onto kvalitet's review list with who, whom, the reason and what was read, and is reviewed there", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "kvalitet");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Granska nödåtkomst" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Granskning av nödåtkomst" }).isVisible()).toBe(true);
    const grant = page.getByRole("article", { name: /Test handlaggare →/ });
    await expect.poll(() => grant.isVisible()).toBe(true);
    // kvalitet of district A may not see district B's person: the id, never the name.
    expect(await grant.textContent()).toContain(w.other.personId);
    expect(await grant.textContent()).not.toContain("AnderssonB");
    expect(await grant.textContent()).toContain(REASON);
    expect(await grant.textContent()).toContain("Jourärende");
    expect(await grant.getByRole("table").textContent()).toContain("Personuppgifter (person.read)");
    await expectAccessible(page, "emergency access review list");

    await grant.getByRole("radio", { name: "Ifrågasatt" }).check();
    await grant.getByLabel("Anteckning").fill("Rimligt jourärende men skälet borde nämna vem som ringde");
    await grant.getByRole("button", { name: "Spara granskning" }).click();
    await expect.poll(() => grant.textContent()).toMatch(/Ifrågasatt — Granskad av Test kvalitet/);
    await expectAccessible(page, "emergency access reviewed");

    const [row] = await w.database.db.select().from(emergencyAccessGrants);
    expect(row?.reviewVerdict).toBe("ifragasatt");
    expect(row?.reviewedBy).toBe(w.userIds.kvalitet);
    await page.close();
  });
});
