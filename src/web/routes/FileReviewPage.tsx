import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { FormError, useSubmit } from "../components/CaseFormParts";
import { type FileReview, fileReviewApi, fileReviewExportUrl } from "../components/FileReviewApi";
import { FindingsAndActions, JudgeFileForm, SignForm } from "../components/FileReviewForms";
import { ComparisonTable, ResultsTable, SummaryTable } from "../components/FileReviewResults";
import { formatDateTime, useLang } from "../i18n";
import { REVIEW_KIND_TEXT } from "./FileReviews";

/** One file review (/egenkontroll/aktgranskning/:id): results, judgement, signing, export, comparison, actions. */
export function FileReviewPage() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [review, setReview] = useState<FileReview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const version = useSubmit();

  const load = useCallback(async () => {
    try {
      setReview(await fileReviewApi.get(id));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [id, t]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!review)
    return (
      <>
        <h1>{t("frTitle")}</h1>
        <FormError error={error} />
        {!error && <p role="status">{t("loading")}</p>}
      </>
    );
  const signed = review.signedAt !== null;
  const manualItems = review.items.filter((i) => i.verdicts.some((v) => v.automaticVerdict === "manual"));
  return (
    <>
      <p>
        <Link to="/egenkontroll/aktgranskning">{t("frBack")}</Link>
      </p>
      <h1>
        {t("frTitle")} {review.from} – {review.to}
      </h1>
      <FormError error={error} />
      <section className="card" aria-labelledby="fr-about">
        <h2 id="fr-about">{t("frAbout")}</h2>
        {review.notes.map((n) => (
          <p className="flag" key={n.code}>
            {n.text[lang]}
          </p>
        ))}
        <dl className="facts">
          <dt>{t("frDistricts")}</dt>
          <dd>{review.districts.map((d) => d.name).join(", ")}</dd>
          <dt>{t("frKind")}</dt>
          <dd>{t(REVIEW_KIND_TEXT[review.kind])}</dd>
          <dt>{t("frPopulation")}</dt>
          <dd>{review.populationSize}</dd>
          <dt>{t("frDrawn")}</dt>
          <dd>
            {review.drawn} ({t("frSampleSize").toLowerCase()} {review.sampleSize})
          </dd>
          <dt>{t("frSeed")}</dt>
          <dd>{review.seed}</dd>
          <dt>{t("frMethod")}</dt>
          <dd>{review.method[lang]}</dd>
          <dt>{t("frAsOf")}</dt>
          <dd>{formatDateTime(review.asOf, lang)}</dd>
          <dt>{t("frVersion")}</dt>
          <dd>{review.version}</dd>
          <dt>{t("frStatus")}</dt>
          <dd>
            {signed ? (
              <span className="signed">
                {t("frSigned")} {formatDateTime(review.signedAt as string, lang)}, {review.signedByName}
              </span>
            ) : (
              t("frUnsigned")
            )}
          </dd>
        </dl>
        {review.conclusion && <p className="prewrap">{review.conclusion}</p>}
        <h3>{t("frExport")}</h3>
        <ul className="export-links">
          <li>
            <a href={fileReviewExportUrl(review.id, "xlsx")}>{t("frExportXlsx")}</a>
          </li>
          <li>
            <a href={fileReviewExportUrl(review.id, "pdf")}>{t("frExportPdf")}</a>
          </li>
        </ul>
      </section>

      <section className="card" aria-labelledby="fr-results">
        <h2 id="fr-results">{t("frResults")}</h2>
        <ResultsTable review={review} />
      </section>

      <section className="card" aria-labelledby="fr-summary">
        <h2 id="fr-summary">{t("frSummary")}</h2>
        <SummaryTable review={review} />
      </section>

      <section className="card" aria-labelledby="fr-comparison">
        <h2 id="fr-comparison">{t("frComparison")}</h2>
        <ComparisonTable review={review} />
      </section>

      <section className="card" aria-labelledby="fr-judge">
        <h2 id="fr-judge">{t("frJudge")}</h2>
        {signed ? (
          <>
            <p>{t("frSignedNote")}</p>
            {review.latest ? (
              <>
                <FormError error={version.error} />
                <button
                  type="button"
                  disabled={version.busy}
                  onClick={() =>
                    void version.run(async () => {
                      const next = await fileReviewApi.newVersion(review.id);
                      navigate(`/egenkontroll/aktgranskning/${next.id}`);
                    })
                  }
                >
                  {t("frNewVersion")}
                </button>
              </>
            ) : (
              <p>{t("frLaterVersion")}</p>
            )}
          </>
        ) : (
          <>
            <p>{t("frJudgeIntro")}</p>
            {manualItems.map((item) => (
              <JudgeFileForm key={item.id} review={review} item={item} onSaved={load} />
            ))}
            <SignForm review={review} onSigned={load} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="fr-findings">
        <h2 id="fr-findings">{t("frFindings")}</h2>
        <FindingsAndActions review={review} onChanged={load} />
      </section>

      <section className="card" aria-labelledby="fr-criteria">
        <h2 id="fr-criteria">{t("frCriteria")}</h2>
        <dl className="criteria">
          {review.criteria.map((c) => (
            <div key={c.code}>
              <dt>
                {c.name[lang]} <span className="hint">({c.automatic ? t("frAutomatic") : t("frByReviewer")})</span>
              </dt>
              <dd>{c.rule[lang]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
