import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persons } from "../src/server/db/schema/index";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;

beforeAll(async () => {
  w = await createWorld();
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
  // A case worker in the other district registers the protected person's number: to them it is
  // answered as an unknown number would be.
  const rows = await w.database.db.select({ id: persons.id, pnr: persons.personnummer }).from(persons);
  const personnummer = rows.find((r) => r.id === w.own.protectedPersonId)?.pnr;
  const res = await w.app.inject({
    method: "POST",
    url: "/api/persons",
    headers: { cookie: await w.login("handlaggare.b") },
    payload: { personnummer, firstName: "Kim", lastName: "Okänd", gender: "okant", districtId: w.other.id },
  });
  expect(res.statusCode).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("registrations of a protected person from another district", () => {
  it("reach the enhetschef with protected-identity access from the menu, pass axe, and lead to the person", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "enhetschef");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Skyddade registreringar" }).click();
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1, name: /skyddade personuppgifter registrerade i ett annat distrikt/ }).isVisible(),
      )
      .toBe(true);
    const table = page.getByRole("table", { name: "Registreringar från andra distrikt" });
    await expect.poll(() => table.getByRole("row").count()).toBe(2);
    const row = table.getByRole("row").nth(1);
    expect(await row.getByRole("cell").nth(1).textContent()).toBe("Distrikt B");
    expect(await row.getByRole("cell").nth(2).textContent()).toBe("handlaggare.b");
    // Nothing of the registering district's own record (the name they typed) is shown.
    expect(await page.content()).not.toContain("Okänd");
    await expectAccessible(page, "protected registrations page");

    await row.getByRole("link", { name: "Elias BergA" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: /Elias BergA/ }).isVisible()).toBe(true);
    expect(page.url()).toContain(w.own.protectedPersonId);
    await page.close();
  });

  it("shows an enhetschef of the registering district nothing of it", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "enhetschef.b");
    await page.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Skyddade registreringar" }).click();
    await expect.poll(() => page.getByText("Inga registreringar från andra distrikt.").isVisible()).toBe(true);
    expect(await page.content()).not.toMatch(/Elias|Berg/);
    await expectAccessible(page, "empty protected registrations page");
    await page.close();
  });

  it("is not in the menu, nor a page, for staff without protected-identity access", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    const nav = page.getByRole("navigation", { name: "Huvudmeny" });
    await expect.poll(() => nav.getByRole("link", { name: "Personer" }).isVisible()).toBe(true);
    expect(await nav.getByRole("link", { name: "Skyddade registreringar" }).count()).toBe(0);
    await page.goto(`${base}/skyddade-registreringar`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).first().textContent()).toBe("Sidan finns inte");
    await page.close();
  });
});
