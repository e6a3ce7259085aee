import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import { FIELD_TAG_LABELS } from "../../domain/fieldwork/vocabulary";
import { stockholmToday } from "../../domain/time";
import { AreaMap } from "../components/AreaMap";
import { FormError, RadioGroup, useSubmit } from "../components/CaseFormParts";
import { Field } from "../components/Field";
import { fieldworkApi, type HeatReport } from "../components/FieldworkApi";
import { useLang } from "../i18n";

type Measure = "shifts" | "contacts" | "incidents";
const cell = (v: number | null) => (v === null ? "–" : String(v));

/** The calendar month before today: a period every reader may ask for. */
function lastMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, "0")}` };
}

/**
 * /faltarbete/karta: heat per area and period, published through the disclosure module: the
 * district's own polygons on an offline SVG map, and the same figures as a table beside it.
 */
export function FieldworkMap() {
  const { t, lang } = useLang();
  const initial = lastMonth(stockholmToday());
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [measure, setMeasure] = useState<Measure>("contacts");
  const [report, setReport] = useState<HeatReport | null>(null);
  const { error, run } = useSubmit();
  const load = useCallback(() => {
    void run(() => fieldworkApi.heat(from, to).then(setReport));
  }, [from, to, run]);
  useEffect(load, []);
  const measureLabel = { shifts: t("fwMeasureShifts"), contacts: t("fwMeasureContacts"), incidents: t("fwMeasureIncidents") };
  const values = Object.fromEntries((report?.areas ?? []).map((a) => [a.areaId, a[measure]]));
  const usedTags = [...new Set((report?.areas ?? []).flatMap((a) => a.tags.filter((x) => x.count !== 0).map((x) => x.tag)))];

  return (
    <>
      <h1>{t("fwMapTitle")}</h1>
      <p>{t("fwMapIntro")}</p>
      <p>
        <Link to="/faltarbete">{t("fwNav")}</Link>
      </p>
      <section className="card" aria-labelledby="heat-filter">
        <h2 id="heat-filter">{t("fwShow")}</h2>
        <FormError error={error} />
        <form
          className="grid-form"
          aria-labelledby="heat-filter"
          onSubmit={(e) => {
            e.preventDefault();
            load();
          }}
        >
          <Field label={t("fwFrom")} type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
          <Field label={t("fwTo")} type="date" value={to} required onChange={(e) => setTo(e.target.value)} />
          <div className="form-actions">
            <button type="submit">{t("fwShow")}</button>
          </div>
        </form>
        <RadioGroup
          legend={t("fwMeasure")}
          name="heat-measure"
          value={measure}
          onChange={(v) => setMeasure(v as Measure)}
          options={(["contacts", "shifts", "incidents"] as const).map((m) => ({ value: m, label: measureLabel[m] }))}
        />
      </section>
      {report && (
        <section className="card" aria-labelledby="heat-map">
          <h2 id="heat-map">
            {measureLabel[measure]} {report.from}–{report.to}
          </h2>
          {report.disclosure.protectedWhole && <p>{t("fwProtectedWhole")}</p>}
          <div style={{ display: "flex", flexWrap: "wrap", gap: "1.5rem", alignItems: "flex-start" }}>
            <div style={{ flex: "1 1 320px", maxWidth: "600px" }}>
              <AreaMap
                areas={report.areas.map((a) => ({ id: a.areaId, name: a.name, polygon: a.polygon }))}
                values={values}
                label={`${measureLabel[measure]} ${t("fwMapTitle").toLowerCase()}, ${report.from}–${report.to}`}
              />
            </div>
            {/* A scrollable region must be reachable by keyboard (axe scrollable-region-focusable). */}
            <div style={{ flex: "1 1 320px", overflowX: "auto" }} role="region" aria-label={t("fwTable")} tabIndex={0}>
              <table>
                <caption>{t("fwTable")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("fwArea")}</th>
                    <th scope="col">{t("fwMeasureShifts")}</th>
                    <th scope="col">{t("fwContacts")}</th>
                    <th scope="col">{t("fwGirls")}</th>
                    <th scope="col">{t("fwBoys")}</th>
                    <th scope="col">{t("fwOther")}</th>
                    <th scope="col">{t("fwMeasureIncidents")}</th>
                    {usedTags.map((tag) => (
                      <th scope="col" key={tag}>
                        {FIELD_TAG_LABELS[tag][lang]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {report.areas.map((a) => (
                    <tr key={a.areaId}>
                      <th scope="row">{a.name}</th>
                      <td>{cell(a.shifts)}</td>
                      <td>{cell(a.contacts)}</td>
                      <td>{cell(a.girls)}</td>
                      <td>{cell(a.boys)}</td>
                      <td>{cell(a.otherGender)}</td>
                      <td>{cell(a.incidents)}</td>
                      {usedTags.map((tag) => (
                        <td key={tag}>{cell(a.tags.find((x) => x.tag === tag)?.count ?? 0)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("fwTotal")}</th>
                    <td>{cell(report.shifts)}</td>
                    <td colSpan={4} />
                    <td>{cell(report.incidents)}</td>
                    {usedTags.map((tag) => (
                      <td key={tag} />
                    ))}
                  </tr>
                </tfoot>
              </table>
              <p className="hint">{t("fwHidden")}</p>
            </div>
          </div>
        </section>
      )}
    </>
  );
}
