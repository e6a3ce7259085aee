import { useEffect, useState } from "react";
import { useLang } from "../i18n";
import { type CaseFile, type CloseReasons, caseApi } from "./CaseApi";
import { CaseForm, MomentField, stockholmLocalToIso, stockholmNowLocal, TextAreaField, useSubmit } from "./CaseFormParts";
import { SelectField } from "./Field";

/** The active orsakskoder, or [] when they cannot be loaded; null while loading. */
export function useCloseReasons() {
  const [reasons, setReasons] = useState<CloseReasons["items"] | null>(null);
  useEffect(() => {
    caseApi
      .closeReasons()
      .then((r) => setReasons(r.items.filter((x) => x.active)))
      .catch(() => setReasons([]));
  }, []);
  return reasons;
}

/** Avsluta ärendet with an orsakskod from GET /api/close-reasons and the outcome in words. */
export function CaseClose({ caseFile: c, onChanged }: { caseFile: CaseFile; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const reasons = useCloseReasons();
  const [form, setForm] = useState({ reason: "", outcome: "", closedAt: stockholmNowLocal() });
  const { busy, error, run } = useSubmit();
  const pending = c.reports.some((r) => !r.preAssessment) || c.investigations.some((i) => !i.completedOn);
  return (
    <section className="card" aria-labelledby="close-heading">
      <h2 id="close-heading">{t("closeCase")}</h2>
      {pending && <p className="hint">{t("closeBlocked")}</p>}
      <CaseForm
        labelledBy="close-heading"
        busy={busy}
        error={error}
        submitLabel={t("closeCase")}
        onSubmit={() =>
          void run(
            () =>
              caseApi.close(c.id, { reason: form.reason, outcome: form.outcome, closedAt: stockholmLocalToIso(form.closedAt) }),
            onChanged,
          )
        }
      >
        <SelectField
          label={t("closeReason")}
          value={form.reason}
          onChange={(v) => setForm({ ...form, reason: v })}
          error={error?.fieldMessage("reason")}
          required
        >
          <option value="">{reasons ? t("choose") : t("loading")}</option>
          {(reasons ?? []).map((r) => (
            <option key={r.code} value={r.code}>
              {r.label} ({r.code})
            </option>
          ))}
        </SelectField>
        <MomentField
          label={t("closedAt")}
          value={form.closedAt}
          onChange={(v) => setForm({ ...form, closedAt: v })}
          error={error?.fieldMessage("closedAt")}
        />
        <TextAreaField
          label={t("closeOutcome")}
          value={form.outcome}
          maxLength={2_000}
          onChange={(e) => setForm({ ...form, outcome: e.target.value })}
          error={error?.fieldMessage("outcome")}
          required
        />
      </CaseForm>
    </section>
  );
}
