import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DECISION_TYPES, DEFAULT_DELEGATION } from "../../domain/case-flow";
import { ROLES, type Role } from "../../domain/roles";
import { stockholmToday } from "../../domain/time";
import { caseCoHandlers, fieldIncidents, fileReviewItems, isuScales, protectedAccessGrants } from "../db/schema/index";
import { seedActionPlan } from "../testing/action-plan-fixtures";
import { seedAssessmentDraft, seedTraining, shippedInstrument } from "../testing/assessment-fixtures";
import { seedAvhoppProcess } from "../testing/avhopp-fixtures";
import { seedCase, seedJournalEntry } from "../testing/case-fixtures";
import { seedProposal } from "../testing/decision-proposal-fixtures";
import { seedDeviation } from "../testing/deviation-fixtures";
import { seedEmergencyGrant, seedEmergencyPerson } from "../testing/emergency-access-fixtures";
import { seedArea, seedIncident, seedShift, square } from "../testing/fieldwork-fixtures";
import { seedFileReview } from "../testing/file-review-fixtures";
import { PDF_BYTES, seedControlPlan, seedDocument, seedLogReview, uniqueMonth } from "../testing/governance-fixtures";
import { seedGuardian, seedUnlinkedPerson } from "../testing/guardian-fixtures";
import { catalogueEntry, seedInsats } from "../testing/insats-fixtures";
import { seedLagesbild } from "../testing/lagesbild-fixtures";
import { seedConsent, seedForum } from "../testing/samverkan-fixtures";
import { createWorld, nextPersonnummer, type World } from "../testing/world";
import { seedLvuProcess, seedYttrande } from "../testing/young-offender-fixtures";
import { seedJudgment, seedPlannedSession, seedUoPlan } from "../testing/youth-sanction-fixtures";

type Target = "own" | "other";
interface Call {
  url: string;
  payload?: unknown;
}
interface Entry {
  method: string;
  /** The route pattern as registered. */
  route: string;
  /** Status a permitted caller gets for each target district. */
  expect: (role: Role, target: Target) => number;
  call: (w: World, target: Target, role: Role) => Promise<Call> | Call;
}

const fixture = (w: World, t: Target) => (t === "own" ? w.own : w.other);
/** A pending protected-identity grant for the user, asked for by the other district's administrator. */
async function pendingGrant(w: World, userId: string): Promise<string> {
  await w.database.db
    .insert(protectedAccessGrants)
    .values({ userId, requestedBy: w.userIds["systemadministrator.b"] as string })
    .onConflictDoNothing();
  const [g] = await w.database.db
    .select({ id: protectedAccessGrants.id })
    .from(protectedAccessGrants)
    .where(and(eq(protectedAccessGrants.userId, userId), eq(protectedAccessGrants.status, "pending")));
  return g?.id as string;
}
const suffix = (t: Target) => (t === "own" ? "" : ".b");
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Role sets, spelled out so a change to PERMISSIONS must be matched here on purpose. */
const ALL: readonly Role[] = ROLES;
const CASE_READERS: readonly Role[] = ["handlaggare", "samordnare", "enhetschef", "kvalitet"];
const PERSON_WRITERS: readonly Role[] = ["handlaggare", "samordnare", "enhetschef"];
const CASE_WRITERS: readonly Role[] = ["handlaggare", "enhetschef"];
const STATS: readonly Role[] = ["enhetschef", "kvalitet", "analytiker"];
const DEVIATION_REPORTERS: readonly Role[] = ["handlaggare", "samordnare", "insatsutforare", "enhetschef", "kvalitet"];
/** deviation:manage and review:manage: the egenkontroll roles. */
const DEVIATION_MANAGERS: readonly Role[] = ["enhetschef", "kvalitet"];
const DOCUMENT_MANAGERS: readonly Role[] = ["enhetschef", "kvalitet", "systemadministrator"];
const LOG_REVIEWERS: readonly Role[] = ["kvalitet"];
const FORUM_MANAGERS: readonly Role[] = ["samordnare", "enhetschef"];
const CONSENT_MANAGERS: readonly Role[] = ["handlaggare", "samordnare", "enhetschef"];
const LAGESBILD_READERS: readonly Role[] = ["samordnare", "enhetschef", "kvalitet", "analytiker"];
const LAGESBILD_MANAGERS: readonly Role[] = ["samordnare", "enhetschef"];
const FIELD_LOGGERS: readonly Role[] = ["samordnare", "insatsutforare", "enhetschef"];
const FIELD_MANAGERS: readonly Role[] = ["samordnare", "enhetschef"];
const FIELD_READERS: readonly Role[] = ["samordnare", "insatsutforare", "enhetschef", "kvalitet", "analytiker"];
let planYear = 2100;
/** A plan year no other call has taken (one plan per district and year). */
const uniqueYear = () => planYear--;
const controlPointBody = (responsibleId: string) => ({
  area: "utredningstider",
  title: "Utredningar inom fyra månader",
  risk: "Utredningar drar ut på tiden",
  probability: 2,
  consequence: 3,
  method: "manuell",
  frequency: "tertial",
  responsibleId,
  reportTo: "delarsrapport",
});
const TRAINING_READERS: readonly Role[] = [
  "handlaggare",
  "samordnare",
  "insatsutforare",
  "enhetschef",
  "kvalitet",
  "systemadministrator",
];
const TRAINING_MANAGERS: readonly Role[] = ["enhetschef", "systemadministrator"];
const INSATS_READERS: readonly Role[] = ["handlaggare", "samordnare", "insatsutforare", "enhetschef", "kvalitet"];
const INSATS_MANAGERS: readonly Role[] = ["handlaggare", "enhetschef"];
/** The own district's insatsutförare carries out the uppdrag; case staff with insats:provide may too. */
const INSATS_PROVIDERS: readonly Role[] = ["insatsutforare", "handlaggare", "enhetschef"];
const today = () => new Date().toISOString().slice(0, 10);
const catalogueBodyFor = (code: string, w: World) => ({
  code,
  name: `Testinsats ${code}`,
  description: "För test",
  kind: "program",
  providerKind: "egen_regi",
  targetAgeMin: 10,
  targetAgeMax: 18,
  preventionLevel: "indikerad",
  evidenceStatus: "lovande",
  legalForm: "bistand",
  districtIds: [w.own.id, w.other.id],
});
const plan = (followUpOn: string) => ({
  goals: [{ id: "g1", text: "Går i skolan", measure: "Närvaro", followUpOn }],
  followUpDates: [followUpOn],
});
const now = () => new Date(Date.now() - 60_000).toISOString();

const anywhere = (roles: readonly Role[], ok: number) => (role: Role) => (roles.includes(role) ? ok : 404);
const ownDistrict = (roles: readonly Role[], ok: number) => (role: Role, t: Target) =>
  roles.includes(role) && t === "own" ? ok : 404;

const ratingScale = (key: string) => ({ key, name: `Skala ${key}`, kind: "rating", min: 1, max: 10, higherIsBetter: true });
async function insertScale(w: World, key: string): Promise<string> {
  const [row] = await w.database.db
    .insert(isuScales)
    .values({ ...ratingScale(key), kind: "rating" })
    .returning({ id: isuScales.id });
  return row?.id as string;
}
async function scaleIdOf(w: World, key: string): Promise<string> {
  const [row] = await w.database.db.select({ id: isuScales.id }).from(isuScales).where(eq(isuScales.key, key));
  return row?.id as string;
}

const MATRIX: Entry[] = [
  { method: "GET", route: "/api/auth/me", expect: anywhere(ALL, 200), call: () => ({ url: "/api/auth/me" }) },
  {
    method: "POST",
    route: "/api/auth/password",
    // Permitted callers get past the gate and meet the wrong-password check.
    expect: anywhere(ALL, 400),
    call: () => ({
      url: "/api/auth/password",
      payload: { currentPassword: "fel-lösenord", newPassword: "ett-nytt-långt-lösen" },
    }),
  },
  { method: "GET", route: "/api/organisation", expect: anywhere(ALL, 200), call: () => ({ url: "/api/organisation" }) },
  {
    method: "POST",
    route: "/api/admin/districts",
    expect: anywhere(["systemadministrator"], 201),
    call: () => ({ url: "/api/admin/districts", payload: { code: `d-${unique()}`, name: "Nytt distrikt" } }),
  },
  {
    method: "PATCH",
    route: "/api/admin/districts/:id",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/districts/${fixture(w, t).id}`, payload: { name: `Distrikt ${t}` } }),
  },
  {
    method: "GET",
    route: "/api/admin/districts/:id/delegations",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/districts/${fixture(w, t).id}/delegations` }),
  },
  {
    method: "PUT",
    route: "/api/admin/districts/:id/delegations",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({
      url: `/api/admin/districts/${fixture(w, t).id}/delegations`,
      // The default list, written explicitly: later entries still decide as the defaults allow.
      payload: { rows: DECISION_TYPES.map((decisionType) => ({ decisionType, roles: [...DEFAULT_DELEGATION[decisionType]] })) },
    }),
  },
  {
    method: "POST",
    route: "/api/admin/units",
    expect: anywhere(["systemadministrator"], 201),
    call: (w, t) => ({
      url: "/api/admin/units",
      payload: { districtId: fixture(w, t).id, name: "Ny enhet", kind: "mottagning" },
    }),
  },
  {
    method: "PATCH",
    route: "/api/admin/units/:id",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/units/${fixture(w, t).unitId}`, payload: { name: `Utredning ${t}` } }),
  },
  {
    method: "GET",
    route: "/api/admin/users",
    expect: anywhere(["systemadministrator"], 200),
    call: () => ({ url: "/api/admin/users" }),
  },
  {
    method: "POST",
    route: "/api/admin/users",
    expect: anywhere(["systemadministrator"], 201),
    call: (w, t) => ({
      url: "/api/admin/users",
      payload: {
        username: `ny.${unique()}`,
        displayName: "Ny Användare",
        password: "ett-långt-lösenord-2026",
        assignments: [{ unitId: fixture(w, t).unitId, role: "handlaggare" }],
      },
    }),
  },
  {
    method: "PATCH",
    route: "/api/admin/users/:id",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/users/${w.userIds[`kollega${suffix(t)}`]}`, payload: { displayName: "Kollega K" } }),
  },
  {
    method: "PUT",
    route: "/api/admin/users/:id/roles",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({
      url: `/api/admin/users/${w.userIds[`kollega${suffix(t)}`]}/roles`,
      payload: { assignments: [{ unitId: fixture(w, t).unitId, role: "handlaggare" }] },
    }),
  },
  {
    method: "POST",
    route: "/api/admin/users/:id/password",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({
      url: `/api/admin/users/${w.userIds[`kollega${suffix(t)}`]}/password`,
      payload: { password: "återställt-lösen-2026" },
    }),
  },
  {
    method: "GET",
    route: "/api/admin/protected-access-grants",
    expect: anywhere(["systemadministrator"], 200),
    call: () => ({ url: "/api/admin/protected-access-grants" }),
  },
  ...(["approve", "reject"] as const).map((verb) => ({
    method: "POST",
    route: `/api/admin/protected-access-grants/:id/${verb}`,
    // Asked for by the other district's administrator, so the caller may decide it.
    expect: anywhere(["systemadministrator"], 200),
    call: async (w: World, t: Target) => ({
      url: `/api/admin/protected-access-grants/${await pendingGrant(w, w.userIds[`kollega${suffix(t)}`] as string)}/${verb}`,
    }),
  })),
  {
    method: "GET",
    route: "/api/persons",
    // Search answers 200 to every reader; what it finds is scoped (checked in persons tests).
    expect: anywhere([...CASE_READERS, "insatsutforare"], 200),
    call: (_w, t) => ({ url: `/api/persons?q=${t === "own" ? "AnderssonA" : "AnderssonB"}` }),
  },
  {
    method: "POST",
    route: "/api/persons/search",
    expect: anywhere([...CASE_READERS, "insatsutforare"], 200),
    call: (_w, t) => ({ url: "/api/persons/search", payload: { q: t === "own" ? "AnderssonA" : "AnderssonB" } }),
  },
  {
    method: "GET",
    route: "/api/persons/protected-matches",
    // Everyone with person:read gets the list; what is in it is scoped (persons tests).
    expect: anywhere([...CASE_READERS, "insatsutforare"], 200),
    call: () => ({ url: "/api/persons/protected-matches" }),
  },
  {
    method: "GET",
    route: "/api/persons/:id",
    expect: ownDistrict(CASE_READERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}` }),
  },
  {
    method: "POST",
    route: "/api/persons",
    // A district outside the caller's scope is a field error on districtId.
    expect: (role, t) => (PERSON_WRITERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/persons",
      payload: {
        personnummer: nextPersonnummer(),
        firstName: "Ny",
        lastName: "Person",
        gender: "okant",
        districtId: fixture(w, t).id,
      },
    }),
  },
  {
    method: "PATCH",
    route: "/api/persons/:id",
    expect: ownDistrict(PERSON_WRITERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}`, payload: { firstName: "Alva" } }),
  },
  {
    method: "GET",
    route: "/api/persons/:id/shares",
    expect: ownDistrict(CASE_READERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}/shares` }),
  },
  {
    method: "POST",
    route: "/api/persons/:id/shares",
    expect: ownDistrict(["enhetschef"], 201),
    call: (w, t) => ({
      url: `/api/persons/${fixture(w, t).personId}/shares`,
      payload: { userId: w.userIds["insatsutforare.b"], reason: "Uppdrag i annat distrikt" },
    }),
  },
  {
    method: "DELETE",
    route: "/api/persons/:id/shares/:shareId",
    expect: ownDistrict(["enhetschef"], 200),
    call: async (w, t) => {
      // A live share to revoke, made by the owning district's enhetschef.
      const chef = await w.login(t === "own" ? "enhetschef" : "enhetschef.b");
      const res = await w.app.inject({
        method: "POST",
        url: `/api/persons/${fixture(w, t).personId}/shares`,
        headers: { cookie: chef },
        payload: { unitId: w.other.unitId, reason: "Tillfälligt samarbete" },
      });
      return { url: `/api/persons/${fixture(w, t).personId}/shares/${res.json().id}` };
    },
  },
  {
    method: "POST",
    route: "/api/emergency-access",
    // Nödåtkomst to a fresh person: 201 outside the caller's scope, 409 already_in_scope inside it
    // (an insatsutförare sees only what is shared, so their own district's person is outside too).
    expect: (role, t) =>
      ![...CASE_READERS, "insatsutforare"].includes(role) ? 404 : t === "other" || role === "insatsutforare" ? 201 : 409,
    call: async (w, t) => ({
      url: "/api/emergency-access",
      payload: {
        personnummer: (await seedEmergencyPerson(w, t)).personnummer,
        category: "jourarende",
        reason: "Jourärende i natt: behöver se tidigare utredning",
      },
    }),
  },
  {
    method: "GET",
    route: "/api/emergency-access/mine",
    expect: anywhere([...CASE_READERS, "insatsutforare"], 200),
    call: () => ({ url: "/api/emergency-access/mine" }),
  },
  {
    method: "POST",
    route: "/api/emergency-access/:id/end",
    // The caller's own live grant (to a person of the other district).
    expect: anywhere([...CASE_READERS, "insatsutforare"], 200),
    call: async (w, _t, role) => ({ url: `/api/emergency-access/${await seedEmergencyGrant(w, role, "live")}/end` }),
  },
  {
    method: "GET",
    route: "/api/emergency-access/reviews",
    expect: anywhere(DEVIATION_MANAGERS, 200),
    call: () => ({ url: "/api/emergency-access/reviews?status=all" }),
  },
  {
    method: "POST",
    route: "/api/emergency-access/:id/review",
    // A grant that is over, by a handläggare of the target district to a person of district B:
    // reviewers of district A see the own district's grant only.
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/emergency-access/${await seedEmergencyGrant(w, `handlaggare${suffix(t)}`, "over")}/review`,
      payload: { verdict: "godkand" },
    }),
  },
  // Guardians and the child's voice (issue 18 point 3).
  {
    method: "GET",
    route: "/api/persons/:id/relations",
    expect: ownDistrict(CASE_READERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}/relations` }),
  },
  {
    method: "POST",
    route: "/api/persons/:id/relations",
    // A sibling without custody: any number may be linked, so every permitted call can succeed.
    expect: ownDistrict(PERSON_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/persons/${fixture(w, t).personId}/relations`,
      payload: { personnummer: (await seedUnlinkedPerson(w, t)).personnummer, relation: "syskon", custody: false },
    }),
  },
  {
    method: "DELETE",
    route: "/api/persons/:id/relations/:relationId",
    expect: ownDistrict(PERSON_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/persons/${fixture(w, t).personId}/relations/${(await seedGuardian(w, t, { custody: false, relation: "syskon" })).relationId}`,
    }),
  },
  {
    method: "GET",
    route: "/api/cases/:id/participation",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "investigating")).caseId}/participation` }),
  },
  {
    method: "POST",
    route: "/api/investigations/:id/guardian-notices",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => {
      const { investigationId } = await seedCase(w, t, "investigating");
      const { relationId } = await seedGuardian(w, t);
      return {
        url: `/api/investigations/${investigationId}/guardian-notices`,
        payload: { relationId, informedOn: today(), method: "brev", position: "samtycker" },
      };
    },
  },
  {
    method: "POST",
    route: "/api/cases/:id/child-views",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => {
      const { caseId, investigationId } = await seedCase(w, t, "investigating");
      return {
        url: `/api/cases/${caseId}/child-views`,
        payload: { stage: "utredning", investigationId, recordedOn: today(), view: "Vill bo kvar hemma." },
      };
    },
  },
  {
    method: "GET",
    route: "/api/audit",
    expect: (role, t) =>
      role === "systemadministrator" ? 200 : ["enhetschef", "kvalitet"].includes(role) && t === "own" ? 200 : 404,
    call: (w, t) => ({ url: `/api/audit?personId=${fixture(w, t).personId}` }),
  },
  {
    method: "GET",
    route: "/api/audit/verify",
    expect: anywhere(["kvalitet", "systemadministrator"], 200),
    call: () => ({ url: "/api/audit/verify" }),
  },
  {
    method: "POST",
    route: "/api/reports",
    expect: (role, t) => (CASE_WRITERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/reports",
      payload: {
        personId: fixture(w, t).personId,
        districtId: fixture(w, t).id,
        receivedAt: now(),
        reporterCategory: "polis",
        text: "Anmälan",
      },
    }),
  },
  {
    method: "POST",
    route: "/api/reports/:id/protection-assessment",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/reports/${(await seedCase(w, t, "reported")).reportId}/protection-assessment`,
      payload: { assessedAt: now(), immediateProtectionNeeded: false, notes: "Ingen akut fara" },
    }),
  },
  {
    method: "POST",
    route: "/api/reports/:id/pre-assessment",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/reports/${(await seedCase(w, t, "protected")).reportId}/pre-assessment`,
      payload: { decidedAt: now(), outcome: "inleda", reason: "Behöver utredas" },
    }),
  },
  {
    method: "POST",
    route: "/api/investigations/:id/extensions",
    // Förlängning is delegated to the enhetschef: a handläggare passes the gate and meets the delegation rule.
    expect: (role, t) => (t === "own" && role === "enhetschef" ? 201 : t === "own" && role === "handlaggare" ? 409 : 404),
    call: async (w, t) => ({
      url: `/api/investigations/${(await seedCase(w, t, "investigating")).investigationId}/extensions`,
      payload: { decidedAt: now(), reason: "Inväntar utlåtande", newEndDate: "2099-01-01" },
    }),
  },
  {
    method: "PUT",
    route: "/api/investigations/:id/methods",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/investigations/${(await seedCase(w, t, "investigating")).investigationId}/methods`,
      payload: { methods: ["Samtal", "BBIC-triangeln"] },
    }),
  },
  {
    method: "POST",
    route: "/api/investigations/:id/complete",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/investigations/${(await seedCase(w, t, "investigating")).investigationId}/complete`,
      payload: { completedOn: now().slice(0, 10), childView: "Vill ha stöd i skolan." },
    }),
  },
  { method: "GET", route: "/api/cases", expect: anywhere(CASE_READERS, 200), call: () => ({ url: "/api/cases" }) },
  {
    method: "GET",
    route: "/api/cases/:id",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/decisions",
    expect: (role, t) => (t === "own" && role === "enhetschef" ? 201 : t === "own" && role === "handlaggare" ? 409 : 404),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "investigated")).caseId}/decisions`,
      payload: { type: "bistand", decidedAt: now(), reason: "Insats beviljas" },
    }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/decision-proposals",
    // Bistånd is delegated to the enhetschef: the handläggare proposes it, the enhetschef takes it directly (400 proposal_not_needed).
    expect: (role, t) => (t === "own" && role === "handlaggare" ? 201 : t === "own" && role === "enhetschef" ? 400 : 404),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "investigated")).caseId}/decision-proposals`,
      payload: { type: "bistand", reason: "Insats föreslås", insats: "FFT" },
    }),
  },
  {
    method: "GET",
    route: "/api/cases/:id/decision-proposals",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedProposal(w, t)).caseId}/decision-proposals` }),
  },
  {
    method: "GET",
    route: "/api/decision-proposals",
    expect: anywhere(CASE_WRITERS, 200),
    call: () => ({ url: "/api/decision-proposals?state=pending" }),
  },
  ...(["approve", "return", "reject"] as const).map(
    (verb): Entry => ({
      method: "POST",
      route: `/api/decision-proposals/:id/${verb}`,
      // The handläggare's own proposal: the handläggare meets the four-eyes rule (409 own_proposal).
      expect: (role, t) => (t === "own" && role === "enhetschef" ? 200 : t === "own" && role === "handlaggare" ? 409 : 404),
      call: async (w, t) => ({
        url: `/api/decision-proposals/${(await seedProposal(w, t)).proposalId}/${verb}`,
        payload: verb === "approve" ? undefined : { comment: "Komplettera motiveringen" },
      }),
    }),
  ),
  {
    method: "POST",
    route: "/api/decision-proposals/:id/resubmit",
    // Only the proposer resubmits, so the returned proposal is the caller's own (or its namesake's in the other district).
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t, role) => ({
      url: `/api/decision-proposals/${(await seedProposal(w, t, { proposer: w.userIds[`${role}${suffix(t)}`] as string, state: "returned" })).proposalId}/resubmit`,
      payload: { reason: "Mål: skolnärvaro över 80 %", insats: "FFT" },
    }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/journal",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/journal`,
      payload: { step: "ovrigt", text: "Anteckning" },
    }),
  },
  {
    method: "PATCH",
    route: "/api/journal/:id",
    // Each caller edits a draft of their own.
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t, role) => {
      const c = await seedCase(w, t, "reported");
      const author = w.userIds[`${role}${suffix(t)}`] as string;
      return {
        url: `/api/journal/${await seedJournalEntry(w, c.caseId, author)}`,
        payload: { text: "Ändrat utkast", sign: true },
      };
    },
  },
  {
    method: "POST",
    route: "/api/cases/:id/close",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "investigated")).caseId}/close`,
      payload: { closedAt: now(), reason: "annat", outcome: "Avslutat" },
    }),
  },
  {
    method: "PUT",
    route: "/api/cases/:id/assignment",
    expect: ownDistrict(["enhetschef"], 200),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/assignment`,
      payload: { userId: w.userIds[`handlaggare${suffix(t)}`] },
    }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/co-handlers",
    expect: ownDistrict(["enhetschef"], 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/co-handlers`,
      payload: { userId: w.userIds[`handlaggare${suffix(t)}`] },
    }),
  },
  {
    method: "DELETE",
    route: "/api/cases/:id/co-handlers/:userId",
    expect: ownDistrict(["enhetschef"], 200),
    call: async (w, t) => {
      const { caseId } = await seedCase(w, t, "reported");
      const userId = w.userIds[`handlaggare${suffix(t)}`] as string;
      await w.database.db
        .insert(caseCoHandlers)
        .values({ caseId, userId, addedBy: w.userIds[`enhetschef${suffix(t)}`] as string });
      return { url: `/api/cases/${caseId}/co-handlers/${userId}` };
    },
  },
  { method: "GET", route: "/api/caseload", expect: anywhere(["enhetschef"], 200), call: () => ({ url: "/api/caseload" }) },
  {
    method: "GET",
    route: "/api/close-reasons",
    expect: anywhere(CASE_READERS, 200),
    call: () => ({ url: "/api/close-reasons" }),
  },
  { method: "GET", route: "/api/deadlines", expect: anywhere(CASE_READERS, 200), call: () => ({ url: "/api/deadlines" }) },
  {
    method: "GET",
    route: "/api/reports/handling-times",
    // A district outside the caller's scope is a field error on districtId.
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/handling-times?from=2026-01-01&to=2026-12-31&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/reports/handling-times/export",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({
      url: `/api/reports/handling-times/export?from=2026-01-01&to=2026-12-31&format=csv&districtId=${fixture(w, t).id}`,
    }),
  },
  { method: "GET", route: "/api/instruments", expect: anywhere(ALL, 200), call: () => ({ url: "/api/instruments" }) },
  {
    method: "GET",
    route: "/api/instruments/:id",
    expect: anywhere(ALL, 200),
    call: async (w) => ({ url: `/api/instruments/${(await shippedInstrument(w, "savry")).id}` }),
  },
  {
    method: "GET",
    route: "/api/instruments/:id/export",
    expect: anywhere(ALL, 200),
    call: async (w) => ({ url: `/api/instruments/${(await shippedInstrument(w, "gas")).id}/export` }),
  },
  {
    method: "POST",
    route: "/api/admin/instruments",
    expect: anywhere(["systemadministrator"], 201),
    call: async (w) => ({
      url: "/api/admin/instruments",
      payload: { ...(await shippedInstrument(w, "yls-cmi")).def, version: `t${unique()}`.slice(0, 20) },
    }),
  },
  {
    method: "POST",
    route: "/api/admin/instruments/:id/retire",
    expect: anywhere(["systemadministrator"], 200),
    call: async (w) => {
      const res = await w.app.inject({
        method: "POST",
        url: "/api/admin/instruments",
        headers: { cookie: await w.login("systemadministrator") },
        payload: { ...(await shippedInstrument(w, "adad")).def, version: `r${unique()}`.slice(0, 20) },
      });
      return { url: `/api/admin/instruments/${res.json().id}/retire` };
    },
  },
  { method: "GET", route: "/api/trainings", expect: anywhere(TRAINING_READERS, 200), call: () => ({ url: "/api/trainings" }) },
  {
    method: "GET",
    route: "/api/trainings/staff",
    expect: anywhere(TRAINING_MANAGERS, 200),
    call: () => ({ url: "/api/trainings/staff" }),
  },
  {
    method: "POST",
    route: "/api/trainings",
    // The enhetschef registers trainings for the staff of their own district; the administrator for anyone.
    expect: (role, t) => (role === "systemadministrator" || (role === "enhetschef" && t === "own") ? 201 : 404),
    call: (w, t) => ({
      url: "/api/trainings",
      payload: {
        userId: w.userIds[`handlaggare${suffix(t)}`],
        instrumentKey: "savry",
        instrumentVersion: "1",
        trainedOn: "2025-03-01",
        trainedBy: "Licensierad utbildare",
        validUntil: "2028-03-01",
      },
    }),
  },
  {
    method: "GET",
    route: "/api/cases/:id/assessments",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedAssessmentDraft(w, t)).caseId}/assessments` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/assessments",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => {
      const c = await seedCase(w, t, "investigating");
      return {
        url: `/api/cases/${c.caseId}/assessments`,
        payload: {
          instrumentId: (await shippedInstrument(w, "gas")).id,
          investigationId: c.investigationId,
          assessedOn: now().slice(0, 10),
          goals: [{ id: "g1", label: "Skolnärvaro" }],
          answers: { g1: 0 },
        },
      };
    },
  },
  {
    method: "GET",
    route: "/api/assessments/:id",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/assessments/${(await seedAssessmentDraft(w, t)).assessmentId}` }),
  },
  {
    method: "PUT",
    route: "/api/assessments/:id",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/assessments/${(await seedAssessmentDraft(w, t)).assessmentId}`,
      payload: { assessedOn: now().slice(0, 10), goals: [{ id: "g1", label: "Skolnärvaro" }], answers: { g1: 2 } },
    }),
  },
  {
    method: "POST",
    route: "/api/assessments/:id/sign",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t, role) => {
      // Signing needs a training: give the caller one, so the matrix tests the scope and not the register.
      await seedTraining(w, w.userIds[role] as string, "gas");
      return { url: `/api/assessments/${(await seedAssessmentDraft(w, t)).assessmentId}/sign` };
    },
  },
  {
    method: "GET",
    route: "/api/admin/districts/:id/assessment-policy",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/districts/${fixture(w, t).id}/assessment-policy` }),
  },
  {
    method: "PUT",
    route: "/api/admin/districts/:id/assessment-policy",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({
      url: `/api/admin/districts/${fixture(w, t).id}/assessment-policy`,
      payload: { requireStructuredAssessment: true },
    }),
  },
  {
    method: "GET",
    route: "/api/reports/assessment-usage",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/assessment-usage?from=2026-01-01&to=2026-12-31&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/reports/assessment-usage/export",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({
      url: `/api/reports/assessment-usage/export?from=2026-01-01&to=2026-12-31&format=xlsx&districtId=${fixture(w, t).id}`,
    }),
  },
  {
    method: "GET",
    route: "/api/insats-catalogue",
    expect: anywhere(ALL, 200),
    call: () => ({ url: "/api/insats-catalogue" }),
  },
  {
    method: "POST",
    route: "/api/admin/insats-catalogue",
    expect: anywhere(["systemadministrator"], 201),
    call: (w) => ({ url: "/api/admin/insats-catalogue", payload: catalogueBodyFor(`T${unique()}`, w) }),
  },
  {
    method: "PUT",
    route: "/api/admin/insats-catalogue/:id",
    expect: anywhere(["systemadministrator"], 200),
    call: async (w) => {
      const code = `U${unique()}`;
      const res = await w.app.inject({
        method: "POST",
        url: "/api/admin/insats-catalogue",
        headers: { cookie: await w.login("systemadministrator") },
        payload: catalogueBodyFor(code, w),
      });
      return { url: `/api/admin/insats-catalogue/${res.json().id}`, payload: { ...catalogueBodyFor(code, w), name: "Ändrad" } };
    },
  },
  {
    method: "GET",
    route: "/api/cases/:id/insatser",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedInsats(w, t, "decided")).caseId}/insatser` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/insatser",
    expect: ownDistrict(INSATS_MANAGERS, 201),
    call: async (w, t) => {
      const s = await seedInsats(w, t, "decided");
      return {
        url: `/api/cases/${s.caseId}/insatser`,
        payload: {
          catalogueId: (await catalogueEntry(w, "MST")).id,
          decisionId: s.decisionId,
          providerUnitId: fixture(w, t).providerUnitId,
        },
      };
    },
  },
  {
    method: "GET",
    route: "/api/admin/districts/:id/insats-policy",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/districts/${fixture(w, t).id}/insats-policy` }),
  },
  {
    method: "PUT",
    route: "/api/admin/districts/:id/insats-policy",
    expect: anywhere(["systemadministrator"], 200),
    call: (w, t) => ({ url: `/api/admin/districts/${fixture(w, t).id}/insats-policy`, payload: { planDueDays: 14 } }),
  },
  { method: "GET", route: "/api/uppdrag", expect: anywhere(INSATS_READERS, 200), call: () => ({ url: "/api/uppdrag" }) },
  {
    method: "GET",
    route: "/api/insatser/:id",
    expect: ownDistrict(INSATS_READERS, 200),
    call: async (w, t) => ({ url: `/api/insatser/${(await seedInsats(w, t, "decided")).insatsId}` }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/start",
    expect: ownDistrict(INSATS_PROVIDERS, 200),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "decided")).insatsId}/start`,
      payload: { startedOn: today() },
    }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/not-started",
    expect: ownDistrict(INSATS_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "decided")).insatsId}/not-started`,
      payload: { reason: "vantelista", note: "Kö till FFT" },
    }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/care-plan",
    expect: ownDistrict(INSATS_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "started", "PLACERING_HVB")).insatsId}/care-plan`,
      payload: { carePlanOn: today() },
    }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/overvaganden",
    expect: ownDistrict(INSATS_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "started", "PLACERING_HVB")).insatsId}/overvaganden`,
      payload: { decidedOn: today(), conclusion: "Placeringen ska fortsätta" },
    }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/end",
    expect: ownDistrict(INSATS_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "started")).insatsId}/end`,
      payload: { endedOn: today(), endReason: "mal_uppnatt", outcome: "Målen nådda" },
    }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/plans",
    expect: ownDistrict(INSATS_PROVIDERS, 201),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "started")).insatsId}/plans`,
      payload: plan(today()),
    }),
  },
  {
    method: "PUT",
    route: "/api/plans/:id",
    expect: ownDistrict(INSATS_PROVIDERS, 200),
    call: async (w, t) => ({ url: `/api/plans/${(await seedInsats(w, t, "draft_plan")).planId}`, payload: plan(today()) }),
  },
  {
    method: "POST",
    route: "/api/plans/:id/sign",
    expect: ownDistrict(INSATS_PROVIDERS, 200),
    call: async (w, t) => ({ url: `/api/plans/${(await seedInsats(w, t, "draft_plan")).planId}/sign` }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/follow-ups",
    expect: ownDistrict(INSATS_PROVIDERS, 201),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "planned")).insatsId}/follow-ups`,
      payload: { doneOn: today(), results: [{ goalId: "g1", attainment: "delvis" }], nextStep: "Fortsätt" },
    }),
  },
  {
    method: "GET",
    route: "/api/reports/ivo",
    // Personal data (personnummer): enhetschef and kvalitet of the district only.
    expect: (role, t) => (["enhetschef", "kvalitet"].includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/ivo?year=2026&quarter=1&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/reports/ivo/namnd",
    // Counts through the disclosure module, no personal data: every statistics role.
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/ivo/namnd?year=2026&quarter=1&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/reports/ivo/export",
    // The nämnd version is counts without personal data: every statistics role may take it.
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({
      url: `/api/reports/ivo/export?year=2026&quarter=1&format=xlsx&version=namnd&districtId=${fixture(w, t).id}`,
    }),
  },
  {
    method: "GET",
    route: "/api/reports/samlad-bild",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/samlad-bild?from=2026-01-01&to=2026-12-31&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/reports/samlad-bild/export",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({
      url: `/api/reports/samlad-bild/export?from=2026-01-01&to=2026-12-31&format=pdf&districtId=${fixture(w, t).id}`,
    }),
  },
  {
    method: "GET",
    route: "/api/isu/settings",
    expect: anywhere(ALL, 200),
    call: () => ({ url: "/api/isu/settings" }),
  },
  {
    method: "POST",
    route: "/api/admin/isu/scales",
    expect: anywhere(["systemadministrator"], 201),
    call: () => ({ url: "/api/admin/isu/scales", payload: ratingScale(`s${unique()}`) }),
  },
  {
    method: "PUT",
    route: "/api/admin/isu/scales/:id",
    expect: anywhere(["systemadministrator"], 200),
    call: async (w) => {
      const key = `s${unique()}`;
      const id = await insertScale(w, key);
      return { url: `/api/admin/isu/scales/${id}`, payload: { ...ratingScale(key), name: "Ändrad" } };
    },
  },
  {
    method: "PUT",
    route: "/api/admin/isu/survey-questions",
    expect: anywhere(["systemadministrator"], 200),
    call: () => ({
      url: "/api/admin/isu/survey-questions",
      payload: {
        questions: [
          { key: "hjalp", textSv: "Fick du hjälp med det du behövde?", textEn: "Did you get help with what you needed?" },
        ],
      },
    }),
  },
  {
    method: "PUT",
    route: "/api/admin/isu/measurement-plans/:id",
    expect: anywhere(["systemadministrator"], 200),
    call: async (w) => ({
      url: `/api/admin/isu/measurement-plans/${(await catalogueEntry(w, "KONTAKTPERSON")).id}`,
      payload: { rows: [{ scaleId: await scaleIdOf(w, "skola"), points: ["start", "end"], respondents: ["ungdom"] }] },
    }),
  },
  {
    method: "GET",
    route: "/api/insatser/:id/isu",
    expect: ownDistrict(INSATS_READERS, 200),
    call: async (w, t) => ({ url: `/api/insatser/${(await seedInsats(w, t, "started")).insatsId}/isu` }),
  },
  {
    method: "POST",
    route: "/api/insatser/:id/measurements",
    expect: ownDistrict(INSATS_PROVIDERS, 201),
    call: async (w, t) => {
      const s = await seedInsats(w, t, "started");
      return {
        url: `/api/insatser/${s.insatsId}/measurements`,
        payload: {
          scaleId: await scaleIdOf(w, "skola"),
          point: "start",
          respondent: "utforare",
          measuredOn: s.startedOn,
          value: 4,
        },
      };
    },
  },
  {
    method: "POST",
    route: "/api/insatser/:id/self-report-links",
    expect: ownDistrict(INSATS_PROVIDERS, 201),
    call: async (w, t) => ({
      url: `/api/insatser/${(await seedInsats(w, t, "started")).insatsId}/self-report-links`,
      payload: { respondent: "ungdom", point: "start" },
    }),
  },
  {
    method: "GET",
    route: "/api/isu/unit-results",
    expect: anywhere(INSATS_READERS, 200),
    call: () => ({ url: `/api/isu/unit-results?from=2026-01-01&to=${today()}` }),
  },
  {
    method: "GET",
    route: "/api/reports/effects",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/effects?from=2026-01-01&to=2026-12-31&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/reports/effects/export",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({
      url: `/api/reports/effects/export?from=2026-01-01&to=2026-12-31&format=xlsx&districtId=${fixture(w, t).id}`,
    }),
  },
  {
    method: "POST",
    route: "/api/deviations",
    // Anyone who works with the cases reports; a unit of another district is refused as input.
    expect: (role, t) => (DEVIATION_REPORTERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/deviations",
      payload: { unitId: fixture(w, t).unitId, occurredAt: now(), kind: "ovrigt", description: "Matrisrapport" },
    }),
  },
  {
    method: "GET",
    route: "/api/deviations",
    expect: anywhere(DEVIATION_REPORTERS, 200),
    call: () => ({ url: "/api/deviations" }),
  },
  {
    method: "GET",
    route: "/api/deviations/:id",
    // Staff with personal data in the district see its avvikelser; an insatsutförare only their own reports.
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/deviations/${await seedDeviation(w, t, "reported")}` }),
  },
  {
    method: "GET",
    route: "/api/deviations/staff",
    expect: anywhere(DEVIATION_MANAGERS, 200),
    call: () => ({ url: "/api/deviations/staff" }),
  },
  {
    method: "GET",
    route: "/api/deviations/statistics",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/deviations/statistics?from=2026-01-01&to=2026-12-31&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "POST",
    route: "/api/deviations/:id/classification",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/deviations/${await seedDeviation(w, t, "reported")}/classification`,
      payload: { kind: "tidsfrist", severity: "medel", lexSarah: "none" },
    }),
  },
  {
    method: "POST",
    route: "/api/deviations/:id/investigation",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/deviations/${await seedDeviation(w, t, "classified")}/investigation`,
      payload: { investigatedOn: stockholmToday(), rootCause: "annat", analysis: "Matrisutredning" },
    }),
  },
  {
    method: "POST",
    route: "/api/deviations/:id/actions",
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/deviations/${await seedDeviation(w, t, "investigated")}/actions`,
      payload: { description: "Åtgärd", responsibleId: w.userIds[`enhetschef${suffix(t)}`], dueOn: stockholmToday() },
    }),
  },
  {
    method: "POST",
    route: "/api/deviations/:id/ivo-notification",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/deviations/${await seedDeviation(w, t, "investigated", true)}/ivo-notification`,
      payload: { notifiedOn: stockholmToday(), reference: "IVO-1" },
    }),
  },
  {
    method: "POST",
    route: "/api/deviations/:id/follow-up",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/deviations/${await seedDeviation(w, t, "acting")}/follow-up`,
      payload: { followedUpOn: stockholmToday(), text: "Uppföljd", effective: true },
    }),
  },
  {
    method: "POST",
    route: "/api/deviations/:id/close",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/deviations/${await seedDeviation(w, t, "followed_up")}/close`, payload: {} }),
  },
  {
    method: "GET",
    route: "/api/egenkontroll/late-deadlines",
    // Names and case references: egenkontroll roles, their own districts (another is refused as input).
    expect: (role, t) => (DEVIATION_MANAGERS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/egenkontroll/late-deadlines?from=2026-01-01&to=2026-01-31&districtId=${fixture(w, t).id}` }),
  },
  {
    method: "GET",
    route: "/api/egenkontroll/late-deadlines/export",
    expect: (role, t) => (DEVIATION_MANAGERS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({
      url: `/api/egenkontroll/late-deadlines/export?from=2026-01-01&to=2026-01-31&format=csv&districtId=${fixture(w, t).id}`,
    }),
  },
  {
    method: "POST",
    route: "/api/file-reviews",
    // review:manage in the districts reviewed; another district is refused as input.
    expect: (role, t) => (DEVIATION_MANAGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/file-reviews",
      payload: { districtIds: [fixture(w, t).id], from: "2024-01-01", to: "2024-12-31", kind: "both", sampleSize: 2, seed: 7 },
    }),
  },
  {
    method: "GET",
    route: "/api/file-reviews",
    expect: anywhere(DEVIATION_MANAGERS, 200),
    call: () => ({ url: "/api/file-reviews" }),
  },
  {
    method: "GET",
    route: "/api/file-reviews/:id",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/file-reviews/${(await seedFileReview(w, t)).reviewId}` }),
  },
  {
    method: "PATCH",
    route: "/api/file-reviews/:id/items/:itemId",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => {
      const r = await seedFileReview(w, t);
      return { url: `/api/file-reviews/${r.reviewId}/items/${r.itemId}`, payload: { answers: { analys_kvalitet: "met" } } };
    },
  },
  {
    method: "POST",
    route: "/api/file-reviews/:id/sign",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/file-reviews/${(await seedFileReview(w, t, { answered: true })).reviewId}/sign`,
      payload: { conclusion: "Granskad" },
    }),
  },
  {
    method: "POST",
    route: "/api/file-reviews/:id/versions",
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => ({ url: `/api/file-reviews/${(await seedFileReview(w, t, { signed: true })).reviewId}/versions` }),
  },
  {
    method: "GET",
    route: "/api/file-reviews/:id/export",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/file-reviews/${(await seedFileReview(w, t)).reviewId}/export?format=xlsx` }),
  },
  {
    method: "POST",
    route: "/api/file-reviews/:id/actions",
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/file-reviews/${(await seedFileReview(w, t)).reviewId}/actions`,
      payload: {
        finding: "Plan saknas",
        action: "Rutin",
        responsibleId: w.userIds[`enhetschef${suffix(t)}`],
        dueOn: "2027-01-31",
      },
    }),
  },
  {
    method: "PATCH",
    route: "/api/file-reviews/:id/actions/:actionId",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => {
      const r = await seedFileReview(w, t, { action: true });
      return { url: `/api/file-reviews/${r.reviewId}/actions/${r.actionId}`, payload: { doneOn: "2026-12-01" } };
    },
  },
  {
    method: "POST",
    route: "/api/file-reviews/:id/findings/:findingId/deviation",
    // review:manage in the review's districts (and deviation:report there, which those roles hold).
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => {
      const r = await seedFileReview(w, t);
      const [item] = await w.database.db
        .select({ verdicts: fileReviewItems.verdicts })
        .from(fileReviewItems)
        .where(eq(fileReviewItems.id, r.itemId));
      const unmet = (item?.verdicts as { code: string; verdict: string }[]).find((v) => v.verdict === "not_met");
      return { url: `/api/file-reviews/${r.reviewId}/findings/${r.itemId}:${unmet?.code ?? "strukturerad_bedomning"}/deviation` };
    },
  },
  // ── Governance: styrdokument (document:read all, document:manage), loggkontroll (logreview:manage), internkontrollplan (review:manage)
  { method: "GET", route: "/api/styrdokument", expect: anywhere(ALL, 200), call: () => ({ url: "/api/styrdokument" }) },
  {
    method: "GET",
    route: "/api/styrdokument/reviews/mine",
    expect: anywhere(ALL, 200),
    call: () => ({ url: "/api/styrdokument/reviews/mine" }),
  },
  {
    method: "GET",
    route: "/api/styrdokument/staff",
    expect: anywhere(DOCUMENT_MANAGERS, 200),
    call: () => ({ url: "/api/styrdokument/staff" }),
  },
  {
    method: "POST",
    route: "/api/styrdokument",
    // Another district in the body is bad input (400), not a hidden record.
    expect: (role, t) => (DOCUMENT_MANAGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/styrdokument",
      payload: { title: "Rutin", kind: "rutin", ownerId: w.userIds[`enhetschef${suffix(t)}`], districtIds: [fixture(w, t).id] },
    }),
  },
  {
    method: "GET",
    route: "/api/styrdokument/:id",
    expect: ownDistrict(ALL, 200),
    call: async (w, t) => ({ url: `/api/styrdokument/${(await seedDocument(w, t)).documentId}` }),
  },
  {
    method: "PATCH",
    route: "/api/styrdokument/:id",
    expect: ownDistrict(DOCUMENT_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/styrdokument/${(await seedDocument(w, t)).documentId}`,
      payload: { revision: 1, title: "Ny" },
    }),
  },
  {
    method: "POST",
    route: "/api/styrdokument/:id/versions",
    expect: ownDistrict(DOCUMENT_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/styrdokument/${(await seedDocument(w, t)).documentId}/versions`,
      payload: { revision: 1, filename: "rutin.pdf", contentBase64: PDF_BYTES.toString("base64") },
    }),
  },
  {
    method: "GET",
    route: "/api/styrdokument/:id/versions/:versionId/file",
    expect: ownDistrict(ALL, 200),
    call: async (w, t) => {
      const d = await seedDocument(w, t);
      return { url: `/api/styrdokument/${d.documentId}/versions/${d.versionId}/file` };
    },
  },
  {
    method: "POST",
    route: "/api/styrdokument/:id/publish",
    expect: ownDistrict(DOCUMENT_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/styrdokument/${(await seedDocument(w, t, "ready")).documentId}/publish`,
      payload: { revision: 1 },
    }),
  },
  {
    method: "POST",
    route: "/api/styrdokument/:id/revoke",
    expect: ownDistrict(DOCUMENT_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/styrdokument/${(await seedDocument(w, t)).documentId}/revoke`,
      payload: { revision: 1 },
    }),
  },
  { method: "GET", route: "/api/log-reviews", expect: anywhere(LOG_REVIEWERS, 200), call: () => ({ url: "/api/log-reviews" }) },
  {
    method: "POST",
    route: "/api/log-reviews",
    expect: (role, t) => (LOG_REVIEWERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({ url: "/api/log-reviews", payload: { districtId: fixture(w, t).id, month: uniqueMonth() } }),
  },
  {
    method: "GET",
    route: "/api/log-reviews/:id",
    expect: ownDistrict(LOG_REVIEWERS, 200),
    call: async (w, t) => ({ url: `/api/log-reviews/${(await seedLogReview(w, t)).reviewId}` }),
  },
  {
    method: "GET",
    route: "/api/log-reviews/:id/verify",
    expect: ownDistrict(LOG_REVIEWERS, 200),
    call: async (w, t) => ({ url: `/api/log-reviews/${(await seedLogReview(w, t)).reviewId}/verify` }),
  },
  {
    method: "POST",
    route: "/api/log-reviews/:id/items/:itemId/verdict",
    expect: ownDistrict(LOG_REVIEWERS, 200),
    call: async (w, t) => {
      const r = await seedLogReview(w, t);
      return { url: `/api/log-reviews/${r.reviewId}/items/${r.itemId}/verdict`, payload: { verdict: "ok" } };
    },
  },
  {
    method: "POST",
    route: "/api/log-reviews/:id/complete",
    expect: ownDistrict(LOG_REVIEWERS, 200),
    call: async (w, t) => ({ url: `/api/log-reviews/${(await seedLogReview(w, t, false)).reviewId}/complete`, payload: {} }),
  },
  {
    method: "GET",
    route: "/api/internal-control/plans",
    expect: anywhere(DEVIATION_MANAGERS, 200),
    call: () => ({ url: "/api/internal-control/plans" }),
  },
  {
    method: "GET",
    route: "/api/internal-control/staff",
    expect: anywhere(DEVIATION_MANAGERS, 200),
    call: () => ({ url: "/api/internal-control/staff" }),
  },
  {
    method: "POST",
    route: "/api/internal-control/plans",
    expect: (role, t) => (DEVIATION_MANAGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({ url: "/api/internal-control/plans", payload: { districtId: fixture(w, t).id, year: uniqueYear() } }),
  },
  {
    method: "GET",
    route: "/api/internal-control/plans/:id",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/internal-control/plans/${(await seedControlPlan(w, t)).planId}` }),
  },
  {
    method: "PATCH",
    route: "/api/internal-control/plans/:id",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/internal-control/plans/${(await seedControlPlan(w, t)).planId}`,
      payload: { revision: 1, summary: "Antagen" },
    }),
  },
  {
    method: "GET",
    route: "/api/internal-control/plans/:id/pdf",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/internal-control/plans/${(await seedControlPlan(w, t)).planId}/pdf` }),
  },
  {
    method: "POST",
    route: "/api/internal-control/plans/:id/points",
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/internal-control/plans/${(await seedControlPlan(w, t)).planId}/points`,
      payload: controlPointBody(w.userIds[`enhetschef${suffix(t)}`] as string),
    }),
  },
  {
    method: "PUT",
    route: "/api/internal-control/points/:id",
    expect: ownDistrict(DEVIATION_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/internal-control/points/${(await seedControlPlan(w, t)).pointId}`,
      payload: { ...controlPointBody(w.userIds[`enhetschef${suffix(t)}`] as string), revision: 1 },
    }),
  },
  {
    method: "POST",
    route: "/api/internal-control/points/:id/results",
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/internal-control/points/${(await seedControlPlan(w, t)).pointId}/results`,
      payload: { performedOn: stockholmToday(), outcome: "utan_anmarkning" },
    }),
  },
  {
    method: "POST",
    route: "/api/internal-control/points/:id/results/system",
    expect: ownDistrict(DEVIATION_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/internal-control/points/${(await seedControlPlan(w, t)).pointId}/results/system`,
      payload: { periodFrom: "2026-01-01", periodTo: "2026-01-31" },
    }),
  },
  // LUL yttranden and LVU (src/server/modules/young-offenders).
  {
    method: "GET",
    route: "/api/cases/:id/lul-yttranden",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/lul-yttranden` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/lul-yttranden",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/lul-yttranden`,
      payload: {
        requesterKind: "domstol",
        requesterReference: "B 123-26",
        offenceCategory: "ran",
        askedOn: today(),
        dueOn: "2099-01-01",
      },
    }),
  },
  {
    method: "PUT",
    route: "/api/lul-yttranden/:id",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/lul-yttranden/${await seedYttrande(w, t, "requested")}`,
      payload: { needAssessment: "Särskilt behov finns", proposedMeasure: "ungdomstjanst" },
    }),
  },
  {
    method: "POST",
    route: "/api/lul-yttranden/:id/sign",
    // Signing is delegated to the enhetschef: a handläggare passes the gate and meets the delegation rule.
    expect: (role, t) => (t === "own" && role === "enhetschef" ? 200 : t === "own" && role === "handlaggare" ? 409 : 404),
    call: async (w, t) => ({
      url: `/api/lul-yttranden/${await seedYttrande(w, t, "complete")}/sign`,
      payload: { signedAt: now() },
    }),
  },
  {
    method: "POST",
    route: "/api/lul-yttranden/:id/sent",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/lul-yttranden/${await seedYttrande(w, t, "signed")}/sent`,
      payload: { sentOn: today() },
    }),
  },
  {
    method: "GET",
    route: "/api/cases/:id/lvu",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/lvu` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/lvu",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/lvu`,
      payload: { grounds: ["3"], behaviours: ["brottslig_verksamhet"] },
    }),
  },
  {
    method: "POST",
    route: "/api/lvu/:id/steps",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/lvu/${await seedLvuProcess(w, t)}/steps`,
      payload: { kind: "omedelbart_beslut", decidedAt: now(), maker: { kind: "namnd", paragraph: "§ 1" }, reason: "Akut" },
    }),
  },
  {
    method: "GET",
    route: "/api/reports/young-offenders",
    expect: (role, t) => (STATS.includes(role) ? (t === "own" ? 200 : 400) : 404),
    call: (w, t) => ({ url: `/api/reports/young-offenders?from=2026-01-01&to=2026-12-31&districtId=${fixture(w, t).id}` }),
  },
  // Ungdomstjänst and ungdomsövervakning (src/server/modules/young-offenders/sanction.routes.ts).
  {
    method: "GET",
    route: "/api/cases/:id/ungdomstjanst",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/ungdomstjanst` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/ungdomstjanst",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/ungdomstjanst`,
      payload: { court: "Tingsrätten", caseNumber: "B 9-26", judgmentOn: today(), hours: 30, programmeHours: 6 },
    }),
  },
  {
    method: "PUT",
    route: "/api/ungdomstjanst/:id/placement",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/ungdomstjanst/${await seedJudgment(w, t)}/placement`,
      payload: { workplace: "Second hand-butiken", supervisorName: "Handledare H", placedOn: today() },
    }),
  },
  {
    method: "POST",
    route: "/api/ungdomstjanst/:id/sessions",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/ungdomstjanst/${await seedJudgment(w, t)}/sessions`,
      payload: { on: today(), kind: "arbete", hours: 3, attendance: "fullgjord" },
    }),
  },
  {
    method: "PUT",
    route: "/api/ungdomstjanst-sessions/:id/attendance",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/ungdomstjanst-sessions/${await seedPlannedSession(w, t)}/attendance`,
      payload: { attendance: "fullgjord" },
    }),
  },
  {
    method: "POST",
    route: "/api/ungdomstjanst/:id/misconduct",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/ungdomstjanst/${await seedJudgment(w, t)}/misconduct`,
      payload: { reportedOn: today(), prosecutorReference: "AM-1-26", note: "Uteblivit tre gånger" },
    }),
  },
  {
    method: "POST",
    route: "/api/ungdomstjanst/:id/complete",
    // The seeded judgment has every hour left: a permitted caller passes the gate and meets the rule.
    expect: ownDistrict(CASE_WRITERS, 409),
    call: async (w, t) => ({ url: `/api/ungdomstjanst/${await seedJudgment(w, t)}/complete`, payload: { completedOn: today() } }),
  },
  {
    method: "PATCH",
    route: "/api/ungdomstjanst/:id",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({ url: `/api/ungdomstjanst/${await seedJudgment(w, t)}`, payload: { completeBy: "2099-01-01" } }),
  },
  {
    method: "POST",
    route: "/api/ungdomstjanst/:id/end",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/ungdomstjanst/${await seedJudgment(w, t)}/end`,
      payload: { endedOn: today(), reason: "dom_andrad" },
    }),
  },
  {
    method: "GET",
    route: "/api/persons/:id/ungdomstjanst",
    expect: ownDistrict(CASE_READERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}/ungdomstjanst` }),
  },
  {
    method: "GET",
    route: "/api/cases/:id/ungdomsovervakning",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/ungdomsovervakning` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/ungdomsovervakning",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/ungdomsovervakning`,
      payload: { court: "Tingsrätten", judgmentOn: today(), months: 9, koordinator: "Koordinator K" },
    }),
  },
  {
    method: "POST",
    route: "/api/ungdomsovervakning/:id/items",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/ungdomsovervakning/${(await seedUoPlan(w, t)).planId}/items`,
      payload: { kind: "insats", description: "MST", startsOn: today(), followUpBy: "2099-01-01" },
    }),
  },
  {
    method: "POST",
    route: "/api/ungdomsovervakning-items/:id/follow-up",
    expect: ownDistrict(CASE_WRITERS, 200),
    call: async (w, t) => ({
      url: `/api/ungdomsovervakning-items/${(await seedUoPlan(w, t)).itemId}/follow-up`,
      payload: { on: today(), outcome: "genomford" },
    }),
  },
  // Samverkan (issue 21): forums of the district for samordnare and enhetschef; samtycke for case staff.
  { method: "GET", route: "/api/forums", expect: anywhere(FORUM_MANAGERS, 200), call: () => ({ url: "/api/forums" }) },
  {
    method: "POST",
    route: "/api/forums",
    // Another district is a body reference the caller may not use: 400, as for deviations' units.
    expect: (role, t) => (FORUM_MANAGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/forums",
      payload: {
        districtId: fixture(w, t).id,
        name: `SIG ${unique()}`,
        type: "sig",
        ageMin: 13,
        ageMax: 20,
        agencies: ["skola"],
      },
    }),
  },
  {
    method: "GET",
    route: "/api/forums/:id",
    expect: ownDistrict(FORUM_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/forums/${(await seedForum(w, t)).forumId}` }),
  },
  {
    method: "PATCH",
    route: "/api/forums/:id",
    expect: ownDistrict(FORUM_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/forums/${(await seedForum(w, t)).forumId}`, payload: { name: "SIG Nytt namn" } }),
  },
  {
    method: "POST",
    route: "/api/forums/:id/meetings",
    expect: ownDistrict(FORUM_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/forums/${(await seedForum(w, t)).forumId}/meetings`,
      payload: { meetingOn: stockholmToday() },
    }),
  },
  {
    method: "GET",
    route: "/api/meetings/:id",
    expect: ownDistrict(FORUM_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/meetings/${(await seedForum(w, t)).meetingId}` }),
  },
  {
    method: "PATCH",
    route: "/api/meetings/:id",
    expect: ownDistrict(FORUM_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/meetings/${(await seedForum(w, t)).meetingId}`, payload: { minutes: "Protokoll" } }),
  },
  {
    method: "POST",
    route: "/api/meetings/:id/agenda",
    expect: ownDistrict(FORUM_MANAGERS, 201),
    call: async (w, t) => {
      await seedConsent(w, t);
      return { url: `/api/meetings/${(await seedForum(w, t)).meetingId}/agenda`, payload: { personId: fixture(w, t).personId } };
    },
  },
  {
    method: "GET",
    route: "/api/persons/:id/consents",
    expect: ownDistrict(CASE_READERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}/consents` }),
  },
  {
    method: "POST",
    route: "/api/persons/:id/consents",
    expect: ownDistrict(CONSENT_MANAGERS, 201),
    call: (w, t) => ({
      url: `/api/persons/${fixture(w, t).personId}/consents`,
      payload: {
        givenBy: ["den_unge", "vardnadshavare_1", "vardnadshavare_2"],
        guardianship: "gemensam",
        method: "skriftligt",
        agencies: ["skola"],
        categories: ["skolsituation"],
        forumTypes: ["sig"],
        validFrom: stockholmToday(),
        validUntil: stockholmToday(),
      },
    }),
  },
  {
    method: "POST",
    route: "/api/consents/:id/revoke",
    expect: ownDistrict(CONSENT_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/consents/${await seedConsent(w, t)}/revoke`, payload: { revokedOn: stockholmToday() } }),
  },
  {
    method: "GET",
    route: "/api/consents/expiring",
    expect: anywhere(CONSENT_MANAGERS, 200),
    call: () => ({ url: "/api/consents/expiring" }),
  },
  {
    method: "POST",
    route: "/api/persons/:id/disclosures",
    expect: ownDistrict(CONSENT_MANAGERS, 201),
    call: async (w, t) => {
      await seedConsent(w, t);
      return {
        url: `/api/persons/${fixture(w, t).personId}/disclosures`,
        payload: { agency: "skola", categories: ["skolsituation"], sharedOn: stockholmToday(), description: "Skolsituationen" },
      };
    },
  },
  // Gemensam åtgärdsplan (issue 21 point 3): the roles that manage samtycke, within the person scope.
  {
    method: "GET",
    route: "/api/persons/:id/action-plans",
    expect: ownDistrict(CONSENT_MANAGERS, 200),
    call: (w, t) => ({ url: `/api/persons/${fixture(w, t).personId}/action-plans` }),
  },
  {
    method: "POST",
    route: "/api/persons/:id/action-plans",
    expect: ownDistrict(CONSENT_MANAGERS, 201),
    call: async (w, t) => {
      await seedConsent(w, t);
      return {
        url: `/api/persons/${fixture(w, t).personId}/action-plans`,
        payload: { title: "SIG-plan", goals: ["Går i skolan"], agencies: ["skola"], categories: ["skolsituation"] },
      };
    },
  },
  {
    method: "GET",
    route: "/api/action-plans/:id",
    expect: ownDistrict(CONSENT_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/action-plans/${(await seedActionPlan(w, t)).planId}` }),
  },
  {
    method: "PATCH",
    route: "/api/action-plans/:id",
    expect: ownDistrict(CONSENT_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/action-plans/${(await seedActionPlan(w, t)).planId}`, payload: { title: "Ny titel" } }),
  },
  {
    method: "POST",
    route: "/api/action-plans/:id/tasks",
    expect: ownDistrict(CONSENT_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/action-plans/${(await seedActionPlan(w, t)).planId}/tasks`,
      payload: { agency: "socialtjanst", description: "Hembesök", dueOn: stockholmToday() },
    }),
  },
  {
    method: "PATCH",
    route: "/api/action-plans/:id/tasks/:taskId",
    expect: ownDistrict(CONSENT_MANAGERS, 200),
    call: async (w, t) => {
      const { planId, taskId } = await seedActionPlan(w, t);
      return { url: `/api/action-plans/${planId}/tasks/${taskId}`, payload: { status: "pagaende" } };
    },
  },
  {
    method: "POST",
    route: "/api/action-plans/:id/follow-ups",
    expect: ownDistrict(CONSENT_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/action-plans/${(await seedActionPlan(w, t)).planId}/follow-ups`,
      payload: { heldOn: stockholmToday(), note: "Uppföljning" },
    }),
  },
  {
    method: "POST",
    route: "/api/action-plans/:id/stage",
    expect: ownDistrict(CONSENT_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/action-plans/${(await seedActionPlan(w, t)).planId}/stage`,
      payload: { to: "operativ" },
    }),
  },
  // Avhopparverksamhet (issue 21 point 4): read with case:read, work with case:write, in the case's district.
  {
    method: "GET",
    route: "/api/cases/:id/avhopp",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/avhopp` }),
  },
  {
    method: "POST",
    route: "/api/cases/:id/avhopp",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/cases/${(await seedCase(w, t, "reported")).caseId}/avhopp`,
      payload: { contactOn: stockholmToday(), channel: "egen", custody: "anstalt", background: "Vill lämna nätverket" },
    }),
  },
  {
    method: "GET",
    route: "/api/avhopp/:id",
    expect: ownDistrict(CASE_READERS, 200),
    call: async (w, t) => ({ url: `/api/avhopp/${await seedAvhoppProcess(w, t)}` }),
  },
  {
    method: "POST",
    route: "/api/avhopp/:id/steps",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/avhopp/${await seedAvhoppProcess(w, t)}/steps`,
      payload: { kind: "kartlaggning", on: stockholmToday(), riskLevel: "medel", summary: "Hot- och riskbedömning gjord" },
    }),
  },
  {
    method: "POST",
    route: "/api/avhopp/:id/follow-ups",
    expect: ownDistrict(CASE_WRITERS, 201),
    call: async (w, t) => ({
      url: `/api/avhopp/${await seedAvhoppProcess(w, t, "agreed")}/follow-ups`,
      payload: { dueOn: stockholmToday(), purpose: "Uppföljning" },
    }),
  },
  {
    method: "GET",
    route: "/api/avhopp",
    expect: anywhere(CASE_READERS, 200),
    call: () => ({ url: "/api/avhopp?status=all" }),
  },
  // Lägesbild and åtgärdsplan (issue 21, lag 2023:196): read by samordnare, enhetschef, kvalitet and
  // analytiker (aggregates), written by samordnare and enhetschef, decided by enhetschef; own district only.
  {
    method: "GET",
    route: "/api/lagesbilder",
    expect: anywhere(LAGESBILD_READERS, 200),
    call: () => ({ url: "/api/lagesbilder" }),
  },
  {
    method: "POST",
    route: "/api/lagesbilder",
    expect: (role, t) => (LAGESBILD_MANAGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({ url: "/api/lagesbilder", payload: { year: 2024, districtIds: [fixture(w, t).id] } }),
  },
  {
    method: "GET",
    route: "/api/lagesbilder/:id",
    expect: ownDistrict(LAGESBILD_READERS, 200),
    call: async (w, t) => ({ url: `/api/lagesbilder/${(await seedLagesbild(w, t)).lagesbildId}` }),
  },
  {
    method: "PATCH",
    route: "/api/lagesbilder/:id",
    expect: ownDistrict(LAGESBILD_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/lagesbilder/${(await seedLagesbild(w, t)).lagesbildId}`,
      payload: { analysis: "Analys" },
    }),
  },
  {
    method: "POST",
    route: "/api/lagesbilder/:id/decide",
    expect: ownDistrict(["enhetschef"], 200),
    call: async (w, t) => ({
      url: `/api/lagesbilder/${(await seedLagesbild(w, t)).lagesbildId}/decide`,
      payload: { body: "Kommunstyrelsen", decidedOn: today() },
    }),
  },
  {
    method: "GET",
    route: "/api/lagesbilder/:id/export.pdf",
    expect: ownDistrict(LAGESBILD_READERS, 200),
    call: async (w, t) => ({ url: `/api/lagesbilder/${(await seedLagesbild(w, t)).lagesbildId}/export.pdf` }),
  },
  {
    method: "GET",
    route: "/api/lagesbilder/:id/export.xlsx",
    expect: ownDistrict(LAGESBILD_READERS, 200),
    call: async (w, t) => ({ url: `/api/lagesbilder/${(await seedLagesbild(w, t)).lagesbildId}/export.xlsx` }),
  },
  {
    method: "POST",
    route: "/api/lagesbilder/:id/measures",
    expect: ownDistrict(LAGESBILD_MANAGERS, 201),
    call: async (w, t) => ({
      url: `/api/lagesbilder/${(await seedLagesbild(w, t)).lagesbildId}/measures`,
      payload: { priority: 1, area: "Syd", problem: "Våld", measure: "Trygghetsvandring", responsible: "Fritid" },
    }),
  },
  {
    method: "PATCH",
    route: "/api/lagesbilder/:id/measures/:measureId",
    expect: ownDistrict(LAGESBILD_MANAGERS, 200),
    call: async (w, t) => {
      const s = await seedLagesbild(w, t);
      return { url: `/api/lagesbilder/${s.lagesbildId}/measures/${s.measureId}`, payload: { status: "pagar" } };
    },
  },
  // Fältarbete and händelserapporter (issue 21 points 5–6): samordnare, insatsutförare and enhetschef
  // log; samordnare and enhetschef manage areas and review; the heat is read by them and the
  // aggregate roles. Another district in a body is a reference the caller may not use: 400.
  {
    method: "GET",
    route: "/api/fieldwork/areas",
    expect: anywhere(FIELD_READERS, 200),
    call: () => ({ url: "/api/fieldwork/areas" }),
  },
  {
    method: "POST",
    route: "/api/fieldwork/areas",
    expect: (role, t) => (FIELD_MANAGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: (w, t) => ({
      url: "/api/fieldwork/areas",
      payload: { districtId: fixture(w, t).id, name: `Område ${unique()}`, polygon: square(18, 59.3) },
    }),
  },
  {
    method: "PATCH",
    route: "/api/fieldwork/areas/:id",
    expect: ownDistrict(FIELD_MANAGERS, 200),
    call: async (w, t) => ({ url: `/api/fieldwork/areas/${await seedArea(w, t)}`, payload: { name: "Nytt namn" } }),
  },
  {
    method: "GET",
    route: "/api/fieldwork/staff",
    expect: anywhere(FIELD_LOGGERS, 200),
    call: () => ({ url: "/api/fieldwork/staff" }),
  },
  {
    method: "GET",
    route: "/api/fieldwork/shifts",
    expect: anywhere(FIELD_READERS, 200),
    call: () => ({ url: `/api/fieldwork/shifts?from=${today()}&to=${today()}` }),
  },
  {
    method: "POST",
    route: "/api/fieldwork/shifts",
    expect: (role, t) => (FIELD_LOGGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: async (w, t, role) => {
      const areaId = await seedArea(w, t);
      const staff = w.userIds[`${FIELD_LOGGERS.includes(role) ? role : "samordnare"}${suffix(t)}`] as string;
      return {
        url: "/api/fieldwork/shifts",
        payload: {
          districtId: fixture(w, t).id,
          areaIds: [areaId],
          startedAt: new Date(Date.now() - 7_200_000).toISOString(),
          endedAt: now(),
          staffIds: [staff],
          contacts: [{ ageBand: "16-17", gender: "flicka", count: 2 }],
          places: ["Torget"],
          observations: "Lugnt",
          tags: ["otrygghet"],
          followUpWanted: false,
        },
      };
    },
  },
  {
    method: "GET",
    route: "/api/fieldwork/shifts/:id",
    expect: ownDistrict(FIELD_READERS, 200),
    call: async (w, t) => ({ url: `/api/fieldwork/shifts/${(await seedShift(w, t)).shiftId}` }),
  },
  {
    method: "GET",
    route: "/api/fieldwork/heat",
    expect: anywhere(FIELD_READERS, 200),
    call: () => ({ url: "/api/fieldwork/heat?from=2026-01-01&to=2026-12-31" }),
  },
  {
    method: "GET",
    route: "/api/incidents",
    expect: anywhere(FIELD_LOGGERS, 200),
    call: () => ({ url: "/api/incidents" }),
  },
  {
    method: "POST",
    route: "/api/incidents",
    expect: (role, t) => (FIELD_LOGGERS.includes(role) ? (t === "own" ? 201 : 400) : 404),
    call: async (w, t) => ({
      url: "/api/incidents",
      payload: { areaId: await seedArea(w, t), occurredAt: now(), category: "vald", description: "Slagsmål vid torget" },
    }),
  },
  {
    method: "GET",
    route: "/api/incidents/:id",
    expect: ownDistrict(FIELD_LOGGERS, 200),
    call: async (w, t) => ({ url: `/api/incidents/${(await seedIncident(w, t)).incidentId}` }),
  },
  {
    method: "POST",
    route: "/api/incidents/:id/review",
    expect: ownDistrict(FIELD_MANAGERS, 200),
    call: async (w, t) => ({
      url: `/api/incidents/${(await seedIncident(w, t)).incidentId}/review`,
      payload: { decision: "approve" },
    }),
  },
  {
    method: "POST",
    route: "/api/incidents/:id/resubmit",
    // Only the reporter resubmits, so the report is the caller's own (or, in the other district, its
    // namesake's), returned by a manager of its district.
    expect: ownDistrict(FIELD_LOGGERS, 200),
    call: async (w, t, role) => {
      const { areaId, incidentId } = await seedIncident(w, t);
      await w.database.db
        .update(fieldIncidents)
        .set({
          status: "returned",
          reportedBy: w.userIds[`${role}${suffix(t)}`] as string,
          reviewedBy: w.userIds[`enhetschef${suffix(t)}`] as string,
          reviewedAt: new Date(),
          reviewComment: "Ange plats",
        })
        .where(eq(fieldIncidents.id, incidentId));
      return {
        url: `/api/incidents/${incidentId}/resubmit`,
        payload: { areaId, occurredAt: now(), category: "hot", description: "Hot mellan två grupper vid torget, rättad" },
      };
    },
  },
];

/** Routes anyone may call without a session. */
const PUBLIC = [
  "POST /api/auth/login",
  "POST /api/auth/logout",
  "GET /api/health",
  "GET /api/openapi.json",
  "POST /api/self-report/form",
  "POST /api/self-report/answers",
];

let w: World;
beforeAll(async () => {
  w = await createWorld();
});
afterAll(async () => w?.close());

/** A digest of everything a denied call could have changed (the audit log aside). */
async function snapshot(): Promise<string> {
  const tables = [
    "persons",
    "person_shares",
    "emergency_access_grants",
    "users",
    "user_roles",
    "protected_access_grants",
    "districts",
    "units",
    "instruments",
    "instrument_trainings",
    "assessments",
    "insats_catalogue",
    "insats_availability",
    "insatser",
    "insats_plans",
    "insats_follow_ups",
    "overvaganden",
    "isu_scales",
    "isu_measurement_plans",
    "isu_survey_questions",
    "isu_self_report_links",
    "isu_measurements",
    "isu_survey_responses",
    "lul_yttranden",
    "lvu_processes",
    "lvu_steps",
    "ungdomstjanst_judgments",
    "ungdomstjanst_sessions",
    "ungdomstjanst_misconduct",
    "ungdomsovervakning_plans",
    "ungdomsovervakning_items",
    "deviations",
    "deviation_actions",
    "deviation_events",
    "file_reviews",
    "file_review_items",
    "file_review_actions",
    "file_review_finding_deviations",
    "styrdokument",
    "styrdokument_districts",
    "styrdokument_versions",
    "log_reviews",
    "log_review_items",
    "internal_control_plans",
    "internal_control_points",
    "internal_control_results",
    "forums",
    "forum_meetings",
    "forum_agenda_items",
    "consents",
    "consent_disclosures",
    "lagesbilder",
    "lagesbild_versions",
    "lagesbild_measures",
    "action_plans",
    "action_plan_tasks",
    "action_plan_follow_ups",
    "action_plan_stage_changes",
    "avhopp_processes",
    "avhopp_steps",
    "avhopp_follow_ups",
    "field_areas",
    "field_shifts",
    "field_incidents",
    "person_relations",
    "guardian_notices",
    "child_views",
    "decision_proposals",
  ];
  const parts = await Promise.all(
    tables.map(async (t) => {
      const r = await w.database.db.execute(
        sql.raw(`select md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as h from ${t} x`),
      );
      return String((r.rows[0] as { h: string }).h);
    }),
  );
  return parts.join(":");
}

describe("authorization matrix", () => {
  it("has an entry for every API route, and every route declares a permission", () => {
    const declared = w.app.declaredRoutes.filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs"));
    for (const r of declared) expect(r.permission, `${r.method} ${r.url} declares no permission`).toBeDefined();
    const covered = new Set([...MATRIX.map((e) => `${e.method} ${e.route}`), ...PUBLIC]);
    const missing = declared.map((r) => `${r.method} ${r.url}`).filter((k) => !covered.has(k));
    expect(missing, "routes missing from the authorization matrix").toEqual([]);
    const publicDeclared = declared.filter((r) => r.permission === "public").map((r) => `${r.method} ${r.url}`);
    expect(publicDeclared.sort()).toEqual([...PUBLIC].sort());
  });

  for (const entry of MATRIX) {
    describe(`${entry.method} ${entry.route}`, () => {
      it("answers 401 without a session and changes nothing", async () => {
        const call = await entry.call(w, "own", "handlaggare");
        const before = await snapshot();
        const res = await w.app.inject({ method: entry.method as "GET", url: call.url, payload: call.payload as object });
        expect(res.statusCode).toBe(401);
        expect(await snapshot()).toBe(before);
      });
      for (const role of ROLES) {
        for (const target of ["own", "other"] as const) {
          const expected = entry.expect(role, target);
          it(`${role} on ${target} district → ${expected}`, async () => {
            const username = role;
            const cookie = await w.login(username);
            const call = await entry.call(w, target, role);
            const before = expected >= 400 ? await snapshot() : "";
            const res = await w.app.inject({
              method: entry.method as "GET",
              url: call.url,
              headers: { cookie },
              payload: call.payload as object,
            });
            expect(res.statusCode, res.body).toBe(expected);
            if (expected >= 400) expect(await snapshot(), "a refused call changed data").toBe(before);
          });
        }
      }
    });
  }

  it("public routes answer without a session", async () => {
    expect((await w.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await w.app.inject({ method: "GET", url: "/api/openapi.json" })).statusCode).toBe(200);
    expect((await w.app.inject({ method: "POST", url: "/api/auth/logout" })).statusCode).toBe(200);
  });
});
