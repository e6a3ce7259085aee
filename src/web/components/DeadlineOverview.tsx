import { useEffect, useState } from "react";
import { api, type Deadlines } from "../api";
import { useLang } from "../i18n";
import { CLOCK_LABELS, label, STATE_LABELS } from "../labels";
import { SelectField } from "./Field";

/** Every running clock in scope; overdue first and marked in words and a symbol, not colour alone. */
export function DeadlineOverview() {
  const { t, lang } = useLang();
  const [data, setData] = useState<Deadlines | null>(null);
  const [clock, setClock] = useState("");
  const [state, setState] = useState("");
  const [unitId, setUnitId] = useState("");

  useEffect(() => {
    api
      .deadlines({ clock: clock || undefined, state: state || undefined, unitId: unitId || undefined, includeMet: "true" })
      .then(setData)
      .catch(() => setData(null));
  }, [clock, state, unitId]);

  return (
    <section className="card" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t("deadlines")}</h2>
      {data && data.counts.length > 0 && (
        <ul className="counts">
          {data.counts.map((c) => (
            <li key={c.unitId ?? "none"}>
              <strong>{c.unitName ?? "—"}</strong>:{" "}
              <span className="state-overdue">
                {c.overdue} {t("overdueCount")}
              </span>
              , {c.dueSoon} {t("dueSoonCount")}, {c.due} {t("dueCount")}
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <SelectField label={t("clock")} value={clock} onChange={setClock}>
          <option value="">{t("all")}</option>
          {Object.keys(CLOCK_LABELS).map((k) => (
            <option key={k} value={k}>
              {label(CLOCK_LABELS, k, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("state")} value={state} onChange={setState}>
          <option value="">{t("all")}</option>
          {Object.keys(STATE_LABELS).map((k) => (
            <option key={k} value={k}>
              {label(STATE_LABELS, k, lang)}
            </option>
          ))}
        </SelectField>
        {data && data.counts.length > 1 && (
          <SelectField label={t("unit")} value={unitId} onChange={setUnitId}>
            <option value="">{t("all")}</option>
            {data.counts
              .filter((c) => c.unitId)
              .map((c) => (
                <option key={c.unitId} value={c.unitId ?? ""}>
                  {c.unitName}
                </option>
              ))}
          </SelectField>
        )}
      </div>
      {data && data.items.length === 0 && <p>{t("noDeadlines")}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("deadlines")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("clock")}</th>
                <th scope="col">{t("person")}</th>
                <th scope="col">{t("dueDate")}</th>
                <th scope="col">{t("daysLeft")}</th>
                <th scope="col">{t("caseWorker")}</th>
                <th scope="col">{t("unit")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((d) => (
                <tr key={`${d.clock}-${d.recordId}`} className={`row-${d.state}`}>
                  <td>
                    <span className={`state state-${d.state}`}>
                      {d.state === "overdue" && <span aria-hidden="true">⚠ </span>}
                      {label(STATE_LABELS, d.state, lang)}
                    </span>
                  </td>
                  <td>
                    {label(CLOCK_LABELS, d.clock, lang)}
                    {d.extended && <span className="hint"> (förlängd)</span>}
                  </td>
                  <td>{d.personName}</td>
                  <td>{d.dueDate}</td>
                  <td>{d.daysLeft}</td>
                  <td>{d.assignedToName ?? "—"}</td>
                  <td>{d.unitName ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
