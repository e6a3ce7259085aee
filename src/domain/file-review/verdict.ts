/**
 * The shape of an automatic verdict and the helpers every criterion builds one with: the record it
 * rests on, the citation of the law in force on that record's day, and the rule for a criterion
 * that looks at several records. Pure. (criteria.ts and lvu-criteria.ts share them.)
 */
import type { ClockOutcome } from "../indicators/clock-outcome";
import type { Label } from "../interventions/vocabulary";
import { type CriterionCode, citation, type Verdict } from "./definitions";

/** The record a verdict rests on: the page that shows it is found from the type and the file. */
export interface RecordRef {
  type: "report" | "investigation" | "decision" | "assessment" | "insats" | "plan" | "follow_up" | "overvagande" | "lvu_process";
  id: string;
  /** The day that matters for the verdict ('YYYY-MM-DD', Swedish time). */
  date: string;
}

export interface CriterionResult {
  code: CriterionCode;
  verdict: Verdict;
  detail: Label;
  ref: RecordRef | null;
  /** The rule's source as in force on the ref's date (definitions.ts citation). */
  law: string;
}

export function result(
  code: CriterionCode,
  verdict: Verdict,
  detail: Label,
  ref: RecordRef | null,
  fallbackDay: string,
): CriterionResult {
  return { code, verdict, detail, ref, law: citation(code, ref?.date ?? fallbackDay) };
}

/** One part of a criterion that looks at several records (each report of a file). */
export interface Part {
  outcome: "ok" | "missing" | "pending";
  ref: RecordRef;
  detail: Label;
}

/**
 * A criterion over several records: not met when any part misses (resting on the first that
 * does), met when every decided part is ok (resting on the last), not applicable when nothing is
 * decided yet or there is nothing to check.
 */
export function combine(code: CriterionCode, parts: Part[], none: Label, fallbackDay: string): CriterionResult {
  const missing = parts.find((p) => p.outcome === "missing");
  if (missing) {
    const n = parts.filter((p) => p.outcome === "missing").length;
    const detail =
      parts.length > 1
        ? { sv: `${missing.detail.sv} (${n} av ${parts.length})`, en: `${missing.detail.en} (${n} of ${parts.length})` }
        : missing.detail;
    return result(code, "not_met", detail, missing.ref, fallbackDay);
  }
  const ok = parts.filter((p) => p.outcome === "ok");
  const last = ok.at(-1);
  if (last && ok.length === parts.length) {
    const detail = parts.length > 1 ? { sv: `Alla ${parts.length} i tid`, en: `All ${parts.length} on time` } : last.detail;
    return result(code, "met", detail, last.ref, fallbackDay);
  }
  if (last) {
    return result(
      code,
      "not_applicable",
      { sv: "Någon del ännu inte avgjord", en: "Some part not yet decided" },
      last.ref,
      fallbackDay,
    );
  }
  const pending = parts[0];
  return result(code, "not_applicable", pending?.detail ?? none, pending?.ref ?? null, fallbackDay);
}

export const fromClock = (o: ClockOutcome): Part["outcome"] => (o === "within" ? "ok" : o === "pending" ? "pending" : "missing");
