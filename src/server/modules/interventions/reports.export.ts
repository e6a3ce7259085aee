import ExcelJS from "exceljs";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { IvoNamndReport, IvoReport, SamladBild } from "../../../contracts/interventions";
import { NOT_STARTED_REASON_LABELS } from "../../../domain/interventions/vocabulary";
import { stockholmDate } from "../../../domain/time";
import { renderPdf } from "../../platform/pdf";

type Figures = SamladBild["total"]["all"];
type Breakdown = SamladBild["total"];

const GENDER: Record<string, string> = { pojke: "Pojke", flicka: "Flicka", annat: "Annat", okant: "Okänt" };
const genderLabel = (g: string) => GENDER[g] ?? g;

function pdfDocument(title: string, subtitle: string, generatedAt: string, body: Content[]): TDocumentDefinitions {
  const generated = stockholmDate(new Date(generatedAt));
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [36, 40, 36, 48],
    info: { title, creator: "Vägval" },
    defaultStyle: { font: "Roboto", fontSize: 8 },
    content: [
      { text: title, fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      { text: subtitle, fontSize: 9, margin: [0, 0, 0, 10] },
      ...body,
    ],
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Skapad ${generated} i Vägval`, fontSize: 7 },
        { text: `Sida ${page} av ${pages}`, alignment: "right", fontSize: 7 },
      ],
      margin: [36, 16, 36, 0],
    }),
  };
}

/** Numbers as a Swedish reader writes them: decimal comma. */
const swedish = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1, useGrouping: false });
const cellText = (v: string | number | null) => (v === null ? "–" : typeof v === "number" ? swedish.format(v) : v);

const table = (header: string[], rows: (string | number | null)[][], widths?: (string | number)[]): Content => ({
  table: {
    headerRows: 1,
    widths: widths ?? header.map(() => "auto"),
    body: [
      header.map((h): TableCell => ({ text: h, bold: true, fillColor: "#eeeeee" })),
      ...rows.map((r) => r.map((v): TableCell => ({ text: cellText(v) }))),
    ],
  },
  layout: "lightHorizontalLines",
});

// ── IVO: ej verkställda beslut ────────────────────────────────────────────────────────────────────

type IvoHeading = { year: number; quarter: number; from: string; to: string };
export const ivoTitle = (r: IvoHeading) => `Ej verkställda beslut — kvartal ${r.quarter} ${r.year}`;
const ivoSubtitle = (r: IvoHeading) =>
  `Rapport till IVO enligt 16 kap. 6 f § SoL: gynnande beslut som inte verkställts inom tre månader (${r.from}–${r.to}).`;
const namndSubtitle = (r: IvoHeading) =>
  `Rapport till nämnden (antal, utan personuppgifter): gynnande beslut som inte verkställts inom tre månader (${r.from}–${r.to}).`;

/** Header and rows of the IVO version's list, one row per decision with personnummer and name. */
function ivoRows(r: IvoReport): { header: string[]; rows: (string | null)[][] } {
  const header = [
    "Personnummer",
    "Namn",
    "Kön",
    "Insats",
    "Distrikt",
    "Beslutsdatum",
    "Senast verkställt",
    "Verkställt",
    "Avslutat utan verkställighet",
    "Skäl",
    "Kommentar",
  ];
  const rows = r.rows.map((x) => [
    x.personnummer,
    x.personName,
    genderLabel(x.gender),
    x.insatsName,
    x.districtName,
    x.decidedOn,
    x.dueOn,
    x.startedOn,
    x.endedOn,
    x.reason,
    x.note,
  ]);
  return { header, rows };
}

export async function ivoXlsx(r: IvoReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const ws = wb.addWorksheet(`Kvartal ${r.quarter} ${r.year}`);
  ws.addRow([ivoTitle(r)]).font = { bold: true, size: 14 };
  ws.addRow([ivoSubtitle(r)]);
  ws.addRow([`Skapad ${stockholmDate(new Date(r.generatedAt))}`]);
  const { header, rows } = ivoRows(r);
  ws.addRow(header).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((c, i) => {
    c.width = header[i] === "Kommentar" ? 40 : 18;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function ivoPdf(r: IvoReport): Promise<Buffer> {
  const { header, rows } = ivoRows(r);
  const body: Content[] = rows.length
    ? [
        table(
          header,
          rows,
          header.map((h) => (h === "Kommentar" || h === "Insats" ? "*" : "auto")),
        ),
      ]
    : [{ text: "Inga beslut att rapportera för kvartalet.", italics: true }];
  return renderPdf(pdfDocument(ivoTitle(r), ivoSubtitle(r), r.generatedAt, body));
}

const NAMND_GENDER: Record<IvoNamndReport["byGender"][number]["gender"], string> = {
  pojke: "Pojkar",
  flicka: "Flickor",
  other: "Annat eller okänt kön",
};
const reasonLabel = (reason: IvoNamndReport["byReason"][number]["reason"]) =>
  reason === "none" ? "Inget skäl angivet" : NOT_STARTED_REASON_LABELS[reason].sv;

const NAMND_HEADER = [
  "Ej verkställda inom tre månader",
  "Verkställda sent under kvartalet",
  "Ej verkställda vid kvartalets slut",
];
type NamndCounts = IvoNamndReport["total"];
const namndRow = (label: string, c: NamndCounts): (string | number | null)[] => [label, c.listed, c.executedLate, c.notExecuted];

/** The nämnd version's tables: the total, then by district, insats, gender and reason. */
function namndTables(r: IvoNamndReport): { title: string; head: string; rows: (string | number | null)[][] }[] {
  return [
    { title: "Totalt", head: "", rows: [namndRow("Alla", r.total)] },
    { title: "Per distrikt", head: "Distrikt", rows: r.byDistrict.map((d) => namndRow(d.districtName, d)) },
    { title: "Per insats", head: "Insats", rows: r.byInsats.map((d) => namndRow(d.name, d)) },
    { title: "Per kön", head: "Kön", rows: r.byGender.map((d) => namndRow(NAMND_GENDER[d.gender], d)) },
    { title: "Per skäl", head: "Skäl", rows: r.byReason.map((d) => namndRow(reasonLabel(d.reason), d)) },
  ];
}

/** What the nämnd version says of its protection, from its disclosure note (as the page says it). */
function namndNotes(r: IvoNamndReport): string[] {
  const d = r.disclosure;
  return [
    ...(d.protectedWhole ? ["Kvartalet omfattar för få beslut för att något ska kunna visas."] : []),
    `– betyder att värdet döljs (färre än ${d.minCount}, eller för att det annars skulle kunna räknas fram). ` +
      `Visade antal kan avvika med upp till ±${d.maxNoise} från det verkliga (röjandeskydd, cellnyckelmetoden).`,
  ];
}

/** The nämnd version as a workbook: the published counts only, a hidden one written as "–". */
export async function ivoNamndXlsx(r: IvoNamndReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const ws = wb.addWorksheet(`Kvartal ${r.quarter} ${r.year}`);
  ws.addRow([ivoTitle(r)]).font = { bold: true, size: 14 };
  ws.addRow([namndSubtitle(r)]);
  for (const line of namndNotes(r)) ws.addRow([line]);
  ws.addRow([`Skapad ${stockholmDate(new Date(r.generatedAt))}`]);
  for (const t of namndTables(r)) {
    ws.addRow([]);
    ws.addRow([t.title]).font = { bold: true, size: 12 };
    ws.addRow([t.head, ...NAMND_HEADER]).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((v) => (v === null ? "–" : v)));
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 34 : 24;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function ivoNamndPdf(r: IvoNamndReport): Promise<Buffer> {
  const body: Content[] = [
    ...namndNotes(r).map((text): Content => ({ text, margin: [0, 0, 0, 6] })),
    ...namndTables(r).flatMap((t): Content[] => [
      { text: t.title, fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      table([t.head, ...NAMND_HEADER], t.rows, ["*", "auto", "auto", "auto"]),
    ]),
  ];
  return renderPdf(pdfDocument(ivoTitle(r), namndSubtitle(r), r.generatedAt, body));
}

// ── Samlad bild ───────────────────────────────────────────────────────────────────────────────────

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

const FIGURE_HEADER = [
  "Grupp",
  "Unga",
  "Påbörjade",
  "Pågående",
  "Avslutade",
  "Median längd (dagar)",
  "Median beslut–start (dagar)",
  "Medel beslut–start (dagar)",
  "Plan i tid %",
  "Uppföljning i tid %",
  "Mål uppnådda %",
  "Avrådda insatser",
];

const figureRow = (label: string, f: Figures): (string | number | null)[] => [
  label,
  f.youngPeople,
  f.started,
  f.ongoing,
  f.ended,
  f.medianLengthDays,
  f.medianDaysDecisionToStart,
  f.meanDaysDecisionToStart,
  percent(f.planInTimeShare),
  percent(f.followUpInTimeShare),
  percent(f.goalsReachedShare),
  f.advisedAgainst,
];

/** Alla, pojkar, flickor, annat kön, then each age group: the rows of one breakdown. */
function breakdownRows(b: Breakdown): (string | number | null)[][] {
  return [
    figureRow("Alla", b.all),
    figureRow("Pojkar", b.pojke),
    figureRow("Flickor", b.flicka),
    figureRow("Annat/okänt kön", b.other),
    ...b.byAgeGroup.map((a) => figureRow(`${a.ageGroup} år`, a)),
  ];
}

const samladTitle = (s: SamladBild) => `Samlad bild av insatser ${s.from}–${s.to}`;
/** What the samlad bild says of its protection, from its disclosure note (as the page says it). */
function samladNotes(s: SamladBild): string[] {
  const d = s.disclosure;
  return [
    ...(d.protectedWhole ? ["Urvalet omfattar för få insatser för att något ska kunna visas."] : []),
    `– betyder att värdet döljs (färre än ${d.minCount}, eller för att det annars skulle kunna räknas fram). ` +
      `Visade antal kan avvika med upp till ±${d.maxNoise} från det verkliga (röjandeskydd, cellnyckelmetoden); ` +
      `medianer och medelvärden visas för grupper om minst ${d.minStatisticN}. Ålder vid beslut.`,
  ];
}

export async function samladBildXlsx(s: SamladBild): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const sheet = (name: string, heading: string, b: Breakdown) => {
    const ws = wb.addWorksheet(name.replace(/[*?:\\/[\]]/g, " ").slice(0, 31));
    ws.addRow([heading]).font = { bold: true, size: 13 };
    for (const line of samladNotes(s)) ws.addRow([line]);
    ws.addRow(FIGURE_HEADER).font = { bold: true };
    for (const r of breakdownRows(b)) ws.addRow(r);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 22 : 16;
    });
  };
  sheet("Totalt", `${samladTitle(s)}: alla insatser`, s.total);
  const used = new Set<string>();
  for (const e of s.byInsats) {
    let name = e.name.slice(0, 28);
    while (used.has(name)) name = `${name.slice(0, 26)}~`;
    used.add(name);
    sheet(name, `${samladTitle(s)}: ${e.name}`, e);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function samladBildPdf(s: SamladBild): Promise<Buffer> {
  const widths = FIGURE_HEADER.map((_, i) => (i === 0 ? "*" : "auto"));
  const body: Content[] = [
    ...samladNotes(s).map((text): Content => ({ text, margin: [0, 0, 0, 6] })),
    { text: "Alla insatser", fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
    table(FIGURE_HEADER, breakdownRows(s.total), widths),
    ...s.byInsats.flatMap((e): Content[] => [
      { text: e.name, fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      table(FIGURE_HEADER, breakdownRows(e), widths),
    ]),
  ];
  return renderPdf(pdfDocument(samladTitle(s), "Ålder vid beslut.", s.generatedAt, body));
}
