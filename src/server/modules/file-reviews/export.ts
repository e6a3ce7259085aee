import ExcelJS from "exceljs";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { FileReview } from "../../../contracts/file-reviews";
import { CRITERIA, type CriterionCode, citation, REVIEW_KINDS, VERDICT_LABELS } from "../../../domain/file-review/definitions";
import { stockholmDate } from "../../../domain/time";
import { renderPdf } from "../../platform/pdf";

const KIND: Record<(typeof REVIEW_KINDS)[number], string> = {
  utredningar: "Utredningar",
  insatser: "Insatser",
  both: "Utredningar och insatser",
};
const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 1000) / 10} %`.replace(".", ","));
const name = (code: CriterionCode) => CRITERIA[code].name.sv;

export const reviewTitle = (r: FileReview) => `Aktgranskning ${r.from}–${r.to}: ${r.districts.map((d) => d.name).join(", ")}`;

/** What was reviewed and how the sample was drawn: the same lines on the first sheet and in the PDF. */
function facts(r: FileReview): [string, string][] {
  return [
    ["Distrikt", r.districts.map((d) => d.name).join(", ")],
    ["Period", `${r.from} – ${r.to}`],
    ["Akter", KIND[r.kind]],
    ["Population (akter under perioden)", String(r.populationSize)],
    ["Urval begärt / granskat", `${r.sampleSize} / ${r.drawn}`],
    ["Frö", String(r.seed)],
    ["Dragning", r.method.sv],
    ["Bedömt per", stockholmDate(new Date(r.asOf))],
    ["Version", String(r.version)],
    ["Signerad", r.signedAt ? `${stockholmDate(new Date(r.signedAt))} av ${r.signedByName ?? ""}` : "Inte signerad"],
    ...r.notes.map((n): [string, string] => ["Observera", n.text.sv]),
  ];
}

function summaryRows(r: FileReview): (string | number)[][] {
  return r.summary.map((s) => [name(s.code), s.met, s.notMet, s.notApplicable, s.manual, percent(s.share)]);
}
const SUMMARY_HEADER = ["Kriterium", "Uppfyllt", "Ej uppfyllt", "Ej tillämpligt", "Ej bedömt", "Andel uppfyllt"];

function comparisonRows(r: FileReview): string[][] {
  return (r.comparison?.rows ?? []).map((row) => [name(row.code), percent(row.before.share), percent(row.now.share)]);
}

const fileName = (i: FileReview["items"][number]) => (i.fileKind === "insats" ? `Insats: ${i.label}` : "Utredning");

/**
 * The review as a workbook for the unit's own follow-up: the facts and method, the summary per
 * criterion, one row per file with a column per criterion, the records each verdict rests on, the
 * comparison and the actions. It names the young people (the audit log records who took it).
 */
export async function reviewXlsx(r: FileReview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const codes = r.criteria.map((c) => c.code);

  const about = wb.addWorksheet("Granskning");
  about.addRow([reviewTitle(r)]).font = { bold: true, size: 14 };
  for (const [k, v] of facts(r)) about.addRow([k, v]);
  if (r.conclusion) about.addRow(["Slutsats", r.conclusion]);
  about.addRow([]);
  about.addRow(SUMMARY_HEADER).font = { bold: true };
  for (const row of summaryRows(r)) about.addRow(row);
  about.getColumn(1).width = 44;
  about.getColumn(2).width = 60;

  const files = wb.addWorksheet("Akter");
  files.addRow(["Nr", "Akt", "Person", "Datum", "Ärende", ...codes.map(name), "Kommentar"]).font = { bold: true };
  for (const i of r.items) {
    const verdict = (code: CriterionCode) => {
      const v = i.verdicts.find((x) => x.code === code);
      return v ? VERDICT_LABELS[v.verdict].sv : "–";
    };
    files.addRow([i.position + 1, fileName(i), i.personName, i.fileDate, i.caseId, ...codes.map(verdict), i.comment]);
  }
  files.columns.forEach((c, k) => {
    c.width = k === 0 ? 5 : k === 4 ? 38 : 22;
  });

  const basis = wb.addWorksheet("Underlag");
  basis.addRow(["Nr", "Kriterium", "Bedömning", "Beräknat", "Förklaring", "Underlag", "Underlagets id", "Datum", "Regel"]).font =
    {
      bold: true,
    };
  for (const i of r.items)
    for (const v of i.verdicts)
      basis.addRow([
        i.position + 1,
        name(v.code),
        VERDICT_LABELS[v.verdict].sv,
        VERDICT_LABELS[v.automaticVerdict].sv,
        v.detail.sv,
        v.ref?.type ?? "",
        v.ref?.id ?? "",
        v.ref?.date ?? "",
        v.law,
      ]);
  basis.columns.forEach((c) => {
    c.width = 24;
  });

  const rules = wb.addWorksheet("Kriterier");
  rules.addRow(["Kriterium", "Automatiskt", "Regel", "Källa (före 2025-07-01)", "Källa (från 2025-07-01)"]).font = { bold: true };
  for (const c of r.criteria)
    rules.addRow([
      c.name.sv,
      c.automatic ? "Ja" : "Nej, granskarens bedömning",
      c.rule.sv,
      citation(c.code, "2025-06-30"),
      citation(c.code, "2025-07-01"),
    ]);
  rules.columns.forEach((c, k) => {
    c.width = k === 2 ? 80 : 36;
  });

  if (r.comparison) {
    const cmp = wb.addWorksheet("Jämförelse");
    cmp.addRow([
      `Jämfört med granskningen ${r.comparison.previousFrom}–${r.comparison.previousTo} (version ${r.comparison.previousVersion})`,
    ]).font = {
      bold: true,
    };
    cmp.addRow(["Kriterium", "Andel uppfyllt då", "Andel uppfyllt nu"]).font = { bold: true };
    for (const row of comparisonRows(r)) cmp.addRow(row);
    cmp.getColumn(1).width = 44;
  }

  const actions = wb.addWorksheet("Åtgärder");
  actions.addRow(["Iakttagelse", "Åtgärd", "Ansvarig", "Klart senast", "Uppföljning", "Klart"]).font = { bold: true };
  for (const a of r.actions) actions.addRow([a.finding, a.action, a.responsibleName, a.dueOn, a.followUpNote, a.doneOn ?? ""]);
  actions.columns.forEach((c) => {
    c.width = 30;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const table = (header: string[], rows: (string | number)[][], widths?: (string | number)[]): Content => ({
  table: {
    headerRows: 1,
    widths: widths ?? header.map(() => "auto"),
    body: [
      header.map((h): TableCell => ({ text: h, bold: true, fillColor: "#eeeeee" })),
      ...rows.map((row) => row.map((v): TableCell => ({ text: String(v) }))),
    ],
  },
  layout: "lightHorizontalLines",
});

/**
 * The review for the nämnd: what was reviewed and how, the share met per criterion (and before),
 * the conclusion and the actions. No person, case or file is named in it.
 */
export async function reviewPdf(r: FileReview): Promise<Buffer> {
  const generated = stockholmDate(new Date());
  const body: Content[] = [
    table(
      ["", ""],
      facts(r).map(([k, v]) => [k, v]),
      [150, "*"],
    ),
    { text: "Resultat per kriterium", fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
    table(SUMMARY_HEADER, summaryRows(r), ["*", "auto", "auto", "auto", "auto", "auto"]),
    { text: "Ej tillämpligt och ej bedömt ingår inte i andelen.", italics: true, margin: [0, 4, 0, 0] },
    ...(r.comparison
      ? ([
          {
            text: `Jämfört med föregående granskning (${r.comparison.previousFrom}–${r.comparison.previousTo})`,
            fontSize: 11,
            bold: true,
            margin: [0, 12, 0, 4],
          },
          table(["Kriterium", "Andel uppfyllt då", "Andel uppfyllt nu"], comparisonRows(r), ["*", "auto", "auto"]),
        ] as Content[])
      : []),
    ...(r.conclusion
      ? ([{ text: "Slutsats", fontSize: 11, bold: true, margin: [0, 12, 0, 4] }, { text: r.conclusion }] as Content[])
      : []),
    { text: "Åtgärder", fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
    r.actions.length
      ? table(
          ["Iakttagelse", "Åtgärd", "Ansvarig", "Klart senast", "Klart"],
          r.actions.map((a) => [a.finding, a.action, a.responsibleName, a.dueOn, a.doneOn ?? "–"]),
          ["*", "*", "auto", "auto", "auto"],
        )
      : { text: "Inga åtgärder registrerade.", italics: true },
    { text: "Kriterier och regler", fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
    table(
      ["Kriterium", "Regel", "Källa"],
      r.criteria.map((c) => [c.name.sv, c.rule.sv, citation(c.code, r.to)]),
      [120, "*", 140],
    ),
  ];
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageMargins: [36, 40, 36, 48],
    info: { title: reviewTitle(r), creator: "Vägval" },
    defaultStyle: { font: "Roboto", fontSize: 8 },
    content: [{ text: reviewTitle(r), fontSize: 15, bold: true, margin: [0, 0, 0, 8] }, ...body],
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
