import { addCalendarDays, addCalendarMonths } from "../../src/domain/clocks";
import { giverProblem } from "../../src/domain/consent/rules";
import type { ConsentGiver } from "../../src/domain/consent/vocabulary";
import { ageOn } from "../../src/domain/personnummer";
import type { Tx } from "../../src/server/db/connection";
import { consentDisclosures, consents, forumAgendaItems, forumMeetings, forums } from "../../src/server/db/schema/index";
import { insertBatched } from "./batch-insert";
import type { SynthDistrict, SynthUser } from "./organisation";
import type { PersonRow } from "./persons";
import { Random } from "./random";

/** Only the first districts get forums: enough for the demo's pages, and cheap at any scale. */
const DISTRICTS_WITH_FORUMS = 3;
const CONSENTS_PER_DISTRICT = 6;

export interface SamverkanRows {
  forums: (typeof forums.$inferInsert)[];
  meetings: (typeof forumMeetings.$inferInsert)[];
  consents: (typeof consents.$inferInsert)[];
  agendaItems: (typeof forumAgendaItems.$inferInsert)[];
  disclosures: (typeof consentDisclosures.$inferInsert)[];
}

/** The givers the rule asks for at this age (joint custody): what a careful worker records. */
function giversFor(age: number): ConsentGiver[] {
  const givenBy: ConsentGiver[] =
    age >= 18
      ? ["den_unge"]
      : age >= 15
        ? ["den_unge", "vardnadshavare_1", "vardnadshavare_2"]
        : ["vardnadshavare_1", "vardnadshavare_2"];
  if (giverProblem({ givenBy, guardianship: age >= 18 ? null : "gemensam" }, age))
    throw new Error("synthetic consent breaks the rule");
  return givenBy;
}

/**
 * An SSPF and a SIG forum in each of the first districts, a past meeting with participants and
 * minutes and an upcoming one, and consents for a few young people of the district: most in force
 * (one ending within 30 days, for the start page's reminder), one revoked. Persons with consent are
 * on the past meeting's agenda, and one disclosure to the school is recorded. Drawn from a random
 * source of its own, so the rest of the municipality is the same for a seed with or without it.
 */
export function buildSamverkan(input: {
  seed: number;
  today: string;
  districts: SynthDistrict[];
  users: SynthUser[];
  people: PersonRow[];
}): SamverkanRows {
  const rng = new Random(input.seed + 21);
  const out: SamverkanRows = { forums: [], meetings: [], consents: [], agendaItems: [], disclosures: [] };
  const { today } = input;
  for (const district of input.districts.slice(0, DISTRICTS_WITH_FORUMS)) {
    const samordnare = input.users.find((u) => u.roles.some((r) => r.unitId === district.units.forebyggande.id));
    if (!samordnare) continue;
    const by = samordnare.id;
    const sspf = {
      id: rng.uuid(),
      districtId: district.id,
      name: `SSPF ${district.name}`,
      type: "sspf",
      ageMin: 9,
      ageMax: 15,
      agencies: ["skola", "polis", "fritid"],
      cadence: "Varannan vecka",
      createdBy: by,
    };
    const sig = {
      id: rng.uuid(),
      districtId: district.id,
      name: `SIG ${district.name}`,
      type: "sig",
      ageMin: 13,
      ageMax: 20,
      agencies: ["skola", "polis", "fritid", "halsa_bup"],
      cadence: "Varje vecka",
      createdBy: by,
    };
    out.forums.push(sspf, sig);
    const meetingsOf = (forumId: string) => {
      const past = {
        id: rng.uuid(),
        forumId,
        meetingOn: addCalendarDays(today, -14),
        place: "Stadsdelshuset",
        staffParticipantIds: [by],
        externalParticipants: [
          { name: "Rektor (syntetisk)", agency: "skola", role: "Rektor" },
          { name: "Kommunpolis (syntetisk)", agency: "polis", role: "Kommunpolis" },
          { name: "Fritidsledare (syntetisk)", agency: "fritid", role: "Fritidsgård" },
        ],
        minutes: "Läget i området gicks igenom. Uppföljning av de unga på dagordningen vid nästa möte.",
        minutesBy: by,
        minutesAt: new Date(`${addCalendarDays(today, -14)}T16:00:00+01:00`),
        createdBy: by,
      };
      const next = { id: rng.uuid(), forumId, meetingOn: addCalendarDays(today, 7), place: "Stadsdelshuset", createdBy: by };
      out.meetings.push(past, next);
      return past;
    };
    const pastSspf = meetingsOf(sspf.id);
    const pastSig = meetingsOf(sig.id);
    const young = input.people.filter((p) => {
      if (p.districtId !== district.id || p.kind !== "ung" || p.protectedIdentity) return false;
      const age = ageOn(p.birthDate, today);
      return age >= 10 && age <= 19;
    });
    for (const [i, p] of young.slice(0, CONSENTS_PER_DISTRICT).entries()) {
      const validFrom = addCalendarDays(today, -rng.int(20, 200));
      // The first ends within 30 days (the reminder), the last is revoked, the rest run their year.
      const validUntil = i === 0 ? addCalendarDays(today, rng.int(5, 25)) : addCalendarMonths(validFrom, 12);
      const revoked = i === CONSENTS_PER_DISTRICT - 1;
      const age = ageOn(p.birthDate, validFrom);
      const consent = {
        id: rng.uuid(),
        personId: p.id,
        givenBy: giversFor(age),
        guardianship: age >= 18 ? null : "gemensam",
        method: rng.chance(0.7) ? "skriftligt" : "muntligt",
        agencies: ["skola", "polis", "fritid", "halsa_bup"],
        categories: ["kontaktuppgifter", "skolsituation", "familjesituation", "insatser"],
        forumIds: [],
        forumTypes: ["sspf", "sig"],
        validFrom,
        validUntil,
        recordedBy: by,
        recordedAt: new Date(`${validFrom}T10:00:00+01:00`),
        ...(revoked
          ? {
              revokedOn: addCalendarDays(today, -3),
              revokedBy: by,
              revokedAt: new Date(`${addCalendarDays(today, -3)}T12:00:00+01:00`),
              revocationNote: "Vårdnadshavaren ringde.",
            }
          : {}),
      };
      out.consents.push(consent);
      if (revoked) continue;
      const ageThen = ageOn(p.birthDate, addCalendarDays(today, -14));
      const meeting = ageThen <= 15 ? pastSspf : pastSig;
      out.agendaItems.push({ id: rng.uuid(), meetingId: meeting.id, personId: p.id, consentId: consent.id, addedBy: by });
      if (i === 1)
        out.disclosures.push({
          id: rng.uuid(),
          personId: p.id,
          consentId: consent.id,
          agency: "skola",
          categories: ["skolsituation"],
          sharedOn: addCalendarDays(today, -10),
          recipient: "Mentor",
          description: "Överenskommelse om stöd i skolan efter mötet.",
          meetingId: meeting.id,
          recordedBy: by,
        });
    }
  }
  return out;
}

export async function insertSamverkan(tx: Tx, rows: SamverkanRows): Promise<void> {
  await insertBatched(tx, forums, rows.forums);
  await insertBatched(tx, forumMeetings, rows.meetings);
  await insertBatched(tx, consents, rows.consents);
  await insertBatched(tx, forumAgendaItems, rows.agendaItems);
  await insertBatched(tx, consentDisclosures, rows.disclosures);
}
