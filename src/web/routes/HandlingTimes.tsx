import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { HandlingTimes as Figures } from "../../contracts/cases";
import { addCalendarDays } from "../../domain/clocks";
import { PERMISSIONS } from "../../domain/roles";
import { stockholmToday } from "../../domain/time";
import { ApiError, api, type HandlingTimesFilter, handlingTimesExportUrl } from "../api";
import { useAuth } from "../auth";
import { Alert, Field, SelectField } from "../components/Field";
import { formatShare, useLang } from "../i18n";

const num = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

/** Handling times per district, unit and period (default: the last twelve months), boys and girls apart. */
export function HandlingTimes() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const today = stockholmToday();
  const [filter, setFilter] = useState<HandlingTimesFilter>({ from: addCalendarDays(today, -364), to: today });
  const [data, setData] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  // Districts and units where the user may see statistics.
  const statsRoles: readonly string[] = PERMISSIONS["stats:read"];
  const mine = useMemo(() => (me?.assignments ?? []).filter((a) => statsRoles.includes(a.role)), [me, statsRoles]);
  const districts = [...new Map(mine.map((a) => [a.districtId, a.districtName])).entries()];
  const units = [
    ...new Map(
      mine.filter((a) => !filter.districtId || a.districtId === filter.districtId).map((a) => [a.unitId, a.unitName]),
    ).entries(),
  ];

  async function load(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    setLoading(true);
    try {
      setData(await api.handlingTimes(filter));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    } finally {
      setLoading(false);
    }
  }
  // Load once with the default period; afterwards on submit.
  useEffect(() => {
    void load();
  }, []);

  const set = (k: keyof HandlingTimesFilter, v: string) =>
    setFilter((f) => ({ ...f, [k]: v || undefined, ...(k === "districtId" ? { unitId: undefined } : {}) }));
  const rows = data
    ? ([
        [t("htSkydd"), data.skyddsbedomningWithin24h],
        [t("htForhands"), data.forhandsbedomningWithin14d],
        [t("htUtredning"), data.utredningWithin4mOrExtended],
      ] as const)
    : [];

  return (
    <>
      <h1>{t("navStats")}</h1>
      <section className="card">
        <form className="inline-form" onSubmit={load} aria-label={t("filter")}>
          <Field label={t("from")} type="date" value={filter.from} onChange={(e) => set("from", e.target.value)} required />
          <Field label={t("to")} type="date" value={filter.to} onChange={(e) => set("to", e.target.value)} required />
          {districts.length > 1 && (
            <SelectField label={t("district")} value={filter.districtId ?? ""} onChange={(v) => set("districtId", v)}>
              <option value="">{t("htAllDistricts")}</option>
              {districts.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField label={t("unit")} value={filter.unitId ?? ""} onChange={(v) => set("unitId", v)}>
            <option value="">{t("all")}</option>
            {units.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
          <button type="submit" disabled={loading}>
            {t("filter")}
          </button>
        </form>
        {loading && <p role="status">{t("loading")}</p>}
        {error && <Alert kind="error">{error}</Alert>}
      </section>
      {data && (
        <section className="card" aria-labelledby="ht-heading">
          <h2 id="ht-heading">
            {data.from} – {data.to}: {data.reports.all} {t("htReports")} ({data.reports.pojke} {t("htBoys").toLowerCase()},{" "}
            {data.reports.flicka} {t("htGirls").toLowerCase()})
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("navStats")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("htMeasure")}</th>
                  <th scope="col">{t("all")}</th>
                  <th scope="col">{t("htBoys")}</th>
                  <th scope="col">{t("htGirls")}</th>
                  <th scope="col">{t("htMedian")}</th>
                  <th scope="col">{t("htP90")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, m]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      {formatShare(m.all.share, lang)} ({m.all.withinLimit}/{m.all.total})
                    </td>
                    <td>{formatShare(m.pojke.share, lang)}</td>
                    <td>{formatShare(m.flicka.share, lang)}</td>
                    <td>{num(m.all.medianDays)}</td>
                    <td>{num(m.all.p90Days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {t("htLinked")}: {data.linkedToOngoingInvestigation}. {t("htReReferrals")}: {data.reReferrals} (
            {formatShare(data.reReferralRate, lang)}).
          </p>
          <p>
            {t("htDownload")}: <a href={handlingTimesExportUrl(filter, "xlsx")}>XLSX</a> ·{" "}
            <a href={handlingTimesExportUrl(filter, "csv")}>CSV</a>
          </p>
        </section>
      )}
    </>
  );
}
