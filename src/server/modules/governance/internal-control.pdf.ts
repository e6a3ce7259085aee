import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { PlanDetail } from "../../../contracts/internal-control";
import { type ControlMetric, figureKind, formatFigure, formatTarget } from "../../../domain/governance/internal-control";
import {
  CONTROL_AREA_LABELS,
  CONTROL_FREQUENCY_LABELS,
  CONTROL_METHOD_LABELS,
  CONTROL_METRIC_LABELS,
  NAMND_REPORT_LABELS,
  RESULT_OUTCOME_LABELS,
  RISK_LEVEL_LABELS,
} from "../../../domain/governance/labels";
import { stockholmDate } from "../../../domain/time";
import { renderPdf } from "../../platform/pdf";

const head = (cells: string[]): TableCell[] => cells.map((text) => ({ text, bold: true, fillColor: "#e8e8e8" }));
const riskFill = { lag: "#dff0d8", medel: "#fcf3cf", hog: "#f5c6c6" } as const;

function methodText(p: PlanDetail["controlPoints"][number]): string {
  const parts = [CONTROL_METHOD_LABELS[p.method].sv];
  if (p.metric) parts.push(CONTROL_METRIC_LABELS[p.metric as ControlMetric]?.sv ?? p.metric);
  if (p.target) parts.push(`Mål: ${formatTarget(p.target, figureKind(p.method, p.metric))}`);
  if (p.methodDescription) parts.push(p.methodDescription);
  return parts.join("\n");
}

/**
 * The plan and its outcome as the nämnd reads it: the control points with their risk (probability ×
 * consequence, level as word and shade), method, frequency, responsible and report; then each point's
 * results. Figures from Vägval are as the disclosure module published them ("–" when hidden).
 */
export function internalControlPdf(plan: PlanDetail, generatedAt: Date): Promise<Buffer> {
  const title = `Internkontrollplan ${plan.year} – ${plan.districtName}`;
  const pointsTable: Content = {
    table: {
      headerRows: 1,
      widths: [14, "*", "*", 52, "*", 56, 70, 62],
      body: [
        head(["Nr", "Område och kontrollpunkt", "Risk", "Riskvärde (S × K)", "Metod", "Frekvens", "Ansvarig", "Rapporteras"]),
        ...plan.controlPoints.map((p, i): TableCell[] => [
          String(i + 1),
          { text: [{ text: `${CONTROL_AREA_LABELS[p.area].sv}\n`, bold: true }, p.title] },
          p.risk,
          {
            text: `${p.probability} × ${p.consequence} = ${p.riskScore}\n${RISK_LEVEL_LABELS[p.riskLevel].sv}`,
            fillColor: riskFill[p.riskLevel],
          },
          methodText(p),
          CONTROL_FREQUENCY_LABELS[p.frequency].sv,
          p.responsibleName,
          NAMND_REPORT_LABELS[p.reportTo].sv,
        ]),
      ],
    },
    layout: { hLineColor: () => "#999999", vLineColor: () => "#999999" },
  };
  const outcome: Content[] = plan.controlPoints.flatMap((p, i): Content[] => [
    { text: `${i + 1}. ${p.title}`, bold: true, margin: [0, 8, 0, 2] },
    p.results.length === 0
      ? { text: "Inget resultat registrerat.", italics: true }
      : {
          table: {
            headerRows: 1,
            widths: [56, 90, 80, 40, "*", 46],
            body: [
              head(["Datum", "Period", "Utfall", "Värde", "Kommentar", "Avvikelser"]),
              ...p.results.map((r): TableCell[] => [
                r.performedOn,
                r.periodFrom && r.periodTo ? `${r.periodFrom} – ${r.periodTo}` : "–",
                `${RESULT_OUTCOME_LABELS[r.outcome].sv}${r.source === "system" ? "\n(ifyllt av Vägval)" : ""}`,
                formatFigure(r.value, figureKind(p.method, p.metric)),
                r.comment || "–",
                String(r.deviationsFound),
              ]),
            ],
          },
          layout: { hLineColor: () => "#999999", vLineColor: () => "#999999" },
        },
  ]);
  const doc: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [36, 40, 36, 48],
    info: { title, creator: "Vägval" },
    defaultStyle: { font: "Roboto", fontSize: 8 },
    content: [
      { text: title, fontSize: 15, bold: true, margin: [0, 0, 0, 4] },
      {
        text: plan.adoptedOn ? `Antagen av nämnden ${plan.adoptedOn}.` : "Ej antagen av nämnden.",
        fontSize: 9,
        margin: [0, 0, 0, 2],
      },
      ...(plan.summary ? [{ text: plan.summary, fontSize: 9, margin: [0, 0, 0, 6] } as Content] : []),
      {
        text: "Riskvärde = sannolikhet (S, 1–4) × konsekvens (K, 1–4): 1–3 låg, 4–8 medel, 9–16 hög.",
        fontSize: 8,
        italics: true,
        margin: [0, 0, 0, 8],
      },
      { text: "Kontrollpunkter", fontSize: 11, bold: true, margin: [0, 0, 0, 4] },
      plan.controlPoints.length ? pointsTable : { text: "Planen har inga kontrollpunkter.", italics: true },
      { text: "Uppföljning", fontSize: 11, bold: true, margin: [0, 14, 0, 0], pageBreak: "before" },
      ...outcome,
      {
        text: "Värden ifyllda av Vägval kommer från rapporter med röjandeskydd (cell-key-perturbation): antal kan avvika med upp till ±2 och dolda värden visas som –.",
        fontSize: 8,
        italics: true,
        margin: [0, 12, 0, 0],
      },
    ],
    footer: (page: number, pages: number) => ({
      columns: [
        { text: `Skapad ${stockholmDate(generatedAt)} i Vägval`, fontSize: 7 },
        { text: `Sida ${page} av ${pages}`, alignment: "right", fontSize: 7 },
      ],
      margin: [36, 16, 36, 0],
    }),
  };
  return renderPdf(doc);
}
