import { and, eq, gte, inArray, isNotNull, lte, or, sql } from "drizzle-orm";
import type { LvuStepBody } from "../../../contracts/young-offenders";
import type { CriterionResult, InsatsFile, InvestigationFile } from "../../../domain/file-review/criteria";
import { evaluateInsats, evaluateInvestigation } from "../../../domain/file-review/criteria";
import type { FileKind } from "../../../domain/file-review/definitions";
import { type LvuFileProcess, processesOfInvestigation } from "../../../domain/file-review/lvu-criteria";
import type { InsatsKind } from "../../../domain/interventions/vocabulary";
import type { LvuBehaviour, LvuGround } from "../../../domain/lvu/vocabulary";
import { type Db, type Tx, together } from "../../db/connection";
import {
  assessments,
  cases,
  decisions,
  districts,
  insatsCatalogue,
  insatser,
  insatsFollowUps,
  insatsPlans,
  investigations,
  lvuProcesses,
  lvuSteps,
  overvaganden,
  persons,
  preAssessments,
  protectionAssessments,
  reports,
} from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { insatsScope, investigationScope } from "../../platform/scope";
import { toDomainStep } from "../young-offenders/lvu.service";

/** A file the population holds: what the sample draws from and the item records. */
export interface PopulationFile {
  id: string;
  fileKind: FileKind;
  caseId: string;
  personId: string;
  districtId: string;
  /** The day the file starts: the investigation opened, the insats decided. */
  fileDate: string;
}

export interface Filter {
  districtIds: string[];
  unitIds: string[];
  from: string;
  to: string;
}

/**
 * Every file of a kind in the districts (and units) whose start day lies in [from, to]: utredningar
 * by the day they were opened, insatser by the day they were decided. Through the actor's scope,
 * as every read of personal data is; the districts are already ones where the actor may review.
 * Only ids and what the item row needs are read: the sample is drawn before anything else is.
 */
export async function population(tx: Db | Tx, actor: Actor, kinds: readonly FileKind[], f: Filter): Promise<PopulationFile[]> {
  // A unit filter keeps the files whose case is handled there (and, for insatser, those it provides).
  const inUnits = (...columns: (typeof cases.unitId | typeof insatser.providerUnitId)[]) =>
    f.unitIds.length === 0 ? undefined : or(...columns.map((c) => inArray(c, f.unitIds)));
  const [utredningar, insatsRows] = await together(tx, [
    kinds.includes("utredning")
      ? tx
          .select({
            id: investigations.id,
            caseId: investigations.caseId,
            personId: investigations.personId,
            districtId: investigations.districtId,
            fileDate: investigations.openedOn,
          })
          .from(investigations)
          .innerJoin(cases, eq(cases.id, investigations.caseId))
          .where(
            and(
              inArray(investigations.districtId, f.districtIds),
              gte(investigations.openedOn, f.from),
              lte(investigations.openedOn, f.to),
              investigationScope(actor),
              inUnits(cases.unitId),
            ),
          )
      : Promise.resolve([]),
    kinds.includes("insats")
      ? tx
          .select({
            id: insatser.id,
            caseId: insatser.caseId,
            personId: insatser.personId,
            districtId: insatser.districtId,
            fileDate: insatser.decidedOn,
          })
          .from(insatser)
          .innerJoin(cases, eq(cases.id, insatser.caseId))
          .where(
            and(
              inArray(insatser.districtId, f.districtIds),
              gte(insatser.decidedOn, f.from),
              lte(insatser.decidedOn, f.to),
              insatsScope(actor),
              inUnits(cases.unitId, insatser.providerUnitId),
            ),
          )
      : Promise.resolve([]),
  ]);
  return [
    ...utredningar.map((r) => ({ ...r, fileKind: "utredning" as const })),
    ...insatsRows.map((r) => ({ ...r, fileKind: "insats" as const })),
  ];
}

export interface EvaluatedFile {
  verdicts: CriterionResult[];
  /** What the file is, for the reader: the insats's name; empty for an investigation. */
  label: string;
}

/**
 * Reads what the criteria need for the sampled investigations — the investigation, the decision
 * that opened it and its förlängningar, every report of its case with their bedömningar, its signed
 * assessments, the LVU processes of its case with their steps — in a handful of queries for the
 * whole sample, and evaluates each file.
 */
export async function evaluateInvestigations(tx: Db | Tx, ids: string[], asOf: Date): Promise<Map<string, EvaluatedFile>> {
  const out = new Map<string, EvaluatedFile>();
  if (ids.length === 0) return out;
  // The cases of the investigations as a subquery rather than a first round trip: every read
  // below can then go out at once.
  const caseIds = tx.select({ id: investigations.caseId }).from(investigations).where(inArray(investigations.id, ids));
  const [invRows, decisionRows, reportRows, assessmentRows, caseInvestigations, lvuRows] = await together(tx, [
    tx.select().from(investigations).where(inArray(investigations.id, ids)),
    tx
      .select({
        id: decisions.id,
        investigationId: decisions.investigationId,
        type: decisions.type,
        decidedAt: decisions.decidedAt,
        reason: decisions.reason,
        newEndDate: sql<string | null>`${decisions.details}->>'newEndDate'`,
      })
      .from(decisions)
      .where(
        or(
          inArray(
            decisions.id,
            tx.select({ id: investigations.openingDecisionId }).from(investigations).where(inArray(investigations.id, ids)),
          ),
          and(inArray(decisions.investigationId, ids), eq(decisions.type, "forlangning")),
        ),
      ),
    tx
      .select({
        id: reports.id,
        caseId: reports.caseId,
        receivedAt: reports.receivedAt,
        concerns: reports.concerns,
        assessedAt: protectionAssessments.assessedAt,
        preDecidedAt: preAssessments.decidedAt,
        outcome: preAssessments.outcome,
        investigationId: preAssessments.investigationId,
        linkedInvestigationId: preAssessments.linkedInvestigationId,
      })
      .from(reports)
      .leftJoin(protectionAssessments, eq(protectionAssessments.reportId, reports.id))
      .leftJoin(preAssessments, eq(preAssessments.reportId, reports.id))
      .where(inArray(reports.caseId, caseIds)),
    tx
      .select({ id: assessments.id, investigationId: assessments.investigationId, signedAt: assessments.signedAt })
      .from(assessments)
      .where(and(inArray(assessments.investigationId, ids), isNotNull(assessments.signedAt))),
    // Every investigation of the cases, to place each LVU process in one file (processesOfInvestigation).
    tx
      .select({ id: investigations.id, caseId: investigations.caseId, openedOn: investigations.openedOn })
      .from(investigations)
      .where(inArray(investigations.caseId, caseIds)),
    tx
      .select({
        id: lvuProcesses.id,
        caseId: lvuProcesses.caseId,
        grounds: lvuProcesses.grounds,
        behaviours: lvuProcesses.behaviours,
        birthDate: persons.birthDate,
        steps: sql<{ seq: number; data: LvuStepBody }[]>`(select coalesce(json_agg(json_build_object('seq', s.seq, 'data', s.data)
          order by s.seq), '[]') from ${lvuSteps} s where s.process_id = ${lvuProcesses.id})`,
      })
      .from(lvuProcesses)
      .innerJoin(persons, eq(persons.id, lvuProcesses.personId))
      .where(inArray(lvuProcesses.caseId, caseIds)),
  ]);
  const lvuOfCase = (caseId: string): LvuFileProcess[] =>
    lvuRows
      .filter((p) => p.caseId === caseId)
      .map((p) => ({
        id: p.id,
        facts: { grounds: p.grounds as LvuGround[], behaviours: p.behaviours as LvuBehaviour[], birthDate: p.birthDate },
        steps: p.steps.map((s) => ({ ...toDomainStep(s.data), seq: s.seq })),
      }));
  for (const inv of invRows) {
    const opening = decisionRows.find((d) => d.id === inv.openingDecisionId);
    const file: InvestigationFile = {
      investigation: {
        id: inv.id,
        openedOn: inv.openedOn,
        completedOn: inv.completedOn,
        noAssessmentReason: inv.noAssessmentReason,
        noAssessmentNote: inv.noAssessmentNote,
      },
      openingDecision: opening
        ? { id: opening.id, type: opening.type, decidedAt: opening.decidedAt, reason: opening.reason }
        : null,
      extensions: decisionRows
        .filter((d) => d.investigationId === inv.id && d.type === "forlangning" && d.newEndDate)
        .map((d) => ({ id: d.id, decidedAt: d.decidedAt, newEndDate: d.newEndDate as string })),
      reports: reportRows
        .filter((r) => r.caseId === inv.caseId)
        .map((r) => ({
          id: r.id,
          receivedAt: r.receivedAt,
          concerns: r.concerns,
          protection: r.assessedAt ? { assessedAt: r.assessedAt } : null,
          pre:
            r.preDecidedAt && r.outcome
              ? {
                  decidedAt: r.preDecidedAt,
                  outcome: r.outcome,
                  investigationId: r.investigationId,
                  linkedInvestigationId: r.linkedInvestigationId,
                }
              : null,
        })),
      signedAssessments: assessmentRows
        .filter((a) => a.investigationId === inv.id && a.signedAt)
        .map((a) => ({ id: a.id, signedAt: a.signedAt as Date })),
      lvuProcesses: processesOfInvestigation(
        inv.id,
        caseInvestigations.filter((i) => i.caseId === inv.caseId),
        lvuOfCase(inv.caseId),
      ),
    };
    out.set(inv.id, { verdicts: evaluateInvestigation(file, asOf), label: "" });
  }
  return out;
}

/**
 * Reads what the criteria need for the sampled insatser — the insats with its catalogue kind and
 * its district's plan days, its plan versions, follow-ups and överväganden — and evaluates each.
 */
export async function evaluateInsatser(tx: Db | Tx, ids: string[], asOf: Date): Promise<Map<string, EvaluatedFile>> {
  const out = new Map<string, EvaluatedFile>();
  if (ids.length === 0) return out;
  const [rows, planRows, followUpRows, overvagandeRows] = await together(tx, [
    tx
      .select({ i: insatser, kind: insatsCatalogue.kind, name: insatsCatalogue.name, planDueDays: districts.planDueDays })
      .from(insatser)
      .innerJoin(insatsCatalogue, eq(insatsCatalogue.id, insatser.catalogueId))
      .innerJoin(districts, eq(districts.id, insatser.districtId))
      .where(inArray(insatser.id, ids)),
    tx
      .select({
        id: insatsPlans.id,
        insatsId: insatsPlans.insatsId,
        version: insatsPlans.version,
        signedAt: insatsPlans.signedAt,
        followUpDates: insatsPlans.followUpDates,
        goalDays: sql<string[]>`coalesce((select array_agg(g->>'followUpOn') from jsonb_array_elements(${insatsPlans.goals}) g
          where g->>'followUpOn' is not null), '{}')`,
        youngPersonViews: insatsPlans.youngPersonViews,
      })
      .from(insatsPlans)
      .where(inArray(insatsPlans.insatsId, ids)),
    tx
      .select({
        id: insatsFollowUps.id,
        insatsId: insatsFollowUps.insatsId,
        dueOn: insatsFollowUps.dueOn,
        doneOn: insatsFollowUps.doneOn,
      })
      .from(insatsFollowUps)
      .where(inArray(insatsFollowUps.insatsId, ids)),
    tx
      .select({ id: overvaganden.id, insatsId: overvaganden.insatsId, decidedOn: overvaganden.decidedOn })
      .from(overvaganden)
      .where(inArray(overvaganden.insatsId, ids)),
  ]);
  for (const { i, kind, name, planDueDays } of rows) {
    const file: InsatsFile = {
      insats: {
        id: i.id,
        legalForm: i.legalForm,
        kind: kind as InsatsKind,
        decidedOn: i.decidedOn,
        startedOn: i.startedOn,
        endedOn: i.endedOn,
        carePlanOn: i.carePlanOn,
        notStartedReason: i.notStartedReason,
      },
      planDueDays,
      plans: planRows
        .filter((p) => p.insatsId === i.id)
        .map((p) => ({
          id: p.id,
          version: p.version,
          signedAt: p.signedAt,
          followUpDays: [...p.followUpDates, ...(p.goalDays ?? [])],
          youngPersonViews: p.youngPersonViews,
        })),
      followUps: followUpRows.filter((f) => f.insatsId === i.id),
      overvaganden: overvagandeRows.filter((o) => o.insatsId === i.id),
    };
    out.set(i.id, { verdicts: evaluateInsats(file, asOf), label: name });
  }
  return out;
}
