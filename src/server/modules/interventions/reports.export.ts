import ExcelJS from "exceljs";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { IvoReport, SamladBild } from "../../../contracts/interventions";
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

export const ivoTitle = (r: IvoReport) => `Ej verkställda beslut — kvartal ${r.quarter} ${r.year}`;
const ivoSubtitle = (r: IvoReport) =>
  r.version === "ivo"
    ? `Rapport till IVO enligt 16 kap. 6 f § SoL: gynnande beslut som inte verkställts inom tre månader (${r.from}–${r.to}).`
    : `Rapport till nämnden (utan personuppgifter): gynnande beslut som inte verkställts inom tre månader (${r.from}–${r.to}).`;

/** Header and rows of the list; the nämnd version has no personnummer or name column. */
function ivoRows(r: IvoReport): { header: string[]; rows: (string | null)[][] } {
  const personal = r.version === "ivo";
  const header = [
    ...(personal ? ["Personnummer", "Namn"] : []),
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
    ...(personal ? [x.personnummer ?? null, x.personName ?? null] : []),
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
const SAMLAD_NOTE = "Antal 1–4 och andelar eller medianer byggda på färre än 5 visas som – (röjandeskydd). Ålder vid beslut.";

export async function samladBildXlsx(s: SamladBild): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const sheet = (name: string, heading: string, b: Breakdown) => {
    const ws = wb.addWorksheet(name.replace(/[*?:\\/[\]]/g, " ").slice(0, 31));
    ws.addRow([heading]).font = { bold: true, size: 13 };
    ws.addRow([SAMLAD_NOTE]);
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
    { text: "Alla insatser", fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
    table(FIGURE_HEADER, breakdownRows(s.total), widths),
    ...s.byInsats.flatMap((e): Content[] => [
      { text: e.name, fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      table(FIGURE_HEADER, breakdownRows(e), widths),
    ]),
  ];
  return renderPdf(pdfDocument(samladTitle(s), SAMLAD_NOTE, s.generatedAt, body));
}
