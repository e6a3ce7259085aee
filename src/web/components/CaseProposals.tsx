import { useEffect, useState } from "react";
import { type ApiError } from "../api";
import { formatDateTime, useLang } from "../i18n";
import { DECISION_TYPE_LABELS, label } from "../labels";
import type { CaseFile } from "./CaseApi";
import { CaseForm, ReasonField, useSubmit } from "./CaseFormParts";
import { type DecisionProposal, type ProposalFields, proposalApi } from "./DecisionProposalApi";
import { Alert, Field } from "./Field";

/**
 * Where a decision form is refused because the decision is delegated to someone else (409
 * no_delegation), the same fields can be sent as a förslag till beslut instead.
 */
export function ProposeInstead({
  caseId,
  refusal,
  fields,
  onSent,
}: {
  caseId: string;
  refusal: ApiError | null;
  fields: () => ProposalFields;
  onSent: () => Promise<void>;
}) {
  const { t } = useLang();
  const { busy, error, run } = useSubmit();
  if (refusal?.code !== "no_delegation") return null;
  return (
    <div className="case-form">
      <p id={`propose-hint-${caseId}`}>{t("dpProposeHint")}</p>
      {error && <Alert kind="error">{error.message || t("error")}</Alert>}
      <div className="button-row">
        <button
          type="button"
          disabled={busy}
          aria-describedby={`propose-hint-${caseId}`}
          onClick={() => void run(() => proposalApi.create(caseId, fields()), onSent)}
        >
          {t("dpPropose")}
        </button>
      </div>
    </div>
  );
}

/** The case's proposals with their state; the proposer revises and resends a returned one here. */
export function CaseProposals({ caseFile: c, onChanged }: { caseFile: CaseFile; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [items, setItems] = useState<DecisionProposal[] | null>(null);
  useEffect(() => {
    // The case file is reloaded after every command: its proposals with it.
    void c;
    proposalApi
      .ofCase(c.id)
      .then((r) => setItems(r.items))
      .catch(() => setItems(null));
  }, [c]);
  if (!items || items.length === 0) return null;
  return (
    <>
      <h3 id="proposals-heading">{t("dpOnCase")}</h3>
      <ul className="plain" aria-labelledby="proposals-heading">
        {items.map((p) => (
          <li key={p.id} className="subcard">
            <p>
              <strong>{label(DECISION_TYPE_LABELS, p.type, lang)}</strong> — {t("dpState")}: <strong>{t(`dp_${p.state}`)}</strong>
            </p>
            <dl className="facts">
              <dt>{t("dpProposedBy")}</dt>
              <dd>{p.proposedBy.name}</dd>
              <dt>{t("dpSentAt")}</dt>
              <dd>{formatDateTime(p.submittedAt, lang)}</dd>
              {p.insats && (
                <>
                  <dt>{t("insats")}</dt>
                  <dd>{p.insats}</dd>
                </>
              )}
              {p.newEndDate && (
                <>
                  <dt>{t("dpNewEndDate")}</dt>
                  <dd>{p.newEndDate}</dd>
                </>
              )}
              <dt>{t("reason")}</dt>
              <dd className="prewrap">{p.reason}</dd>
              {p.handledBy && p.handledAt && (
                <>
                  <dt>{t("dpHandledBy")}</dt>
                  <dd>
                    {p.handledBy.name}, {formatDateTime(p.handledAt, lang)}
                  </dd>
                </>
              )}
              {p.comment && p.state !== "approved" && (
                <>
                  <dt>{t("dpComment")}</dt>
                  <dd className="prewrap">{p.comment}</dd>
                </>
              )}
            </dl>
            {p.canResubmit && <ResubmitForm proposal={p} onChanged={onChanged} />}
          </li>
        ))}
      </ul>
    </>
  );
}

function ResubmitForm({ proposal: p, onChanged }: { proposal: DecisionProposal; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [form, setForm] = useState({ reason: p.reason, insats: p.insats ?? "", newEndDate: p.newEndDate ?? "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("dpResubmit")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("dpResubmit")}
      onSubmit={() =>
        void run(
          () =>
            proposalApi.resubmit(p.id, {
              reason: form.reason,
              insats: p.type === "bistand" && form.insats.trim() ? form.insats.trim() : undefined,
              newEndDate: p.type === "forlangning" ? form.newEndDate : undefined,
            }),
          onChanged,
        )
      }
    >
      {p.type === "bistand" && (
        <Field
          label={`${t("insats")} ${t("optional")}`}
          value={form.insats}
          maxLength={200}
          onChange={(e) => setForm({ ...form, insats: e.target.value })}
          error={error?.fieldMessage("insats")}
        />
      )}
      {p.type === "forlangning" && (
        <Field
          label={t("dpNewEndDate")}
          type="date"
          value={form.newEndDate}
          onChange={(e) => setForm({ ...form, newEndDate: e.target.value })}
          error={error?.fieldMessage("newEndDate")}
          required
        />
      )}
      <ReasonField value={form.reason} onChange={(v) => setForm({ ...form, reason: v })} error={error?.fieldMessage("reason")} />
    </CaseForm>
  );
}
