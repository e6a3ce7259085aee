import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { CLOCK_KINDS } from "../../contracts/cases";
import type { LateDeadlineRow } from "../../contracts/late-deadlines";
import { addCalendarDays } from "../../domain/clocks";
import { NOT_STARTED_REASON_LABELS, type NotStartedReason } from "../../domain/interventions/vocabulary";
import { PERMISSIONS } from "../../domain/roles";
import { stockholmDate, stockholmToday, TIME_ZONE } from "../../domain/time";
import { ApiError, api } from "../api";
import { useAuth } from "../auth";
import { deviationApi, type LateFilter, lateExportUrl, type LateDeadlines as Result } from "../components/DeviationApi";
import { Alert, Field, SelectField } from "../components/Field";
import { ScrollTable } from "../components/InsatsParts";
import { fill, formatDateTime, useLang } from "../i18n";
import { CLOCK_LABELS, label } from "../labels";
import type { DeviationPrefill } from "./DeviationReport";

/** The last whole calendar month: the default period. */
function lastMonth(): { from: string; to: string } {
  const firstOfThis = `${stockholmToday().slice(0, 8)}01`;
  const to = addCalendarDays(firstOfThis, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

const localFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** An instant as the report form's datetime-local value, in Swedish time. */
const localValue = (iso: string) => localFormat.format(new Date(iso)).replace(" ", "T");

/**
 * Sena tidsfrister (/egenkontroll/sena-tidsfrister): every legal clock of a past period that was met
 * late or missed, per district, unit and handläggare, exportable, with a one-click avvikelse per row.
 */
export function LateDeadlines() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  const reviewRoles: readonly string[] = PERMISSIONS["review:manage"];
  const mine = useMemo(() => (me?.assignments ?? []).filter((a) => reviewRoles.includes(a.role)), [me, reviewRoles]);
  const districts = [...new Map(mine.map((a) => [a.districtId, a.districtName])).entries()];
  const [filter, setFilter] = useState<LateFilter>(lastMonth);
  const [shown, setShown] = useState<LateFilter>(filter);
  const [units, setUnits] = useState<{ id: string; name: string; districtId: string }[]>([]);
  const [handlaggare, setHandlaggare] = useState<Map<string, string>>(new Map());
  const [data, setData] = useState<Result | null>(null);
  const [rows, setRows] = useState<LateDeadlineRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const allowed = new Set(districts.map(([id]) => id));
    api.organisation().then(
      (o) => setUnits(o.units.filter((u) => allowed.has(u.districtId))),
      () => setUnits([]),
    );
  }, [districts.length]);

  async function load(e?: FormEvent, cursor?: string) {
    e?.preventDefault();
    setError(null);
    setLoading(true);
    const f = cursor ? shown : { ...filter };
    try {
      const result = await deviationApi.late({ ...f, limit: 100, cursor });
      setShown(f);
      setData(result);
      setRows((prev) => (cursor ? [...prev, ...result.items] : result.items));
      // The handläggare filter offers everyone who has appeared in a result.
      setHandlaggare((prev) => {
        const next = new Map(prev);
        for (const g of result.summary.byHandlaggare) if (g.id && g.name) next.set(g.id, g.name);
        return next;
      });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    } finally {
      setLoading(false);
    }
  }
  useEffect(() => {
    void load();
  }, []);

  const set = (k: keyof LateFilter, v: string) =>
    setFilter((f) => ({ ...f, [k]: v || undefined, ...(k === "districtId" ? { unitId: undefined } : {}) }));
  const clockName = (c: string) => label(CLOCK_LABELS, c, lang);
  const reason = (r: LateDeadlineRow) => {
    const code =
      r.reasonCode === "late_extension"
        ? t("ldLateExtension")
        : r.reasonCode === "extension"
          ? t("ldExtension")
          : r.reasonCode && r.reasonCode in NOT_STARTED_REASON_LABELS
            ? NOT_STARTED_REASON_LABELS[r.reasonCode as NotStartedReason][lang]
            : r.reasonCode;
    return [code, r.reason].filter(Boolean).join(": ") || "—";
  };

  /** The one-click avvikelse: the report form, pre-filled with the clock, the record and the dates. */
  function createDeviation(r: LateDeadlineRow) {
    const completedOn = r.completedAt ? stockholmDate(new Date(r.completedAt)) : null;
    const done = completedOn
      ? fill(t("dvLateDone"), { date: completedOn, days: r.daysLate })
      : fill(t("dvLateMissed"), { days: r.daysLate });
    const prefill: DeviationPrefill = {
      unitId: r.unitId,
      caseId: r.caseId,
      insatsId: r.insatsId,
      kind: "tidsfrist",
      occurredAt: localValue(r.dueAt),
      description: fill(t("dvLateDescription"), {
        clock: clockName(r.clock),
        due: r.dueDate,
        done,
        caseRef: r.caseId.slice(0, 8),
      }),
      origin: { kind: "late_deadline", clock: r.clock, recordId: r.recordId, dueDate: r.dueDate, completedOn },
    };
    navigate("/avvikelser/ny", { state: { prefill } });
  }

  const filteredUnits = units.filter((u) => !filter.districtId || u.districtId === filter.districtId);
  return (
    <>
      <h1>{t("ldTitle")}</h1>
      <p>{t("ldIntro")}</p>
      <section className="card">
        <form className="inline-form" onSubmit={(e) => void load(e)} aria-label={t("filter")}>
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
            {filteredUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("ldHandlaggare")} value={filter.handlaggareId ?? ""} onChange={(v) => set("handlaggareId", v)}>
            <option value="">{t("ldAllHandlaggare")}</option>
            {[...handlaggare.entries()].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("clock")} value={filter.clock ?? ""} onChange={(v) => set("clock", v)}>
            <option value="">{t("ldAllClocks")}</option>
            {CLOCK_KINDS.map((c) => (
              <option key={c} value={c}>
                {clockName(c)}
              </option>
            ))}
          </SelectField>
          <button type="submit" disabled={loading}>
            {t("ldShow")}
          </button>
        </form>
        {loading && <p role="status">{t("loading")}</p>}
        {error && <Alert kind="error">{error}</Alert>}
      </section>

      {data && (
        <>
          <section className="card" aria-labelledby="ld-summary">
            <h2 id="ld-summary">
              {shown.from} – {shown.to}: {fill(t("ldTotal"), { n: data.total })}
            </h2>
            <p className="hint">
              {t("htAsOf")} {formatDateTime(data.asOf, lang)}.
            </p>
            <ul className="export-links" aria-label={t("ldExport")}>
              <li>
                {t("ldExport")}: <a href={lateExportUrl(shown, "csv")}>{t("ldCsv")}</a> ·{" "}
                <a href={lateExportUrl(shown, "xlsx")}>{t("ldXlsx")}</a>
              </li>
            </ul>
            {data.total > 0 && (
              <div className="chart-pair">
                <SummaryTable
                  id="ld-by-clock"
                  title={t("clock")}
                  rows={data.summary.byClock.map((g) => ({ key: g.clock, name: clockName(g.clock), ...g }))}
                />
                <SummaryTable
                  id="ld-by-handlaggare"
                  title={t("ldHandlaggare")}
                  rows={data.summary.byHandlaggare.map((g) => ({ ...g, key: g.id ?? "none", name: g.name ?? t("ldUnassigned") }))}
                />
                <SummaryTable
                  id="ld-by-unit"
                  title={t("unit")}
                  rows={data.summary.byUnit.map((g) => ({ ...g, key: g.id ?? "none", name: g.name ?? t("ldNoUnit") }))}
                />
                {data.summary.byDistrict.length > 1 && (
                  <SummaryTable
                    id="ld-by-district"
                    title={t("district")}
                    rows={data.summary.byDistrict.map((g) => ({ ...g, key: g.id ?? "none", name: g.name ?? "" }))}
                  />
                )}
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="ld-rows">
            <h2 id="ld-rows">{t("ldRows")}</h2>
            {rows.length === 0 ? (
              <p>{t("ldNone")}</p>
            ) : (
              <ScrollTable label={t("ldRows")}>
                <table>
                  <caption className="visually-hidden">
                    {t("ldRows")} {shown.from} – {shown.to}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("clock")}</th>
                      <th scope="col">{t("dueDate")}</th>
                      <th scope="col">{t("ldDone")}</th>
                      <th scope="col">{t("ldDaysLate")}</th>
                      <th scope="col">{t("ldPersonCase")}</th>
                      <th scope="col">{t("ldHandlaggare")}</th>
                      <th scope="col">{t("unit")}</th>
                      <th scope="col">{t("ldReason")}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t("ldCreateDeviation")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.clock}-${r.recordId}-${r.dueDate}`}>
                        <th scope="row">{clockName(r.clock)}</th>
                        <td className="nowrap">{r.dueDate}</td>
                        <td className="nowrap">
                          {r.completedAt ? formatDateTime(r.completedAt, lang) : <strong>{t("ldMissed")}</strong>}
                        </td>
                        <td className="num">
                          {r.daysLate}
                          {r.hoursLate !== null && <span className="hint"> ({fill(t("ldHours"), { h: r.hoursLate })})</span>}
                        </td>
                        <td>
                          <Link to={r.insatsId ? `/insatser/${r.insatsId}` : `/arenden/${r.caseId}`}>{r.personName}</Link>
                        </td>
                        <td>{r.handlaggareName ?? t("ldUnassigned")}</td>
                        <td>{r.unitName ?? t("ldNoUnit")}</td>
                        <td>{reason(r)}</td>
                        <td>
                          <button type="button" className="secondary" onClick={() => createDeviation(r)}>
                            {t("ldCreateDeviation")}
                            <span className="visually-hidden">
                              {" "}
                              ({clockName(r.clock)}, {r.dueDate}, {r.personName})
                            </span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
            {data.nextCursor && (
              <div className="button-row">
                <button
                  type="button"
                  className="secondary"
                  disabled={loading}
                  onClick={() => void load(undefined, data.nextCursor ?? undefined)}
                >
                  {t("ldMore")}
                </button>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

function SummaryTable({
  id,
  title,
  rows,
}: {
  id: string;
  title: string;
  rows: { key: string; name: string; metLate: number; missed: number }[];
}) {
  const { t } = useLang();
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table>
        <caption id={id}>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t("ldMetLate")}</th>
            <th scope="col">{t("ldMissed")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.metLate}</td>
              <td className="num">{r.missed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
