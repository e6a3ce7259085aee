import { useState } from "react";
import { Link } from "react-router";
import { ANSWERS, VERDICT_LABELS } from "../../domain/file-review/definitions";
import { stockholmToday } from "../../domain/time";
import { useLang } from "../i18n";
import { CaseForm, FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";
import { type FileReview, fileReviewApi, type ReviewAction, type ReviewItem } from "./FileReviewApi";
import { fileLabel, VerdictText } from "./FileReviewResults";

type Finding = FileReview["findings"][number];

/** One file's manual criteria and comment, saved together. */
export function JudgeFileForm({ review, item, onSaved }: { review: FileReview; item: ReviewItem; onSaved: () => Promise<void> }) {
  const { t, lang } = useLang();
  const manual = item.verdicts.filter((v) => v.automaticVerdict === "manual");
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(manual.map((v) => [v.code, v.verdict === "manual" ? "" : v.verdict])),
  );
  const [comment, setComment] = useState(item.comment);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const nameOf = (code: string) => review.criteria.find((c) => c.code === code)?.name[lang] ?? code;
  const heading = `${item.position + 1}. ${item.personName} — ${fileLabel(item, t("frInvestigation"))}`;
  return (
    <CaseForm
      heading={heading}
      busy={busy}
      error={error}
      submitLabel={t("frSaveFile")}
      onSubmit={() => {
        setSaved(false);
        void run(
          () =>
            fileReviewApi.updateItem(review.id, item.id, {
              answers: Object.fromEntries(manual.map((v) => [v.code, answers[v.code] || null])),
              comment,
            }),
          async () => {
            setSaved(true);
            await onSaved();
          },
        );
      }}
    >
      {manual.map((v) => (
        <SelectField
          key={v.code}
          label={nameOf(v.code)}
          value={answers[v.code] ?? ""}
          onChange={(value) => setAnswers({ ...answers, [v.code]: value })}
          error={error?.fieldMessage(v.code)}
        >
          <option value="">{t("frNotAnswered")}</option>
          {ANSWERS.map((a) => (
            <option key={a} value={a}>
              {VERDICT_LABELS[a][lang]}
            </option>
          ))}
        </SelectField>
      ))}
      <TextAreaField label={t("frComment")} value={comment} maxLength={5_000} onChange={(e) => setComment(e.target.value)} />
      {saved && <Alert kind="success">{t("frSavedFile")}</Alert>}
    </CaseForm>
  );
}

/** Signing: the conclusion for the nämnd, then the review is locked. */
export function SignForm({ review, onSigned }: { review: FileReview; onSigned: () => Promise<void> }) {
  const { t } = useLang();
  const [conclusion, setConclusion] = useState(review.conclusion);
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("frSign")}
      busy={busy}
      error={error}
      submitLabel={t("frSign")}
      onSubmit={() => void run(() => fileReviewApi.sign(review.id, conclusion), onSigned)}
    >
      <p className="field-wide">{t("frSignHint")}</p>
      <TextAreaField
        label={t("frConclusion")}
        value={conclusion}
        maxLength={10_000}
        onChange={(e) => setConclusion(e.target.value)}
      />
    </CaseForm>
  );
}

/**
 * The findings (files whose criterion was not met) and the actions taken on them. Each finding
 * carries its id (data-finding-id) so another flow — an avvikelse from a finding — can hook in.
 */
export function FindingsAndActions({ review, onChanged }: { review: FileReview; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const nameOf = (code: string) => review.criteria.find((c) => c.code === code)?.name[lang] ?? code;
  const itemOf = (id: string) => review.items.find((i) => i.id === id);
  return (
    <>
      {review.findings.length === 0 ? (
        <p>{t("frNoFindings")}</p>
      ) : (
        <ul className="findings">
          {review.findings.map((f) => (
            <FindingRow
              key={f.id}
              review={review}
              finding={f}
              name={nameOf(f.criterionCode)}
              personName={itemOf(f.itemId)?.personName ?? ""}
              onChanged={onChanged}
            />
          ))}
        </ul>
      )}
      <ActionForm review={review} onChanged={onChanged} />
      <h3>{t("frActions")}</h3>
      {review.actions.length === 0 ? (
        <p>{t("frNoActions")}</p>
      ) : (
        review.actions.map((a) => <ActionCard key={a.id} review={review} action={a} onChanged={onChanged} />)
      )}
    </>
  );
}

/**
 * One finding, and the one-click avvikelse from it: a button until it is made, then a link to it.
 * The button's and link's description is the finding, so each is told apart by a screen reader.
 */
function FindingRow({
  review,
  finding: f,
  name,
  personName,
  onChanged,
}: {
  review: FileReview;
  finding: Finding;
  name: string;
  personName: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  const { busy, error, run } = useSubmit();
  const textId = `finding-text-${f.id.replace(":", "-")}`;
  return (
    <li id={`finding-${f.id.replace(":", "-")}`} data-finding-id={f.id}>
      <span id={textId}>
        <VerdictText verdict="not_met" /> {name} — {personName}: {f.text}
      </span>{" "}
      {f.deviationId ? (
        <Link to={`/avvikelser/${f.deviationId}`} aria-describedby={textId}>
          {t("frOpenDeviation")}
        </Link>
      ) : (
        <button
          type="button"
          className="secondary"
          disabled={busy}
          aria-describedby={textId}
          onClick={() => void run(() => fileReviewApi.deviationFromFinding(review.id, f.id), onChanged)}
        >
          {t("frCreateDeviation")}
        </button>
      )}
      <FormError error={error} />
    </li>
  );
}

function ActionForm({ review, onChanged }: { review: FileReview; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const empty = { findingId: "", finding: "", action: "", responsibleId: "", dueOn: "" };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  const chosen = review.findings.find((f) => f.id === form.findingId);
  return (
    <CaseForm
      heading={t("frAddAction")}
      busy={busy}
      error={error}
      submitLabel={t("frAddAction")}
      onSubmit={() =>
        void run(
          () =>
            fileReviewApi.createAction(review.id, {
              ...(chosen ? { itemId: chosen.itemId, criterionCode: chosen.criterionCode } : {}),
              finding: chosen ? chosen.text : form.finding,
              action: form.action,
              responsibleId: form.responsibleId,
              dueOn: form.dueOn,
            }),
          async () => {
            setForm(empty);
            await onChanged();
          },
        )
      }
    >
      <SelectField label={t("frChooseFinding")} value={form.findingId} onChange={(v) => setForm({ ...form, findingId: v })}>
        <option value="">{t("frGeneralFinding")}</option>
        {review.findings.map((f) => (
          <option key={f.id} value={f.id}>
            {f.text}
          </option>
        ))}
      </SelectField>
      {!chosen && (
        <TextAreaField
          label={t("frFindingText")}
          value={form.finding}
          maxLength={2_000}
          onChange={(e) => setForm({ ...form, finding: e.target.value })}
          error={error?.fieldMessage("finding")}
          required
        />
      )}
      <TextAreaField
        label={t("frAction")}
        value={form.action}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, action: e.target.value })}
        error={error?.fieldMessage("action")}
        required
      />
      <SelectField
        label={t("frResponsible")}
        value={form.responsibleId}
        onChange={(v) => setForm({ ...form, responsibleId: v })}
        error={error?.fieldMessage("responsibleId")}
        required
      >
        <option value="">{t("choose")}</option>
        {review.staff.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("frDueOn")}
        type="date"
        value={form.dueOn}
        min={stockholmToday()}
        onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
        error={error?.fieldMessage("dueOn")}
        required
      />
    </CaseForm>
  );
}

function ActionCard({
  review,
  action: a,
  onChanged,
}: {
  review: FileReview;
  action: ReviewAction;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  const [note, setNote] = useState(a.followUpNote);
  const [doneOn, setDoneOn] = useState(a.doneOn ?? "");
  const { busy, error, run } = useSubmit();
  return (
    <article className="subcard" aria-labelledby={`action-${a.id}`}>
      <h4 id={`action-${a.id}`}>{a.action}</h4>
      <dl className="facts">
        <dt>{t("frFinding")}</dt>
        <dd>{a.finding}</dd>
        <dt>{t("frResponsible")}</dt>
        <dd>{a.responsibleName}</dd>
        <dt>{t("frDueOn")}</dt>
        <dd>{a.dueOn}</dd>
        <dt>{t("frDoneOn")}</dt>
        <dd>{a.doneOn ?? "—"}</dd>
      </dl>
      <CaseForm
        labelledBy={`action-${a.id}`}
        busy={busy}
        error={error}
        submitLabel={t("frSaveFollowUp")}
        onSubmit={() =>
          void run(() => fileReviewApi.updateAction(review.id, a.id, { followUpNote: note, doneOn: doneOn || null }), onChanged)
        }
      >
        <TextAreaField label={t("frFollowUp")} value={note} maxLength={5_000} onChange={(e) => setNote(e.target.value)} />
        <Field
          label={t("frDoneOn")}
          type="date"
          value={doneOn}
          onChange={(e) => setDoneOn(e.target.value)}
          error={error?.fieldMessage("doneOn")}
        />
      </CaseForm>
    </article>
  );
}
