import { useCallback, useEffect, useId, useState } from "react";
import { Link, useParams } from "react-router";
import {
  DECISION_LEVEL_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  PROCESS_STEP_LABELS,
} from "../../domain/governance/labels";
import type { DocumentKind } from "../../domain/governance/styrdokument";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { CaseForm, CheckboxGroup, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type DocumentDetail, fileAsBase64, governanceApi, type Staff } from "../components/GovernanceApi";
import { formatBytes, optionsOf, ReviewStateText, useDistrictNames, word } from "../components/GovernanceParts";
import { formatDateTime, useLang } from "../i18n";
import { DecisionFields } from "./Styrdokument";

/** One styrdokument: the decision in force, its versions with files, and (for managers) edit, upload, publish. */
export function StyrdokumentDetail() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const districtName = useDistrictNames();
  const [doc, setDoc] = useState<DocumentDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");
  const load = useCallback(async () => {
    try {
      setDoc(await governanceApi.document(id));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [id, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const done = (message: string) => async () => {
    setNotice(message);
    await load();
  };

  if (!doc) return error ? <FormError error={error} /> : <p role="status">{t("loading")}</p>;
  return (
    <>
      <p>
        <Link to="/styrdokument">← {t("gvDocuments")}</Link>
      </p>
      <h1>{doc.title}</h1>
      <div role="status" aria-live="polite">
        {notice && <Alert kind="success">{notice}</Alert>}
      </div>
      <section className="card" aria-labelledby="in-force-heading">
        <h2 id="in-force-heading">{t("gvInForce")}</h2>
        <dl className="facts">
          <dt>{t("gvKind")}</dt>
          <dd>{word(DOCUMENT_KIND_LABELS, doc.kind, lang)}</dd>
          <dt>{t("status")}</dt>
          <dd>{word(DOCUMENT_STATUS_LABELS, doc.status, lang)}</dd>
          <dt>{t("gvVersionInForce")}</dt>
          <dd>{doc.inForce.versionNumber ?? t("gvNoneInForce")}</dd>
          <dt>{t("gvDecidedBy")}</dt>
          <dd>{doc.inForce.decidedBy ? word(DECISION_LEVEL_LABELS, doc.inForce.decidedBy, lang) : t("gvMissing")}</dd>
          <dt>{t("gvDecidedOn")}</dt>
          <dd>{doc.inForce.decidedOn ?? t("gvMissing")}</dd>
          <dt>{t("gvValidFrom")}</dt>
          <dd>{doc.inForce.validFrom ?? "—"}</dd>
          <dt>{t("gvNextReview")}</dt>
          <dd>
            {doc.nextReviewOn ?? "—"} {doc.status !== "upphavd" && <ReviewStateText state={doc.reviewState} />}
          </dd>
          <dt>{t("gvOwner")}</dt>
          <dd>{doc.ownerName}</dd>
          <dt>{t("gvProcessSteps")}</dt>
          <dd>{doc.processSteps.map((s) => word(PROCESS_STEP_LABELS, s, lang)).join(", ") || "—"}</dd>
          <dt>{t("gvDistricts")}</dt>
          <dd>{doc.districtIds.map(districtName).join(", ")}</dd>
        </dl>
        {doc.description && <p className="prewrap">{doc.description}</p>}
      </section>

      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">{t("gvVersions")}</h2>
        {doc.versions.length === 0 ? (
          <p>{t("gvNoVersions")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("gvVersions")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gvVersion")}</th>
                  <th scope="col">{t("gvFile")}</th>
                  <th scope="col">{t("gvUploaded")}</th>
                  <th scope="col">{t("gvPublished")}</th>
                  <th scope="col">{t("gvDecision")}</th>
                  <th scope="col">{t("gvNote")}</th>
                </tr>
              </thead>
              <tbody>
                {doc.versions.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">{v.number}</th>
                    <td>
                      <a href={governanceApi.fileUrl(doc.id, v.id)} download={v.filename}>
                        {v.filename}
                      </a>{" "}
                      ({formatBytes(v.sizeBytes, lang)})
                    </td>
                    <td>
                      {formatDateTime(v.uploadedAt, lang)}, {v.uploadedBy}
                    </td>
                    <td>{v.publishedAt ? `${formatDateTime(v.publishedAt, lang)}, ${v.publishedBy ?? ""}` : "—"}</td>
                    <td>{v.decidedBy ? `${word(DECISION_LEVEL_LABELS, v.decidedBy, lang)} ${v.decidedOn ?? ""}` : "—"}</td>
                    <td>{v.note || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {doc.canManage && <UploadVersion doc={doc} onDone={done(t("gvUploadedNotice"))} />}
      </section>

      {doc.canManage && (
        <>
          <PublishPanel doc={doc} onDone={done(t("gvPublishedNotice"))} />
          <EditDocument doc={doc} onDone={done(t("gvSavedNotice"))} />
          <RevokePanel doc={doc} onDone={done(t("gvRevokedNotice"))} />
        </>
      )}
    </>
  );
}

function UploadVersion({ doc, onDone }: { doc: DocumentDetail; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("gvUploadVersion")}
      error={error}
      busy={busy}
      submitLabel={t("gvUpload")}
      onSubmit={() =>
        void run(async () => {
          if (!file) throw new Error(t("gvChooseFile"));
          await governanceApi.uploadVersion(doc.id, {
            revision: doc.revision,
            filename: file.name,
            contentBase64: await fileAsBase64(file),
            note,
          });
          setFile(null);
          setNote("");
        }, onDone)
      }
    >
      <div className="field">
        <label htmlFor={`${id}-file`}>{t("gvFile")}</label>
        <span className="hint" id={`${id}-hint`}>
          {t("gvFileHint")}
        </span>
        <input
          id={`${id}-file`}
          type="file"
          required
          accept=".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"
          aria-describedby={`${id}-hint`}
          aria-invalid={error?.fieldMessage("contentBase64") ? true : undefined}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <Field label={t("gvChangeNote")} value={note} onChange={(e) => setNote(e.target.value)} />
    </CaseForm>
  );
}

const PROBLEM_KEYS = {
  missing: "gvProblemMissing",
  in_future: "gvProblemFuture",
  before_decision: "gvProblemBeforeDecision",
  not_after_decision: "gvProblemNotAfterDecision",
  in_past: "gvProblemPast",
  earlier_than_in_force: "gvProblemEarlier",
  no_version: "gvProblemNoVersion",
  already_published: "gvProblemAlreadyPublished",
} as const;
const FIELD_KEYS = {
  decidedBy: "gvDecidedBy",
  decidedOn: "gvDecidedOn",
  validFrom: "gvValidFrom",
  nextReviewOn: "gvNextReview",
  versions: "gvVersions",
} as const;

function PublishPanel({ doc, onDone }: { doc: DocumentDetail; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const { busy, error, run } = useSubmit();
  // Only "the latest version is already in force": nothing is missing, there is just nothing new.
  const upToDate = doc.publishProblems.length === 1 && doc.publishProblems[0]?.code === "already_published";
  return (
    <section className="card" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t("gvPublish")}</h2>
      <p>{t("gvPublishIntro")}</p>
      {upToDate ? (
        <p>{t("gvNothingToPublish")}</p>
      ) : (
        doc.publishProblems.length > 0 && (
          <>
            <p>{t("gvPublishBlocked")}</p>
            <ul>
              {doc.publishProblems.map((p) => (
                <li key={`${p.field}-${p.code}`}>
                  <strong>{t(FIELD_KEYS[p.field as keyof typeof FIELD_KEYS] ?? "gvDecision")}</strong>:{" "}
                  {t(PROBLEM_KEYS[p.code as keyof typeof PROBLEM_KEYS] ?? "gvProblemMissing")}
                </li>
              ))}
            </ul>
          </>
        )
      )}
      <FormError error={error} />
      {!upToDate && (
        <button type="button" disabled={busy} onClick={() => void run(() => governanceApi.publish(doc.id, doc.revision), onDone)}>
          {t("gvPublishButton")}
        </button>
      )}
    </section>
  );
}

function EditDocument({ doc, onDone }: { doc: DocumentDetail; onDone: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [staff, setStaff] = useState<Staff[]>([]);
  const initial = () => ({
    title: doc.title,
    kind: doc.kind as DocumentKind,
    description: doc.description,
    processSteps: doc.processSteps as string[],
    ownerId: doc.ownerId,
    decidedBy: doc.draft.decidedBy ?? "",
    decidedOn: doc.draft.decidedOn ?? "",
    validFrom: doc.draft.validFrom ?? "",
    nextReviewOn: doc.draft.nextReviewOn ?? "",
  });
  const [form, setForm] = useState(initial);
  // A reload after another change (upload, publish) brings a new revision: start from it.
  useEffect(() => setForm(initial()), [doc.revision]);
  const { busy, error, run } = useSubmit();
  useEffect(() => {
    governanceApi
      .documentStaff()
      .then((r) => setStaff(r.items))
      .catch(() => setStaff([]));
  }, []);
  const owners = [...new Map(staff.filter((s) => doc.districtIds.includes(s.districtId)).map((s) => [s.id, s])).values()];
  const set = (patch: Partial<ReturnType<typeof initial>>) => setForm({ ...form, ...patch });
  return (
    <section className="card" aria-labelledby="edit-document-heading">
      <h2 id="edit-document-heading">{t("gvEditDocument")}</h2>
      <p>{t("gvEditIntro")}</p>
      <CaseForm
        labelledBy="edit-document-heading"
        error={error}
        busy={busy}
        submitLabel={t("gvSave")}
        onSubmit={() =>
          void run(
            () =>
              governanceApi.updateDocument(doc.id, {
                revision: doc.revision,
                title: form.title,
                kind: form.kind,
                description: form.description,
                processSteps: form.processSteps as never,
                ownerId: form.ownerId,
                decidedBy: (form.decidedBy || null) as never,
                decidedOn: form.decidedOn || null,
                validFrom: form.validFrom || null,
                nextReviewOn: form.nextReviewOn || null,
              }),
            onDone,
          )
        }
      >
        <Field label={t("gvTitle")} required value={form.title} onChange={(e) => set({ title: e.target.value })} />
        <SelectField label={t("gvKind")} value={form.kind} onChange={(kind) => set({ kind: kind as DocumentKind })}>
          {optionsOf(DOCUMENT_KIND_LABELS, lang).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("gvOwner")} value={form.ownerId} onChange={(ownerId) => set({ ownerId })}>
          {!owners.some((o) => o.id === form.ownerId) && <option value={form.ownerId}>{doc.ownerName}</option>}
          {owners.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName}
            </option>
          ))}
        </SelectField>
        <CheckboxGroup
          legend={t("gvProcessSteps")}
          values={form.processSteps}
          onChange={(processSteps) => set({ processSteps })}
          options={optionsOf(PROCESS_STEP_LABELS, lang)}
        />
        <TextAreaField
          label={t("gvDescription")}
          value={form.description}
          onChange={(e) => set({ description: e.target.value })}
        />
        <DecisionFields value={form} onChange={set} error={error} />
      </CaseForm>
    </section>
  );
}

function RevokePanel({ doc, onDone }: { doc: DocumentDetail; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useSubmit();
  return (
    <section className="card" aria-labelledby="revoke-heading">
      <h2 id="revoke-heading">{t("gvRevoke")}</h2>
      <p>{t("gvRevokeIntro")}</p>
      <FormError error={error} />
      {confirming ? (
        <>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => governanceApi.revoke(doc.id, doc.revision), onDone)}
          >
            {t("gvRevokeConfirm")}
          </button>{" "}
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t("gvCancel")}
          </button>
        </>
      ) : (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {t("gvRevoke")}
        </button>
      )}
    </section>
  );
}
