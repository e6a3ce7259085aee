import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { roleHasPermission } from "../../domain/roles";
import { useAuth } from "../auth";
import { CheckboxGroup, FormError, useSubmit } from "../components/CaseFormParts";
import { Field } from "../components/Field";
import { type LagesbildSummary, lagesbildApi } from "../components/LagesbildApi";
import { useLang } from "../i18n";

/** /lagesbild: the lägesbilder per year of the user's districts, and a form to start the year's. */
export function Lagesbilder() {
  const { t } = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [list, setList] = useState<LagesbildSummary[] | null>(null);
  const load = useCallback(() => {
    lagesbildApi
      .list()
      .then((r) => setList(r.items))
      .catch(() => setList([]));
  }, []);
  useEffect(load, []);
  const districts = [
    ...new Map(
      (me?.assignments ?? [])
        .filter((a) => roleHasPermission(a.role, "lagesbild:manage"))
        .map((a) => [a.districtId, a.districtName] as const),
    ),
  ];
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useSubmit();
  const districtIds = chosen.length ? chosen : districts.map(([id]) => id);

  return (
    <>
      <h1>{t("lbListTitle")}</h1>
      <p>{t("lbListIntro")}</p>
      <section className="card" aria-labelledby="lb-list">
        <h2 id="lb-list">{t("lbNav")}</h2>
        {!list ? (
          <p role="status">{t("loading")}</p>
        ) : list.length === 0 ? (
          <p>{t("lbNone")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("lbYear")}</th>
                <th scope="col">{t("lbTitle")}</th>
                <th scope="col">{t("lbDistricts")}</th>
                <th scope="col">{t("lbStatus")}</th>
                <th scope="col">{t("lbMeasures")}</th>
                <th scope="col">{t("lbOverdue")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((l) => (
                <tr key={l.id}>
                  <td>{l.year}</td>
                  <td>
                    <Link to={`/lagesbild/${l.id}`}>{l.title}</Link>
                  </td>
                  <td>{l.districts.map((d) => d.name).join(", ")}</td>
                  <td>{l.decided ? `${t("lbDecided")} ${l.decidedOn ?? ""}` : `${t("lbDraft")} (v${l.latestVersion})`}</td>
                  <td>{l.measures}</td>
                  <td>{l.overdueMeasures}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {districts.length > 0 && (
        <section className="card" aria-labelledby="lb-new">
          <h2 id="lb-new">{t("lbNew")}</h2>
          <FormError error={error} />
          <form
            className="grid-form"
            aria-labelledby="lb-new"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                const { id } = await lagesbildApi.create({ year: Number(year), districtIds });
                navigate(`/lagesbild/${id}`);
              });
            }}
          >
            <Field
              label={t("lbYear")}
              type="number"
              min={2000}
              max={2100}
              value={year}
              required
              onChange={(e) => setYear(e.target.value)}
              error={error?.fieldMessage("year")}
            />
            {districts.length > 1 && (
              <CheckboxGroup
                legend={t("lbDistricts")}
                values={districtIds}
                onChange={setChosen}
                options={districts.map(([id, name]) => ({ value: id, label: name }))}
                error={error?.fieldMessage("districtIds")}
              />
            )}
            <div className="form-actions">
              <button type="submit" disabled={busy}>
                {t("lbCreate")}
              </button>
            </div>
          </form>
        </section>
      )}
    </>
  );
}
