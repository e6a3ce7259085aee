import { addCalendarDays } from "../../domain/clocks";
import { stockholmToday } from "../../domain/time";
import { consents, forumMeetings, forums } from "../db/schema/index";
import type { World } from "./world";

/**
 * A SIG forum of the district (school and police sit in it) with one meeting in a week, written
 * straight to the database by the district's samordnare (the API is tested in modules/samverkan).
 */
export async function seedForum(w: World, target: "own" | "other", meetingOn = addCalendarDays(stockholmToday(), 7)) {
  const f = target === "own" ? w.own : w.other;
  const by = w.userIds[target === "own" ? "samordnare" : "samordnare.b"] as string;
  const [forum] = await w.database.db
    .insert(forums)
    .values({
      districtId: f.id,
      name: "SIG Test",
      type: "sig",
      ageMin: 13,
      ageMax: 20,
      agencies: ["skola", "polis"],
      createdBy: by,
    })
    .returning({ id: forums.id });
  if (!forum) throw new Error("seed failed");
  const [meeting] = await w.database.db
    .insert(forumMeetings)
    .values({ forumId: forum.id, meetingOn, createdBy: by })
    .returning({ id: forumMeetings.id });
  if (!meeting) throw new Error("seed failed");
  return { forumId: forum.id, meetingId: meeting.id };
}

/** A consent of the district's young person covering any SIG, school and police, from a month ago for six months. */
export async function seedConsent(w: World, target: "own" | "other", personId?: string) {
  const f = target === "own" ? w.own : w.other;
  const today = stockholmToday();
  const [row] = await w.database.db
    .insert(consents)
    .values({
      personId: personId ?? f.personId,
      givenBy: ["den_unge", "vardnadshavare_1", "vardnadshavare_2"],
      guardianship: "gemensam",
      method: "skriftligt",
      agencies: ["skola", "polis"],
      categories: ["skolsituation"],
      forumIds: [],
      forumTypes: ["sig"],
      validFrom: addCalendarDays(today, -30),
      validUntil: addCalendarDays(today, 150),
      recordedBy: w.userIds[target === "own" ? "handlaggare" : "handlaggare.b"] as string,
      recordedAt: new Date(Date.now() - 30 * 86_400_000),
    })
    .returning({ id: consents.id });
  if (!row) throw new Error("seed failed");
  return row.id;
}
