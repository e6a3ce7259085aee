import { type FormEvent, useState } from "react";
import type { HandlingTimes as Figures } from "../../contracts/cases";
import { ApiError, api } from "../api";
import { Alert, Field } from "../components/Field";
import { useLang } from "../i18n";

const pct = (share: number | null) => (share === null ? "—" : `${Math.round(share * 1000) / 10} %`);
const num = (n: number | null) => (n === null ? "—" : String(Math.round(n * 10) / 10));

export function HandlingTimes() {
  const { t } = useLang();
  const year = new Date().getFullYear();
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(`${year}-12-31`);
  const [data, setData] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    try {
      setData(await api.handlingTimes(from, to));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    }
  }

  const rows = data
    ? ([
        ["Skyddsbedömning inom 24 timmar", data.skyddsbedomningWithin24h],
        ["Förhandsbedömning inom 14 dagar", data.forhandsbedomningWithin14d],
        ["Utredning inom 4 månader eller med beslutad förlängning", data.utredningWithin4mOrExtended],
      ] as const)
    : [];
  const exportUrl = (format: string) => `/api/reports/handling-times/export?from=${from}&to=${to}&format=${format}`;

  return (
    <>
      <h1>{t("navStats")}</h1>
      <section className="card">
        <form className="inline-form" onSubmit={submit}>
          <Field label={t("from")} type="date" value={from} onChange={(e) => setFrom(e.target.value)} required />
          <Field label={t("to")} type="date" value={to} onChange={(e) => setTo(e.target.value)} required />
          <button type="submit">{t("filter")}</button>
        </form>
        {error && <Alert kind="error">{error}</Alert>}
      </section>
      {data && (
        <section className="card" aria-labelledby="ht-heading">
          <h2 id="ht-heading">
            {data.from} – {data.to}: {data.reports.all} anmälningar ({data.reports.pojke} pojkar, {data.reports.flicka} flickor)
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("navStats")}</caption>
              <thead>
                <tr>
                  <th scope="col">Mått</th>
                  <th scope="col">Alla</th>
                  <th scope="col">Pojkar</th>
                  <th scope="col">Flickor</th>
                  <th scope="col">Median dagar</th>
                  <th scope="col">90:e percentil</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(([name, m]) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    <td>
                      {pct(m.all.share)} ({m.all.withinLimit}/{m.all.total})
                    </td>
                    <td>{pct(m.pojke.share)}</td>
                    <td>{pct(m.flicka.share)}</td>
                    <td>{num(m.all.medianDays)}</td>
                    <td>{num(m.all.p90Days)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            Kopplade till pågående utredning: {data.linkedToOngoingInvestigation}. Återaktualiseringar inom 12 månader:{" "}
            {data.reReferrals} ({pct(data.reReferralRate)}).
          </p>
          <p>
            <a href={exportUrl("xlsx")}>Ladda ner XLSX</a> · <a href={exportUrl("csv")}>Ladda ner CSV</a>
          </p>
        </section>
      )}
    </>
  );
}
