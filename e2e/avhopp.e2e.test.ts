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
  // The district's young person, born 2011-01-01: 15 or older, so within avhopparverksamhetens 15–25.
  ({ caseId } = await seedCase(w, "own", "reported"));
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const form = (page: Page, name: string) => page.getByRole("form", { name });
const stepRows = (page: Page) => page.getByRole("table", { name: "Steg" }).getByRole("row").count();

async function step(page: Page, kind: string, fill: (f: ReturnType<typeof form>) => Promise<void>) {
  const f = form(page, "Nästa steg");
  await f.getByLabel("Steg", { exact: true }).selectOption({ label: kind });
  await fill(f);
  const before = await stepRows(page).catch(() => 0);
  await f.getByRole("button", { name: "Registrera steg" }).click();
  await expect.poll(() => stepRows(page).catch(() => 0)).toBeGreaterThan(Math.max(before, 1));
}

describe("avhopparverksamhet", () => {
  it("a handläggare starts a process for a young person in häkte and works it through agreement, insats and follow-up", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "handlaggare");
    await page.goto(`${base}/arenden/${caseId}`);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Avhopparverksamhet" }).isVisible()).toBe(true);
    const open = form(page, "Starta avhoppsprocess");
    await open.getByLabel("Kontaktväg").selectOption({ label: "Kriminalvården" });
    await open.getByLabel("Vistelse").selectOption({ label: "Häkte" });
    await open.getByLabel("Förfrågan", { exact: true }).fill("Vill lämna nätverket och behöver skydd.");
    await open.getByRole("button", { name: "Starta avhoppsprocess" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Avhoppsprocess 1: Förfrågan" }).isVisible()).toBe(true);
    await expect.poll(() => page.locator("dd").filter({ hasText: "Häkte" }).count()).toBeGreaterThan(0);
    await expectAccessible(page, "case page with a new avhopp process");

    await step(page, "Kartläggning och hot- och riskbedömning", async (f) => {
      await f.getByLabel("Hot- och riskbedömning").selectOption({ label: "Hög" });
      await f.getByLabel("Sammanfattning").fill("Hotad av tidigare nätverk.");
    });
    // A minor's agreement without the guardians is refused with its reason; then given with it.
    const agreement = form(page, "Nästa steg");
    await agreement.getByLabel("Steg", { exact: true }).selectOption({ label: "Överenskommelse" });
    await agreement.getByLabel("Mål i överenskommelsen").fill("Lämna nätverket, skola.");
    await agreement.getByRole("button", { name: "Registrera steg" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /vårdnadshavarna/ })
          .isVisible(),
      )
      .toBe(true);
    await step(page, "Överenskommelse", async (f) => {
      await f.getByLabel("Mål i överenskommelsen").fill("Lämna nätverket, skola.");
      await f.getByLabel("Vårdnadshavarna har godkänt").check();
    });
    await step(page, "Insats", async (f) => {
      await f.getByLabel("Insats", { exact: true }).selectOption({ label: "Skyddat boende" });
      await f.getByLabel("Beskrivning").fill("Boende på annan ort.");
    });
    const plan = form(page, "Planera uppföljning");
    await plan.getByLabel("Planerad dag").fill(addCalendarDays(stockholmToday(), 30));
    await plan.getByLabel("Syfte").fill("Första uppföljningen");
    await plan.getByRole("button", { name: "Planera uppföljning" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Planerade uppföljningar" }).isVisible()).toBe(true);
    await expectAccessible(page, "case page with an avhopp process with insats and follow-up");
    await page.close();
  });

  it("a samordnare sees the process in the district's list, filtered by custody", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "samordnare");
    await page.getByRole("navigation").getByRole("link", { name: "Avhopparverksamhet" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Avhopparverksamhet i distriktet" }).isVisible())
      .toBe(true);
    await page.getByLabel("Vistelse").selectOption({ label: "Häkte" });
    await expect
      .poll(() => page.getByRole("table", { name: "Avhopparverksamhet i distriktet" }).getByRole("row").count())
      .toBe(2);
    await expectAccessible(page, "the district's avhopp list");
    await page.close();
  });
});
