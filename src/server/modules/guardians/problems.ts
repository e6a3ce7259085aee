import type { RuleProblem } from "../../../domain/guardians/rules";
import { AppError } from "../../platform/errors";

/** The message of each rule problem (domain/guardians/rules.ts), Swedish first. */
const MESSAGES: Record<string, { message: string; field: string }> = {
  related_is_child: {
    message: "Barnet kan inte vara sin egen närstående / The child cannot be their own related person",
    field: "Ange en annan person än barnet / Give another person than the child",
  },
  custody_not_possible: {
    message:
      "Vårdnad kan bara anges för förälder eller särskilt förordnad vårdnadshavare / Custody only for a parent or an appointed guardian",
    field: "Välj relationen förälder eller särskilt förordnad vårdnadshavare / Choose parent or appointed guardian",
  },
  relation_exists: {
    message: "Personen är redan kopplad till barnet / The person is already linked to the child",
    field: "Redan kopplad / Already linked",
  },
  too_many_custodians: {
    message: "Barnet har redan två vårdnadshavare / The child already has two guardians",
    field: "Ta bort en vårdnadshavare först / Remove a guardian first",
  },
  child_view_required: {
    message:
      "Dokumentera barnets syn eller skälet till att barnet inte hörts / Document the child's view or why the child was not heard",
    field: "Barnets syn eller skäl krävs / The child's view or a reason is required",
  },
  child_view_or_reason: {
    message:
      "Ange antingen barnets syn eller skälet till att barnet inte hörts / Either the child's view or the reason, not both",
    field: "Antingen barnets syn eller ett skäl / Either the view or a reason",
  },
  not_heard_note_required: {
    message:
      "Beskriv skälet och hur barnets inställning annars klarlagts / Explain the reason and how the child's position was otherwise clarified",
    field: "Förklaring krävs / An explanation is required",
  },
  report_required: {
    message: "Ange anmälan som förhandsbedömningen gäller / Give the report of the pre-assessment",
    field: "Anmälan krävs / Report required",
  },
  investigation_required: {
    message: "Ange utredningen / Give the investigation",
    field: "Utredning krävs / Investigation required",
  },
  investigation_not_allowed: {
    message: "En förhandsbedömning hör till en anmälan, inte en utredning / A pre-assessment belongs to a report",
    field: "Anges inte vid förhandsbedömning / Not given at a pre-assessment",
  },
  report_not_allowed: {
    message: "Anmälan anges bara vid förhandsbedömning / A report is given only at a pre-assessment",
    field: "Anges bara vid förhandsbedömning / Only at a pre-assessment",
  },
};

/** A rule problem as the API's error: 400 or 409 with the field at fault under `body.`. */
export function problemError(p: RuleProblem): AppError {
  const text = MESSAGES[p.code] ?? { message: "Ogiltig uppgift / Invalid input", field: "Ogiltig / Invalid" };
  return new AppError(p.status, p.code, text.message, [{ path: `body.${p.field}`, message: text.field }]);
}

/** A unique violation from PostgreSQL (the last guard against a duplicate written at the same moment). */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}
