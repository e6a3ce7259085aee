import ExcelJS from "exceljs";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { LagesbildDetail } from "../../../contracts/lagesbild";
import { MEASURE_STATUS_LABELS, SOURCE_UNIT_LABELS } from "../../../domain/lagesbild/definitions";
import { stockholmDate } from "../../../domain/time";
import { renderPdf } from "../../platform/pdf";

/** A hidden figure is "–", never 0. */
const shown = (v: number | null) => (v === null ? "–" : v);
const COUNT_HEADER = ["", "Totalt", "Pojkar", "Flickor", "Övriga/okänt"];

export const lagesbildTitle = (l: LagesbildDetail) => `${l.title} (${l.districts.map((d) => d.name).join(", ")})`;

function facts(l: LagesbildDetail): [string, string][] {
  return [
    ["Lag", l.law.name.sv],
    ["År", `${l.year} (${l.from} – ${l.to})`],
    ["Distrikt", l.districts.map((d) => d.name).join(", ")],
    ["Version", `${l.version} av ${l.versions.length}`],
    [
      "Beslut",
      l.decided ? `Beslutad ${l.decidedOn ?? ""} av ${l.decidedBody ?? ""} (version ${l.decidedVersion ?? ""})` : "Inte beslutad",
    ],
    [
      "Siffrorna",
      l.figuresAsDecided ? "Som de publicerades vid beslutet" : `Beräknade ${stockholmDate(new Date(l.generatedAt))}`,
    ],
    ...(l.protectedWhole ? [["Röjandeskydd", "För få uppgifter: alla siffror är dolda"] as [string, string]] : []),
  ];
}

const rowsOf = (t: LagesbildDetail["tables"][number]) => [
  ...t.rows.map((r) => [r.label.sv, shown(r.all), shown(r.boys), shown(r.girls), shown(r.other)]),
  ...(t.total ? [["Totalt", shown(t.total.all), shown(t.total.boys), shown(t.total.girls), shown(t.total.other)]] : []),
];
const FIELD_HEADER = ["Område", "Pass", "Kontakter", "Flickor", "Pojkar", "Händelser", "Taggar"];
const fieldRows = (l: LagesbildDetail) =>
  (l.fieldwork?.areas ?? []).map((a) => [
    a.name,
    shown(a.shifts),
    shown(a.contacts),
    shown(a.girls),
    shown(a.boys),
    shown(a.incidents),
    a.tags.map((t) => `${t.tag}: ${t.count ?? "–"}`).join(", "),
  ]);
const SOURCE_HEADER = ["Uppgift", "Värde", "Enhet", "Period", "Källa", "Anmärkning"];
const sourceRows = (l: LagesbildDetail) =>
  l.sources.map((s) => [s.label, s.value, SOURCE_UNIT_LABELS[s.unit].sv, `${s.periodFrom} – ${s.periodTo}`, s.source, s.note]);
const MEASURE_HEADER = ["Prio", "Område", "Problem", "Åtgärd", "Ansvarig", "Klart senast", "Status", "Uppföljning"];
const measureRows = (l: LagesbildDetail) =>
  l.measuresList.map((m) => [
    m.priority,
    m.area,
    m.problem,
    m.measure,
    m.responsible,
    m.dueOn ?? "–",
    `${MEASURE_STATUS_LABELS[m.status].sv}${m.overdue ? " (försenad)" : ""}`,
    [m.followUpOn, m.followUpNote].filter(Boolean).join(": "),
  ]);

/** The lägesbild as a workbook for the nämnd and kommunstyrelse: one sheet per part, boys and girls apart. */
export async function lagesbildXlsx(l: LagesbildDetail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const about = wb.addWorksheet("Lägesbild");
  about.addRow([lagesbildTitle(l)]).font = { bold: true, size: 14 };
  for (const [k, v] of facts(l)) about.addRow([k, v]);
  about.addRow([]);
  about.addRow([l.law.parts.analysis?.sv ?? "Analys"]).font = { bold: true };
  about.addRow([l.analysis || "–"]);
  about.getColumn(1).width = 30;
  about.getColumn(2).width = 80;

  const sheetNames: Record<string, string> = {
    reportsByReporter: "Anmälare",
    reportsByConcern: "Oro",
    reportsByAge: "Ålder",
    reportsByDistrict: "Distrikt",
    insatserByKind: "Insatser",
  };
  for (const t of l.tables) {
    const ws = wb.addWorksheet(sheetNames[t.indicator] ?? t.indicator.slice(0, 30));
    ws.addRow([t.name.sv]).font = { bold: true };
    ws.addRow([t.definition.sv]);
    ws.addRow(COUNT_HEADER).font = { bold: true };
    for (const r of rowsOf(t)) ws.addRow(r);
    ws.getColumn(1).width = 36;
  }
  if (l.fieldwork) {
    const ws = wb.addWorksheet("Fältarbete");
    ws.addRow([l.fieldwork.name.sv]).font = { bold: true };
    ws.addRow([l.fieldwork.definition.sv]);
    ws.addRow(FIELD_HEADER).font = { bold: true };
    for (const r of fieldRows(l)) ws.addRow(r);
    ws.getColumn(1).width = 30;
  }
  const sources = wb.addWorksheet("Källor");
  sources.addRow([l.law.parts.otherInformation?.sv ?? ""]).font = { bold: true };
  sources.addRow(SOURCE_HEADER).font = { bold: true };
  for (const r of sourceRows(l)) sources.addRow(r);
  sources.columns.forEach((c) => {
    c.width = 24;
  });
  const plan = wb.addWorksheet("Åtgärdsplan");
  plan.addRow([l.law.parts.plan?.sv ?? ""]).font = { bold: true };
  plan.addRow(MEASURE_HEADER).font = { bold: true };
  for (const r of measureRows(l)) plan.addRow(r);
  plan.columns.forEach((c) => {
    c.width = 24;
  });
  const defs = wb.addWorksheet("Definitioner");
  defs.addRow(["Mått", "Definition"]).font = { bold: true };
  for (const d of l.definitions) defs.addRow([d.name.sv, d.definition.sv]);
  defs.getColumn(1).width = 36;
  defs.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const table = (header: string[], rows: (string | number)[][], widths?: (string | number)[]): Content => ({
  table: {
    headerRows: 1,
    keepWithHeaderRows: 1,
    widths: widths ?? header.map(() => "auto"),
    body: [
      header.map((h): TableCell => ({ text: h, bold: true, fillColor: "#eeeeee" })),
      ...rows.map((row) => row.map((v): TableCell => ({ text: String(v) }))),
    ],
  },
  layout: "lightHorizontalLines",
});
const heading = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 14, 0, 4], headlineLevel: 1 });
const subheading = (text: string): Content => ({ text, fontSize: 10, bold: true, margin: [0, 10, 0, 2], headlineLevel: 1 });
const note = (text: string): Content => ({ text, italics: true, color: "#444444", margin: [0, 2, 0, 4] });

/** The lägesbild and åtgärdsplan for the nämnd and kommunstyrelse. Aggregates only: nobody is named. */
export async function lagesbildPdf(l: LagesbildDetail): Promise<Buffer> {
  const generated = stockholmDate(new Date(l.generatedAt));
  const countWidths = ["*", 50, 50, 50, 60];
  const content: Content[] = [
    { text: lagesbildTitle(l), fontSize: 16, bold: true, margin: [0, 0, 0, 8] },
    table(["", ""], facts(l), [110, "*"]),
    heading(l.law.parts.mapping?.sv ?? ""),
    ...l.tables.flatMap((t): Content[] => [
      subheading(t.name.sv),
      note(t.definition.sv),
      table(COUNT_HEADER, rowsOf(t), countWidths),
    ]),
    ...(l.fieldwork
      ? [
          subheading(l.fieldwork.name.sv),
          note(l.fieldwork.definition.sv),
          table(FIELD_HEADER, fieldRows(l), ["*", "auto", "auto", "auto", "auto", "auto", "*"]),
        ]
      : []),
    heading(l.law.parts.otherInformation?.sv ?? ""),
    l.sources.length
      ? table(SOURCE_HEADER, sourceRows(l), ["*", "auto", "auto", "auto", "*", "*"])
      : note("Inga manuella källor."),
    heading(l.law.parts.analysis?.sv ?? ""),
    { text: l.analysis || "Ingen analys skriven." },
    heading(l.law.parts.plan?.sv ?? ""),
    l.measuresList.length
      ? table(MEASURE_HEADER, measureRows(l), ["auto", "*", "*", "*", "auto", "auto", "auto", "*"])
      : note("Inga åtgärder registrerade."),
    heading("Definitioner och röjandeskydd"),
    table(
      ["Mått", "Definition"],
      l.definitions.map((d) => [d.name.sv, d.definition.sv]),
      [130, "*"],
    ),
  ];
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [36, 40, 36, 48],
    info: { title: lagesbildTitle(l), creator: "Vägval" },
    defaultStyle: { font: "Roboto", fontSize: 8 },
    content,
    // A heading in the last tenth of the page goes to the next, with what it heads (A4 is 842 pt high).
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.top > 842 - 48 - 80,
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Skapad ${generated} i Vägval`, fontSize: 7 },
        { text: `Sida ${page} av ${pages}`, alignment: "right", fontSize: 7 },
      ],
      margin: [36, 16, 36, 0],
    }),
  };
  return renderPdf(doc);
}
