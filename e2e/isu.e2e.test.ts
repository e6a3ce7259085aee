import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { insatser } from "../src/server/db/schema/index";
import { seedInsats } from "../src/server/testing/insats-fixtures";
import { addMeasurement, addSurvey, endedInsats, youngPersonWithCase } from "../src/server/testing/isu-fixtures";
import { createWorld, type World } from "../src/server/testing/world";
import { expectAccessible, launchBrowser, newPage, signIn } from "./browser";

let w: World;
let browser: Browser;
let base: string;
let insatsId: string;
const today = () => new Date().toISOString().slice(0, 10);
const PHONE = { width: 390, height: 844 };

beforeAll(async () => {
  w = await createWorld();
  // Nine FFT insatser that ended ten days ago, rated at start and end by the young person and with
  // survey answers: with the one answered in the browser, ten pairs — enough for the disclosure
  // control to show counts and means (MIN_STATISTIC_N).
  const ended = addCalendarDays(today(), -10);
  for (const [i, [before, after]] of [
    [3, 7],
    [4, 8],
    [2, 5],
    [5, 6],
    [4, 4],
    [6, 8],
    [3, 6],
    [5, 5],
    [2, 6],
  ].entries()) {
    const p = await youngPersonWithCase(w, "own", { gender: i % 2 ? "flicka" : "pojke", birthDate: "2011-03-0" + (i + 1) });
    const id = await endedInsats(w, "own", { ...p, startedOn: addCalendarDays(ended, -120), endedOn: ended });
    await addMeasurement(w, {
      insatsId: id,
      scaleKey: "skola",
      point: "start",
      respondent: "ungdom",
      value: before as number,
      measuredOn: addCalendarDays(ended, -120),
    });
    await addMeasurement(w, {
      insatsId: id,
      scaleKey: "skola",
      point: "end",
      respondent: "ungdom",
      value: after as number,
      measuredOn: ended,
    });
    await addSurvey(w, { insatsId: id, answers: { hjalp: 4, lyssnad: 5, battre: 4, rekommendera: 4 } });
  }
  insatsId = (await seedInsats(w, "own", "started")).insatsId;
  base = await w.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

/** The provider makes a self-report link on the insats page and reads it from the page. */
async function makeLink(provider: Page, point: string): Promise<string> {
  await provider.goto(`${base}/insatser/${insatsId}`);
  const form = provider.getByRole("form", { name: "Skapa länk för självskattning" });
  await expect.poll(() => form.isVisible()).toBe(true);
  await form.getByLabel("Mättillfälle").selectOption(point);
  await form.getByRole("button", { name: "Skapa länk" }).click();
  const link = provider.getByRole("textbox", { name: "Länk för självskattning" });
  await expect.poll(() => link.isVisible()).toBe(true);
  const url = await link.inputValue();
  expect(url).toMatch(/\/svar#[A-Za-z0-9_-]{43}$/);
  return url;
}

/** The young person answers every rating on a phone, by touch-sized radio buttons. */
async function answerOnPhone(url: string, ratings: Record<string, string>, survey?: string): Promise<Page> {
  const phone = await newPage(browser, PHONE);
  await phone.goto(url);
  const send = phone.getByRole("button", { name: "Skicka" });
  await expect.poll(() => send.isVisible()).toBe(true);
  // The token leaves the address bar at once.
  expect(phone.url()).toBe(`${base}/svar`);
  // Nothing about the person is on the page.
  expect(await phone.locator("body").innerText()).not.toMatch(/Testsson|Multisystemisk|Funktionell/);
  await expectAccessible(phone, "self-report form on a phone");
  for (const [question, value] of Object.entries(ratings)) {
    await phone.getByRole("group", { name: question }).getByRole("radio", { name: value, exact: true }).check();
  }
  if (survey) {
    for (const group of await phone.getByRole("group", { name: /hjälp|lyssnad|bättre|rekommendera/ }).all()) {
      await group.getByRole("radio", { name: survey, exact: true }).check();
    }
  }
  await send.click();
  await expect.poll(() => phone.getByRole("heading", { name: "Tack för dina svar!" }).isVisible()).toBe(true);
  return phone;
}

describe("ISU in the browser", () => {
  it("a young person answers on a phone, the unit sees the change, and the nämnd report counts it", async () => {
    const provider = await newPage(browser);
    await signIn(provider, base, "insatsutforare");

    // The provider records their own start rating of school by keyboard.
    await provider.goto(`${base}/insatser/${insatsId}`);
    const record = provider.getByRole("form", { name: "Registrera skattning" });
    await expect.poll(() => record.isVisible()).toBe(true);
    await record.getByLabel("Skala").selectOption({ label: "Skola" });
    await record.getByLabel("Värde").focus();
    await provider.keyboard.type("11");
    await provider.keyboard.press("Enter");
    await expect
      .poll(() =>
        record
          .getByText(/Utanför skalan|1–10/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await record.getByLabel("Värde").fill("4");
    await provider.keyboard.press("Enter");
    await expect.poll(() => provider.getByText("Skattningen är sparad.").isVisible()).toBe(true);
    await expectAccessible(provider, "insats page with its ISU section");

    // Start: the young person rates school 3 through a one-time link.
    const startUrl = await makeLink(provider, "start");
    const first = await answerOnPhone(startUrl, { "Hur går det i skolan?": "3" });
    // The link is spent: opening it again says so and shows no form. (From a blank page: a change of
    // the fragment alone would not load the page again.)
    await first.goto("about:blank");
    await first.goto(startUrl);
    await expect.poll(() => first.getByText("Länken har redan använts eller har gått ut.").isVisible()).toBe(true);
    expect(await first.getByRole("button", { name: "Skicka" }).count()).toBe(0);
    // A tampered link reveals nothing.
    await first.goto("about:blank");
    await first.goto(`${startUrl.slice(0, -2)}xx`);
    await expect.poll(() => first.getByText(/Länken fungerar inte/).isVisible()).toBe(true);

    // The insats ends; at the end the young person rates school 8 and answers the survey.
    await w.database.db
      .update(insatser)
      .set({ endedOn: today(), endReason: "mal_uppnatt", endOutcome: "Målen nådda" })
      .where(eq(insatser.id, insatsId));
    const endUrl = await makeLink(provider, "end");
    await answerOnPhone(endUrl, { "Hur går det i skolan?": "8" }, "5");

    // The unit sees the change on the insats page: 3 → 8 is a reliable improvement.
    await provider.goto(`${base}/insatser/${insatsId}`);
    const changes = provider.getByRole("table", { name: "Före och efter" });
    await expect.poll(() => changes.isVisible()).toBe(true);
    const row = changes.getByRole("row").filter({ hasText: "Den unga" }).filter({ hasText: "Skola" });
    await expect.poll(() => row.innerText()).toMatch(/\+5[\s\S]*Förbättrad/);
    await expect.poll(() => provider.getByText(/Nöjdhet i genomsnitt/).isVisible()).toBe(true);

    // The enhetschef's per-person drill-down lists the young person with the change.
    const chief = await newPage(browser);
    await signIn(chief, base, "enhetschef");
    await chief.goto(`${base}/statistik/effekter`);
    await chief.getByRole("button", { name: "Visa per ungdom" }).click();
    await expect
      .poll(
        async () =>
          (await chief
            .getByRole("row")
            .filter({ hasText: /Skola \(Den unga\): 3\D+8 \(Förbättrad\)/ })
            .count()) > 0,
      )
      .toBe(true);
    await expectAccessible(chief, "effect report with the per-person drill-down");

    // The nämnd report (this calendar year, a period an aggregate-only role may ask for): ten pairs
    // on school rated by the young person. The page shows what the disclosure control published:
    // a perturbed count and means (before 3,4,2,5,4,6,3,5,2,3 = 37 → 3,7; after 7,8,5,6,4,8,6,5,6,8
    // = 63 → 6,3, each moved by at most 9 / 20), the two effect sizes, and the note saying so.
    const analyst = await newPage(browser);
    await signIn(analyst, base, "analytiker");
    await analyst.goto(`${base}/statistik/effekter`);
    const scales = analyst.getByRole("table", { name: /skala och skattare/i });
    await expect.poll(() => scales.isVisible()).toBe(true);
    const from = `${today().slice(0, 4)}-01-01`;
    const to = `${today().slice(0, 4)}-12-31`;
    const published = await analyst.request.get(`${base}/api/reports/effects?from=${from}&to=${to}`);
    expect(published.status()).toBe(200);
    const report = await published.json();
    const skola = report.total.all.scales.find(
      (s: { scaleName: string; respondent: string }) => s.scaleName === "Skola" && s.respondent === "ungdom",
    );
    expect(Math.abs(skola.meanBefore - 3.7)).toBeLessThanOrEqual(0.455);
    expect(Math.abs(skola.meanAfter - 6.3)).toBeLessThanOrEqual(0.455);
    const comma = (v: number) => new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
    const school = scales.getByRole("row").filter({ hasText: "Skola" }).filter({ hasText: "Den unga" });
    await expect.poll(() => school.innerText()).toContain(comma(skola.meanBefore));
    expect(await school.innerText()).toContain(comma(skola.meanAfter));
    expect(await school.innerText()).toContain(String(skola.n));
    // g_av carries Cohen's word; g_z does not.
    expect(await school.innerText()).toMatch(/\((försumbar|liten|medelstor|stor)\)/);
    await expect.poll(() => analyst.getByText(/Röjandeskydd \(cellnyckelmetoden\)/).isVisible()).toBe(true);
    await expectAccessible(analyst, "effect report");
    const pdf = await analyst.request.get(`${base}/api/reports/effects/export?from=${from}&to=${to}&format=pdf`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
  });
});
