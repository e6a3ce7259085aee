import { useState } from "react";
import { caseAccepts } from "../../domain/case-flow";
import { api } from "../api";
import { useAuth } from "../auth";
import { formatDateTime, useLang } from "../i18n";
import { JOURNAL_STEP_LABELS, label } from "../labels";
import { type CaseFile, type CaseJournalEntry, caseApi } from "./CaseApi";
import { CaseForm, CheckboxField, FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { SelectField } from "./Field";

/** Journal: signed entries never change; a correction is a new entry that refers to the old one. */
export function CaseJournal({
  caseFile: c,
  canWrite,
  onChanged,
}: {
  caseFile: CaseFile;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  return (
    <section className="card" aria-labelledby="journal-heading">
      <h2 id="journal-heading">{t("journal")}</h2>
      {c.journal.length === 0 ? (
        <p>{t("noJournal")}</p>
      ) : (
        <ol className="journal">
          {c.journal.map((j) => (
            <JournalEntry key={j.id} entry={j} all={c.journal} caseId={c.id} canWrite={canWrite} onChanged={onChanged} />
          ))}
        </ol>
      )}
      {canWrite && caseAccepts(c.closedAt !== null, "journal") && (
        <JournalForm caseId={c.id} onChanged={onChanged} heading={t("newJournalEntry")} />
      )}
    </section>
  );
}

function JournalEntry({
  entry: j,
  all,
  caseId,
  canWrite,
  onChanged,
}: {
  entry: CaseJournalEntry;
  all: CaseJournalEntry[];
  caseId: string;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const [correcting, setCorrecting] = useState(false);
  const sign = useSubmit();
  const corrected = all.filter((x) => x.correctsId === j.id);
  const original = j.correctsId ? all.find((x) => x.id === j.correctsId) : undefined;
  const formId = `correct-${j.id}`;
  return (
    <li id={`journal-${j.id}`} className={corrected.length > 0 ? "journal-entry corrected" : "journal-entry"}>
      <p className="journal-meta">
        <strong>{label(JOURNAL_STEP_LABELS, j.step, lang)}</strong> · {formatDateTime(j.createdAt, lang)} · {j.authorName} ·{" "}
        {j.signedAt ? (
          <span className="signed">
            <span aria-hidden="true">✓ </span>
            {t("signed")} {formatDateTime(j.signedAt, lang)}
          </span>
        ) : (
          <span className="unsigned">
            <span aria-hidden="true">✎ </span>
            {t("unsigned")}
          </span>
        )}
      </p>
      {original && (
        <p className="hint">
          {t("correctionOf")}{" "}
          <a href={`#journal-${original.id}`}>
            {t("entryFrom")} {formatDateTime(original.createdAt, lang)}
          </a>
        </p>
      )}
      {corrected.length > 0 && (
        <p className="flag">
          <strong>{t("correctedBy")}</strong>{" "}
          {corrected.map((x, i) => (
            <span key={x.id}>
              {i > 0 && ", "}
              <a href={`#journal-${x.id}`}>
                {t("entryFrom")} {formatDateTime(x.createdAt, lang)}
              </a>
            </span>
          ))}
        </p>
      )}
      <p className="prewrap">{j.text}</p>
      {canWrite && j.signedAt && (
        <button
          type="button"
          className="secondary"
          aria-expanded={correcting}
          aria-controls={correcting ? formId : undefined}
          onClick={() => setCorrecting(!correcting)}
        >
          {t("correct")}
          <span className="visually-hidden">
            {" "}
            {t("entryFrom")} {formatDateTime(j.createdAt, lang)}
          </span>
        </button>
      )}
      {canWrite && !j.signedAt && j.authorId === me?.id && (
        <>
          <FormError error={sign.error} />
          <button
            type="button"
            className="secondary"
            disabled={sign.busy}
            onClick={() => void sign.run(() => caseApi.updateJournal(j.id, j.text, true), onChanged)}
          >
            {t("sign")}
            <span className="visually-hidden">
              {" "}
              {t("entryFrom")} {formatDateTime(j.createdAt, lang)}
            </span>
          </button>
        </>
      )}
      {correcting && (
        <div id={formId}>
          <JournalForm
            caseId={caseId}
            corrects={j}
            heading={`${t("correctionOf")} ${t("entryFrom")} ${formatDateTime(j.createdAt, lang)}`}
            onChanged={async () => {
              setCorrecting(false);
              await onChanged();
            }}
          />
        </div>
      )}
    </li>
  );
}

const STEPS = Object.keys(JOURNAL_STEP_LABELS);

function JournalForm({
  caseId,
  corrects,
  heading,
  onChanged,
}: {
  caseId: string;
  corrects?: CaseJournalEntry;
  heading: string;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    step: corrects?.step ?? "ovrigt",
    text: corrects?.text ?? "",
    sign: false,
  });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={heading}
      busy={busy}
      error={error}
      submitLabel={corrects ? t("saveCorrection") : t("save")}
      onSubmit={() =>
        void run(
          () => api.journal(caseId, { ...form, correctsId: corrects?.id }),
          async () => {
            setForm({ step: form.step, text: "", sign: false });
            await onChanged();
          },
        )
      }
    >
      <SelectField
        label={t("journalStep")}
        value={form.step}
        onChange={(v) => setForm({ ...form, step: v })}
        error={error?.fieldMessage("step")}
        required
      >
        {STEPS.map((s) => (
          <option key={s} value={s}>
            {label(JOURNAL_STEP_LABELS, s, lang)}
          </option>
        ))}
      </SelectField>
      <CheckboxField label={t("signNow")} checked={form.sign} onChange={(v) => setForm({ ...form, sign: v })} />
      <TextAreaField
        label={t("journalText")}
        value={form.text}
        maxLength={20_000}
        rows={5}
        onChange={(e) => setForm({ ...form, text: e.target.value })}
        error={error?.fieldMessage("text")}
        required
      />
    </CaseForm>
  );
}
