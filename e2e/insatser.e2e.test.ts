import { eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays, addCalendarMonths } from "../src/domain/clocks";
import { quarterOf, quarterRange } from "../src/domain/interventions/rules";
import { decisions, insatser } from "../src/server/db/schema/index";
import { seedCase } from "../src/server/testing/case-fixtures";
import { seedInsats } from "../src/server/testing/insats-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
let caseId: string;
const today = () => new Date().toISOString().slice(0, 10);
/** The last finished quarter: the IVO page's default. */
const lastQuarter = quarterOf(addCalendarMonths(today(), -3));
let lateInsatsId: string;

beforeAll(async () => {
  w = await createWorld();
  // Four running insatser already: the one started in the browser makes five, the first count the
  // samlad bild may show (1–4 are hidden).
  for (let n = 0; n < 4; n++) await seedInsats(w, "own", "started");
  // A bistånd decision due for execution inside the last finished quarter, never started.
  const late = await seedInsats(w, "own", "decided");
  lateInsatsId = late.insatsId;
  const due = quarterRange(lastQuarter.year, lastQuarter.quarter).from;
  await w.database.db
    .update(insatser)
    .set({ decidedOn: addCalendarMonths(due, -3) })
    .where(eq(insatser.id, late.insatsId));
  // The case the browser works in is seeded last: each fixture closes the person's earlier case,
  // and a closed case takes no new uppdrag.
  caseId = (await seedCase(w, "own", "investigated")).caseId;
  // The bistånd decision the insats carries out, taken 10 days ago by the enhetschef.
  await w.database.db.insert(decisions).values({
    caseId,
    type: "bistand",
    decidedAt: new Date(Date.now() - 10 * 86_400_000),
    decidedBy: w.userIds.enhetschef as string,
    decidedAsRole: "enhetschef",
    reason: "Behov av stöd i familjen",
  });
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("an insats in the browser", () => {
  it("goes from decision to uppdrag, signed plan, start, follow-up and end", async () => {
    const worker = await newPage(browser);
    await signIn(worker, base, "handlaggare");
    await worker.goto(`${base}/arenden/${caseId}`);
    const give = worker.getByRole("form", { name: "Ge uppdrag" });
    await expect.poll(() => give.isVisible()).toBe(true);
    const entry = give.getByLabel("Insats", { exact: true });
    await expect
      .poll(async () => (await entry.locator("option").allInnerTexts()).some((o) => o.startsWith("Multisystemisk")))
      .toBe(true);
    await entry.selectOption({ label: (await entry.locator("option", { hasText: "Multisystemisk" }).innerText()).trim() });
    const decision = give.getByLabel("Biståndsbeslut");
    await decision.selectOption({ index: 1 });
    await give.getByLabel("Utförare").selectOption({ label: "Öppenvård A" });
    await give.getByRole("button", { name: "Ge uppdrag" }).click();
    const row = worker.getByRole("row").filter({ hasText: "Multisystemisk" });
    await expect.poll(() => row.isVisible()).toBe(true);
    await expectAccessible(worker, "case page with an uppdrag");

    // The insatsutförare finds it in the worklist, writes and signs the plan, records the start.
    const provider = await newPage(browser);
    await signIn(provider, base, "insatsutforare");
    await provider.getByRole("link", { name: "Uppdrag" }).click();
    await provider.getByRole("link", { name: /Multisystemisk/ }).click();
    await expect.poll(() => provider.getByRole("heading", { level: 1 }).innerText()).toMatch(/Multisystemisk/);
    await expectAccessible(provider, "insats page");

    const start = provider.getByRole("form", { name: "Registrera start" });
    const startedOn = addCalendarDays(today(), -7);
    await start.getByLabel("Startad").fill(startedOn);
    await start.getByRole("button", { name: "Registrera start" }).click();
    await expect.poll(() => provider.getByText(startedOn).first().isVisible()).toBe(true);

    await provider.getByRole("button", { name: "Skapa genomförandeplan" }).click();
    const followUpOn = today();
    await provider.getByLabel("Målet").first().fill("Går i skolan minst fyra dagar i veckan");
    await provider.getByLabel("Hur mäts målet").first().fill("Skolans närvarolista");
    await provider.getByLabel("Följs upp").first().fill(followUpOn);
    await provider.getByLabel("Den unges synpunkter").fill("Vill klara nian");
    await provider.getByRole("button", { name: "Signera" }).click();
    await expect
      .poll(() =>
        provider
          .getByText(/Gällande plan/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    const followUp = provider.getByRole("form", { name: /Registrera uppföljning|Uppföljning/ });
    await followUp.getByLabel("Planerad uppföljning").selectOption({ index: 1 });
    await followUp.getByLabel("Genomförd den").fill(today());
    await followUp.getByRole("radio", { name: "Uppnått", exact: true }).check();
    await followUp.getByLabel("Nästa steg").fill("Avsluta insatsen");
    await followUp.getByRole("button", { name: "Registrera uppföljning" }).click();
    await expect.poll(() => provider.getByText("Avsluta insatsen").first().isVisible()).toBe(true);
    await expectAccessible(provider, "insats page after the follow-up");

    // The handläggare ends it; the case page shows it ended.
    await worker.goto(`${base}/arenden/${caseId}`);
    await worker.getByRole("link", { name: /Multisystemisk/ }).click();
    const end = worker.getByRole("form", { name: "Avsluta insats" });
    await end.getByLabel("Avslutad").fill(today());
    await end.getByLabel("Orsak till avslut").selectOption({ index: 1 });
    await end.getByLabel("Resultat").fill("Skolnärvaron är tillbaka");
    await end.getByRole("button", { name: "Avsluta insats" }).click();
    await expect.poll(() => worker.getByText("Skolnärvaron är tillbaka").first().isVisible()).toBe(true);

    // The samlad bild counts the five started insatser as the disclosure module publishes a count:
    // within ±2 of the truth and never below 5, or hidden ("–", röjandeskydd) where a margin would
    // otherwise give a small cell away. Which of the two depends on the record keys, drawn per database.
    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    await chef.goto(`${base}/statistik/insatser`);
    const started = chef.locator(".figure").filter({ hasText: "Påbörjade" }).locator("dd");
    await expect.poll(() => started.innerText()).toMatch(/^([5-7]\b|–\s*dolt \(röjandeskydd\))/);
    await expectAccessible(chef, "samlad bild");

    // The decision never carried out: its reason is recorded, and the IVO list for the quarter names it.
    await worker.goto(`${base}/insatser/${lateInsatsId}`);
    const reason = worker.getByRole("form", { name: "Ej verkställt" });
    await reason.getByLabel("Skäl till att insatsen inte verkställts").selectOption({ index: 1 });
    await reason.getByRole("button").click();
    await expect
      .poll(() =>
        worker
          .getByText(/Väntelista|Resursbrist|tackar nej|Annat|Övrigt/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await chef.goto(`${base}/statistik/ivo`);
    const rows = chef.getByRole("table").getByRole("row").filter({ hasText: "Alva AnderssonA" });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect
      .poll(() => rows.first().innerText())
      .toContain(addCalendarMonths(quarterRange(lastQuarter.year, lastQuarter.quarter).from, -3));
    await expectAccessible(chef, "IVO list");
    for (const p of [worker, provider, chef]) await p.close();
  });
});
