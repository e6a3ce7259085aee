import ExcelJS from "exceljs";
import type { z } from "zod";
import type { usageResponse } from "../../../contracts/assessments";
import { CONCERN_LABELS, GENDER_PLURAL_LABELS, label } from "../../../web/labels";

type Usage = z.infer<typeof usageResponse>;
type Cell = { completed: number; withAssessment: number; share: number | null };

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const cellRow = (label: string, c: Cell) => [label, c.completed, c.withAssessment, percent(c.share)];

/** The usage figures as a workbook: one sheet per breakdown, Swedish headings as on the page. */
export async function usageXlsx(u: Usage): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const header = ["", "Avslutade utredningar (brott/våld)", "Med strukturerad bedömning", "Andel %"];
  const sheet = (name: string, first: string, rows: (string | number | null)[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow([`Strukturerade bedömningar ${u.from}–${u.to}: ${name.toLowerCase()}`]).font = { bold: true, size: 13 };
    ws.addRow([first, ...header.slice(1)]).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 34 : 22;
    });
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
  const ins = wb.addWorksheet("Instrument");
  ins.addRow(["Instrument", "Utredningar med bedömning"]).font = { bold: true };
  for (const i of u.byInstrument) ins.addRow([i.instrumentName, i.investigations]);
  const staff = wb.addWorksheet("Utbildad personal");
  staff.addRow(["Instrument", "Enhet", "Utbildade"]).font = { bold: true };
  for (const t of u.trainedStaff) staff.addRow([t.instrumentName, t.unitName, t.trained]);
  staff.addRow([]);
  staff.addRow(["Signerade bedömningar i perioden", u.assessments.signed]);
  staff.addRow(["… ifyllda av utbildad personal", u.assessments.byTrained, percent(u.assessments.share)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
