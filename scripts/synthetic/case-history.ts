import { CONCERNS, isReReferral, REPORTER_CATEGORIES } from "../../src/domain/case-flow";
import { addCalendarDays, addCalendarMonths, utredningDeadline } from "../../src/domain/clocks";
import { startOfStockholmDay, stockholmDate } from "../../src/domain/time";
import type {
  cases,
  decisions,
  investigations,
  journalEntries,
  preAssessments,
  protectionAssessments,
  reports,
} from "../../src/server/db/schema/index";
import type { SynthDistrict, SynthUser } from "./organisation";
import type { PersonRow } from "./persons";
import type { Random } from "./random";

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];
export interface CaseRows {
  cases: Row<typeof cases>[];
  reports: Row<typeof reports>[];
  protectionAssessments: Row<typeof protectionAssessments>[];
  preAssessments: Row<typeof preAssessments>[];
  investigations: Row<typeof investigations>[];
  decisions: Row<typeof decisions>[];
  journalEntries: Row<typeof journalEntries>[];
}
export const emptyCaseRows = (): CaseRows => ({
  cases: [],
  reports: [],
  protectionAssessments: [],
  preAssessments: [],
  investigations: [],
  decisions: [],
  journalEntries: [],
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Who reports, roughly as Swedish statistics show: police and school first. */
const REPORTER_WEIGHTS: Record<(typeof REPORTER_CATEGORIES)[number], number> = {
  polis: 30,
  skola: 22,
  forskola: 3,
  halso_sjukvard: 7,
  bup: 4,
  socialtjanst: 8,
  fritid_civilsamhalle: 3,
  familj_anhorig: 9,
  den_unge: 3,
  anonym: 6,
  annan: 5,
};
const REPORTER_ORGS: Partial<Record<(typeof REPORTER_CATEGORIES)[number], string[]>> = {
  polis: ["Polisen lokalpolisområde Syd", "Polisen lokalpolisområde Nord"],
  skola: ["Exempelskolan", "Provskolan högstadium", "Testgymnasiet"],
  fritid_civilsamhalle: ["Fritidsgården Exempel", "Idrottsföreningen Prov"],
  halso_sjukvard: ["Vårdcentralen Exempel", "Akutmottagningen"],
  bup: ["BUP Exempel"],
};
const TEXTS = [
  "Den unge greps misstänkt för rån tillsammans med äldre ungdomar.",
  "Hög frånvaro sedan flera veckor; skolan når inte vårdnadshavarna.",
  "Oro för att den unge rekryteras av kriminellt nätverk.",
  "Den unge berättar om våld i hemmet.",
  "Påträffad berusad sent på kvällen.",
  "Misstänkt för skadegörelse och ringa narkotikabrott.",
  "Oro för psykisk ohälsa och självskadebeteende.",
];
const METHODS = [
  "Samtal med den unge",
  "Samtal med vårdnadshavare",
  "Hembesök",
  "Kontakt med skola",
  "Nätverksmöte",
  "BBIC-triangeln",
];

interface Context {
  rng: Random;
  asOf: Date;
  windowStart: Date;
  district: SynthDistrict;
  out: CaseRows;
}

/** A random instant in a Stockholm office day `days` after `from`, kept after `from`. */
function officeTime(rng: Random, from: Date, days: number): Date {
  const day = addCalendarDays(stockholmDate(from), days);
  const t = new Date(startOfStockholmDay(day).getTime() + rng.int(8 * 60, 16 * 60) * 60_000);
  return t.getTime() > from.getTime() ? t : new Date(from.getTime() + rng.int(10, 120) * 60_000);
}

function journal(ctx: Context, caseId: string, author: SynthUser, step: string, at: Date, text: string) {
  if (at > ctx.asOf) return;
  ctx.out.journalEntries.push({
    id: ctx.rng.uuid(),
    caseId,
    authorId: author.id,
    step,
    text,
    createdAt: at,
    signedAt: new Date(at.getTime() + ctx.rng.int(5, 90) * 60_000),
  });
}

/**
 * One young person's reports and what the social services did with them, drawn with the
 * lateness the audits describe: most clocks met, some förhandsbedömningar and investigations late,
 * some extensions documented and some not, follow-ups after declined help rarely decided.
 */
export function simulatePerson(ctx: Context, person: PersonRow, reportCount: number, handlaggare?: SynthUser) {
  const { rng, asOf, windowStart, district, out } = ctx;
  const span = asOf.getTime() - windowStart.getTime();
  const times = Array.from({ length: reportCount }, () => new Date(windowStart.getTime() + Math.floor(rng.next() * span))).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
  let open: { id: string; closesAt: Date | null; closeReason: string; row: Row<typeof cases> } | null = null;
  let openInvestigation: { id: string; openedAt: Date; completedAt: Date | null } | null = null;
  let lastClosedOn: string | null = null;

  const closeIfDue = (until: Date) => {
    if (!open?.closesAt || open.closesAt > until) return;
    open.row.closedAt = open.closesAt;
    open.row.closeReason = open.closeReason;
    open.row.closeOutcome = open.closeReason === "insats_avslutad" ? "Målen i huvudsak uppnådda." : "Avslutat utan insats.";
    lastClosedOn = stockholmDate(open.closesAt);
    open = null;
  };

  for (const receivedAt of times) {
    closeIfDue(receivedAt);
    if (openInvestigation?.completedAt && openInvestigation.completedAt <= receivedAt) openInvestigation = null;
    const reReferral = !open && isReReferral(stockholmDate(receivedAt), lastClosedOn);
    if (!open) {
      const caseRow: Row<typeof cases> = {
        id: rng.uuid(),
        personId: person.id,
        districtId: district.id,
        unitId: district.units.mottagning.id,
        assignedTo: rng.pick(district.mottagning).id,
        openedAt: receivedAt,
        createdBy: rng.pick(district.mottagning).id,
      };
      out.cases.push(caseRow);
      open = { id: caseRow.id as string, closesAt: null, closeReason: "annat", row: caseRow };
    }
    // A new report keeps the case open: a closing planned before it no longer stands.
    else open.closesAt = null;
    const caseId = open.id;
    const mottagare = rng.pick(district.mottagning);
    const category = REPORTER_CATEGORIES[rng.weighted(Object.values(REPORTER_WEIGHTS))] as (typeof REPORTER_CATEGORIES)[number];
    const concerns = CONCERNS.filter((c) => rng.chance(c === "brott" ? 0.55 : c === "annat" ? 0.05 : 0.2));
    const reportId = rng.uuid();
    out.reports.push({
      id: reportId,
      caseId,
      personId: person.id,
      districtId: district.id,
      kind: rng.chance(0.93) ? "orosanmalan" : "ansokan",
      receivedAt,
      reporterCategory: category,
      reporterOrganisation: REPORTER_ORGS[category] ? rng.pick(REPORTER_ORGS[category] as string[]) : null,
      concerns: concerns.length > 0 ? concerns : ["annat"],
      text: rng.pick(TEXTS),
      isReReferral: reReferral,
      createdBy: mottagare.id,
      createdAt: receivedAt,
    });
    journal(ctx, caseId, mottagare, "aktualisering", new Date(receivedAt.getTime() + 20 * 60_000), "Anmälan registrerad.");

    // Skyddsbedömning: nearly always within 24 hours.
    const r = rng.next();
    const protectionAt = new Date(receivedAt.getTime() + (r < 0.93 ? rng.int(10, 20 * 60) * 60_000 : rng.int(25, 96) * HOUR));
    if (protectionAt > asOf) continue;
    out.protectionAssessments.push({
      reportId,
      assessedAt: protectionAt,
      assessedBy: mottagare.id,
      immediateProtectionNeeded: rng.chance(0.04),
      notes: "Skyddsbedömning gjord utifrån anmälan och tidigare uppgifter.",
    });

    // Förhandsbedömning: a quarter late, as the audits found.
    const planned = officeTime(rng, receivedAt, rng.chance(0.78) ? rng.int(1, 14) : rng.int(15, 45));
    const decidedAt = planned > protectionAt ? planned : officeTime(rng, protectionAt, 0);
    if (decidedAt > asOf) continue;
    if (openInvestigation?.completedAt && openInvestigation.completedAt <= decidedAt) openInvestigation = null;
    if (openInvestigation) {
      // The investigation may have been opened after this report came in: link once it exists.
      const linkedAt = new Date(Math.max(decidedAt.getTime(), openInvestigation.openedAt.getTime() + HOUR));
      if (linkedAt > asOf) continue;
      out.preAssessments.push({
        reportId,
        decidedAt: linkedAt,
        decidedBy: mottagare.id,
        outcome: "koppla",
        reason: "Anmälan tillförs den pågående utredningen.",
        linkedInvestigationId: openInvestigation.id,
      });
      continue;
    }
    const o = rng.next();
    if (o >= 0.38) {
      const outcome = o < 0.93 ? "inte_inleda" : "overlamna";
      out.preAssessments.push({
        reportId,
        decidedAt,
        decidedBy: mottagare.id,
        outcome,
        reason: outcome === "overlamna" ? "Överlämnas till vistelsekommunen." : "Behov tillgodoses genom pågående kontakter.",
      });
      if (outcome === "inte_inleda") {
        out.decisions.push({
          id: rng.uuid(),
          caseId,
          type: "inte_inleda_utredning",
          decidedAt,
          decidedBy: mottagare.id,
          decidedAsRole: "handlaggare",
          reason: "Behov tillgodoses genom pågående kontakter.",
          details: { reportId },
        });
      }
      open.closesAt = new Date(decidedAt.getTime() + rng.int(0, 3) * DAY);
      open.closeReason = outcome === "overlamna" ? "overlamnat" : "ingen_utredning";
      continue;
    }

    // Inleda utredning: its own documented decision, then an utredare takes the case.
    // The demo handläggare gets a caseload like a colleague's, a little above average, so "Mina ärenden" has content.
    const utredare = handlaggare && rng.chance(0.06) ? handlaggare : rng.pick(district.utredare);
    const openingId = rng.uuid();
    out.decisions.push({
      id: openingId,
      caseId,
      type: "inleda_utredning",
      decidedAt,
      decidedBy: mottagare.id,
      decidedAsRole: "handlaggare",
      reason: "Uppgifterna i anmälan behöver utredas.",
      details: { reportId },
    });
    const investigationId = rng.uuid();
    const openedOn = stockholmDate(decidedAt);
    out.preAssessments.push({
      reportId,
      decidedAt,
      decidedBy: mottagare.id,
      outcome: "inleda",
      reason: "Uppgifterna i anmälan behöver utredas.",
      investigationId,
    });
    open.row.unitId = district.units.utredning.id;
    open.row.assignedTo = utredare.id;
    journal(ctx, caseId, utredare, "utredning", officeTime(rng, decidedAt, 1), "Utredning inledd, planering av samtal.");

    // Length: most within 4 months; some with a documented förlängning; some late without one.
    const kind = rng.next();
    const lengthDays =
      kind < 0.64 ? rng.int(35, 118) : kind < 0.8 ? rng.int(125, 175) : kind < 0.92 ? rng.int(124, 190) : rng.int(14, 40);
    const extended = kind >= 0.64 && kind < 0.8;
    let extendedTo: string | null = null;
    const chef = district.chefer.utredning;
    if (extended) {
      const extensionAt = officeTime(rng, decidedAt, rng.int(95, 118));
      if (extensionAt <= asOf) {
        extendedTo = addCalendarMonths(openedOn, 6);
        out.decisions.push({
          id: rng.uuid(),
          caseId,
          investigationId,
          type: "forlangning",
          decidedAt: extensionAt,
          decidedBy: chef.id,
          decidedAsRole: "enhetschef",
          reason: "Särskilda skäl: inväntar utlåtande från BUP.",
          details: { previousEndDate: utredningDeadline(openedOn).dueDate, newEndDate: extendedTo },
        });
      }
    }
    const completedOn = addCalendarDays(openedOn, lengthDays);
    const completedAt = officeTime(rng, startOfStockholmDay(completedOn), 0);
    const done = completedAt <= asOf;
    const concluding = rng.next();
    const type =
      concluding < 0.45 ? "bistand" : concluding < 0.85 ? "ingen_atgard" : concluding < 0.96 ? "avslag" : "lvu_ansokan";
    const guardiansDeclined = done && type === "ingen_atgard" && rng.chance(0.35);
    out.investigations.push({
      id: investigationId,
      caseId,
      personId: person.id,
      districtId: district.id,
      openedOn,
      openingDecisionId: openingId,
      extendedTo,
      completedOn: done ? completedOn : null,
      guardiansDeclined,
      methods: METHODS.filter(() => rng.chance(0.5)),
    });
    openInvestigation = { id: investigationId, openedAt: decidedAt, completedAt: done ? completedAt : null };
    if (!done) continue;

    const conclusionAt = officeTime(rng, completedAt, rng.int(0, 3));
    if (conclusionAt > asOf) continue;
    const byChef = type !== "ingen_atgard";
    out.decisions.push({
      id: rng.uuid(),
      caseId,
      investigationId,
      type,
      decidedAt: conclusionAt,
      decidedBy: byChef ? chef.id : utredare.id,
      decidedAsRole: byChef ? "enhetschef" : "handlaggare",
      reason: type === "bistand" ? "Behov av stöd föreligger." : "Utredningen visar inte behov av insats.",
      details: null,
    });
    journal(ctx, caseId, utredare, "beslut", conclusionAt, "Beslut meddelat den unge och vårdnadshavarna.");
    // The 2-month follow-up when help is declined: the audits found it almost never decided.
    if (guardiansDeclined && rng.chance(0.3)) {
      const followUpAt = officeTime(rng, completedAt, rng.int(20, 75));
      if (followUpAt <= asOf) {
        out.decisions.push({
          id: rng.uuid(),
          caseId,
          investigationId,
          type: "uppfoljning",
          decidedAt: followUpAt,
          decidedBy: utredare.id,
          decidedAsRole: "handlaggare",
          reason: "Uppföljning enligt 11 kap. 4 a § SoL.",
          details: null,
        });
      }
    }
    if (type === "bistand") {
      open.closesAt = new Date(conclusionAt.getTime() + rng.int(60, 300) * DAY);
      open.closeReason = "insats_avslutad";
    } else if (type !== "lvu_ansokan") {
      open.closesAt = new Date(conclusionAt.getTime() + rng.int(1, 10) * DAY);
      open.closeReason = rng.chance(0.8) ? "utredning_ingen_atgard" : "avbojt";
    }
  }
  closeIfDue(asOf);
}
