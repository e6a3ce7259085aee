import type { YoungOffendersReport as Figures } from "../../contracts/young-offenders";
import { Alert, Field, SelectField } from "../components/Field";
import { Count, DisclosureNote, Share } from "../components/StatsCells";
import { type PeriodFilter, useStatsReport, useStatsScope } from "../components/StatsFilter";
import { youngOffenderApi } from "../components/YoungOffenderApi";
import { formatDateTime, useLang } from "../i18n";
import { REQUESTER_LABELS, yoLabel } from "../texts/young-offenders";

type Outcome = Figures["yttranden"]["timeliness"]["all"];
type ByGender<T> = { all: T; pojke: T; flicka: T; other: T };
const GROUPS = ["all", "pojke", "flicka", "other"] as const;

/**
 * The nämnd's figures on LUL yttranden and LVU (/statistik/ungdomsmal): requests by gender, age and
 * requester, whether they were answered in time, omedelbara omhändertaganden and the 7 § and 8 §
 * clocks; every figure as the disclosure module published it ("–" when hidden).
 */
export function YoungOffendersReport() {
  const { t, lang } = useLang();
  const report = useStatsReport<PeriodFilter, Figures>((f) =>
    youngOffenderApi.report({ from: f.from, to: f.to, ...(f.districtId ? { districtId: f.districtId } : {}) }),
  );
  const { filter, set, load, loading, error, data } = report;
  const { districts } = useStatsScope(filter.districtId);
  const groupName = (g: (typeof GROUPS)[number]) =>
    g === "all" ? t("yoAll") : g === "pojke" ? t("htBoys") : g === "flicka" ? t("htGirls") : t("yoOther");
  return (
    <>
      <h1>{t("yoReportTitle")}</h1>
      <p className="hint">{t("yoReportIntro")}</p>
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
          <button type="submit" disabled={loading}>
            {t("yoShow")}
          </button>
        </form>
        {loading && <p role="status">{t("loading")}</p>}
        {error && <Alert kind="error">{error}</Alert>}
      </section>
      {data && (
        <>
          <section className="card" aria-labelledby="yo-lul-heading">
            <h2 id="yo-lul-heading">
              {t("yoLulHeading")} {data.from} – {data.to}
            </h2>
            <p className="hint">
              {t("htAsOf")} {formatDateTime(data.asOf, lang)}.
            </p>
            <CountTable
              caption={t("yoRequested")}
              rows={[
                [t("yoRequested"), data.yttranden.requested],
                [t("yoDueInPeriod"), data.yttranden.due],
              ]}
              groupName={groupName}
            />
            <OutcomeTable caption={t("yoTimeliness")} outcome={data.yttranden.timeliness} groupName={groupName} />
            <div className="table-wrap">
              <table>
                <caption>{t("yoByAge")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("age")}</th>
                    <th scope="col">{t("yoCount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.yttranden.byAgeGroup.map((a) => (
                    <tr key={a.ageGroup}>
                      <th scope="row">{a.ageGroup}</th>
                      <td>
                        <Count value={a.count} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="table-wrap">
              <table>
                <caption>{t("yoByRequester")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("yoRequester")}</th>
                    <th scope="col">{t("yoCount")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.yttranden.byRequester.map((r) => (
                    <tr key={r.requester}>
                      <th scope="row">{yoLabel(REQUESTER_LABELS, r.requester, lang)}</th>
                      <td>
                        <Count value={r.count} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="yo-lvu-heading">
            <h2 id="yo-lvu-heading">{t("yoLvuHeading")}</h2>
            <CountTable
              caption={t("yoOmedelbara")}
              rows={[
                [t("yoOmedelbara"), data.lvu.omedelbara],
                [t("yoLapsed"), data.lvu.lapsed],
              ]}
              groupName={groupName}
            />
            <OutcomeTable caption={t("yoUnderstallning")} outcome={data.lvu.understallning} groupName={groupName} />
            <OutcomeTable caption={t("yoAnsokan")} outcome={data.lvu.ansokan} groupName={groupName} />
          </section>
          <section className="card" aria-labelledby="yo-sanctions-heading">
            <h2 id="yo-sanctions-heading">{t("uoSanctions")}</h2>
            <CountTable
              caption={t("uoSanctions")}
              rows={[
                [t("uoUtJudged"), data.ungdomstjanst.judged],
                [t("uoUtCompleted"), data.ungdomstjanst.completed],
                [t("uoUtMisconduct"), data.ungdomstjanst.misconduct],
                [t("uoJudged"), data.ungdomsovervakning.judged],
                [t("uoFollowedUp"), data.ungdomsovervakning.followedUp],
              ]}
              groupName={groupName}
            />
          </section>
          <DisclosureNote disclosure={data.disclosure} />
        </>
      )}
    </>
  );
}

function CountTable({
  caption,
  rows,
  groupName,
}: {
  caption: string;
  rows: [string, ByGender<number | null>][];
  groupName: (g: (typeof GROUPS)[number]) => string;
}) {
  const { t } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("htMeasure")}</th>
            {GROUPS.map((g) => (
              <th scope="col" key={g}>
                {groupName(g)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, values]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {GROUPS.map((g) => (
                <td key={g}>
                  <Count value={values[g]} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeTable({
  caption,
  outcome,
  groupName,
}: {
  caption: string;
  outcome: ByGender<Outcome>;
  groupName: (g: (typeof GROUPS)[number]) => string;
}) {
  const { t } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("yoGroup")}</th>
            <th scope="col">{t("yoWithin")}</th>
            <th scope="col">{t("yoLateCol")}</th>
            <th scope="col">{t("yoOverdue")}</th>
            <th scope="col">{t("yoPending")}</th>
            <th scope="col">{t("yoShare")}</th>
          </tr>
        </thead>
        <tbody>
          {GROUPS.map((g) => (
            <tr key={g}>
              <th scope="row">{groupName(g)}</th>
              <td>
                <Count value={outcome[g].within} />
              </td>
              <td>
                <Count value={outcome[g].late} />
              </td>
              <td>
                <Count value={outcome[g].overdue} />
              </td>
              <td>
                <Count value={outcome[g].pending} />
              </td>
              <td>
                <Share value={outcome[g].share} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
