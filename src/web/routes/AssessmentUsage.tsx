import { type ReactNode } from "react";
import { assessmentApi, type Usage, type UsageQuery, usageExportUrl } from "../components/AssessmentApi";
import { StatsFilterForm, useStatsReport, useStatsScope } from "../components/StatsFilter";
import { formatShare, useLang } from "../i18n";
import { CONCERN_LABELS, GENDER_PLURAL_LABELS, label } from "../labels";

type Cell = { completed: number; withAssessment: number; share: number | null };

/** Use of structured assessments (/statistik/bedomningar): shares per district, unit, concern, gender. */
export function AssessmentUsage() {
  const { t, lang } = useLang();
  const report = useStatsReport<UsageQuery, Usage>((f) => assessmentApi.usage(f));
  const { filter, data } = report;
  const { districts, units } = useStatsScope(filter.districtId);

  return (
    <>
      <h1>{t("navAssessmentStats")}</h1>
      <p>{t("usageNote")}</p>
      <StatsFilterForm report={report} districts={districts} units={units} />
      {data && (
        <>
          <section className="card" aria-labelledby="usage-heading">
            <h2 id="usage-heading">
              {data.from} – {data.to}: {formatShare(data.total.share, lang)} {t("usageHeadlineOf")} {data.total.completed}{" "}
              {t("usageHeadline")}
            </h2>
            <p>
              {t("withAssessment")}: {data.total.withAssessment}/{data.total.completed}. {t("byTrained")}:{" "}
              {formatShare(data.assessments.share, lang)} ({data.assessments.byTrained}/{data.assessments.signed}{" "}
              {t("signedAssessments").toLowerCase()}).
            </p>
            <p>
              {t("htDownload")}: <a href={usageExportUrl(filter)}>XLSX</a>
            </p>
          </section>
          <ShareTable
            id="usage-district"
            title={t("byDistrict")}
            head={t("district")}
            rows={data.byDistrict.map((r) => ({ key: r.districtId, name: r.districtName, ...r }))}
          />
          <ShareTable
            id="usage-unit"
            title={t("byUnit")}
            head={t("unit")}
            rows={data.byUnit.map((r) => ({ key: r.unitId ?? "none", name: r.unitName, ...r }))}
          />
          <ShareTable
            id="usage-concern"
            title={t("byConcern")}
            head={t("concern")}
            rows={data.byConcern.map((r) => ({ key: r.concern, name: label(CONCERN_LABELS, r.concern, lang), ...r }))}
          />
          <ShareTable
            id="usage-gender"
            title={t("byGender")}
            head={t("gender")}
            rows={data.byGender.map((r) => ({ key: r.gender, name: label(GENDER_PLURAL_LABELS, r.gender, lang), ...r }))}
          />
          <TableCard id="usage-instrument" title={t("byInstrument")} empty={data.byInstrument.length === 0}>
            <thead>
              <tr>
                <th scope="col">{t("instrument")}</th>
                <th scope="col">{t("investigationsCount")}</th>
              </tr>
            </thead>
            <tbody>
              {data.byInstrument.map((r) => (
                <tr key={r.instrumentKey}>
                  <th scope="row">{r.instrumentName}</th>
                  <td>{r.investigations}</td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          <TableCard id="usage-trained" title={t("trainedStaff")} empty={data.trainedStaff.length === 0}>
            <thead>
              <tr>
                <th scope="col">{t("instrument")}</th>
                <th scope="col">{t("unit")}</th>
                <th scope="col">{t("trainedCount")}</th>
              </tr>
            </thead>
            <tbody>
              {data.trainedStaff.map((r) => (
                <tr key={`${r.instrumentKey}-${r.unitId}`}>
                  <th scope="row">{r.instrumentName}</th>
                  <td>{r.unitName}</td>
                  <td>{r.trained}</td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          <TableCard id="usage-bytrained" title={t("byTrained")} empty={false}>
            <thead>
              <tr>
                <th scope="col">{t("signedAssessments")}</th>
                <th scope="col">{t("byTrainedCount")}</th>
                <th scope="col">{t("share")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>{data.assessments.signed}</td>
                <td>{data.assessments.byTrained}</td>
                <td>{formatShare(data.assessments.share, lang)}</td>
              </tr>
            </tbody>
          </TableCard>
        </>
      )}
    </>
  );
}

function TableCard({ id, title, empty, children }: { id: string; title: string; empty: boolean; children: ReactNode }) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? (
        <p>{t("noData")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            {children}
          </table>
        </div>
      )}
    </section>
  );
}

function ShareTable({
  id,
  title,
  head,
  rows,
}: {
  id: string;
  title: string;
  head: string;
  rows: ({ key: string; name: string } & Cell)[];
}) {
  const { t, lang } = useLang();
  return (
    <TableCard id={id} title={title} empty={rows.length === 0}>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t("completedCount")}</th>
          <th scope="col">{t("withAssessment")}</th>
          <th scope="col">{t("share")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td>{r.completed}</td>
            <td>{r.withAssessment}</td>
            <td>{formatShare(r.share, lang)}</td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
