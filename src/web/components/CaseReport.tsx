import { useState } from "react";
import { PRE_ASSESSMENT_OUTCOMES } from "../../domain/case-flow";
import { api } from "../api";
import { formatDateTime, useLang } from "../i18n";
import { CONCERN_LABELS, label, PRE_OUTCOME_LABELS, REPORT_KIND_LABELS, REPORTER_CATEGORY_LABELS } from "../labels";
import type { CaseInvestigation, CaseReport } from "./CaseApi";
import { type CaseClock, ClockList } from "./CaseClocks";
import {
  CaseForm,
  MomentField,
  RadioGroup,
  ReasonField,
  stockholmLocalToIso,
  stockholmNowLocal,
  TextAreaField,
  useSubmit,
} from "./CaseFormParts";
import { SelectField } from "./Field";

/** One anmälan with its clocks, skyddsbedömning and förhandsbedömning, or the forms to record them. */
export function CaseReportCard({
  report,
  index,
  clocks,
  openInvestigations,
  canWrite,
  onChanged,
}: {
  report: CaseReport;
  index: number;
  clocks: CaseClock[];
  openInvestigations: CaseInvestigation[];
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `report-${report.id}`;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {label(REPORT_KIND_LABELS, report.kind, lang)} {index + 1} — {formatDateTime(report.receivedAt, lang)}
      </h3>
      {report.isReReferral && (
        <p className="flag" role="note">
          <span aria-hidden="true">↻ </span>
          <strong>{t("reReferral")}</strong>
        </p>
      )}
      <dl className="facts">
        <dt>{t("receivedAt")}</dt>
        <dd>{formatDateTime(report.receivedAt, lang)}</dd>
        <dt>{t("reporterCategory")}</dt>
        <dd>{label(REPORTER_CATEGORY_LABELS, report.reporterCategory, lang)}</dd>
        <dt>{t("reporterOrganisation")}</dt>
        <dd>{report.reporterOrganisation ?? "—"}</dd>
        <dt>{t("concerns")}</dt>
        <dd>{report.concerns.map((c) => label(CONCERN_LABELS, c, lang)).join(", ") || "—"}</dd>
        <dt>{t("reportText")}</dt>
        <dd className="prewrap">{report.text}</dd>
      </dl>
      <ClockList clocks={clocks} label={t("deadlines")} />

      <h4 id={`${headingId}-protection`}>{t("protectionAssessment")}</h4>
      {report.protection ? (
        <dl className="facts">
          <dt>{t("assessedAt")}</dt>
          <dd>{formatDateTime(report.protection.assessedAt, lang)}</dd>
          <dt>{t("immediateProtection")}</dt>
          <dd>
            <strong>{report.protection.immediateProtectionNeeded ? t("yes") : t("no")}</strong>
          </dd>
          <dt>{t("notes")}</dt>
          <dd className="prewrap">{report.protection.notes}</dd>
        </dl>
      ) : canWrite ? (
        <ProtectionForm reportId={report.id} labelledBy={`${headingId}-protection`} onChanged={onChanged} />
      ) : (
        <p>{t("notRecorded")}</p>
      )}

      <h4 id={`${headingId}-pre`}>{t("preAssessment")}</h4>
      {report.preAssessment ? (
        <dl className="facts">
          <dt>{t("decidedAt")}</dt>
          <dd>{formatDateTime(report.preAssessment.decidedAt, lang)}</dd>
          <dt>{t("outcome")}</dt>
          <dd>
            <strong>{label(PRE_OUTCOME_LABELS, report.preAssessment.outcome, lang)}</strong>
            {report.preAssessment.investigationId && (
              <>
                {" "}
                — <a href={`#inv-${report.preAssessment.investigationId}`}>{t("toInvestigation")}</a>
              </>
            )}
            {report.preAssessment.linkedInvestigationId && (
              <>
                {" "}
                — <a href={`#inv-${report.preAssessment.linkedInvestigationId}`}>{t("toInvestigation")}</a>
              </>
            )}
          </dd>
          <dt>{t("reason")}</dt>
          <dd className="prewrap">{report.preAssessment.reason}</dd>
        </dl>
      ) : !canWrite ? (
        <p>{t("notRecorded")}</p>
      ) : !report.protection ? (
        <p>{t("protectionFirst")}</p>
      ) : (
        <PreAssessmentForm
          reportId={report.id}
          labelledBy={`${headingId}-pre`}
          openInvestigations={openInvestigations}
          onChanged={onChanged}
        />
      )}
    </article>
  );
}

function ProtectionForm({
  reportId,
  labelledBy,
  onChanged,
}: {
  reportId: string;
  labelledBy: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  const [form, setForm] = useState({ assessedAt: stockholmNowLocal(), immediate: "", notes: "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      labelledBy={labelledBy}
      busy={busy}
      error={error}
      submitLabel={t("save")}
      onSubmit={() =>
        void run(
          () =>
            api.protection(reportId, {
              assessedAt: stockholmLocalToIso(form.assessedAt),
              immediateProtectionNeeded: form.immediate === "yes",
              notes: form.notes,
            }),
          onChanged,
        )
      }
    >
      <MomentField
        label={t("assessedAt")}
        value={form.assessedAt}
        onChange={(v) => setForm({ ...form, assessedAt: v })}
        error={error?.fieldMessage("assessedAt")}
      />
      <RadioGroup
        legend={t("immediateProtection")}
        name="immediate"
        value={form.immediate}
        onChange={(v) => setForm({ ...form, immediate: v })}
        options={[
          { value: "yes", label: t("yes") },
          { value: "no", label: t("no") },
        ]}
        error={error?.fieldMessage("immediateProtectionNeeded")}
        required
      />
      <TextAreaField
        label={t("notes")}
        value={form.notes}
        maxLength={5_000}
        onChange={(e) => setForm({ ...form, notes: e.target.value })}
        error={error?.fieldMessage("notes")}
        required
      />
    </CaseForm>
  );
}

function PreAssessmentForm({
  reportId,
  labelledBy,
  openInvestigations,
  onChanged,
}: {
  reportId: string;
  labelledBy: string;
  openInvestigations: CaseInvestigation[];
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    outcome: "",
    reason: "",
    decidedAt: stockholmNowLocal(),
    linkedInvestigationId: openInvestigations[0]?.id ?? "",
  });
  const { busy, error, run } = useSubmit();
  const hasOpen = openInvestigations.length > 0;
  return (
    <CaseForm
      labelledBy={labelledBy}
      busy={busy}
      error={error}
      submitLabel={t("save")}
      onSubmit={() =>
        void run(
          () =>
            api.preAssessment(reportId, {
              outcome: form.outcome,
              reason: form.reason,
              decidedAt: stockholmLocalToIso(form.decidedAt),
              linkedInvestigationId: form.outcome === "koppla" ? form.linkedInvestigationId || undefined : undefined,
            }),
          onChanged,
        )
      }
    >
      <RadioGroup
        legend={t("outcome")}
        name="outcome"
        value={form.outcome}
        onChange={(v) => setForm({ ...form, outcome: v })}
        options={PRE_ASSESSMENT_OUTCOMES.map((o) => ({
          value: o,
          label: label(PRE_OUTCOME_LABELS, o, lang),
          disabled: o === "koppla" && !hasOpen,
          hint: o === "koppla" && !hasOpen ? t("noOpenInvestigation") : undefined,
        }))}
        error={error?.fieldMessage("outcome")}
        required
      />
      {form.outcome === "koppla" && hasOpen && (
        <SelectField
          label={t("ongoingInvestigation")}
          value={form.linkedInvestigationId}
          onChange={(v) => setForm({ ...form, linkedInvestigationId: v })}
          error={error?.fieldMessage("linkedInvestigationId")}
          required
        >
          {openInvestigations.map((i) => (
            <option key={i.id} value={i.id}>
              {t("investigationOpenedOn")} {i.openedOn}
            </option>
          ))}
        </SelectField>
      )}
      <MomentField
        label={t("decidedAt")}
        value={form.decidedAt}
        onChange={(v) => setForm({ ...form, decidedAt: v })}
        error={error?.fieldMessage("decidedAt")}
      />
      <ReasonField value={form.reason} onChange={(v) => setForm({ ...form, reason: v })} error={error?.fieldMessage("reason")} />
    </CaseForm>
  );
}
