import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { SOURCE_UNIT_LABELS } from "../../domain/lagesbild/definitions";
import { roleHasPermission } from "../../domain/roles";
import { useAuth } from "../auth";
import { Alert } from "../components/Field";
import { type LagesbildDetail, lagesbildApi } from "../components/LagesbildApi";
import { LagesbildDecide, LagesbildEditor } from "../components/LagesbildEditor";
import { LagesbildMeasures } from "../components/LagesbildMeasures";
import { LagesbildCountTable, LagesbildFieldwork } from "../components/LagesbildTables";
import { useLang } from "../i18n";

/** /lagesbild/:id — one year's lägesbild: figures, manual sources, analysis, åtgärdsplan, exports. */
export function Lagesbild() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const { id = "" } = useParams();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [l, setL] = useState<LagesbildDetail | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    lagesbildApi
      .get(id, version)
      .then((d) => {
        setL(d);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [id, version]);
  useEffect(load, [load]);
  if (failed) return <Alert kind="error">{t("error")}</Alert>;
  if (!l) return <p role="status">{t("loading")}</p>;
  const latest = l.version === l.latestVersion;
  const mayFollowUp = (me?.assignments ?? []).some((a) => roleHasPermission(a.role, "lagesbild:manage"));

  return (
    <>
      <p>
        <Link to="/lagesbild">{t("lbListTitle")}</Link>
      </p>
      <h1>
        {l.title} — {l.districts.map((d) => d.name).join(", ")}
      </h1>
      <p className="hint">{l.law.name[lang]}</p>
      <section className="card" aria-labelledby="lb-facts">
        <h2 id="lb-facts">{t("lbStatus")}</h2>
        <dl className="facts">
          <dt>{t("lbYear")}</dt>
          <dd>
            {l.year} ({l.from} – {l.to})
          </dd>
          <dt>{t("lbStatus")}</dt>
          <dd>
            {l.decided
              ? `${t("lbDecided")} ${l.decidedOn ?? ""}, ${t("lbDecidedBy").toLowerCase()} ${l.decidedBody ?? ""}`
              : t("lbDraft")}
          </dd>
          <dt>{t("lbVersion")}</dt>
          <dd>
            <select aria-label={t("lbShowVersion")} value={l.version} onChange={(e) => setVersion(Number(e.target.value))}>
              {l.versions.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version} — {v.createdAt.slice(0, 10)} {v.createdByName}
                </option>
              ))}
            </select>
          </dd>
        </dl>
        <p>{l.figuresAsDecided ? t("lbFiguresAsDecided") : t("lbFiguresNow")}</p>
        <p>
          {t("lbExport")}:{" "}
          <a href={lagesbildApi.exportUrl(l.id, "pdf", l.version)} download>
            PDF
          </a>{" "}
          ·{" "}
          <a href={lagesbildApi.exportUrl(l.id, "xlsx", l.version)} download>
            XLSX
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="lb-mapping">
        <h2 id="lb-mapping">{l.law.parts.mapping?.[lang]}</h2>
        {l.protectedWhole && <Alert kind="error">{t("lbProtectedWhole")}</Alert>}
        {l.tables.map((table) => (
          <LagesbildCountTable key={table.indicator} table={table} />
        ))}
        {l.fieldwork ? <LagesbildFieldwork fieldwork={l.fieldwork} /> : <p>{t("lbNoFieldwork")}</p>}
      </section>

      <section className="card" aria-labelledby="lb-other">
        <h2 id="lb-other">{l.law.parts.otherInformation?.[lang]}</h2>
        {l.sources.length === 0 ? (
          <p>{t("lbNoSources")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("lbLabel")}</th>
                <th scope="col">{t("lbValue")}</th>
                <th scope="col">{t("lbUnit")}</th>
                <th scope="col">{t("lbPeriodFrom")}</th>
                <th scope="col">{t("lbPeriodTo")}</th>
                <th scope="col">{t("lbSource")}</th>
                <th scope="col">{t("lbNote")}</th>
              </tr>
            </thead>
            <tbody>
              {l.sources.map((s, i) => (
                <tr key={`${i}-${s.label}`}>
                  <th scope="row">{s.label}</th>
                  <td>{s.value}</td>
                  <td>{SOURCE_UNIT_LABELS[s.unit][lang]}</td>
                  <td>{s.periodFrom}</td>
                  <td>{s.periodTo}</td>
                  <td>{s.source}</td>
                  <td>{s.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="lb-analysis">
        <h2 id="lb-analysis">{l.law.parts.analysis?.[lang]}</h2>
        <p className="pre-wrap">{l.analysis || t("lbNoAnalysis")}</p>
      </section>

      {l.canManage && latest && <LagesbildEditor key={l.latestVersion} l={l} onSaved={load} />}
      <LagesbildMeasures l={l} mayFollowUp={mayFollowUp} onChanged={load} />
      {l.canDecide && latest && <LagesbildDecide l={l} onDone={load} />}

      <section className="card" aria-labelledby="lb-definitions">
        <h2 id="lb-definitions">{t("lbDefinitions")}</h2>
        <dl>
          {l.definitions.map((d) => (
            <div key={d.name.sv}>
              <dt>{d.name[lang]}</dt>
              <dd>{d.definition[lang]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}
