import ExcelJS from "exceljs";
import type { HandlingTimes } from "../../../contracts/cases";
import { ALL_DEFINITIONS, INDICATORS, type IndicatorId } from "../../../domain/indicators/definitions";

type Cell = string | number | null;
type Outcome = HandlingTimes["skyddsbedomning"]["all"];
type Group = keyof HandlingTimes["reports"];

const GROUPS: readonly [Group, string][] = [
  ["all", "Alla"],
  ["pojke", "Pojkar"],
  ["flicka", "Flickor"],
  ["other", "Annat/okänt"],
];

/** A hidden figure: "–", never empty and never 0 (an empty cell means "does not apply"). */
const HIDDEN = "–";
const count = (v: number | null): Cell => (v === null ? HIDDEN : v);
const percent = (v: number | null): Cell => (v === null ? HIDDEN : Math.round(v * 1000) / 10);

const HEADER = [
  "Mått",
  "Grupp",
  "Andel inom tid, %",
  "Inom tid",
  "För sent",
  "Ej gjorda, tiden ute",
  "Avgjorda (nämnare)",
  "Väntande (ej i andelen)",
  "Median dagar",
  "Medelvärde dagar",
  "90:e percentil dagar",
];

const name = (id: IndicatorId) => INDICATORS[id].name.sv;

function outcomeRow(label: string, group: string, o: Omit<Outcome, "medianDays" | "meanDays" | "p90Days">, days: Cell[]): Cell[] {
  return [
    label,
    group,
    percent(o.share),
    count(o.within),
    count(o.late),
    count(o.overdue),
    count(o.settled),
    count(o.pending),
    ...days,
  ];
}

const dayCells = (d: { medianDays: number | null; meanDays: number | null; p90Days: number | null }): Cell[] => [
  count(d.medianDays),
  count(d.meanDays),
  count(d.p90Days),
];

/** The figure rows, one per indicator and group: the shape both exports share. */
export function handlingTimeRows(h: HandlingTimes): Cell[][] {
  const rows: Cell[][] = [];
  for (const [id, key] of [
    ["skyddsbedomning", "skyddsbedomning"],
    ["forhandsbedomning", "forhandsbedomning"],
  ] as const) {
    for (const [g, label] of GROUPS) rows.push(outcomeRow(name(id), label, h[key][g], dayCells(h[key][g])));
  }
  for (const [g, label] of GROUPS) {
    const u = h.utredning[g];
    rows.push(outcomeRow(name("utredningWithin4Months"), label, u.within4Months, dayCells(u)));
  }
  for (const [g, label] of GROUPS) {
    const u = h.utredning[g];
    rows.push(outcomeRow(name("utredningWithin4MonthsOrExtended"), label, u.within4MonthsOrExtended, dayCells(u)));
  }
  const countRow = (label: string, group: string, v: number | null, share: Cell = null): Cell[] => [
    label,
    group,
    share,
    count(v),
  ];
  for (const [g, label] of GROUPS) rows.push(countRow("Anmälningar mottagna under perioden", label, h.reports[g]));
  for (const [g, label] of GROUPS) {
    rows.push(countRow("Utredningar med lagstadgad slutdag under perioden", label, h.utredning[g].investigations));
  }
  for (const [g, label] of GROUPS) {
    rows.push(countRow("Förlängning beslutad efter att tiden gått ut", label, h.utredning[g].lateExtensions));
  }
  rows.push(countRow(name("linkedToOngoingInvestigation"), "Alla", h.linkedToOngoingInvestigation));
  rows.push(countRow(name("reReferrals"), "Alla", h.reReferrals, percent(h.reReferralShare)));
  return rows;
}

const stockholmTime = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", dateStyle: "short", timeStyle: "short" });

/** What the reader of an export needs to read it: when it was assessed, how it is protected, what each figure means. */
function sheet(h: HandlingTimes): { title: string; rows: Cell[][]; headerRow: number } {
  const d = h.disclosure;
  const notes: Cell[][] = [
    [`Läget bedömt ${stockholmTime.format(new Date(h.asOf))} (svensk tid).`],
    [
      `Röjandeskydd (cellnyckelmetoden): visade antal kan avvika med upp till ±${d.maxNoise} från det verkliga, alltid lika för samma grupp. ` +
        `Antal under ${d.minCount} visas inte; medianer, medelvärden och percentiler bara för grupper (och deras komplement) om minst ${d.minStatisticN}. ` +
        `${HIDDEN} betyder dolt, aldrig 0.`,
    ],
  ];
  if (d.granularity === "calendar")
    notes.push([
      "Perioden är en kalendermånad, ett kvartal, ett tertial, ett halvår eller ett kalenderår (sammanställningsroll).",
    ]);
  if (d.protectedWhole) {
    notes.push(["Urvalet omfattar för få för att något ska kunna visas. Välj en längre period eller färre filter."]);
  }
  const definitions: Cell[][] = ALL_DEFINITIONS.map((d) => [d.name.sv, d.definition.sv]);
  const before = [...notes, []];
  return {
    title: `Handläggningstider ${h.from}–${h.to}`,
    rows: [...before, HEADER, ...handlingTimeRows(h), [], ["Definitioner"], ...definitions],
    headerRow: before.length,
  };
}

const csvCell = (v: Cell) => {
  if (v === null) return "";
  const s = String(v);
  return /[";\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Semicolon-separated with a BOM: what Swedish Excel opens correctly. */
export function handlingTimesCsv(h: HandlingTimes): string {
  const { title, rows } = sheet(h);
  const lines = [title, ...rows.map((r) => r.map(csvCell).join(";"))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function handlingTimesXlsx(h: HandlingTimes): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const ws = wb.addWorksheet("Handläggningstider");
  const { title, rows, headerRow } = sheet(h);
  ws.addRow([title]).font = { bold: true, size: 14 };
  rows.forEach((r, i) => {
    const row = ws.addRow(r);
    if (i === headerRow || r[0] === "Definitioner") row.font = { bold: true };
  });
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 52 : 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
