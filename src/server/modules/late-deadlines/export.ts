import ExcelJS from "exceljs";
import type { LateDeadlineRow } from "../../../contracts/late-deadlines";
import type { ClockKind } from "../../../domain/clocks";
import { NOT_STARTED_REASON_LABELS, type NotStartedReason } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";

const CLOCK_NAMES: Record<ClockKind, string> = {
  skyddsbedomning: "Skyddsbedömning (24 timmar)",
  forhandsbedomning: "Förhandsbedömning (14 dagar)",
  utredning: "Utredning (4 månader eller beslutad förlängning)",
  uppfoljning: "Uppföljning efter avböjd insats (2 månader)",
  verkstallighet: "Verkställighet (3 månader)",
  genomforandeplan: "Genomförandeplan (signerad i tid)",
  insats_uppfoljning: "Uppföljning av insats",
  overvagande: "Övervägande (6 månader)",
};
const STATE_NAMES: Record<LateDeadlineRow["state"], string> = { met_late: "Utförd för sent", missed: "Ej utförd" };

/** The reason recorded in the file, in words: a not-started reason's label, a förlängning's motivering. */
export function reasonText(r: Pick<LateDeadlineRow, "reasonCode" | "reason">): string {
  const code =
    r.reasonCode === "late_extension"
      ? "Förlängning beslutad efter att tiden gått ut"
      : r.reasonCode === "extension"
        ? "Förlängning"
        : r.reasonCode && r.reasonCode in NOT_STARTED_REASON_LABELS
          ? NOT_STARTED_REASON_LABELS[r.reasonCode as NotStartedReason].sv
          : (r.reasonCode ?? "");
  return [code, r.reason ?? ""].filter(Boolean).join(": ");
}

const HEADER = [
  "Tidsfrist",
  "Status",
  "Sista dag",
  "Utförd",
  "Dagar sent",
  "Timmar sent",
  "Distrikt",
  "Enhet",
  "Handläggare",
  "Person",
  "Ärende",
  "Post",
  "Skäl",
];

/** One row per late clock: the shape both exports share. Times in Stockholm days. */
export function lateRows(rows: LateDeadlineRow[]): (string | number | null)[][] {
  return rows.map((r) => [
    CLOCK_NAMES[r.clock],
    STATE_NAMES[r.state],
    r.dueDate,
    r.completedAt ? stockholmDate(new Date(r.completedAt)) : null,
    r.daysLate,
    r.hoursLate,
    r.districtName,
    r.unitName,
    r.handlaggareName,
    r.personName,
    r.caseId,
    r.recordId,
    reasonText(r) || null,
  ]);
}

/**
 * A CSV cell as text a spreadsheet will not run: text starting with = + - @ (or a tab or carriage
 * return) is a formula to Excel opening a CSV, so it gets a leading apostrophe. Free text (a reason)
 * and names come from users, hence the care.
 */
export function safeText(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

const csvCell = (v: string | number | null) => {
  if (v === null) return "";
  const s = typeof v === "string" ? safeText(v) : String(v);
  return /[";\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Semicolon-separated, UTF-8 with a BOM: what Swedish Excel opens correctly. */
export function lateDeadlinesCsv(rows: LateDeadlineRow[], period: { from: string; to: string }): string {
  const lines = [
    csvCell(`Sena och missade tidsfrister ${period.from}–${period.to}`),
    HEADER.join(";"),
    ...lateRows(rows).map((r) => r.map(csvCell).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function lateDeadlinesXlsx(rows: LateDeadlineRow[], period: { from: string; to: string }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const ws = wb.addWorksheet("Sena tidsfrister");
  ws.addRow([`Sena och missade tidsfrister ${period.from}–${period.to}`]).font = { bold: true, size: 14 };
  ws.addRow(HEADER).font = { bold: true };
  // Cells are typed values, never formulas: XLSX needs no guard against formula text.
  for (const r of lateRows(rows)) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 44 : i >= 10 && i <= 11 ? 38 : i === 12 ? 50 : 16;
  });
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
