import { useState } from "react";
import { CONCLUDING_DECISIONS, caseAccepts } from "../../domain/case-flow";
import { ROLE_LABELS, type Role } from "../../domain/roles";
import { api } from "../api";
import { formatDateTime, useLang } from "../i18n";
import { DECISION_TYPE_LABELS, label } from "../labels";
import type { CaseFile } from "./CaseApi";
import { CaseForm, MomentField, ReasonField, stockholmLocalToIso, stockholmNowLocal, useSubmit } from "./CaseFormParts";
import { CaseProposals, ProposeInstead } from "./CaseProposals";
import { Field, SelectField } from "./Field";

/** The types POST /api/cases/:id/decisions takes; opening and förlängning are taken in their own forms. */
const DECIDABLE = [...CONCLUDING_DECISIONS, "uppfoljning"] as const;

export function CaseDecisions({
  caseFile: c,
  canWrite,
  onChanged,
}: {
  caseFile: CaseFile;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const invIndex = (id: string | null) => c.investigations.findIndex((i) => i.id === id);
  return (
    <section className="card" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t("decisions")}</h2>
      {c.decisions.length === 0 ? (
        <p>{t("noDecisions")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("decisions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("decidedAt")}</th>
                <th scope="col">{t("decisionType")}</th>
                <th scope="col">{t("decidedBy")}</th>
                <th scope="col">{t("investigation")}</th>
                <th scope="col">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {c.decisions.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.decidedAt, lang)}</td>
                  <td>{label(DECISION_TYPE_LABELS, d.type, lang)}</td>
                  <td>
                    {d.decidedByName}
                    <span className="hint"> ({ROLE_LABELS[d.decidedAsRole as Role]?.[lang] ?? d.decidedAsRole})</span>
                  </td>
                  <td>{invIndex(d.investigationId) >= 0 ? `${t("investigation")} ${invIndex(d.investigationId) + 1}` : "—"}</td>
                  <td className="prewrap">{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CaseProposals caseFile={c} onChanged={onChanged} />
      {canWrite && c.investigations.length > 0 && <DecisionForm caseFile={c} onChanged={onChanged} />}
      {canWrite && c.investigations.length === 0 && <p className="hint">{t("decisionNeedsInvestigation")}</p>}
    </section>
  );
}

function DecisionForm({ caseFile: c, onChanged }: { caseFile: CaseFile; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    type: "",
    reason: "",
    decidedAt: stockholmNowLocal(),
    investigationId: "",
    insats: "",
  });
  const { busy, error, run, setError } = useSubmit();
  const fields = () => ({
    type: form.type,
    reason: form.reason,
    investigationId: form.investigationId || undefined,
    insats: form.type === "bistand" && form.insats.trim() ? form.insats.trim() : undefined,
  });
  return (
    <>
      <CaseForm
        heading={t("newDecision")}
        busy={busy}
        error={error}
        submitLabel={t("saveDecision")}
        onSubmit={() =>
          void run(() => api.decide(c.id, { ...fields(), decidedAt: stockholmLocalToIso(form.decidedAt) }), onChanged)
        }
      >
        <SelectField
          label={t("decisionType")}
          value={form.type}
          onChange={(v) => setForm({ ...form, type: v })}
          error={error?.fieldMessage("type")}
          required
        >
          <option value="">{t("choose")}</option>
          {DECIDABLE.filter((d) => caseAccepts(c.closedAt !== null, d === "uppfoljning" ? "uppfoljning" : "decision")).map(
            (d) => (
              <option key={d} value={d}>
                {label(DECISION_TYPE_LABELS, d, lang)}
              </option>
            ),
          )}
        </SelectField>
        {c.investigations.length > 1 && (
          <SelectField
            label={t("investigation")}
            value={form.investigationId}
            onChange={(v) => setForm({ ...form, investigationId: v })}
            error={error?.fieldMessage("investigationId")}
          >
            <option value="">{t("latestInvestigation")}</option>
            {c.investigations.map((i, n) => (
              <option key={i.id} value={i.id}>
                {t("investigation")} {n + 1} ({t("investigationOpenedOn")} {i.openedOn})
              </option>
            ))}
          </SelectField>
        )}
        {form.type === "bistand" && (
          <Field
            label={`${t("insats")} ${t("optional")}`}
            value={form.insats}
            maxLength={200}
            onChange={(e) => setForm({ ...form, insats: e.target.value })}
            error={error?.fieldMessage("insats")}
          />
        )}
        <MomentField
          label={t("decidedAt")}
          value={form.decidedAt}
          onChange={(v) => setForm({ ...form, decidedAt: v })}
          error={error?.fieldMessage("decidedAt")}
        />
        <ReasonField
          value={form.reason}
          onChange={(v) => setForm({ ...form, reason: v })}
          error={error?.fieldMessage("reason")}
        />
      </CaseForm>
      <ProposeInstead
        caseId={c.id}
        refusal={error}
        fields={fields}
        onSent={async () => {
          setError(null);
          await onChanged();
        }}
      />
    </>
  );
}
