import { useCallback, useEffect, useId, useState } from "react";
import {
  MEASUREMENT_POINT_LABELS,
  MEASUREMENT_POINTS,
  type MeasurementPoint,
  RESPONDENT_LABELS,
  RESPONDENTS,
  type Respondent,
  SELF_REPORT_DEFAULT_DAYS,
  SELF_REPORT_MAX_DAYS,
  SELF_RESPONDENTS,
  type SelfRespondent,
} from "../../domain/effects/vocabulary";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { fill, formatDateTime, formatNumber, type Lang, type TextKey, useLang } from "../i18n";
import { asApiError } from "./CaseApi";
import { CaseForm, CheckboxField, RadioGroup, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";
import { ScrollTable } from "./InsatsParts";
import { type InsatsIsu as IsuData, isuApi, type SelfReportLinkCreated } from "./IsuApi";

type Change = IsuData["changes"][number];
type LinkState = IsuData["links"][number]["state"];

const LOCALE: Record<Lang, string> = { sv: "sv-SE", en: "en-GB" };

/** A change with its sign: "+3", "−2", "0". */
function formatSigned(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(n);
}

const CLASS_TEXT: Record<NonNullable<Change["changeClass"]>, TextKey> = {
  improved: "isuImproved",
  unchanged: "isuUnchanged",
  deteriorated: "isuDeteriorated",
};
const STATE_TEXT: Record<LinkState, TextKey> = { open: "isuStateOpen", used: "isuStateUsed", expired: "isuStateExpired" };

/** The insats page's ISU section: due measurements, recording, self-report links, before/after. */
export function InsatsIsu({ insatsId }: { insatsId: string }) {
  const { t } = useLang();
  const [data, setData] = useState<IsuData | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");

  const load = useCallback(async () => {
    try {
      setData(await isuApi.insats(insatsId));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("isuLoadError")));
    }
  }, [insatsId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const changed = useCallback(
    async (message: string) => {
      await load();
      setNotice(message);
    },
    [load],
  );

  return (
    <section className="card isu-section" aria-labelledby="insats-isu-heading">
      <h2 id="insats-isu-heading">{t("isuHeading")}</h2>
      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
      {error && !data && <Alert kind="error">{error.message || t("isuLoadError")}</Alert>}
      {!error && !data && <p role="status">{t("loading")}</p>}
      {data && (
        <>
          <DueTable data={data} />
          {data.can.record && <RecordForm insatsId={insatsId} data={data} onRecorded={() => changed(t("isuRecorded"))} />}
          {data.can.record && <LinkForm insatsId={insatsId} onCreated={() => changed(t("isuLinkCreated"))} />}
          <LinksTable data={data} />
          <ChangesPart data={data} />
          <MeasurementsTable data={data} />
        </>
      )}
    </section>
  );
}

function useScaleName(data: IsuData) {
  return (scaleId: string) => data.scales.find((s) => s.id === scaleId)?.name ?? "—";
}

function DueTable({ data }: { data: IsuData }) {
  const { t, lang } = useLang();
  const scaleName = useScaleName(data);
  return (
    <div className="subcard">
      <h3>{t("isuDueHeading")}</h3>
      {data.due.length === 0 ? (
        <p>{t("isuNoDue")}</p>
      ) : (
        <ScrollTable label={t("isuDueHeading")}>
          <table>
            <caption className="visually-hidden">{t("isuDueHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("isuPoint")}</th>
                <th scope="col">{t("isuScale")}</th>
                <th scope="col">{t("isuRespondent")}</th>
                <th scope="col">{t("isuDueOn")}</th>
                <th scope="col">{t("isuDoneState")}</th>
              </tr>
            </thead>
            <tbody>
              {data.due.map((d) => (
                <tr key={`${d.scaleId}-${d.respondent}-${d.point}-${d.dueOn}`}>
                  <th scope="row">{MEASUREMENT_POINT_LABELS[d.point][lang]}</th>
                  <td>{scaleName(d.scaleId)}</td>
                  <td>{RESPONDENT_LABELS[d.respondent][lang]}</td>
                  <td className="nowrap">{d.dueOn}</td>
                  <td>
                    <span className={d.done ? "signed" : "unsigned"}>
                      <span aria-hidden="true">{d.done ? "✓ " : "○ "}</span>
                      {d.done ? t("isuDone") : t("isuNotDone")}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </div>
  );
}

function RecordForm({ insatsId, data, onRecorded }: { insatsId: string; data: IsuData; onRecorded: () => Promise<void> }) {
  const { t, lang } = useLang();
  // Rating scales take a typed value; an instrument scale takes a signed assessment's total, offered
  // only where the case has one (and only to case staff, who get the assessments).
  const ratingScales = data.scales.filter(
    (s) => s.kind === "rating" || data.assessments.some((a) => a.instrumentKey === s.instrumentKey),
  );
  const [scaleId, setScaleId] = useState(ratingScales[0]?.id ?? "");
  const [point, setPoint] = useState<MeasurementPoint>("start");
  const [respondent, setRespondent] = useState<Respondent>("utforare");
  const [measuredOn, setMeasuredOn] = useState(stockholmToday());
  const [value, setValue] = useState("");
  const [assessmentId, setAssessmentId] = useState("");
  const { busy, error, run } = useSubmit();
  const scale = ratingScales.find((s) => s.id === scaleId);
  const fromAssessment = scale?.kind === "instrument";
  const assessmentOptions = data.assessments.filter((a) => a.instrumentKey === scale?.instrumentKey);
  const chosenAssessment = assessmentOptions.some((a) => a.id === assessmentId) ? assessmentId : (assessmentOptions[0]?.id ?? "");
  // Offer only what the insats type's measurement plan collects for the chosen scale; staff first.
  const planRow = data.plan.find((p) => p.scaleId === scaleId);
  const points = MEASUREMENT_POINTS.filter((p) => !planRow || planRow.points.includes(p));
  const respondents = RESPONDENTS.filter((r) => !planRow || planRow.respondents.includes(r));
  const shownPoint = points.includes(point) ? point : (points[0] ?? point);
  const shownRespondent = respondents.includes(respondent) ? respondent : (respondents[0] ?? respondent);

  if (ratingScales.length === 0)
    return (
      <div className="subcard">
        <h3>{t("isuRecordHeading")}</h3>
        <p>{t("isuNoRatingScales")}</p>
      </div>
    );

  const valueHint = scale
    ? `${fill(t("isuValueHint"), { min: scale.min, max: scale.max })}${
        scale.minLabel || scale.maxLabel
          ? ` (${scale.min} = ${scale.minLabel || "—"}, ${scale.max} = ${scale.maxLabel || "—"})`
          : ""
      }`
    : undefined;

  return (
    <div className="subcard">
      <CaseForm
        heading={t("isuRecordHeading")}
        busy={busy}
        error={error}
        submitLabel={t("isuRecord")}
        onSubmit={() =>
          void run(
            () =>
              isuApi.recordMeasurement(insatsId, {
                scaleId,
                point: shownPoint,
                respondent: shownRespondent,
                measuredOn,
                ...(fromAssessment
                  ? { assessmentId: chosenAssessment }
                  : { value: value.trim() === "" ? undefined : Number(value) }),
              }),
            async () => {
              setValue("");
              await onRecorded();
            },
          )
        }
      >
        <SelectField label={t("isuScale")} value={scaleId} onChange={setScaleId} error={error?.fieldMessage("scaleId")} required>
          {ratingScales.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("isuPoint")}
          value={shownPoint}
          onChange={(v) => setPoint(v as MeasurementPoint)}
          error={error?.fieldMessage("point")}
          required
        >
          {points.map((p) => (
            <option key={p} value={p}>
              {MEASUREMENT_POINT_LABELS[p][lang]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("isuRespondent")}
          value={shownRespondent}
          onChange={(v) => setRespondent(v as Respondent)}
          error={error?.fieldMessage("respondent")}
          required
        >
          {respondents.map((r) => (
            <option key={r} value={r}>
              {RESPONDENT_LABELS[r][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("isuMeasuredOn")}
          type="date"
          value={measuredOn}
          max={stockholmToday()}
          onChange={(e) => setMeasuredOn(e.target.value)}
          error={error?.fieldMessage("measuredOn")}
          required
        />
        {fromAssessment ? (
          <SelectField
            label={t("isuAssessment")}
            value={chosenAssessment}
            onChange={setAssessmentId}
            error={error?.fieldMessage("assessmentId")}
            required
          >
            {assessmentOptions.map((a) => (
              <option key={a.id} value={a.id}>
                {fill(t("isuAssessmentOption"), { date: a.assessedOn, total: a.riskTotal })}
              </option>
            ))}
          </SelectField>
        ) : (
          <Field
            label={t("isuValue")}
            hint={valueHint}
            type="number"
            inputMode="numeric"
            step={1}
            min={scale?.min}
            max={scale?.max}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={error?.fieldMessage("value")}
            required
          />
        )}
      </CaseForm>
    </div>
  );
}

function LinkForm({ insatsId, onCreated }: { insatsId: string; onCreated: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [respondent, setRespondent] = useState<SelfRespondent>("ungdom");
  const [point, setPoint] = useState<MeasurementPoint>("start");
  const [includeSurvey, setIncludeSurvey] = useState(false);
  const [validDays, setValidDays] = useState(String(SELF_REPORT_DEFAULT_DAYS));
  const [created, setCreated] = useState<SelfReportLinkCreated | null>(null);
  const { busy, error, run } = useSubmit();

  return (
    <div className="subcard">
      <CaseForm
        heading={t("isuLinkHeading")}
        busy={busy}
        error={error}
        submitLabel={t("isuCreateLink")}
        onSubmit={() => {
          setCreated(null);
          void run(
            async () =>
              setCreated(
                await isuApi.createLink(insatsId, {
                  respondent,
                  point,
                  includeSurvey,
                  validDays: Number(validDays),
                }),
              ),
            onCreated,
          );
        }}
      >
        <RadioGroup
          legend={t("isuLinkRespondent")}
          name="isu-link-respondent"
          value={respondent}
          onChange={(v) => setRespondent(v as SelfRespondent)}
          options={SELF_RESPONDENTS.map((r) => ({ value: r, label: RESPONDENT_LABELS[r][lang] }))}
          error={error?.fieldMessage("respondent")}
        />
        <SelectField
          label={t("isuPoint")}
          value={point}
          onChange={(v) => {
            const p = v as MeasurementPoint;
            setPoint(p);
            setIncludeSurvey(p === "end");
          }}
          error={error?.fieldMessage("point")}
          required
        >
          {MEASUREMENT_POINTS.map((p) => (
            <option key={p} value={p}>
              {MEASUREMENT_POINT_LABELS[p][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("isuValidDays")}
          type="number"
          inputMode="numeric"
          min={1}
          max={SELF_REPORT_MAX_DAYS}
          step={1}
          value={validDays}
          onChange={(e) => setValidDays(e.target.value)}
          error={error?.fieldMessage("validDays")}
          required
        />
        <CheckboxField label={t("isuIncludeSurvey")} checked={includeSurvey} onChange={setIncludeSurvey} />
      </CaseForm>
      {created && <CreatedLink created={created} />}
    </div>
  );
}

function CreatedLink({ created }: { created: SelfReportLinkCreated }) {
  const { t, lang } = useLang();
  const id = useId();
  const [copyState, setCopyState] = useState<"" | "copied" | "failed">("");
  const url = `${window.location.origin}${created.path}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopyState("copied");
    } catch {
      setCopyState("failed");
    }
  };
  return (
    <div className="alert alert-success isu-created-link">
      <div className="field">
        <label htmlFor={`${id}-url`}>{t("isuLinkUrl")}</label>
        <span className="hint" id={`${id}-hint`}>
          {fill(t("isuLinkShownOnce"), { date: formatDateTime(created.expiresAt, lang) })}
        </span>
        <div className="isu-copy-row">
          <input
            id={`${id}-url`}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${id}-hint`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="secondary" onClick={() => void copy()}>
            {t("isuCopy")}
          </button>
        </div>
      </div>
      <p role="status" className="hint">
        {copyState === "copied" ? t("isuCopied") : copyState === "failed" ? t("isuCopyFailed") : ""}
      </p>
    </div>
  );
}

function LinksTable({ data }: { data: IsuData }) {
  const { t, lang } = useLang();
  return (
    <div className="subcard">
      <h3>{t("isuLinksHeading")}</h3>
      {data.links.length === 0 ? (
        <p>{t("isuNoLinks")}</p>
      ) : (
        <ScrollTable label={t("isuLinksHeading")}>
          <table>
            <caption className="visually-hidden">{t("isuLinksHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("isuRespondent")}</th>
                <th scope="col">{t("isuPoint")}</th>
                <th scope="col">{t("isuSurveyCol")}</th>
                <th scope="col">{t("isuLinkState")}</th>
                <th scope="col">{t("isuExpires")}</th>
                <th scope="col">{t("isuCreatedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {data.links.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{RESPONDENT_LABELS[l.respondent][lang]}</th>
                  <td>{MEASUREMENT_POINT_LABELS[l.point][lang]}</td>
                  <td>{l.includeSurvey ? t("isuYes") : t("isuNo")}</td>
                  <td>
                    {t(STATE_TEXT[l.state])}
                    {l.usedAt && <span className="hint"> ({formatDateTime(l.usedAt, lang)})</span>}
                  </td>
                  <td className="nowrap">{formatDateTime(l.expiresAt, lang)}</td>
                  <td>{l.createdByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </div>
  );
}

function ChangesPart({ data }: { data: IsuData }) {
  const { t, lang } = useLang();
  const yesNo = (v: boolean | null) => (v === null ? "–" : v ? t("isuYes") : t("isuNo"));
  return (
    <div className="subcard">
      <h3>{t("isuChangesHeading")}</h3>
      {data.changes.length === 0 ? (
        <p>{t("isuNoChanges")}</p>
      ) : (
        <ScrollTable label={t("isuChangesHeading")}>
          <table>
            <caption className="visually-hidden">{t("isuChangesHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("isuScale")}</th>
                <th scope="col">{t("isuRespondent")}</th>
                <th scope="col">{t("isuBefore")}</th>
                <th scope="col">{t("isuAfter")}</th>
                <th scope="col">{t("isuChange")}</th>
                <th scope="col">
                  <abbr title="Reliable Change Index">{t("isuRci")}</abbr>
                </th>
                <th scope="col">{t("isuChangeClass")}</th>
                <th scope="col">{t("isuClinical")}</th>
              </tr>
            </thead>
            <tbody>
              {data.changes.map((c) => (
                <tr key={`${c.scaleId}-${c.respondent}`}>
                  <th scope="row">{c.scaleName}</th>
                  <td>{RESPONDENT_LABELS[c.respondent][lang]}</td>
                  <td>
                    {formatNumber(c.before, lang)} <span className="hint nowrap">({c.beforeOn})</span>
                  </td>
                  <td>
                    {formatNumber(c.after, lang)}{" "}
                    <span className="hint">
                      ({MEASUREMENT_POINT_LABELS[c.afterPoint][lang]}, <span className="nowrap">{c.afterOn}</span>)
                    </span>
                  </td>
                  <td className="num">{formatSigned(c.change, lang)}</td>
                  <td className="num">{c.rci === null ? "–" : formatNumber(c.rci, lang, 1, true)}</td>
                  <td>{c.changeClass ? t(CLASS_TEXT[c.changeClass]) : "–"}</td>
                  <td>{yesNo(c.clinicallySignificant)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      <h4>{t("isuOutcomeHeading")}</h4>
      <dl className="facts">
        {data.gasTScore !== null && (
          <>
            <dt>{t("isuGas")}</dt>
            <dd>{formatNumber(data.gasTScore, lang)}</dd>
          </>
        )}
        <dt>{t("isuGoals")}</dt>
        <dd>
          {data.goals.assessed > 0
            ? fill(t("isuGoalsReached"), { reached: data.goals.reached, assessed: data.goals.assessed })
            : t("isuNoGoals")}
        </dd>
        <dt>{t("isuSatisfaction")}</dt>
        <dd>{data.satisfactionMean === null ? "–" : formatNumber(data.satisfactionMean, lang, 1, true)}</dd>
      </dl>
      {data.survey.map((s, n) => {
        const caption = `${t("isuSurveyAnswers")} – ${RESPONDENT_LABELS[s.respondent][lang]}, ${s.answeredOn}`;
        return (
          <ScrollTable key={`${s.respondent}-${s.answeredOn}-${n}`} label={caption}>
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("isuQuestion")}</th>
                  <th scope="col">{t("isuAnswer")}</th>
                </tr>
              </thead>
              <tbody>
                {s.answers.map((a) => (
                  <tr key={a.key}>
                    <th scope="row">{a.text}</th>
                    <td className="num">{a.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        );
      })}
    </div>
  );
}

function MeasurementsTable({ data }: { data: IsuData }) {
  const { t, lang } = useLang();
  const scaleName = useScaleName(data);
  const rows = [...data.measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
  return (
    <div className="subcard">
      <h3>{t("isuMeasurementsHeading")}</h3>
      {rows.length === 0 ? (
        <p>{t("isuNoMeasurements")}</p>
      ) : (
        <ScrollTable label={t("isuMeasurementsHeading")}>
          <table>
            <caption className="visually-hidden">{t("isuMeasurementsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("isuDay")}</th>
                <th scope="col">{t("isuPoint")}</th>
                <th scope="col">{t("isuScale")}</th>
                <th scope="col">{t("isuRespondent")}</th>
                <th scope="col">{t("isuValue")}</th>
                <th scope="col">{t("isuSource")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="nowrap">
                    {m.measuredOn}
                  </th>
                  <td>{MEASUREMENT_POINT_LABELS[m.point][lang]}</td>
                  <td>{scaleName(m.scaleId)}</td>
                  <td>{RESPONDENT_LABELS[m.respondent][lang]}</td>
                  <td className="num">{formatNumber(m.value, lang)}</td>
                  <td>{m.viaLink ? t("isuViaLink") : (m.recordedByName ?? "—")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </div>
  );
}
