import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { CaseForm, FormError, useSubmit } from "../components/CaseFormParts";
import { Field, SelectField } from "../components/Field";
import { governanceApi, type PlanSummary } from "../components/GovernanceApi";
import { useDistrictsWith } from "../components/GovernanceParts";
import { useLang } from "../i18n";

/** Internkontrollplaner (/egenkontroll/internkontrollplan): one plan per district and year. */
export function ControlPlans() {
  const { t } = useLang();
  const [items, setItems] = useState<PlanSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await governanceApi.plans()).items);
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
      <h1>{t("gvControlPlans")}</h1>
      <p>{t("gvControlPlansIntro")}</p>
      <section className="card" aria-labelledby="plans-heading">
        <h2 id="plans-heading">{t("gvPlans")}</h2>
        <FormError error={error} />
        {items === null ? (
          !error && <p role="status">{t("loading")}</p>
        ) : items.length === 0 ? (
          <p>{t("gvNoPlans")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("gvPlans")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gvYear")}</th>
                  <th scope="col">{t("district")}</th>
                  <th scope="col">{t("gvAdoptedOn")}</th>
                  <th scope="col" className="num">
                    {t("gvControlPoints")}
                  </th>
                  <th scope="col" className="num">
                    {t("gvWithResult")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link to={`/egenkontroll/internkontrollplan/${p.id}`}>
                        {t("gvControlPlan")} {p.year}
                      </Link>
                    </th>
                    <td>{p.districtName}</td>
                    <td>{p.adoptedOn ?? t("gvNotAdopted")}</td>
                    <td className="num">{p.points}</td>
                    <td className="num">{p.pointsWithResult}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <CreatePlan />
    </>
  );
}

function CreatePlan() {
  const { t } = useLang();
  const navigate = useNavigate();
  const districts = useDistrictsWith("review:manage");
  const [form, setForm] = useState({ districtId: "", year: stockholmToday().slice(0, 4), summary: "" });
  const { busy, error, run } = useSubmit();
  const districtId = form.districtId || districts[0]?.id || "";
  return (
    <section className="card" aria-labelledby="new-plan-heading">
      <h2 id="new-plan-heading">{t("gvNewPlan")}</h2>
      <CaseForm
        labelledBy="new-plan-heading"
        error={error}
        busy={busy}
        submitLabel={t("gvCreatePlan")}
        onSubmit={() =>
          void run(async () => {
            const created = await governanceApi.createPlan({ districtId, year: Number(form.year), summary: form.summary });
            navigate(`/egenkontroll/internkontrollplan/${created.id}`);
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
          label={t("gvYear")}
          type="number"
          min={2000}
          max={2100}
          required
          value={form.year}
          onChange={(e) => setForm({ ...form, year: e.target.value })}
          error={error?.fieldMessage("year")}
        />
      </CaseForm>
    </section>
  );
}
