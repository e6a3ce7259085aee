import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorld, PASSWORD, type World } from "../src/server/testing/world";
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

describe("enhetschef: sign in, find a person, see who has read them, sign out", () => {
  it("works end to end in Chromium, by keyboard where it matters, and passes axe on every page", async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByLabel("Användarnamn").isVisible()).toBe(true);
    await expectAccessible(page, "sign-in page");

    await signIn(page, base, "enhetschef");
    await expectAccessible(page, "start page");

    await page
      .getByRole("link", { name: /Personer/ })
      .first()
      .click();
    const search = page.getByLabel("Sök person");
    await search.fill("Alva");
    await search.press("Enter");
    const result = page.getByRole("link", { name: /Alva AnderssonA/ });
    await expect.poll(() => result.isVisible()).toBe(true);
    await expect.poll(() => page.getByText("AnderssonB").count()).toBe(0);
    await expectAccessible(page, "search results");
    // The personnummer never appears in the address bar.
    expect(page.url()).not.toMatch(/\d{8}/);

    await result.click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: /Alva AnderssonA/ }).isVisible()).toBe(true);
    expect(page.url()).toContain(w.own.personId);
    await expectAccessible(page, "person page");

    // The read just made shows up in "who has read this person".
    await page.getByRole("link", { name: /Vem har läst/ }).click();
    await expect
      .poll(() =>
        page
          .getByRole("cell", { name: "Test enhetschef" })
          .or(page.getByRole("cell", { name: "enhetschef" }))
          .count(),
      )
      .toBeGreaterThan(0);
    await expectAccessible(page, "audit page");

    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect.poll(() => page.getByLabel("Användarnamn").isVisible()).toBe(true);
    const me = await page.request.get(`${base}/api/auth/me`);
    expect(me.status()).toBe(401);
    await page.close();
  });

  it("shows the protected-identity marker and hides contact details from a case worker", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await page.goto(`${base}/personer/${w.own.protectedPersonId}`);
    await expect.poll(() => page.getByText("Skyddade personuppgifter").first().isVisible()).toBe(true);
    expect(await page.content()).not.toContain("Hemlig väg");
    await expectAccessible(page, "protected person page");
    await page.close();
  });

  it("signs in by keyboard alone", async () => {
    const page = await newPage(browser);
    await page.goto(`${base}/`);
    await expect.poll(() => page.getByLabel("Användarnamn").isVisible()).toBe(true);
    await page.getByLabel("Användarnamn").focus();
    await page.keyboard.type("kvalitet");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("button", { name: "Logga ut" }).isVisible()).toBe(true);
    await page.close();
  });
});
