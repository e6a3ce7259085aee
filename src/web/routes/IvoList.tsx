import { type FormEvent, useEffect, useMemo, useState } from "react";
import type { IvoNamndReport } from "../../contracts/interventions";
import { NOT_STARTED_REASON_LABELS } from "../../domain/interventions/vocabulary";
import { PERMISSIONS } from "../../domain/roles";
import { stockholmToday } from "../../domain/time";
import { ApiError, qs, request } from "../api";
import { useAuth } from "../auth";
import { RadioGroup } from "../components/CaseFormParts";
import { Alert, SelectField } from "../components/Field";
import { type IvoQuery, type IvoReport, insatsApi, ivoExportUrl } from "../components/InsatsApi";
import { dash, ScrollTable } from "../components/InsatsParts";
import { Count, DisclosureNote } from "../components/StatsCells";
import { type TextKey, useLang } from "../i18n";
import { GENDER_LABELS, GENDER_PLURAL_LABELS, label } from "../labels";

/** The nämnd version's counts (stats:read): aggregates through the disclosure module. */
const namndReport = (q: IvoQuery) => request<IvoNamndReport>("GET", `/api/reports/ivo/namnd${qs({ ...q })}`);

/** The last quarter that has ended by `today`. */
export function lastFinishedQuarter(today: string): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const current = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return current === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: current - 1 };
}

/**
 * The quarter's decisions not executed within three months (/statistik/ivo). Everyone with
 * statistics sees and downloads the nämnd version (counts, hidden ones as "–"); the list with
 * personnummer needs ivo:read, and such a reader chooses which version to see.
 */
export function IvoList() {
  const { t, lang } = useLang();
  const { me, can } = useAuth();
  const today = stockholmToday();
  const [filter, setFilter] = useState<IvoQuery>(() => lastFinishedQuarter(today));
  // The export links follow the quarter shown, not the one being chosen.
  const [shown, setShown] = useState<IvoQuery>(filter);
  const [data, setData] = useState<IvoReport | null>(null);
  const [namnd, setNamnd] = useState<IvoNamndReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const mayReadIvo = can("ivo:read");
  const [view, setView] = useState<"ivo" | "namnd">(mayReadIvo ? "ivo" : "namnd");

  const statsRoles: readonly string[] = PERMISSIONS["stats:read"];
  const mine = useMemo(() => (me?.assignments ?? []).filter((a) => statsRoles.includes(a.role)), [me, statsRoles]);
  const districts = [...new Map(mine.map((a) => [a.districtId, a.districtName])).entries()];
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);

  async function load(e?: FormEvent) {
    e?.preventDefault();
    const q = { ...filter };
    setShown(q);
    setError(null);
    setLoading(true);
    try {
      const [ivo, counts] = await Promise.all([
        view === "ivo" && mayReadIvo ? insatsApi.ivo(q) : Promise.resolve(null),
        view === "namnd" ? namndReport(q) : Promise.resolve(null),
      ]);
      setData(ivo);
      setNamnd(counts);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    } finally {
      setLoading(false);
    }
  }
  // Loads on opening and again when the reader switches version.
  useEffect(() => {
    void load();
  }, [view]);

  return (
    <>
      <h1>{t("ivoTitle")}</h1>
      <p>{t("ivoIntro")}</p>
      <section className="card">
        <form className="inline-form" onSubmit={load} aria-label={t("filter")}>
          <SelectField
            label={t("ivoYear")}
            value={String(filter.year)}
            onChange={(v) => setFilter((f) => ({ ...f, year: Number(v) }))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("ivoQuarter")}
            value={String(filter.quarter)}
            onChange={(v) => setFilter((f) => ({ ...f, quarter: Number(v) }))}
          >
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {q}
              </option>
            ))}
          </SelectField>
          {districts.length > 1 && (
            <SelectField
              label={t("district")}
              value={filter.districtId ?? ""}
              onChange={(v) => setFilter((f) => ({ ...f, districtId: v || undefined }))}
            >
              <option value="">{t("htAllDistricts")}</option>
              {districts.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </SelectField>
          )}
          {mayReadIvo && (
            <RadioGroup
              legend={t("ivoView")}
              name="ivo-view"
              value={view}
              onChange={(v) => setView(v === "namnd" ? "namnd" : "ivo")}
              options={[
                { value: "ivo", label: t("ivoVersionIvo") },
                { value: "namnd", label: t("ivoVersionNamnd") },
              ]}
            />
          )}
          <button type="submit" disabled={loading}>
            {t("ivoShow")}
          </button>
        </form>
        {loading && <p role="status">{t("loading")}</p>}
        {error && <Alert kind="error">{error}</Alert>}
      </section>
      <section className="card" aria-labelledby="ivo-export">
        <h2 id="ivo-export">
          {t("htDownload")}: {shown.year} {lang === "sv" ? "kvartal" : "quarter"} {shown.quarter}
        </h2>
        {!mayReadIvo && <p>{t("ivoOnlyExport")}</p>}
        <ul className="export-links">
          {mayReadIvo && (
            <li>
              {t("ivoVersionIvo")}: <a href={ivoExportUrl(shown, "pdf", "ivo")}>{t("sbExportPdf")}</a> ·{" "}
              <a href={ivoExportUrl(shown, "xlsx", "ivo")}>{t("sbExportXlsx")}</a>
            </li>
          )}
          <li>
            {t("ivoVersionNamnd")}: <a href={ivoExportUrl(shown, "pdf", "namnd")}>{t("sbExportPdf")}</a> ·{" "}
            <a href={ivoExportUrl(shown, "xlsx", "namnd")}>{t("sbExportXlsx")}</a>
          </li>
        </ul>
      </section>
      {view === "namnd" && namnd && <NamndTables report={namnd} />}
      {view === "ivo" && mayReadIvo && data && (
        <section className="card" aria-labelledby="ivo-rows">
          <h2 id="ivo-rows">
            {t("ivoRows")}: {data.from} – {data.to}
          </h2>
          {data.rows.length === 0 ? (
            <p>{t("ivoNoRows")}</p>
          ) : (
            <ScrollTable label={t("ivoRows")}>
              <table>
                <caption className="visually-hidden">
                  {t("ivoRows")} {data.from} – {data.to}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("personnummer")}</th>
                    <th scope="col">{t("name")}</th>
                    <th scope="col">{t("gender")}</th>
                    <th scope="col">{t("insats")}</th>
                    <th scope="col">{t("insDecidedOn")}</th>
                    <th scope="col">{t("ivoDue")}</th>
                    <th scope="col">{t("ivoStarted")}</th>
                    <th scope="col">{t("ivoReason")}</th>
                    <th scope="col">{t("ivoNote")}</th>
                    <th scope="col">{t("district")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.insatsId}>
                      <td className="nowrap">{dash(r.personnummer)}</td>
                      <th scope="row">{dash(r.personName)}</th>
                      <td>{label(GENDER_LABELS, r.gender, lang)}</td>
                      <td>{r.insatsName}</td>
                      <td className="nowrap">{r.decidedOn}</td>
                      <td className="nowrap">{r.dueOn}</td>
                      <td className="nowrap">{r.startedOn ?? (r.endedOn ? `${t("ivoEndedOn")} ${r.endedOn}` : "—")}</td>
                      <td>{dash(r.reason)}</td>
                      <td>{dash(r.note)}</td>
                      <td>{r.districtName}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
        </section>
      )}
    </>
  );
}

type NamndCounts = IvoNamndReport["total"];

/** The nämnd version: the total, then by district, insats, gender and reason. */
function NamndTables({ report }: { report: IvoNamndReport }) {
  const { t, lang } = useLang();
  const genderName = (g: IvoNamndReport["byGender"][number]["gender"]) =>
    g === "other" ? t("sbOtherGender") : label(GENDER_PLURAL_LABELS, g, lang);
  const reasonName = (r: IvoNamndReport["byReason"][number]["reason"]) =>
    r === "none" ? t("ivoNoReason") : NOT_STARTED_REASON_LABELS[r][lang];
  return (
    <>
      <section className="card" aria-labelledby="ivo-namnd">
        <h2 id="ivo-namnd">
          {t("ivoVersionNamnd")}: {report.from} – {report.to}
        </h2>
        <p>{t("ivoNamndIntro")}</p>
        <DisclosureNote disclosure={report.disclosure} id="ivo-disclosure" />
      </section>
      <NamndTable id="ivo-total" title={t("sbTotal")} head="" rows={[{ key: "all", name: t("all"), ...report.total }]} />
      <NamndTable
        id="ivo-district"
        title={t("byDistrict")}
        head={t("district")}
        rows={report.byDistrict.map((r) => ({ key: r.districtId, name: r.districtName, ...r }))}
      />
      <NamndTable
        id="ivo-insats"
        title={t("sbByInsats")}
        head={t("insats")}
        rows={report.byInsats.map((r) => ({ key: r.code, ...r }))}
      />
      <NamndTable
        id="ivo-gender"
        title={t("byGender")}
        head={t("gender")}
        rows={report.byGender.map((r) => ({ key: r.gender, name: genderName(r.gender), ...r }))}
      />
      <NamndTable
        id="ivo-reason"
        title={t("ivoByReason")}
        head={t("ivoReason")}
        rows={report.byReason.map((r) => ({ key: r.reason, name: reasonName(r.reason), ...r }))}
      />
    </>
  );
}

const NAMND_COLUMNS: { key: keyof NamndCounts; label: TextKey }[] = [
  { key: "listed", label: "ivoListed" },
  { key: "executedLate", label: "ivoExecutedLate" },
  { key: "notExecuted", label: "ivoNotExecuted" },
];

function NamndTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string;
  rows: ({ key: string; name: string } & NamndCounts)[];
}) {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{t("noData")}</p>
      ) : (
        <ScrollTable label={title}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{head || <span className="visually-hidden">{title}</span>}</th>
                {NAMND_COLUMNS.map((c) => (
                  <th scope="col" key={c.key}>
                    {t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.name}</th>
                  {NAMND_COLUMNS.map((c) => (
                    <td key={c.key}>
                      <Count value={r[c.key]} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
