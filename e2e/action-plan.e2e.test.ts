import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmToday } from "../src/domain/time";
import { actionPlanFollowUps, actionPlans, actionPlanTasks, consentDisclosures } from "../src/server/db/schema/index";
import { seedCase } from "../src/server/testing/case-fixtures";
import { seedConsent } from "../src/server/testing/samverkan-fixtures";
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

describe("the joint action plan in the browser", () => {
  it("a samordnare creates a plan under the consent, adds tasks, records a follow-up and moves it to the operativ grupp", async () => {
    // The young person's consent covers school and police (recorded earlier).
    await seedConsent(w, "own");
    // She has an open case: the plan's clocks show on the deadline overview against it.
    await seedCase(w, "own", "investigating");
    const page = await newPage(browser);
    await signIn(page, base, "samordnare");
    await page.goto(`${base}/personer/${w.own.personId}`);
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: "Gemensamma åtgärdsplaner" }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expect.poll(() => page.getByText("Inga åtgärdsplaner ännu.").isVisible()).toBe(true);

    await page.locator("summary", { hasText: "Ny åtgärdsplan" }).click();
    const create = page.getByRole("form", { name: "Ny åtgärdsplan" });
    await create.getByLabel("Rubrik").fill("SIG-plan våren");
    await create.getByLabel("Mål (ett per rad)").fill("Går i skolan varje dag\nNya fritidsaktiviteter");
    await create.getByRole("checkbox", { name: "Skola", exact: true }).check();
    await create.getByRole("checkbox", { name: "Skolsituation" }).check();
    await expectAccessible(page, "person page, new action plan form");
    await create.getByRole("button", { name: "Skapa plan" }).click();
    await expect.poll(() => page.getByRole("link", { name: "SIG-plan våren" }).isVisible()).toBe(true);
    await page.getByRole("link", { name: "SIG-plan våren" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Åtgärdsplan: SIG-plan våren" }).isVisible(), { timeout: 10_000 })
      .toBe(true);
    await expectAccessible(page, "action plan page");

    // A task for the school, then one for leisure, which the consent does not cover: refused with the reason.
    const due = addCalendarDays(stockholmToday(), 14);
    await page.locator("summary", { hasText: "Lägg till uppgift" }).click();
    let task = page.getByRole("form", { name: "Lägg till uppgift" });
    await task.getByLabel("Aktör", { exact: true }).selectOption("skola");
    await task.getByLabel("Uppgift", { exact: true }).fill("Anpassad studiegång");
    await task.getByLabel("Ansvarig (namn, annan aktör)").fill("Kim Rektor");
    await task.getByLabel("Klart senast").fill(due);
    await task.getByRole("button", { name: "Lägg till uppgift" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Anpassad studiegång", exact: true }).isVisible()).toBe(true);
    // Socialtjänsten's own task, already past its day: overdue.
    await page.locator("summary", { hasText: "Lägg till uppgift" }).click();
    task = page.getByRole("form", { name: "Lägg till uppgift" });
    await task.getByLabel("Aktör", { exact: true }).selectOption("socialtjanst");
    await task.getByLabel("Uppgift", { exact: true }).fill("Hembesök");
    await task.getByLabel("Klart senast").fill(addCalendarDays(stockholmToday(), -1));
    await task.getByRole("button", { name: "Lägg till uppgift" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Hembesök", exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("(Försenad)").isVisible()).toBe(true);
    await page.locator("summary", { hasText: "Lägg till uppgift" }).click();
    task = page.getByRole("form", { name: "Lägg till uppgift" });
    await task.getByLabel("Aktör", { exact: true }).selectOption("fritid");
    await task.getByLabel("Uppgift", { exact: true }).fill("Fotbollsträning");
    await task.getByLabel("Klart senast").fill(due);
    await task.getByRole("button", { name: "Lägg till uppgift" }).click();
    await expect
      .poll(() => page.getByText("Samtycket omfattar inte den aktören", { exact: false }).first().isVisible())
      .toBe(true);
    await expectAccessible(page, "action plan page, task refused");

    // A follow-up setting the school task in progress, and the next one in a month.
    await page.locator("summary", { hasText: "Registrera uppföljning" }).click();
    const fu = page.getByRole("form", { name: "Registrera uppföljning" });
    await fu.getByLabel("Anteckning").fill("Skolan rapporterar bättre närvaro.");
    await fu.getByLabel("Skola: Anpassad studiegång").selectOption("pagaende");
    await fu.getByLabel("Nästa uppföljning").fill(addCalendarDays(stockholmToday(), 30));
    await fu.getByRole("button", { name: "Registrera uppföljning" }).click();
    await expect.poll(() => page.getByText("Skolan rapporterar bättre närvaro.").isVisible()).toBe(true);

    // From beredningsgrupp to operativ grupp.
    const stage = page.getByRole("form", { name: "Byt skede" });
    await stage.getByLabel("Flytta till").selectOption("operativ");
    await stage.getByRole("button", { name: "Byt skede" }).click();
    await expect.poll(() => page.getByText("Skede: Operativ grupp").isVisible()).toBe(true);
    await expectAccessible(page, "action plan page with task, follow-up and stage");

    // The overdue task is a clock on the start page's deadline overview.
    await page.goto(`${base}/`);
    await expect
      .poll(
        () =>
          page
            .getByRole("cell", { name: /Åtgärdsplan: uppgift/ })
            .first()
            .isVisible(),
        { timeout: 10_000 },
      )
      .toBe(true);
    await expectAccessible(page, "deadline overview with the plan's clocks");

    const [plan] = await w.database.db.select().from(actionPlans).where(eq(actionPlans.personId, w.own.personId));
    expect(plan?.stage).toBe("operativ");
    expect(plan?.goals).toEqual(["Går i skolan varje dag", "Nya fritidsaktiviteter"]);
    const tasks = await w.database.db
      .select()
      .from(actionPlanTasks)
      .where(eq(actionPlanTasks.planId, plan?.id as string));
    expect(tasks.map((t) => `${t.agency}:${t.status}`).sort()).toEqual(["skola:pagaende", "socialtjanst:planerad"]);
    const followUps = await w.database.db
      .select()
      .from(actionPlanFollowUps)
      .where(eq(actionPlanFollowUps.planId, plan?.id as string));
    expect(followUps).toHaveLength(1);
    const shared = await w.database.db.select().from(consentDisclosures).where(eq(consentDisclosures.personId, w.own.personId));
    expect(shared.map((d) => d.agency)).toEqual(["skola"]);
    await page.close();
  });
});
