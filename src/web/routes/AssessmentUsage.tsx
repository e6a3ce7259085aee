import { type ReactNode } from "react";
import { NO_ASSESSMENT_REASON_LABELS } from "../../domain/assessment-policy";
import { assessmentApi, type Usage, type UsageQuery, usageExportUrl } from "../components/AssessmentApi";
import { Count, DisclosureNote, Share } from "../components/StatsCells";
import { StatsFilterForm, useStatsReport, useStatsScope } from "../components/StatsFilter";
import { useLang } from "../i18n";
import { CONCERN_LABELS, GENDER_PLURAL_LABELS, label } from "../labels";

type Cell = Usage["total"];

/**
 * Use of structured assessments (/statistik/bedomningar): shares per district, unit, concern, gender.
 * Every figure as the disclosure module published it: a hidden one shows as "–", never as 0.
 */
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
              {data.from} – {data.to}: <Share value={data.total.share} /> {t("usageHeadlineOf")}{" "}
              <Count value={data.total.completed} /> {t("usageHeadline")}
            </h2>
            <p>
              {t("withAssessment")}: <Count value={data.total.withAssessment} />/<Count value={data.total.completed} />.{" "}
              {t("byTrained")}: <Share value={data.assessments.share} /> (<Count value={data.assessments.byTrained} />/
              <Count value={data.assessments.signed} /> {t("signedAssessments").toLowerCase()}).
            </p>
            <DisclosureNote disclosure={data.disclosure} id="usage-disclosure" />
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
                  <td>
                    <Count value={r.investigations} />
                  </td>
                </tr>
              ))}
            </tbody>
          </TableCard>
          <TableCard id="usage-reason" title={t("usageByReason")} note={t("usageByReasonNote")} empty={false}>
            <thead>
              <tr>
                <th scope="col">{t("usageReason")}</th>
                <th scope="col">{t("investigationsCount")}</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t("usageWithSigned")}</th>
                <td>
                  <Count value={data.total.withAssessment} />
                </td>
              </tr>
              {data.byReason.map((r) => (
                <tr key={r.reason}>
                  <th scope="row">{r.reason === "none" ? t("usageNoReason") : NO_ASSESSMENT_REASON_LABELS[r.reason][lang]}</th>
                  <td>
                    <Count value={r.investigations} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("usageAllCompleted")}</th>
                <td>
                  <Count value={data.total.completed} />
                </td>
              </tr>
            </tfoot>
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
                  <td>
                    <Count value={r.trained} />
                  </td>
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
                <td>
                  <Count value={data.assessments.signed} />
                </td>
                <td>
                  <Count value={data.assessments.byTrained} />
                </td>
                <td>
                  <Share value={data.assessments.share} />
                </td>
              </tr>
            </tbody>
          </TableCard>
        </>
      )}
    </>
  );
}

function TableCard({
  id,
  title,
  note,
  empty,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  empty: boolean;
  children: ReactNode;
}) {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {note && <p className="hint">{note}</p>}
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
  const { t } = useLang();
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
            <td>
              <Count value={r.completed} />
            </td>
            <td>
              <Count value={r.withAssessment} />
            </td>
            <td>
              <Share value={r.share} />
            </td>
          </tr>
        ))}
      </tbody>
    </TableCard>
  );
}
