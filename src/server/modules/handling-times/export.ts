import ExcelJS from "exceljs";
import type { HandlingTimes } from "../../../contracts/cases";

const GROUPS = [
  ["all", "Alla"],
  ["pojke", "Pojkar"],
  ["flicka", "Flickor"],
  ["other", "Annat/okänt"],
] as const;

const MEASURES = [
  ["skyddsbedomningWithin24h", "Skyddsbedömning inom 24 timmar"],
  ["forhandsbedomningWithin14d", "Förhandsbedömning inom 14 dagar"],
  ["utredningWithin4mOrExtended", "Utredning inom 4 månader eller med beslutad förlängning"],
] as const;

const HEADER = ["Mått", "Grupp", "Antal", "Inom tidsgräns", "Andel", "Median dagar", "90:e percentil dagar"];

/** One row per measure and group: the shape both exports share. */
export function handlingTimeRows(h: HandlingTimes): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const [key, label] of MEASURES) {
    for (const [group, groupLabel] of GROUPS) {
      const m = h[key][group];
      rows.push([
        label,
        groupLabel,
        m.total,
        m.withinLimit,
        m.share === null ? null : Math.round(m.share * 1000) / 10,
        m.medianDays,
        m.p90Days,
      ]);
    }
  }
  rows.push(["Anmälningar i perioden", "Alla", h.reports.all, null, null, null, null]);
  rows.push(["Kopplade till pågående utredning", "Alla", h.linkedToOngoingInvestigation, null, null, null, null]);
  rows.push([
    "Återaktualiseringar inom 12 månader",
    "Alla",
    h.reReferrals,
    null,
    h.reReferralRate === null ? null : Math.round(h.reReferralRate * 1000) / 10,
    null,
    null,
  ]);
  return rows;
}

const csvCell = (v: string | number | null) => {
  if (v === null) return "";
  const s = String(v);
  return /[";\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Semicolon-separated with a BOM: what Swedish Excel opens correctly. */
export function handlingTimesCsv(h: HandlingTimes): string {
  const lines = [
    `Handläggningstider ${h.from}–${h.to}`,
    HEADER.join(";"),
    ...handlingTimeRows(h).map((r) => r.map(csvCell).join(";")),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function handlingTimesXlsx(h: HandlingTimes): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const ws = wb.addWorksheet("Handläggningstider");
  ws.addRow([`Handläggningstider ${h.from}–${h.to}`]).font = { bold: true, size: 14 };
  ws.addRow(HEADER).font = { bold: true };
  for (const r of handlingTimeRows(h)) ws.addRow(r);
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 52 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
