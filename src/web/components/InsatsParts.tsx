import type { ReactNode } from "react";
import { DECISION_TO_START_TARGET_DAYS } from "../../domain/interventions/rules";
import { useLang } from "../i18n";
import { label, PLAN_STATE_LABELS } from "../labels";
import type { InsatsSummary } from "./InsatsApi";

/* Small read-only pieces shared by the insats tables and the insats page: never colour alone. */

/** The plan state as symbol + word; "not due" is a dash with its meaning for screen readers. */
export function PlanStateText({ state }: { state: InsatsSummary["planState"] }) {
  const { lang } = useLang();
  if (state === "not_due")
    return (
      <span>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{label(PLAN_STATE_LABELS, state, lang)}</span>
      </span>
    );
  return (
    <span className={`state ${state === "missing" ? "state-overdue" : state === "late" ? "state-met_late" : "signed"}`}>
      <span aria-hidden="true">{state === "missing" ? "⚠ " : state === "late" ? "⏱ " : "✓ "}</span>
      {label(PLAN_STATE_LABELS, state, lang)}
    </span>
  );
}

/** Days from decision to start, marked when over the 42-day target. */
export function DaysToStart({ days }: { days: number | null }) {
  const { t } = useLang();
  if (days === null) return <>—</>;
  return (
    <>
      {days}
      {days > DECISION_TO_START_TARGET_DAYS && (
        <span className="state state-met_late">
          {" "}
          <span aria-hidden="true">⚠ </span>
          {t("insOver42")}
        </span>
      )}
    </>
  );
}

/** The IVO marker: a decision not executed within 3 months. */
export function IvoFlag({ reportable }: { reportable: boolean }) {
  const { t } = useLang();
  if (!reportable) return <>—</>;
  return (
    <span className="state state-overdue">
      <span aria-hidden="true">⚠ </span>
      {t("insIvoReportable")}
    </span>
  );
}

export const dash = (v: string | null | undefined) => v || "—";

/**
 * A table wrapper that can be scrolled by keyboard: tables whose cells hold nothing focusable
 * need the wrapper itself in the tab order when they overflow (WCAG 2.1.1).
 */
export function ScrollTable({ label: name, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={name} tabIndex={0}>
      {children}
    </div>
  );
}
