import ExcelJS from "exceljs";
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { EffectReport } from "../../../contracts/effects";
import { RESPONDENT_LABELS, type Respondent } from "../../../domain/effects/vocabulary";
import { stockholmDate } from "../../../domain/time";
import { renderPdf } from "../../platform/pdf";

type Breakdown = EffectReport["total"];
type Group = Breakdown["all"];
type Cell = string | number | null;

/** Numbers as a Swedish reader writes them: decimal comma; suppressed cells as "–". */
const swedish = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 2, useGrouping: false });
const cellText = (v: Cell) => (v === null ? "–" : typeof v === "number" ? swedish.format(v).replace("−", "-") : v);
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const round = (v: number | null, d: number) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

const table = (header: string[], rows: Cell[][]): Content => ({
  table: {
    headerRows: 1,
    widths: header.map((_, i) => (i === 0 ? "*" : "auto")),
    body: [
      header.map((h): TableCell => ({ text: h, bold: true, fillColor: "#eeeeee" })),
      ...rows.map((r) => r.map((v): TableCell => ({ text: cellText(v) }))),
    ],
  },
  layout: "lightHorizontalLines",
});

// ── Content ───────────────────────────────────────────────────────────────────────────────────────

export const effectTitle = (r: EffectReport) => `Effekter av insatser (ISU) ${r.from}–${r.to}`;
const SUPPRESSED_NOTE = "– = dolt värde (röjandeskydd), aldrig 0";
const NOTE = "Före = mätning vid start, efter = mätning vid avslut; ålder vid start.";

/** What the disclosure control did to the figures, in the reader's words (domain/disclosure/publish.ts). */
export function disclosureLine(r: EffectReport): string {
  const d = r.disclosure;
  const parts = [
    `Röjandeskydd (cellnyckelmetoden): visade antal kan avvika med upp till ±${d.maxNoise} från de verkliga, alltid lika för samma grupp av insatser.`,
    `Antal under ${d.minCount} visas inte, och andra döljs när de annars skulle avslöja ett dolt antal genom en summa.`,
    `Andelar räknas på de justerade antalen; medelvärden och effektstorlekar visas bara för grupper om minst ${d.minStatisticN} där skillnaden mot varje totalsumma gruppen ingår i är 0 eller minst ${d.minStatisticN}, och medelvärdena har en liten fast avvikelse (högst en halv persons vikt).`,
  ];
  if (d.granularity === "calendar")
    parts.push("Perioden är en kalendermånad, ett kvartal, ett tertial, ett halvår eller ett kalenderår.");
  if (d.protectedWhole) parts.push("Urvalet omfattar för få insatser: alla värden är dolda.");
  return parts.join(" ");
}
export const EFFECT_SIZE_NOTE =
  "Effektstorlek: g_z är Hedges g för parade mätningar (medelförändringen delad med förändringens standardavvikelse, korrigerad för litet urval) med 95 % konfidensintervall enligt normalapproximation; g_z ska inte läsas mot Cohens riktmärken. g_av är medelförändringen delad med medelvärdet av standardavvikelserna före och efter (Hedges-korrigerad, Lakens 2013) och kan jämföras med Cohens riktmärken: ungefär 0,2 liten, 0,5 medelstor, 0,8 stor.";
export const RE_REFERRAL_NOTE =
  "Återaktualisering: ny anmälan eller ansökan en senare dag än avslutet och högst 12 kalendermånader efter. En insats räknas först när dess 12 månader har gått; dessförinnan redovisas den under väntar, även om en ny anmälan redan har kommit.";
const missingNote = (r: EffectReport) => {
  const n = r.total.all.outcomes.withoutEndRating;
  return `${n === null ? "–" : n} avslutade insatser saknar mätning vid avslut`;
};
/** The notes every export starts with. */
const notes = (r: EffectReport) => [NOTE, disclosureLine(r), EFFECT_SIZE_NOTE, RE_REFERRAL_NOTE, missingNote(r)];

const OUTCOME_HEADER = [
  "Grupp",
  "Avslutade",
  "Utan mätning vid avslut",
  "Mål uppnådda %",
  "GAS T-värde (medel)",
  "Enkäter skickade",
  "Svarsfrekvens %",
  "Nöjdhet (1–5)",
  "Återaktualiserade inom 12 mån % (12 mån gått)",
  "Återaktualisering väntar (12 mån ej gått)",
];
const outcomeRow = (label: string, g: Group): Cell[] => {
  const o = g.outcomes;
  return [
    label,
    o.ended,
    o.withoutEndRating,
    percent(o.goalsReachedShare),
    round(o.meanGasTScore, 1),
    o.surveySent,
    percent(o.responseRate),
    round(o.satisfactionMean, 2),
    percent(o.reReferralShare),
    o.reReferralPending,
  ];
};

const SCALE_HEADER = [
  "Grupp",
  "Skala",
  "Bedömare",
  "Antal (före och efter)",
  "Saknar mätning vid avslut",
  "Medel före",
  "Medel efter",
  "Effektstorlek g_z",
  "95 % KI för g_z",
  "g_av",
  "Förbättrade %",
  "Oförändrade %",
  "Försämrade %",
];
const scaleRows = (label: string, g: Group): Cell[][] =>
  g.scales.map((s) => [
    label,
    s.scaleName,
    RESPONDENT_LABELS[s.respondent as Respondent]?.sv ?? s.respondent,
    s.n,
    s.missingEnd,
    round(s.meanBefore, 2),
    round(s.meanAfter, 2),
    round(s.g, 2),
    s.ciLow === null || s.ciHigh === null ? null : `${cellText(round(s.ciLow, 2))} – ${cellText(round(s.ciHigh, 2))}`,
    round(s.gAv, 2),
    percent(s.shareImproved),
    percent(s.shareUnchanged),
    percent(s.shareDeteriorated),
  ]);

/** Alla, pojkar, flickor, annat kön, then each age group. */
const groups = (b: Breakdown): [string, Group][] => [
  ["Alla", b.all],
  ["Pojkar", b.pojke],
  ["Flickor", b.flicka],
  ["Annat/okänt kön", b.other],
  ...b.byAgeGroup.map((a): [string, Group] => [`${a.ageGroup} år`, a]),
];
/** The groups the nämnd's PDF shows per scale: all, boys and girls. */
const namndGroups = (b: Breakdown): [string, Group][] => [
  ["Alla", b.all],
  ["Pojkar", b.pojke],
  ["Flickor", b.flicka],
];
const insatsLabel = (e: EffectReport["byInsats"][number]) => (e.evidenceStatus === "avrads" ? `${e.name} (avråds)` : e.name);
const breakdownOutcomes = (b: Breakdown) => groups(b).map(([l, g]) => outcomeRow(l, g));
const breakdownScales = (b: Breakdown) => groups(b).flatMap(([l, g]) => scaleRows(l, g));
const trendOutcomes = (r: EffectReport) => r.trend.map((t) => outcomeRow(String(t.year), t));
const trendScales = (r: EffectReport) => r.trend.flatMap((t) => scaleRows(String(t.year), t));

export async function effectXlsx(r: EffectReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vägval";
  const numeric = (row: Cell[]) => row.map((v) => (v === null ? "–" : v));
  const sheet = (name: string, heading: string, outcomesRows: Cell[][], scalesRows: Cell[][]) => {
    const ws = wb.addWorksheet(name.replace(/[*?:\\/[\]]/g, " ").slice(0, 31));
    ws.addRow([heading]).font = { bold: true, size: 13 };
    for (const line of notes(r)) ws.addRow([line]);
    ws.addRow([]);
    ws.addRow(["Utfall"]).font = { bold: true };
    ws.addRow(OUTCOME_HEADER).font = { bold: true };
    for (const row of outcomesRows) ws.addRow(numeric(row));
    ws.addRow([]);
    ws.addRow(["Skattningar före och efter"]).font = { bold: true };
    ws.addRow(SCALE_HEADER).font = { bold: true };
    for (const row of scalesRows) ws.addRow(numeric(row));
    ws.addRow([]);
    ws.addRow([SUPPRESSED_NOTE]);
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 22 : 16;
    });
  };
  sheet("Totalt", `${effectTitle(r)}: alla insatser`, breakdownOutcomes(r.total), breakdownScales(r.total));
  const used = new Set<string>(["Totalt", "Trend"]);
  for (const e of r.byInsats) {
    let name = e.name.slice(0, 28);
    while (used.has(name)) name = `${name.slice(0, 26)}~`;
    used.add(name);
    sheet(name, `${effectTitle(r)}: ${e.name}`, breakdownOutcomes(e), breakdownScales(e));
  }
  sheet("Trend", "Trend: insatser avslutade per år", trendOutcomes(r), trendScales(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function effectPdf(r: EffectReport): Promise<Buffer> {
  const section = (heading: string, outcomesRows: Cell[][], scalesRows: Cell[][], first = false): Content[] => [
    { text: heading, fontSize: 11, bold: true, margin: [0, first ? 0 : 12, 0, 4] },
    table(OUTCOME_HEADER, outcomesRows),
    ...(scalesRows.length
      ? [{ text: "Skattningar före och efter", bold: true, margin: [0, 6, 0, 2] } as Content, table(SCALE_HEADER, scalesRows)]
      : []),
  ];
  const generated = stockholmDate(new Date(r.generatedAt));
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [36, 40, 36, 48],
    info: { title: effectTitle(r), creator: "Vägval" },
    defaultStyle: { font: "Roboto", fontSize: 8 },
    content: [
      { text: effectTitle(r), fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      ...notes(r).map((line, i, all): Content => ({ text: line, fontSize: 9, margin: [0, 0, 0, i === all.length - 1 ? 10 : 2] })),
      ...section(
        "Alla insatser",
        breakdownOutcomes(r.total),
        namndGroups(r.total).flatMap(([l, g]) => scaleRows(l, g)),
        true,
      ),
      // Per insats only the "all" figures, and only the scales with pairs to show: the workbook
      // holds every group; a nämnd report of sixty pages would not be read.
      ...section(
        "Per insats",
        r.byInsats.map((e) => outcomeRow(insatsLabel(e), e.all)),
        r.byInsats.flatMap((e) =>
          scaleRows(insatsLabel(e), { ...e.all, scales: e.all.scales.filter((x) => x.n !== null && x.n > 0) }),
        ),
      ),
      ...section("Trend: insatser avslutade per år", trendOutcomes(r), trendScales(r)),
      { text: SUPPRESSED_NOTE, fontSize: 8, italics: true, margin: [0, 10, 0, 0] },
    ],
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
