import {
  type ClockKind,
  type ClockState,
  clockState,
  type Deadline,
  forhandsbedomningDeadline,
  skyddsbedomningDeadline,
  uppfoljningDeadline,
  utredningDeadline,
} from "../../domain/clocks";
import { startOfStockholmDay } from "../../domain/time";
import { useLang } from "../i18n";
import { CLOCK_LABELS, label, STATE_LABELS } from "../labels";
import type { CaseFile } from "./CaseApi";

export interface CaseClock {
  clock: ClockKind;
  /** The report (skydds-/förhandsbedömning) or investigation (utredning, uppföljning) it belongs to. */
  recordId: string;
  state: ClockState;
  dueDate: string;
  dueAt: Date;
  daysLeft: number;
  completedAt: Date | null;
  extended: boolean;
}

function make(
  clock: ClockKind,
  recordId: string,
  deadline: Deadline,
  completedAt: Date | null,
  now: Date,
  extended = false,
): CaseClock {
  const { state, daysLeft } = clockState({ deadline, completedAt, now });
  return { clock, recordId, state, dueDate: deadline.dueDate, dueAt: deadline.dueAt, daysLeft, completedAt, extended };
}

/**
 * The legal clocks of one case, by the same rules (src/domain/clocks.ts) the server's deadline
 * overview uses, computed from the case file so the page needs no second request.
 */
export function caseClocks(c: CaseFile, now = new Date()): CaseClock[] {
  const out: CaseClock[] = [];
  for (const r of c.reports) {
    const received = new Date(r.receivedAt);
    out.push(
      make(
        "skyddsbedomning",
        r.id,
        skyddsbedomningDeadline(received),
        r.protection ? new Date(r.protection.assessedAt) : null,
        now,
      ),
    );
    out.push(
      make(
        "forhandsbedomning",
        r.id,
        forhandsbedomningDeadline(received),
        r.preAssessment ? new Date(r.preAssessment.decidedAt) : null,
        now,
      ),
    );
  }
  for (const i of c.investigations) {
    out.push(
      make(
        "utredning",
        i.id,
        utredningDeadline(i.openedOn, i.extendedTo),
        i.completedOn ? startOfStockholmDay(i.completedOn) : null,
        now,
        i.extendedTo !== null,
      ),
    );
    if (i.completedOn && i.guardiansDeclined) {
      const followUp = c.decisions
        .filter((d) => d.type === "uppfoljning" && d.investigationId === i.id)
        .map((d) => d.decidedAt)
        .sort()[0];
      out.push(make("uppfoljning", i.id, uppfoljningDeadline(i.completedOn), followUp ? new Date(followUp) : null, now));
    }
  }
  return out;
}

export const isRunning = (s: ClockState) => s === "due" || s === "due_soon" || s === "overdue";

/** A clock's state in words, with a symbol for overdue: never colour alone. */
export function ClockStateText({ state }: { state: ClockState | string }) {
  const { lang } = useLang();
  return (
    <span className={`state state-${state}`}>
      {state === "overdue" && <span aria-hidden="true">⚠ </span>}
      {(state === "met" || state === "met_late") && <span aria-hidden="true">✓ </span>}
      {label(STATE_LABELS, state, lang)}
    </span>
  );
}

/** One clock as a sentence: "Skyddsbedömning (24 h): Försenad — sista dag 2025-03-02 (−1 dagar)". */
export function ClockLine({ clock }: { clock: CaseClock }) {
  const { t, lang } = useLang();
  return (
    <li className={`clock clock-${clock.state}`}>
      <strong>{label(CLOCK_LABELS, clock.clock, lang)}</strong>: <ClockStateText state={clock.state} /> — {t("dueDate")}{" "}
      {clock.dueDate}
      {isRunning(clock.state) && (
        <span className="hint">
          {" "}
          ({t("daysLeft")}: {clock.daysLeft})
        </span>
      )}
      {clock.extended && <span className="hint"> ({t("extended")})</span>}
    </li>
  );
}

export function ClockList({ clocks, label: listLabel }: { clocks: CaseClock[]; label: string }) {
  if (clocks.length === 0) return null;
  return (
    <ul className="plain clocks" aria-label={listLabel}>
      {clocks.map((c) => (
        <ClockLine key={`${c.clock}-${c.recordId}`} clock={c} />
      ))}
    </ul>
  );
}
