import ExcelJS from "exceljs";
import type { z } from "zod";
import type { usageResponse } from "../../../contracts/assessments";
import { NO_ASSESSMENT_REASON_LABELS } from "../../../domain/assessment-policy";
import { CONCERN_LABELS, GENDER_PLURAL_LABELS, label } from "../../../web/labels";

type Usage = z.infer<typeof usageResponse>;
type Cell = Usage["total"];

/** A published figure as written in the workbook: a hidden one as "–", never as an empty cell or 0. */
const shown = (v: number | null) => (v === null ? "–" : v);
const percent = (share: number | null) => (share === null ? "–" : Math.round(share * 1000) / 10);
const cellRow = (label: string, c: Cell) => [label, shown(c.completed), shown(c.withAssessment), percent(c.share)];

/** What the workbook says of its protection, from the report's disclosure note (as the page says it). */
function disclosureLines(u: Usage): string[] {
  const d = u.disclosure;
  return [
    ...(d.protectedWhole
      ? ["Urvalet omfattar för få för att något ska kunna visas. Välj en längre period eller färre filter."]
      : []),
    `– betyder att värdet döljs (färre än ${d.minCount}, eller för att det annars skulle kunna räknas fram). ` +
      `Visade antal kan avvika med upp till ±${d.maxNoise} från det verkliga (röjandeskydd, cellnyckelmetoden).`,
  ];
}

/**
 * The usage figures as a workbook: one sheet per breakdown, Swedish headings as on the page. Only
 * the published figures (usage.service.ts, through the disclosure module) are written.
 */
export async function usageXlsx(u: Usage): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const header = ["", "Avslutade utredningar (brott/våld)", "Med strukturerad bedömning", "Andel %"];
  const sheet = (name: string, first: string, rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`Strukturerade bedömningar ${u.from}–${u.to}: ${name.toLowerCase()}`]).font = { bold: true, size: 13 };
    for (const line of disclosureLines(u)) ws.addRow([line]);
    ws.addRow([first, ...header.slice(1)]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 34 : 22;
    });
    return ws;
  };
  sheet("Totalt", "", [cellRow("Alla", u.total)]);
  sheet(
    "Distrikt",
    "Distrikt",
    u.byDistrict.map((d) => cellRow(d.districtName, d)),
  );
  sheet(
    "Enheter",
    "Enhet",
    u.byUnit.map((d) => cellRow(d.unitName, d)),
  );
  sheet(
    "Oro",
    "Oro",
    u.byConcern.map((d) => cellRow(label(CONCERN_LABELS, d.concern, "sv"), d)),
  );
  sheet(
    "Kön",
    "Kön",
    u.byGender.map((d) => cellRow(label(GENDER_PLURAL_LABELS, d.gender, "sv"), d)),
  );
  // Why there was none: the reason codes' labels only (the free-text note never reaches a report).
  const why = wb.addWorksheet("Skäl utan bedömning");
  why.addRow([`Strukturerade bedömningar ${u.from}–${u.to}: skäl till att bedömning saknas`]).font = { bold: true, size: 13 };
  for (const line of disclosureLines(u)) why.addRow([line]);
  why.addRow(["", "Avslutade utredningar (brott/våld)"]).font = { bold: true };
  why.addRow(["Med signerad strukturerad bedömning", shown(u.total.withAssessment)]);
  for (const r of u.byReason)
    why.addRow([
      r.reason === "none" ? "Utan bedömning, inget skäl angivet" : `Utan bedömning: ${NO_ASSESSMENT_REASON_LABELS[r.reason].sv}`,
      shown(r.investigations),
    ]);
  why.addRow(["Alla", shown(u.total.completed)]).font = { bold: true };
  why.columns.forEach((c, i) => {
    c.width = i === 0 ? 56 : 30;
  });
  const ins = wb.addWorksheet("Instrument");
  ins.addRow(["Instrument", "Utredningar med signerad bedömning"]).font = { bold: true };
  for (const i of u.byInstrument) ins.addRow([i.instrumentName, shown(i.investigations)]);
  const staff = wb.addWorksheet("Utbildad personal");
  staff.addRow(["Instrument", "Enhet", "Utbildade"]).font = { bold: true };
  for (const t of u.trainedStaff) staff.addRow([t.instrumentName, t.unitName, shown(t.trained)]);
  staff.addRow([]);
  staff.addRow(["Signerade bedömningar i perioden", shown(u.assessments.signed)]);
  staff.addRow(["… ifyllda av utbildad personal", shown(u.assessments.byTrained), percent(u.assessments.share)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
