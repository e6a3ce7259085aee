import { Link } from "react-router";
import { VERDICT_LABELS, type Verdict } from "../../domain/file-review/definitions";
import { formatShare, useLang } from "../i18n";
import type { FileReview, ReviewItem } from "./FileReviewApi";
import { ScrollTable } from "./InsatsParts";

type VerdictRow = ReviewItem["verdicts"][number];

const SYMBOL: Record<Verdict, string> = { met: "✓", not_met: "✗", not_applicable: "–", manual: "?" };
const CLASS: Record<Verdict, string> = { met: "signed", not_met: "state-overdue", not_applicable: "", manual: "unsigned" };

/** The page a verdict's record is shown on: the insats page for an insats's records, else the case. */
export function recordHref(item: ReviewItem, v: VerdictRow): string {
  const insatsRecord = v.ref && ["insats", "plan", "follow_up", "overvagande"].includes(v.ref.type);
  return insatsRecord || item.recordType === "insats" ? `/insatser/${item.recordId}` : `/arenden/${item.caseId}`;
}

/** A verdict as symbol and word, never colour alone. */
export function VerdictText({ verdict }: { verdict: Verdict }) {
  const { lang } = useLang();
  return (
    <span className={`state ${CLASS[verdict]}`}>
      <span aria-hidden="true">{SYMBOL[verdict]} </span>
      {VERDICT_LABELS[verdict][lang]}
    </span>
  );
}

export const fileLabel = (item: ReviewItem, investigation: string) =>
  item.fileKind === "insats" ? item.label : `${investigation} ${item.fileDate}`;

/** One row per file, one column per criterion; each verdict links to the page of the record it rests on. */
export function ResultsTable({ review }: { review: FileReview }) {
  const { t, lang } = useLang();
  if (review.items.length === 0) return <p>{t("frNoFiles")}</p>;
  return (
    <ScrollTable label={t("frResults")}>
      <table className="file-review">
        <caption className="visually-hidden">{t("frResults")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("frFile")}</th>
            {review.criteria.map((c) => (
              <th scope="col" key={c.code}>
                {c.name[lang]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {review.items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                {item.position + 1}. {item.personName}
                <br />
                <span className="hint">{fileLabel(item, t("frInvestigation"))}</span>
              </th>
              {review.criteria.map((c) => {
                const v = item.verdicts.find((x) => x.code === c.code);
                if (!v)
                  return (
                    <td key={c.code}>
                      <span aria-hidden="true">·</span>
                      <span className="visually-hidden">{t("frNotPart")}</span>
                    </td>
                  );
                return (
                  <td key={c.code}>
                    <Link to={recordHref(item, v)} title={`${v.detail[lang]} — ${v.law}`}>
                      <VerdictText verdict={v.verdict} />
                      <span className="visually-hidden">
                        : {c.name[lang]}, {item.personName}. {v.detail[lang]}
                      </span>
                    </Link>
                    <span className="hint verdict-detail">{v.detail[lang]}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** Counts and share met per criterion. */
export function SummaryTable({ review }: { review: FileReview }) {
  const { t, lang } = useLang();
  const nameOf = (code: string) => review.criteria.find((c) => c.code === code)?.name[lang] ?? code;
  return (
    <>
      <ScrollTable label={t("frSummary")}>
        <table>
          <caption className="visually-hidden">{t("frSummary")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("frCriterion")}</th>
              <th scope="col">{t("frMet")}</th>
              <th scope="col">{t("frNotMet")}</th>
              <th scope="col">{t("frNotApplicable")}</th>
              <th scope="col">{t("frManual")}</th>
              <th scope="col">{t("frShare")}</th>
            </tr>
          </thead>
          <tbody>
            {review.summary.map((s) => (
              <tr key={s.code}>
                <th scope="row">{nameOf(s.code)}</th>
                <td className="num">{s.met}</td>
                <td className="num">{s.notMet}</td>
                <td className="num">{s.notApplicable}</td>
                <td className="num">{s.manual}</td>
                <td className="num">{formatShare(s.share, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <p className="hint">{t("frShareNote")}</p>
    </>
  );
}

/** Share met per criterion in the previous review of the same districts and kind, and now. */
export function ComparisonTable({ review }: { review: FileReview }) {
  const { t, lang } = useLang();
  const c = review.comparison;
  if (!c) return <p>{t("frNoComparison")}</p>;
  const nameOf = (code: string) => review.criteria.find((x) => x.code === code)?.name[lang] ?? code;
  return (
    <ScrollTable label={t("frComparison")}>
      <table>
        <caption className="visually-hidden">{t("frComparison")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("frCriterion")}</th>
            <th scope="col">
              {t("frThen")} ({c.previousFrom} – {c.previousTo})
            </th>
            <th scope="col">
              {t("frNow")} ({review.from} – {review.to})
            </th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{nameOf(r.code)}</th>
              <td className="num">
                {formatShare(r.before.share, lang)} ({r.before.met}/{r.before.met + r.before.notMet})
              </td>
              <td className="num">
                {formatShare(r.now.share, lang)} ({r.now.met}/{r.now.met + r.now.notMet})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
