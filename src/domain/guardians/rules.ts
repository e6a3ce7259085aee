/**
 * Guardians and the child's voice (issue 18 point 3): the rules, pure and without I/O.
 *
 * The law, as far as it was checked against its text here:
 * - SoL (2001:453) 11 kap. 10 §, in force until 30 June 2025: when a measure concerns a child, the
 *   child shall get relevant information and be given the opportunity to express their views; if
 *   the child does not, their position shall as far as possible be clarified in another way; the
 *   views are given weight by age and maturity. Hence a documented view or, when the child was
 *   not heard, the reason and how the position was otherwise clarified (a code and a note).
 * - SoL (2025:400), in force from 1 July 2025, carries the same duty on (prop. 2024/25:89 recasts the
 *   child's provisions after the Convention on the Rights of the Child). Its chapter and section
 *   for the child's view were NOT verified against the law's text here, so the citation names the
 *   new law and the section of the old one it continues, as the file review does.
 * - Informing those concerned that an investigation has been opened: prop. 2012/13:10 proposed that
 *   whoever an investigation concerns be told "genast" unless special reasons speak against it. Its
 *   section in either law was not verified here, so no section is cited for it.
 * - Vårdnad: a child has one or two vårdnadshavare (föräldrabalken 6 kap.), hence MAX_CUSTODIANS.
 */
import { SOL_2025_IN_FORCE } from "../deviations/lex-sarah";
import { type ChildViewStage, CUSTODY_RELATIONS, MAX_CUSTODIANS, type NotHeardReason, type Relation } from "./vocabulary";

export interface RuleProblem {
  /** Machine-readable code for the 4xx answer. */
  code: string;
  /** The request field at fault, relative to the body ("personnummer", "custody" …). */
  field: string;
  /** 400 for bad input, 409 for a conflict with what is already recorded. */
  status: 400 | 409;
}

export interface LinkCandidate {
  childId: string;
  relatedPersonId: string;
  relation: Relation;
  custody: boolean;
  /** The related persons already linked to the child (not removed), with their custody. */
  existing: readonly { relatedPersonId: string; custody: boolean }[];
}

/**
 * Whether a related person may be linked to a child: not the child itself, not twice, custody only
 * for a relation that can carry it, and no third vårdnadshavare.
 */
export function linkProblem(c: LinkCandidate): RuleProblem | null {
  if (c.childId === c.relatedPersonId) return { code: "related_is_child", field: "personnummer", status: 400 };
  if (c.custody && !CUSTODY_RELATIONS.includes(c.relation)) {
    return { code: "custody_not_possible", field: "custody", status: 400 };
  }
  if (c.existing.some((e) => e.relatedPersonId === c.relatedPersonId)) {
    return { code: "relation_exists", field: "personnummer", status: 409 };
  }
  if (c.custody && c.existing.filter((e) => e.custody).length >= MAX_CUSTODIANS) {
    return { code: "too_many_custodians", field: "custody", status: 409 };
  }
  return null;
}

export interface ChildViewInput {
  view?: string | null | undefined;
  notHeardReason?: NotHeardReason | null | undefined;
  notHeardNote?: string | null | undefined;
}

const filled = (s: string | null | undefined) => typeof s === "string" && s.trim().length > 0;

/**
 * The child's view is documented as either what the child said, or the reason the child was not
 * heard with a note on how their position was otherwise clarified — exactly one of the two.
 * `fields` names the fields as the request does.
 */
export function childViewProblem(input: ChildViewInput, fields = CHILD_VIEW_FIELDS): RuleProblem | null {
  const hasView = filled(input.view);
  const hasReason = input.notHeardReason !== null && input.notHeardReason !== undefined;
  if (!hasView && !hasReason) return { code: "child_view_required", field: fields.view, status: 400 };
  if (hasView && hasReason) return { code: "child_view_or_reason", field: fields.notHeardReason, status: 400 };
  if (hasReason && !filled(input.notHeardNote))
    return { code: "not_heard_note_required", field: fields.notHeardNote, status: 400 };
  return null;
}
export const CHILD_VIEW_FIELDS = { view: "view", notHeardReason: "notHeardReason", notHeardNote: "notHeardNote" };

/** What a child's view is attached to: the report (förhandsbedömning) or the investigation (utredning). */
export function childViewTargetProblem(
  stage: ChildViewStage,
  target: { reportId?: string | undefined; investigationId?: string | undefined },
): RuleProblem | null {
  if (stage === "forhandsbedomning" && !target.reportId) return { code: "report_required", field: "reportId", status: 400 };
  if (stage === "utredning" && !target.investigationId) {
    return { code: "investigation_required", field: "investigationId", status: 400 };
  }
  if (stage === "forhandsbedomning" && target.investigationId) {
    return { code: "investigation_not_allowed", field: "investigationId", status: 400 };
  }
  if (stage !== "forhandsbedomning" && target.reportId) return { code: "report_not_allowed", field: "reportId", status: 400 };
  return null;
}

/** Whether an investigation may be completed: a child's view (or the reason) documented in it. */
export function completionChildViewProblem(
  documentedInInvestigation: boolean,
  givenWithCompletion: ChildViewInput,
): RuleProblem | null {
  const given =
    filled(givenWithCompletion.view) ||
    givenWithCompletion.notHeardReason !== undefined ||
    filled(givenWithCompletion.notHeardNote);
  if (!given) {
    return documentedInInvestigation ? null : { code: "child_view_required", field: "childView", status: 400 };
  }
  return childViewProblem(givenWithCompletion, {
    view: "childView",
    notHeardReason: "childNotHeardReason",
    notHeardNote: "childNotHeardNote",
  });
}

/** The custodial guardians not yet recorded as informed of the investigation, in the order given. */
export function uninformedCustodians<T extends { guardianId: string; custody: boolean }>(
  related: readonly T[],
  informedGuardianIds: readonly string[],
): T[] {
  const informed = new Set(informedGuardianIds);
  return related.filter((r) => r.custody && !informed.has(r.guardianId));
}

export interface Provision {
  law: string;
  /** Chapter and section, or null when the section was not verified against the law's text. */
  section: string | null;
  citation: string;
}

/** The provision on the child's view in force on `day` ('YYYY-MM-DD', Stockholm). */
export function childViewProvision(day: string, lang: "sv" | "en" = "sv"): Provision {
  if (day < SOL_2025_IN_FORCE) {
    return { law: "SoL (2001:453)", section: "11 kap. 10 §", citation: "11 kap. 10 § SoL (2001:453)" };
  }
  return {
    law: "SoL (2025:400)",
    section: null,
    citation:
      lang === "sv"
        ? "SoL (2025:400), motsvarande 11 kap. 10 § i SoL (2001:453)"
        : "SoL (2025:400), corresponding to 11 kap. 10 § of SoL (2001:453)",
  };
}
