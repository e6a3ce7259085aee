import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { CaseForm, FormError, useSubmit } from "../components/CaseFormParts";
import { Field, SelectField } from "../components/Field";
import { governanceApi, type LogReviewSummary } from "../components/GovernanceApi";
import { useDistrictsWith } from "../components/GovernanceParts";
import { formatDateTime, useLang } from "../i18n";

/** The month before the current one, Stockholm time ('YYYY-MM'): the usual month to review. */
function previousMonth(): string {
  const [y, m] = stockholmToday().split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** Loggkontroll (/egenkontroll/loggkontroll): the monthly reviews of the audit log, and drawing a new one. */
export function LogReviews() {
  const { t, lang } = useLang();
  const [items, setItems] = useState<LogReviewSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await governanceApi.logReviews()).items);
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <h1>{t("gvLogReview")}</h1>
      <p>{t("gvLogReviewIntro")}</p>
      <DrawLogReview />
      <section className="card" aria-labelledby="log-reviews-heading">
        <h2 id="log-reviews-heading">{t("gvLogReviews")}</h2>
        <FormError error={error} />
        {items === null ? (
          !error && <p role="status">{t("loading")}</p>
        ) : items.length === 0 ? (
          <p>{t("gvNoLogReviews")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("gvLogReviews")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gvMonth")}</th>
                  <th scope="col">{t("district")}</th>
                  <th scope="col">{t("gvDrawnBy")}</th>
                  <th scope="col" className="num">
                    {t("gvItems")}
                  </th>
                  <th scope="col" className="num">
                    {t("gvJudged")}
                  </th>
                  <th scope="col" className="num">
                    {t("gvFlaggedCount")}
                  </th>
                  <th scope="col">{t("gvCompleted")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/egenkontroll/loggkontroll/${r.id}`}>{r.month}</Link>
                    </th>
                    <td>{r.districtName}</td>
                    <td>
                      {r.createdByName}, {formatDateTime(r.createdAt, lang)}
                    </td>
                    <td className="num">{r.items}</td>
                    <td className="num">{r.judged}</td>
                    <td className="num">{r.flagged}</td>
                    <td>{r.completedAt ? formatDateTime(r.completedAt, lang) : t("gvNotCompleted")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function DrawLogReview() {
  const { t } = useLang();
  const navigate = useNavigate();
  const districts = useDistrictsWith("logreview:manage");
  const [form, setForm] = useState({ districtId: "", month: previousMonth(), seed: "", rowSample: "25", userSample: "3" });
  const { busy, error, run } = useSubmit();
  const districtId = form.districtId || districts[0]?.id || "";
  return (
    <section className="card" aria-labelledby="draw-heading">
      <h2 id="draw-heading">{t("gvDraw")}</h2>
      <CaseForm
        labelledBy="draw-heading"
        error={error}
        busy={busy}
        submitLabel={t("gvDrawButton")}
        onSubmit={() =>
          void run(async () => {
            const created = await governanceApi.drawLogReview({
              districtId,
              month: form.month,
              ...(form.seed ? { seed: form.seed } : {}),
              rowSample: Number(form.rowSample),
              userSample: Number(form.userSample),
            });
            navigate(`/egenkontroll/loggkontroll/${created.id}`);
          })
        }
      >
        <SelectField label={t("district")} value={districtId} onChange={(v) => setForm({ ...form, districtId: v })}>
          {districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("gvMonth")}
          hint={t("gvMonthHint")}
          required
          pattern="\d{4}-\d{2}"
          value={form.month}
          onChange={(e) => setForm({ ...form, month: e.target.value })}
          error={error?.fieldMessage("month")}
        />
        <Field
          label={t("gvSeed")}
          hint={t("gvSeedHint")}
          value={form.seed}
          onChange={(e) => setForm({ ...form, seed: e.target.value })}
          error={error?.fieldMessage("seed")}
        />
        <Field
          label={t("gvRowSample")}
          type="number"
          min={0}
          max={500}
          value={form.rowSample}
          onChange={(e) => setForm({ ...form, rowSample: e.target.value })}
        />
        <Field
          label={t("gvUserSample")}
          type="number"
          min={0}
          max={50}
          value={form.userSample}
          onChange={(e) => setForm({ ...form, userSample: e.target.value })}
        />
      </CaseForm>
    </section>
  );
}
