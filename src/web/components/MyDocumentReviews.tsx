import { useEffect, useState } from "react";
import { Link } from "react-router";
import { fill, useLang } from "../i18n";
import { type DocumentSummary, governanceApi } from "./GovernanceApi";
import { ReviewStateText } from "./GovernanceParts";

/**
 * The start page's reminder: the styrdokument the signed-in user owns whose review date is within
 * 30 days, today or past. Shows nothing when there is nothing to remind of.
 */
export function MyDocumentReviews() {
  const { t } = useLang();
  const [items, setItems] = useState<DocumentSummary[]>([]);
  const [soonDays, setSoonDays] = useState(30);
  useEffect(() => {
    governanceApi
      .myReviews()
      .then((r) => {
        setItems(r.items);
        setSoonDays(r.soonDays);
      })
      .catch(() => setItems([]));
  }, []);
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-reviews-heading">
      <h2 id="my-reviews-heading">{t("gvMyReviews")}</h2>
      <p>{fill(t("gvMyReviewsIntro"), { days: soonDays })}</p>
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            <Link to={`/styrdokument/${d.id}`}>{d.title}</Link>: <ReviewStateText state={d.reviewState} />,{" "}
            {t("gvNextReview").toLowerCase()} {d.nextReviewOn}
          </li>
        ))}
      </ul>
    </section>
  );
}
