import { and, eq } from "drizzle-orm";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addCalendarDays } from "../src/domain/clocks";
import { stockholmToday } from "../src/domain/time";
import { consents, forumAgendaItems, forumMeetings } from "../src/server/db/schema/index";
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

describe("samverkan in the browser", () => {
  it("a samordnare is refused without consent, records consent, puts the young person on a SIG agenda and writes minutes", async () => {
    const page = await newPage(browser);
    await signIn(page, base, "samordnare");

    // A SIG forum and its next meeting.
    await page.getByRole("link", { name: "Samverkansforum" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Samverkansforum" }).isVisible()).toBe(true);
    await expectAccessible(page, "forum list");
    const newForum = page.getByRole("form", { name: "Nytt forum" });
    await newForum.getByLabel("Namn").fill("SIG Centrum");
    await newForum.getByLabel("Typ av forum").selectOption("sig");
    await newForum.getByRole("button", { name: "Skapa" }).click();
    await page.getByRole("link", { name: "SIG Centrum" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "SIG Centrum" }).isVisible()).toBe(true);
    await expectAccessible(page, "forum page");
    const meetingOn = addCalendarDays(stockholmToday(), 7);
    const newMeeting = page.getByRole("form", { name: "Nytt möte" });
    await newMeeting.getByLabel("Datum").fill(meetingOn);
    await newMeeting.getByLabel("Plats").fill("Stadsdelshuset");
    await newMeeting.getByRole("button", { name: "Skapa" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: `SIG Centrum, ${meetingOn}` }).isVisible()).toBe(true);
    const meetingUrl = page.url();

    // Without a consent the agenda refuses, with the reason beside the field.
    const search = page.getByRole("form", { name: "Sök person (namn)" });
    await search.getByLabel("Sök person (namn)").fill("AnderssonA");
    await search.getByRole("button", { name: "Sök" }).click();
    const add = page.getByRole("form", { name: "Lägg till på dagordningen" });
    await expect.poll(() => add.isVisible()).toBe(true);
    await add.getByRole("button", { name: "Lägg till på dagordningen" }).click();
    await expect.poll(() => add.getByText("Inget samtycke finns registrerat").isVisible()).toBe(true);
    await expectAccessible(page, "meeting page, agenda refused");

    // The consent, on the person page: the young person is 15, so she and both guardians give it.
    await page.goto(`${base}/personer/${w.own.personId}`);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Samtycken" }).isVisible()).toBe(true);
    await page.getByText("Registrera samtycke", { exact: true }).click();
    const give = page.getByRole("form", { name: "Registrera samtycke" });
    for (const giver of ["Den unge", "Vårdnadshavare 1", "Vårdnadshavare 2"])
      await give.getByRole("checkbox", { name: giver }).check();
    await give.getByRole("radio", { name: "Gemensam vårdnad" }).check();
    for (const agency of ["Skola", "Polis", "Fritid"]) await give.getByRole("checkbox", { name: agency, exact: true }).check();
    await give.getByRole("checkbox", { name: "Skolsituation" }).check();
    await give.getByRole("checkbox", { name: "SIG (sociala insatsgrupper)" }).check();
    await expectAccessible(page, "person page, consent form");
    await give.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => page.getByText("Samtycket är registrerat.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Gäller", { exact: true }).isVisible()).toBe(true);
    // The form starts afresh after saving: one form, not the filled one left behind.
    expect(await page.getByText("Registrera samtycke", { exact: true }).count()).toBe(1);
    // Information shared with the school under the consent is logged on the person.
    await page.getByText("Registrera utlämnande", { exact: true }).click();
    const share = page.getByRole("form", { name: "Registrera utlämnande" });
    await share.getByLabel("Till aktör").selectOption("skola");
    await share.getByRole("checkbox", { name: "Skolsituation" }).check();
    await share.getByLabel("Vad lämnades ut").fill("Att hon får stöd av socialtjänsten.");
    await share.getByRole("button", { name: "Spara" }).click();
    await expect.poll(() => page.getByText("Utlämnandet är registrerat.").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("cell", { name: "Att hon får stöd av socialtjänsten." }).isVisible()).toBe(true);
    await expectAccessible(page, "person page, consent and disclosure");
    const [stored] = await w.database.db.select().from(consents).where(eq(consents.personId, w.own.personId));
    expect(stored?.givenBy).toEqual(["den_unge", "vardnadshavare_1", "vardnadshavare_2"]);

    // Now the agenda takes her.
    await page.goto(meetingUrl);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: `SIG Centrum, ${meetingOn}` }).isVisible()).toBe(true);
    await search.getByLabel("Sök person (namn)").fill("AnderssonA");
    await search.getByRole("button", { name: "Sök" }).click();
    await expect.poll(() => add.isVisible()).toBe(true);
    await add.getByRole("button", { name: "Lägg till på dagordningen" }).click();
    await expect.poll(() => page.getByText("Tillagd på dagordningen.").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("link", { name: "Alva AnderssonA" }).isVisible()).toBe(true);

    // Participants from the school, and the minutes.
    await page.getByRole("button", { name: "Lägg till extern deltagare" }).click();
    await page.getByLabel("Namn 1").fill("Kim Rektor");
    await page.getByLabel("Roll 1").fill("Rektor");
    await page.getByRole("button", { name: "Spara deltagare" }).click();
    const minutes = page.getByRole("textbox", { name: "Protokoll" });
    await minutes.fill("Alva har stöd i skolan; polisen följer upp i området.");
    await page.getByRole("button", { name: "Spara protokoll" }).click();
    await expect.poll(() => page.getByText("Senast skrivet av: Test samordnare", { exact: false }).isVisible()).toBe(true);
    await expectAccessible(page, "meeting page with agenda and minutes");

    const [meeting] = await w.database.db.select().from(forumMeetings).where(eq(forumMeetings.meetingOn, meetingOn));
    expect(meeting?.minutes).toBe("Alva har stöd i skolan; polisen följer upp i området.");
    expect(meeting?.externalParticipants).toEqual([{ name: "Kim Rektor", agency: "skola", role: "Rektor" }]);
    const items = await w.database.db
      .select()
      .from(forumAgendaItems)
      .where(and(eq(forumAgendaItems.meetingId, meeting?.id as string), eq(forumAgendaItems.personId, w.own.personId)));
    expect(items).toHaveLength(1);
    await page.close();
  });
});
