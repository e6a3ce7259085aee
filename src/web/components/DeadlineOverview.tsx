import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { DUE_SOON_DAYS } from "../../domain/clocks";
import { api, type Deadlines } from "../api";
import { useAuth } from "../auth";
import { useLang } from "../i18n";
import { CLOCK_LABELS, label, STATE_LABELS } from "../labels";
import { type Caseload, caseApi } from "./CaseApi";
import { Field, SelectField } from "./Field";

type Item = Deadlines["items"][number];
type SortKey = "state" | "due" | "person" | "caseWorker";
const STATE_ORDER: Record<Item["state"], number> = { overdue: 0, due_soon: 1, due: 2, met_late: 3, met: 4 };
const SORTS: Record<SortKey, (a: Item, b: Item) => number> = {
  state: (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.dueAt.localeCompare(b.dueAt),
  due: (a, b) => a.dueAt.localeCompare(b.dueAt),
  person: (a, b) => a.personName.localeCompare(b.personName, "sv"),
  caseWorker: (a, b) => (a.assignedToName ?? "~").localeCompare(b.assignedToName ?? "~", "sv") || a.dueAt.localeCompare(b.dueAt),
};

/**
 * Every running clock in scope; overdue first and marked in words and a symbol, not colour alone.
 * Filter by clock, state, unit and handläggare; a handläggare starts on their own cases.
 */
export function DeadlineOverview() {
  const { t, lang } = useLang();
  const { me, can } = useAuth();
  const [data, setData] = useState<Deadlines | null>(null);
  const [clock, setClock] = useState("");
  const [state, setState] = useState("");
  const [unitId, setUnitId] = useState("");
  const ownCases = !!me?.roles.includes("handlaggare") && !can("case:assign");
  const [assignedTo, setAssignedTo] = useState(ownCases ? (me?.id ?? "") : "");
  const [dueSoonDays, setDueSoonDays] = useState(DUE_SOON_DAYS);
  const [sort, setSort] = useState<SortKey>("state");
  const [caseload, setCaseload] = useState<Caseload | null>(null);

  useEffect(() => {
    if (can("case:assign"))
      caseApi
        .caseload()
        .then(setCaseload)
        .catch(() => setCaseload(null));
  }, [can]);

  useEffect(() => {
    api
      .deadlines({
        clock: clock || undefined,
        state: state || undefined,
        unitId: unitId || undefined,
        assignedTo: assignedTo || undefined,
        dueSoonDays,
        includeMet: "true",
      })
      .then(setData)
      .catch(() => setData(null));
  }, [clock, state, unitId, assignedTo, dueSoonDays]);

  const items = useMemo(() => (data ? [...data.items].sort(SORTS[sort]) : []), [data, sort]);
  const caseWorkers = [...new Map((caseload?.items ?? []).map((c) => [c.userId, c.name])).entries()];

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
        <SelectField label={t("caseWorker")} value={assignedTo} onChange={setAssignedTo}>
          <option value="">{t("all")}</option>
          {me && <option value={me.id}>{t("mineOnly")}</option>}
          {caseWorkers
            .filter(([id]) => id !== me?.id)
            .map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
        </SelectField>
        <Field
          label={t("dueSoonWithin")}
          type="number"
          min={0}
          max={30}
          value={String(dueSoonDays)}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 30) setDueSoonDays(n);
          }}
        />
        <SelectField label={t("sortBy")} value={sort} onChange={(v) => setSort(v as SortKey)}>
          <option value="state">{t("sortState")}</option>
          <option value="due">{t("sortDue")}</option>
          <option value="person">{t("sortPerson")}</option>
          <option value="caseWorker">{t("sortCaseWorker")}</option>
        </SelectField>
      </div>
      {data && items.length === 0 && <p>{t("noDeadlines")}</p>}
      {items.length > 0 && (
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
              {items.map((d) => (
                <tr key={`${d.clock}-${d.recordId}`} className={`row-${d.state}`}>
                  <td>
                    <span className={`state state-${d.state}`}>
                      {d.state === "overdue" && <span aria-hidden="true">⚠ </span>}
                      {label(STATE_LABELS, d.state, lang)}
                    </span>
                  </td>
                  <td>
                    {label(CLOCK_LABELS, d.clock, lang)}
                    {d.extended && <span className="hint"> ({t("extended")})</span>}
                  </td>
                  <td>
                    <Link to={`/arenden/${d.caseId}`}>{d.personName}</Link>
                  </td>
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
