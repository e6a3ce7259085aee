/**
 * The review of a händelserapport: a manager of the district approves it, and only then does it
 * count in the heat and the lägesbild; or returns it with a comment. Nobody reviews their own
 * report (four eyes). A reviewed report is not reviewed again; a returned one its reporter may
 * correct and submit anew, and then it is reviewed like a new one. Pure.
 */
import type { IncidentStatus } from "./vocabulary";

export type ReviewDecision = "approve" | "return";

export type ReviewOutcome =
  | { ok: true; status: IncidentStatus }
  | { ok: false; code: "already_reviewed" | "own_report" | "comment_required"; message: string };

export function reviewIncident(
  current: { status: IncidentStatus; reportedBy: string },
  reviewer: string,
  decision: ReviewDecision,
  comment: string,
): ReviewOutcome {
  if (current.status !== "submitted")
    return { ok: false, code: "already_reviewed", message: "Rapporten är redan granskad / The report has already been reviewed" };
  if (current.reportedBy === reviewer)
    return { ok: false, code: "own_report", message: "Du kan inte granska din egen rapport / You cannot review your own report" };
  if (decision === "return" && !comment.trim())
    return {
      ok: false,
      code: "comment_required",
      message: "Skriv varför rapporten skickas tillbaka / Say why the report is returned",
    };
  return { ok: true, status: decision === "approve" ? "approved" : "returned" };
}

export type ResubmitOutcome =
  | { ok: true; status: "submitted" }
  | { ok: false; code: "not_own_report" | "not_returned"; message: string };

/**
 * A returned report goes back for review once its reporter has corrected it. Only the reporter may
 * do so (a colleague's correction would put words in their name), and only while it is returned:
 * a submitted report waits for its review, an approved one already counts and is not rewritten.
 */
export function resubmitIncident(current: { status: IncidentStatus; reportedBy: string }, actor: string): ResubmitOutcome {
  if (current.reportedBy !== actor)
    return {
      ok: false,
      code: "not_own_report",
      message: "Bara den som skrev rapporten kan rätta den / Only the reporter can correct the report",
    };
  if (current.status !== "returned")
    return {
      ok: false,
      code: "not_returned",
      message:
        "Bara en återskickad rapport kan rättas och skickas in igen / Only a returned report can be corrected and resubmitted",
    };
  return { ok: true, status: "submitted" };
}

/** Only approved reports count in an aggregate. */
export const countsInAggregates = (status: IncidentStatus) => status === "approved";
