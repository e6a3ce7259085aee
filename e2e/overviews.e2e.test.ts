import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCase } from "../src/server/testing/case-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  w = await createWorld();
  await seedCase(w, "own", "investigating");
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("enhetschef's overviews", () => {
  it("assigns an unassigned case from the caseload page, sees it in the case list with its clock, and reads handling times", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "enhetschef");

    await page.getByRole("link", { name: "Ärendefördelning" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Ärendefördelning" }).isVisible()).toBe(true);
    await expectAccessible(page, "caseload page");
    // The seeded case has nobody yet: give it to the handläggare, by keyboard.
    const select = page.getByRole("form", { name: /Alva AnderssonA/ }).getByLabel(/Handläggare \(Alva AnderssonA\)/);
    await expect
      .poll(async () => (await select.locator("option").allInnerTexts()).some((o) => o.startsWith("Test handlaggare —")))
      .toBe(true);
    const value = await select.locator("option", { hasText: /^Test handlaggare —/ }).getAttribute("value");
    await select.selectOption(value as string);
    await select.press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() =>
        page
          .getByText(/Alva AnderssonA/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await expect
      .poll(async () => (await page.getByRole("row").filter({ hasText: "Test handlaggare" }).first().innerText()).trim())
      .toMatch(/\b1$/);

    await page.goto(`${base}/arenden`);
    const row = page.getByRole("row").filter({ hasText: "Alva AnderssonA" }).first();
    await expect.poll(async () => (await row.innerText()).includes("Test handlaggare")).toBe(true);
    await expect.poll(async () => (await row.innerText()).includes("Utredning (4 månader)")).toBe(true);
    await expectAccessible(page, "case list");

    await page.getByRole("link", { name: "Handläggningstider" }).click();
    await expect.poll(() => page.getByRole("table").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("rowheader", { name: "Skyddsbedömning inom 24 timmar" }).isVisible()).toBe(true);
    await expectAccessible(page, "handling-time report");
    await page.close();
  });
});
