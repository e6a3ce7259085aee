import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCase } from "../src/server/testing/case-fixtures";
import { seedInsats } from "../src/server/testing/insats-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

/**
 * Issue 18 point 9 in the browser: Triple P (2–12) for a 15-year-old asks for the reason and saves it;
 * "Målen uppnådda" with 1 of 2 goals reached asks for a confirmation and a note; the enhetschef adds
 * a medhandläggare on the case page.
 */
let w: World;
let browser: Browser;
let base: string;
let caseId: string;
let contradictedId: string;
const today = () => new Date().toISOString().slice(0, 10);

async function api(username: string, method: "POST", url: string, payload: object) {
  const res = await w.app.inject({ method, url, payload, headers: { cookie: await w.login(username) } });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  w = await createWorld();
  // A started FFT with a signed plan of two goals, followed up as one reached and one not.
  const s = await seedInsats(w, "own", "started");
  contradictedId = s.insatsId;
  const plan = await api("insatsutforare", "POST", `/api/insatser/${s.insatsId}/plans`, {
    goals: [
      { id: "g1", text: "Går i skolan", measure: "Skolans närvarolista", followUpOn: today() },
      { id: "g2", text: "Inga nya brott", measure: "Polisens underrättelser", followUpOn: today() },
    ],
  });
  await api("insatsutforare", "POST", `/api/plans/${plan.id}/sign`, {});
  await api("insatsutforare", "POST", `/api/insatser/${s.insatsId}/follow-ups`, {
    doneOn: today(),
    results: [
      { goalId: "g1", attainment: "uppnatt" },
      { goalId: "g2", attainment: "ej_uppnatt" },
    ],
    nextStep: "Avslut",
  });
  // The case the browser gives Triple P on (the world's young people are 15).
  caseId = (await seedCase(w, "own", "investigated")).caseId;
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("insats guards in the browser", () => {
  it("asks for the reason when Triple P is given to a 15-year-old, and shows it on the insats", async () => {
    const worker = await newPage(browser);
    await signIn(worker, base, "handlaggare");
    await worker.goto(`${base}/arenden/${caseId}`);
    const give = worker.getByRole("form", { name: "Ge uppdrag" });
    await expect.poll(() => give.isVisible()).toBe(true);
    const entry = give.getByLabel("Insats", { exact: true });
    await expect
      .poll(async () => (await entry.locator("option").allInnerTexts()).some((o) => o.startsWith("Triple P")))
      .toBe(true);
    await entry.selectOption({ label: (await entry.locator("option", { hasText: "Triple P" }).innerText()).trim() });
    await expect.poll(() => give.getByText("Målgruppens ålder: 2–12 år").isVisible()).toBe(true);
    const warning = give.getByRole("alert").filter({ hasText: "den unge är 15 år vid starten" });
    await expect.poll(() => warning.isVisible()).toBe(true);
    await give.getByLabel("Utförare").selectOption({ label: "Öppenvård A" });
    const reason = "Föräldrarna behöver stöd i gränssättning; inget tonårsprogram finns i närheten";
    await give.getByLabel("Skäl till insats utanför målgruppens ålder").fill(reason);
    await expectAccessible(worker, "give form with the age warning");
    await give.getByRole("button", { name: "Ge uppdrag" }).click();
    const row = worker.getByRole("row").filter({ hasText: "Triple P" });
    await expect.poll(() => row.isVisible()).toBe(true);

    await row.getByRole("link", { name: /Triple P/ }).click();
    await expect.poll(() => worker.getByRole("heading", { level: 1 }).innerText()).toMatch(/Triple P/);
    await expect.poll(() => worker.getByText(reason, { exact: true }).isVisible()).toBe(true);
    // The start form warns too, but does not ask again: the reason given with the uppdrag stands.
    const start = worker.getByRole("form", { name: "Registrera start" });
    await expect.poll(() => start.getByRole("alert").innerText()).toContain("Skälet angavs när uppdraget gavs");
    expect(await start.getByLabel("Skäl till insats utanför målgruppens ålder").count()).toBe(0);
    await expectAccessible(worker, "insats page with the age reason");
    await worker.close();
  });

  it('asks for a confirmation and a note when "Målen uppnådda" contradicts 1 of 2 goals reached, and shows the note', async () => {
    const worker = await newPage(browser);
    await signIn(worker, base, "handlaggare");
    await worker.goto(`${base}/insatser/${contradictedId}`);
    const end = worker.getByRole("form", { name: "Avsluta insats" });
    await expect.poll(() => end.isVisible()).toBe(true);
    await end.getByLabel("Avslutad").fill(today());
    await end.getByLabel("Orsak till avslut").selectOption({ label: "Målen uppnådda" });
    await end.getByLabel("Resultat").fill("Skolnärvaron är tillbaka");
    const warning = end.getByRole("alert").filter({ hasText: "1 av 2 mål uppnådda" });
    await expect.poll(() => warning.isVisible()).toBe(true);
    await end.getByLabel("Jag bekräftar ”Målen uppnådda” trots uppföljningarna").check();
    const note = "Inga nya anmälningar på tre månader: målet om brott bedöms uppnått";
    await end.getByLabel("Anteckning: varför målen ändå anses uppnådda").fill(note);
    await expectAccessible(worker, "end form with the goals contradiction");
    await end.getByRole("button", { name: "Avsluta insats" }).click();
    await expect.poll(() => worker.getByText(note).isVisible()).toBe(true);
    await expect.poll(() => worker.getByText("Bekräftat trots uppföljningarna").isVisible()).toBe(true);
    await expectAccessible(worker, "ended insats with the confirmed note");
    await worker.close();
  });

  it("lets the enhetschef add a medhandläggare on the case page, and remove them", async () => {
    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    await chef.goto(`${base}/arenden/${caseId}`);
    const add = chef.getByRole("form", { name: "Lägg till medhandläggare" });
    await expect.poll(() => add.isVisible()).toBe(true);
    const select = add.getByLabel("Lägg till medhandläggare");
    await expect
      .poll(async () => (await select.locator("option").allInnerTexts()).some((o) => o.startsWith("Test handlaggare")))
      .toBe(true);
    await select.selectOption({ label: (await select.locator("option", { hasText: "Test handlaggare" }).innerText()).trim() });
    await add.getByRole("button", { name: "Lägg till medhandläggare" }).click();
    const remove = chef.getByRole("button", { name: "Ta bort Test handlaggare som medhandläggare" });
    await expect.poll(() => remove.isVisible()).toBe(true);
    await expectAccessible(chef, "case page with a medhandläggare");
    await remove.click();
    await expect.poll(() => remove.isVisible()).toBe(false);
    await chef.close();
  });
});
