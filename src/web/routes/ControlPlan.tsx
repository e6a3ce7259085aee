import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import {
  CONTROL_METRICS,
  type ControlArea,
  type ControlFrequency,
  type ControlMethod,
  figureKind,
  formatFigure,
  formatTarget,
  type NamndReport,
  type ResultOutcome,
} from "../../domain/governance/internal-control";
import {
  CONTROL_AREA_LABELS,
  CONTROL_FREQUENCY_LABELS,
  CONTROL_METHOD_LABELS,
  CONTROL_METRIC_LABELS,
  NAMND_REPORT_LABELS,
  RESULT_OUTCOME_LABELS,
  RISK_LEVEL_LABELS,
} from "../../domain/governance/labels";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { CaseForm, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type ControlPoint, governanceApi, type PlanDetail, type PointBody, type Staff } from "../components/GovernanceApi";
import { optionsOf, word } from "../components/GovernanceParts";
import { fill, formatDateTime, useLang } from "../i18n";

/** One internkontrollplan: its control points with risk and method, their results, and the PDF for the nämnd. */
export function ControlPlan() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [staff, setStaff] = useState<Staff[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");
  const load = useCallback(async () => {
    try {
      setPlan(await governanceApi.plan(id));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [id, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    governanceApi
      .controlStaff()
      .then((r) => setStaff(r.items))
      .catch(() => setStaff([]));
  }, []);
  const done = (message: string) => async () => {
    setNotice(message);
    await load();
  };

  if (!plan) return error ? <FormError error={error} /> : <p role="status">{t("loading")}</p>;
  const responsible = [...new Map(staff.filter((s) => s.districtId === plan.districtId).map((s) => [s.id, s])).values()];
  return (
    <>
      <p>
        <Link to="/egenkontroll/internkontrollplan">← {t("gvControlPlans")}</Link>
      </p>
      <h1>
        {t("gvControlPlan")} {plan.year} – {plan.districtName}
      </h1>
      <div role="status" aria-live="polite">
        {notice && <Alert kind="success">{notice}</Alert>}
      </div>
      <section className="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t("gvPlanFacts")}</h2>
        <p>
          <a href={governanceApi.planPdfUrl(plan.id)} download>
            {t("gvPlanPdf")}
          </a>
        </p>
        <AdoptPlan plan={plan} onDone={done(t("gvSavedNotice"))} />
      </section>
      <section className="card" aria-labelledby="points-heading">
        <h2 id="points-heading">{t("gvControlPoints")}</h2>
        {plan.controlPoints.length === 0 ? (
          <p>{t("gvNoPoints")}</p>
        ) : (
          plan.controlPoints.map((p, i) => (
            <PointCard key={p.id} point={p} n={i + 1} year={plan.year} onDone={done(t("gvResultNotice"))} />
          ))
        )}
      </section>
      <section className="card" aria-labelledby="new-point-heading">
        <h2 id="new-point-heading">{t("gvNewPoint")}</h2>
        <PointForm
          labelledBy="new-point-heading"
          staff={responsible}
          submitLabel={t("gvAddPoint")}
          onSubmit={(body) => governanceApi.addPoint(plan.id, body)}
          onDone={done(t("gvPointAdded"))}
        />
      </section>
    </>
  );
}

function AdoptPlan({ plan, onDone }: { plan: PlanDetail; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const [form, setForm] = useState({ adoptedOn: plan.adoptedOn ?? "", summary: plan.summary });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("gvAdoption")}
      error={error}
      busy={busy}
      submitLabel={t("gvSave")}
      onSubmit={() =>
        void run(
          () =>
            governanceApi.updatePlan(plan.id, {
              revision: plan.revision,
              adoptedOn: form.adoptedOn || null,
              summary: form.summary,
            }),
          onDone,
        )
      }
    >
      <Field
        label={t("gvAdoptedOn")}
        type="date"
        value={form.adoptedOn}
        onChange={(e) => setForm({ ...form, adoptedOn: e.target.value })}
      />
      <TextAreaField
        label={t("gvPlanSummary")}
        value={form.summary}
        onChange={(e) => setForm({ ...form, summary: e.target.value })}
      />
    </CaseForm>
  );
}

function PointCard({ point: p, n, year, onDone }: { point: ControlPoint; n: number; year: number; onDone: () => Promise<void> }) {
  const { t, lang } = useLang();
  const kind = figureKind(p.method, p.metric);
  return (
    <article className="subcard" aria-labelledby={`point-${p.id}`}>
      <h3 id={`point-${p.id}`}>
        {n}. {p.title}
      </h3>
      <dl className="facts">
        <dt>{t("gvArea")}</dt>
        <dd>{word(CONTROL_AREA_LABELS, p.area, lang)}</dd>
        <dt>{t("gvRisk")}</dt>
        <dd className="prewrap">{p.risk}</dd>
        <dt>{t("gvRiskScore")}</dt>
        <dd>
          {p.probability} × {p.consequence} = {p.riskScore} ({word(RISK_LEVEL_LABELS, p.riskLevel, lang)})
        </dd>
        <dt>{t("gvMethodLabel")}</dt>
        <dd>
          {word(CONTROL_METHOD_LABELS, p.method, lang)}
          {p.metric && `: ${word(CONTROL_METRIC_LABELS, p.metric, lang)}`}
          {p.target && ` (${t("gvTarget").toLowerCase()} ${formatTarget(p.target, kind, lang)})`}
          {p.methodDescription && ` — ${p.methodDescription}`}
        </dd>
        <dt>{t("gvFrequency")}</dt>
        <dd>{word(CONTROL_FREQUENCY_LABELS, p.frequency, lang)}</dd>
        <dt>{t("gvResponsible")}</dt>
        <dd>{p.responsibleName}</dd>
        <dt>{t("gvReportTo")}</dt>
        <dd>{word(NAMND_REPORT_LABELS, p.reportTo, lang)}</dd>
      </dl>
      {p.results.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{fill(t("gvResultsOf"), { n })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gvPerformedOn")}</th>
                <th scope="col">{t("gvPeriod")}</th>
                <th scope="col">{t("gvOutcome")}</th>
                <th scope="col">{t("gvValue")}</th>
                <th scope="col">{t("gvComment")}</th>
                <th scope="col" className="num">
                  {t("gvDeviationsFound")}
                </th>
                <th scope="col">{t("gvRecordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {p.results.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.performedOn}</th>
                  <td>{r.periodFrom && r.periodTo ? `${r.periodFrom} – ${r.periodTo}` : "—"}</td>
                  <td>
                    {word(RESULT_OUTCOME_LABELS, r.outcome, lang)}
                    {r.source === "system" && <span className="hint"> ({t("gvBySystem")})</span>}
                  </td>
                  <td>{formatFigure(r.value, kind, lang)}</td>
                  <td>{r.comment || "—"}</td>
                  <td className="num">{r.deviationsFound}</td>
                  <td>
                    {r.recordedByName}, {formatDateTime(r.recordedAt, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.method === "manuell" ? (
        <ResultForm point={p} n={n} onDone={onDone} />
      ) : (
        <SystemResult point={p} n={n} year={year} onDone={onDone} />
      )}
    </article>
  );
}

function ResultForm({ point, n, onDone }: { point: ControlPoint; n: number; onDone: () => Promise<void> }) {
  const { t, lang } = useLang();
  const empty = () => ({
    performedOn: stockholmToday(),
    periodFrom: "",
    periodTo: "",
    outcome: "utan_anmarkning",
    comment: "",
    deviationsFound: "0",
  });
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={fill(t("gvRecordResult"), { n })}
      level={4}
      error={error}
      busy={busy}
      submitLabel={t("gvRecordResultButton")}
      onSubmit={() =>
        void run(
          () =>
            governanceApi.addResult(point.id, {
              performedOn: form.performedOn,
              periodFrom: form.periodFrom || null,
              periodTo: form.periodTo || null,
              outcome: form.outcome as ResultOutcome,
              comment: form.comment,
              deviationsFound: Number(form.deviationsFound),
            }),
          async () => {
            setForm(empty());
            await onDone();
          },
        )
      }
    >
      <Field
        label={t("gvPerformedOn")}
        type="date"
        required
        value={form.performedOn}
        onChange={(e) => setForm({ ...form, performedOn: e.target.value })}
        error={error?.fieldMessage("performedOn")}
      />
      <Field
        label={t("gvPeriodFrom")}
        type="date"
        value={form.periodFrom}
        onChange={(e) => setForm({ ...form, periodFrom: e.target.value })}
      />
      <Field
        label={t("gvPeriodTo")}
        type="date"
        value={form.periodTo}
        onChange={(e) => setForm({ ...form, periodTo: e.target.value })}
        error={error?.fieldMessage("periodTo")}
      />
      <SelectField label={t("gvOutcome")} value={form.outcome} onChange={(outcome) => setForm({ ...form, outcome })}>
        {optionsOf(RESULT_OUTCOME_LABELS, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("gvDeviationsFound")}
        type="number"
        min={0}
        value={form.deviationsFound}
        onChange={(e) => setForm({ ...form, deviationsFound: e.target.value })}
      />
      <TextAreaField
        label={t("gvComment")}
        value={form.comment}
        onChange={(e) => setForm({ ...form, comment: e.target.value })}
      />
    </CaseForm>
  );
}

function SystemResult({ point, n, year, onDone }: { point: ControlPoint; n: number; year: number; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const today = stockholmToday();
  const [form, setForm] = useState({ periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` < today ? `${year}-12-31` : today });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={fill(t("gvSystemResult"), { n })}
      level={4}
      error={error}
      busy={busy}
      submitLabel={t("gvSystemResultButton")}
      onSubmit={() => void run(() => governanceApi.systemResult(point.id, point.method === "nyckeltal" ? form : {}), onDone)}
    >
      {point.method === "nyckeltal" ? (
        <>
          <Field
            label={t("gvPeriodFrom")}
            type="date"
            value={form.periodFrom}
            onChange={(e) => setForm({ ...form, periodFrom: e.target.value })}
          />
          <Field
            label={t("gvPeriodTo")}
            type="date"
            value={form.periodTo}
            onChange={(e) => setForm({ ...form, periodTo: e.target.value })}
          />
        </>
      ) : (
        <p>{t("gvFileReviewResultHint")}</p>
      )}
    </CaseForm>
  );
}

const emptyPoint = () => ({
  area: "handlaggning" as ControlArea,
  title: "",
  risk: "",
  probability: "2",
  consequence: "2",
  method: "manuell" as ControlMethod,
  methodDescription: "",
  metric: "",
  targetOp: ">=",
  targetValue: "",
  fileReviewId: "",
  frequency: "tertial" as ControlFrequency,
  responsibleId: "",
  reportTo: "delarsrapport" as NamndReport,
});

function PointForm({
  labelledBy,
  staff,
  submitLabel,
  onSubmit,
  onDone,
}: {
  labelledBy: string;
  staff: Staff[];
  submitLabel: string;
  onSubmit: (body: PointBody) => Promise<unknown>;
  onDone: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState(emptyPoint);
  const { busy, error, run } = useSubmit();
  const set = (patch: Partial<ReturnType<typeof emptyPoint>>) => setForm({ ...form, ...patch });
  const scale = ["1", "2", "3", "4"];
  const metricKind = form.metric ? CONTROL_METRICS[form.metric as keyof typeof CONTROL_METRICS]?.kind : null;
  return (
    <CaseForm
      labelledBy={labelledBy}
      error={error}
      busy={busy}
      submitLabel={submitLabel}
      onSubmit={() =>
        void run(
          () =>
            onSubmit({
              area: form.area,
              title: form.title,
              risk: form.risk,
              probability: Number(form.probability),
              consequence: Number(form.consequence),
              method: form.method,
              methodDescription: form.methodDescription,
              metric: form.method === "nyckeltal" ? form.metric || null : null,
              target:
                form.method === "nyckeltal" && form.targetValue !== ""
                  ? {
                      op: form.targetOp as ">=" | "<=",
                      // A share is typed as a percentage.
                      value: metricKind === "share" ? Number(form.targetValue) / 100 : Number(form.targetValue),
                    }
                  : null,
              fileReviewId: form.method === "aktgranskning" && form.fileReviewId ? form.fileReviewId : null,
              frequency: form.frequency,
              responsibleId: form.responsibleId,
              reportTo: form.reportTo,
            }),
          async () => {
            setForm(emptyPoint());
            await onDone();
          },
        )
      }
    >
      <SelectField label={t("gvArea")} value={form.area} onChange={(v) => set({ area: v as ControlArea })}>
        {optionsOf(CONTROL_AREA_LABELS, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("gvPointTitle")}
        required
        value={form.title}
        onChange={(e) => set({ title: e.target.value })}
        error={error?.fieldMessage("title")}
      />
      <TextAreaField
        label={t("gvRisk")}
        required
        value={form.risk}
        onChange={(e) => set({ risk: e.target.value })}
        error={error?.fieldMessage("risk")}
      />
      <SelectField label={t("gvProbability")} value={form.probability} onChange={(probability) => set({ probability })}>
        {scale.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("gvConsequence")} value={form.consequence} onChange={(consequence) => set({ consequence })}>
        {scale.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("gvMethodLabel")} value={form.method} onChange={(v) => set({ method: v as ControlMethod })}>
        {optionsOf(CONTROL_METHOD_LABELS, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      {form.method === "nyckeltal" && (
        <>
          <SelectField
            label={t("gvMetric")}
            required
            value={form.metric}
            onChange={(metric) => set({ metric })}
            error={error?.fieldMessage("metric")}
          >
            <option value="">{t("gvChoose")}</option>
            {optionsOf(CONTROL_METRIC_LABELS, lang).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("gvTargetOp")} value={form.targetOp} onChange={(targetOp) => set({ targetOp })}>
            <option value=">=">{t("gvAtLeast")}</option>
            <option value="<=">{t("gvAtMost")}</option>
          </SelectField>
          <Field
            label={metricKind === "share" ? t("gvTargetPercent") : t("gvTarget")}
            type="number"
            step="any"
            value={form.targetValue}
            onChange={(e) => set({ targetValue: e.target.value })}
          />
        </>
      )}
      {form.method === "aktgranskning" && (
        <Field
          label={t("gvFileReviewId")}
          hint={t("gvFileReviewIdHint")}
          value={form.fileReviewId}
          onChange={(e) => set({ fileReviewId: e.target.value })}
          error={error?.fieldMessage("fileReviewId")}
        />
      )}
      <TextAreaField
        label={t("gvMethodDescription")}
        value={form.methodDescription}
        onChange={(e) => set({ methodDescription: e.target.value })}
      />
      <SelectField label={t("gvFrequency")} value={form.frequency} onChange={(v) => set({ frequency: v as ControlFrequency })}>
        {optionsOf(CONTROL_FREQUENCY_LABELS, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("gvResponsible")}
        required
        value={form.responsibleId}
        onChange={(responsibleId) => set({ responsibleId })}
        error={error?.fieldMessage("responsibleId")}
      >
        <option value="">{t("gvChoose")}</option>
        {staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.displayName}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("gvReportTo")} value={form.reportTo} onChange={(v) => set({ reportTo: v as NamndReport })}>
        {optionsOf(NAMND_REPORT_LABELS, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
    </CaseForm>
  );
}
