import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCase } from "../src/server/testing/case-fixtures";
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

const REASON = "Behov av familjebehandling för att bryta skolfrånvaron.";
const form = (page: Page, name: string | RegExp) => page.getByRole("form", { name });

describe("förslag till beslut in the browser", () => {
  it("a handläggare proposes a bistånd decision, the enhetschef approves it from the start page, the decision is theirs", async () => {
    // A case whose investigation is completed: the bistånd decision is next, and it is delegated to the enhetschef.
    const { caseId } = await seedCase(w, "own", "investigated");

    const worker = await newPage(browser);
    await signIn(worker, base, "handlaggare");
    await worker.goto(`${base}/arenden/${caseId}`);
    const decision = form(worker, "Nytt beslut");
    await expect.poll(() => decision.isVisible()).toBe(true);
    await decision.getByLabel("Beslut", { exact: true }).selectOption({ label: "Bistånd" });
    await decision.getByLabel(/Insats/).fill("FFT");
    await decision.getByLabel("Motivering").fill(REASON);
    await decision.getByRole("button", { name: "Fatta beslut" }).click();
    // Refused for the delegation: the same fields go as a proposal instead.
    const propose = worker.getByRole("button", { name: "Skicka förslag till beslut" });
    await expect.poll(() => propose.isVisible()).toBe(true);
    await expectAccessible(worker, "the decision form refused for the delegation, offering a proposal");
    await propose.click();
    await expect.poll(() => worker.getByText("Väntar på beslut").isVisible()).toBe(true);
    await expect.poll(() => propose.count()).toBe(0);
    await expectAccessible(worker, "the case page with a pending proposal");

    // The enhetschef finds it on the start page, with how long it has waited and the case's clocks.
    const chef = await newPage(browser);
    await signIn(chef, base, "enhetschef");
    const queue = chef.getByRole("region", { name: "Förslag till beslut att fatta" });
    await expect.poll(() => queue.isVisible()).toBe(true);
    const item = queue.getByRole("article", { name: "Bistånd — Alva AnderssonA" });
    await expect.poll(() => item.innerText()).toContain(REASON);
    await expect.poll(() => item.innerText()).toContain("Har väntat");
    await expect.poll(() => item.innerText()).toContain("Test handlaggare");
    await expectAccessible(chef, "the start page with the proposal queue");
    await item.getByRole("button", { name: "Godkänn och fatta beslut" }).click();
    await expect.poll(() => queue.getByRole("status").innerText()).toContain("Beslutet är fattat.");
    await expect.poll(() => queue.getByRole("article").count()).toBe(0);
    await expectAccessible(chef, "the start page after approving");

    // The decision is on the case, in the enhetschef's name; the proposer sees the proposal approved.
    await chef.goto(`${base}/arenden/${caseId}`);
    const row = chef.getByRole("row").filter({ hasText: REASON });
    await expect.poll(() => row.innerText()).toContain("Test enhetschef");
    await expect.poll(() => row.innerText()).toContain("Bistånd");
    await expectAccessible(chef, "the case page with the approved decision");
    await worker.reload();
    await expect.poll(() => worker.getByText("Godkänt — beslut fattat").isVisible()).toBe(true);
    await expect.poll(() => worker.getByRole("row").filter({ hasText: REASON }).innerText()).toContain("Test enhetschef");
    await worker.close();
    await chef.close();
  });
});
