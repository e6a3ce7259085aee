import { useState } from "react";
import { useNavigate } from "react-router";
import { CONCERNS, REPORT_KINDS, REPORTER_CATEGORIES } from "../../domain/case-flow";
import { roleHasPermission } from "../../domain/roles";
import { api } from "../api";
import { useAuth } from "../auth";
import { useLang } from "../i18n";
import { CONCERN_LABELS, label, REPORT_KIND_LABELS, REPORTER_CATEGORY_LABELS } from "../labels";
import {
  CaseForm,
  CheckboxGroup,
  RadioGroup,
  stockholmLocalToIso,
  stockholmNowLocal,
  TextAreaField,
  useSubmit,
} from "./CaseFormParts";
import { Field, SelectField } from "./Field";

/** Registrera anmälan: an orosanmälan or ansökan about this person; opens or joins the case. */
export function ReportForm({ personId, personDistrictId }: { personId: string; personDistrictId: string }) {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  // Districts where the user may register (case:write), from /api/auth/me.
  const districts = [
    ...new Map(
      (me?.assignments ?? [])
        .filter((a) => roleHasPermission(a.role, "case:write"))
        .map((a) => [a.districtId, a.districtName] as const),
    ).entries(),
  ];
  const [form, setForm] = useState({
    kind: "orosanmalan",
    receivedAt: stockholmNowLocal(),
    reporterCategory: "",
    reporterOrganisation: "",
    reporterContact: "",
    concerns: [] as string[],
    text: "",
    districtId: districts.some(([id]) => id === personDistrictId) ? personDistrictId : (districts[0]?.[0] ?? ""),
  });
  const { busy, error, run } = useSubmit();
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  const submit = () =>
    void run(async () => {
      const created = await api.createReport({
        personId,
        districtId: form.districtId,
        kind: form.kind,
        receivedAt: stockholmLocalToIso(form.receivedAt),
        reporterCategory: form.reporterCategory,
        reporterOrganisation: form.reporterOrganisation.trim() || undefined,
        reporterContact: form.reporterContact.trim() || undefined,
        concerns: form.concerns,
        text: form.text,
      });
      navigate(`/arenden/${created.caseId}`);
    });

  return (
    <section className="card" aria-labelledby="register-report-heading">
      <h2 id="register-report-heading">{t("registerReport")}</h2>
      <CaseForm
        labelledBy="register-report-heading"
        onSubmit={submit}
        error={error}
        busy={busy}
        submitLabel={t("registerReport")}
      >
        <RadioGroup
          legend={t("reportKind")}
          name="kind"
          value={form.kind}
          onChange={(v) => set("kind", v)}
          options={REPORT_KINDS.map((k) => ({ value: k, label: label(REPORT_KIND_LABELS, k, lang) }))}
          error={error?.fieldMessage("kind")}
        />
        <Field
          label={t("receivedAt")}
          hint={t("swedishTime")}
          type="datetime-local"
          value={form.receivedAt}
          max={stockholmNowLocal()}
          onChange={(e) => set("receivedAt", e.target.value)}
          error={error?.fieldMessage("receivedAt")}
          required
        />
        <SelectField
          label={t("reporterCategory")}
          value={form.reporterCategory}
          onChange={(v) => set("reporterCategory", v)}
          error={error?.fieldMessage("reporterCategory")}
          required
        >
          <option value="">{t("choose")}</option>
          {REPORTER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {label(REPORTER_CATEGORY_LABELS, c, lang)}
            </option>
          ))}
        </SelectField>
        <Field
          label={`${t("reporterOrganisation")} ${t("optional")}`}
          value={form.reporterOrganisation}
          maxLength={200}
          onChange={(e) => set("reporterOrganisation", e.target.value)}
          error={error?.fieldMessage("reporterOrganisation")}
        />
        <Field
          label={`${t("reporterContact")} ${t("optional")}`}
          value={form.reporterContact}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => set("reporterContact", e.target.value)}
          error={error?.fieldMessage("reporterContact")}
        />
        <SelectField
          label={t("district")}
          value={form.districtId}
          onChange={(v) => set("districtId", v)}
          error={error?.fieldMessage("districtId")}
          required
        >
          {districts.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
        <div className="field-wide">
          <CheckboxGroup
            legend={t("concerns")}
            values={form.concerns}
            onChange={(v) => set("concerns", v)}
            options={CONCERNS.map((c) => ({ value: c, label: label(CONCERN_LABELS, c, lang) }))}
            error={error?.fieldMessage("concerns")}
          />
        </div>
        <TextAreaField
          label={t("reportText")}
          value={form.text}
          maxLength={10_000}
          rows={6}
          onChange={(e) => set("text", e.target.value)}
          error={error?.fieldMessage("text")}
          required
        />
      </CaseForm>
    </section>
  );
}
