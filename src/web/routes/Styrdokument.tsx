import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import {
  DECISION_LEVEL_LABELS,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATUS_LABELS,
  PROCESS_STEP_LABELS,
} from "../../domain/governance/labels";
import type { DocumentKind } from "../../domain/governance/styrdokument";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { asApiError } from "../components/CaseApi";
import { CaseForm, CheckboxGroup, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Field, SelectField } from "../components/Field";
import { type DocumentSummary, governanceApi, type Staff } from "../components/GovernanceApi";
import { optionsOf, ReviewStateText, useDistrictsWith, word } from "../components/GovernanceParts";
import { useLang } from "../i18n";

/** The styrdokument register (/styrdokument): every routine and guideline with who decided it, when, and when it is reviewed. */
export function Styrdokument() {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [filter, setFilter] = useState({ status: "", kind: "", processStep: "", q: "" });
  const [items, setItems] = useState<DocumentSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const res = await governanceApi.documents({ ...filter, cursor });
        setItems((prev) => (cursor ? [...(prev ?? []), ...res.items] : res.items));
        setNext(res.nextCursor);
        setError(null);
      } catch (e) {
        setError(asApiError(e, t("error")));
      }
    },
    [filter, t],
  );
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <>
      <h1>{t("gvDocuments")}</h1>
      <p>{t("gvDocumentsIntro")}</p>
      <FormError error={error} />
      <section className="card" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("gvRegister")}</h2>
        <form className="inline-form" aria-label={t("filter")} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t("status")} value={filter.status} onChange={(status) => setFilter({ ...filter, status })}>
            <option value="">{t("gvAll")}</option>
            {optionsOf(DOCUMENT_STATUS_LABELS, lang).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("gvKind")} value={filter.kind} onChange={(kind) => setFilter({ ...filter, kind })}>
            <option value="">{t("gvAll")}</option>
            {optionsOf(DOCUMENT_KIND_LABELS, lang).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("gvProcessStep")}
            value={filter.processStep}
            onChange={(processStep) => setFilter({ ...filter, processStep })}
          >
            <option value="">{t("gvAll")}</option>
            {optionsOf(PROCESS_STEP_LABELS, lang).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </SelectField>
          <Field label={t("gvTitleSearch")} value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.target.value })} />
        </form>
        {items === null ? (
          !error && <p role="status">{t("loading")}</p>
        ) : items.length === 0 ? (
          <p>{t("gvNoDocuments")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("gvRegister")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("gvTitle")}</th>
                  <th scope="col">{t("gvKind")}</th>
                  <th scope="col">{t("status")}</th>
                  <th scope="col">{t("gvDecidedBy")}</th>
                  <th scope="col">{t("gvDecidedOn")}</th>
                  <th scope="col">{t("gvValidFrom")}</th>
                  <th scope="col">{t("gvNextReview")}</th>
                  <th scope="col">{t("gvOwner")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((d) => (
                  <tr key={d.id} className={d.reviewState === "overdue" ? "row-overdue" : undefined}>
                    <th scope="row">
                      <Link to={`/styrdokument/${d.id}`}>{d.title}</Link>
                    </th>
                    <td>{word(DOCUMENT_KIND_LABELS, d.kind, lang)}</td>
                    <td>{word(DOCUMENT_STATUS_LABELS, d.status, lang)}</td>
                    <td>{d.inForce.decidedBy ? word(DECISION_LEVEL_LABELS, d.inForce.decidedBy, lang) : t("gvMissing")}</td>
                    <td>{d.inForce.decidedOn ?? t("gvMissing")}</td>
                    <td>{d.inForce.validFrom ?? "—"}</td>
                    <td>
                      {d.nextReviewOn ?? "—"} {d.status !== "upphavd" && <ReviewStateText state={d.reviewState} />}
                    </td>
                    <td>{d.ownerName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <button type="button" className="secondary" onClick={() => void load(next)}>
            {t("showMore")}
          </button>
        )}
      </section>
      {can("document:manage") && <CreateDocument />}
    </>
  );
}

function CreateDocument() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const districts = useDistrictsWith("document:manage");
  const [staff, setStaff] = useState<Staff[]>([]);
  const [form, setForm] = useState({
    title: "",
    kind: "rutin" as DocumentKind,
    description: "",
    processSteps: [] as string[],
    ownerId: "",
    districtIds: [] as string[],
    decidedBy: "",
    decidedOn: "",
    validFrom: "",
    nextReviewOn: "",
  });
  const { busy, error, run } = useSubmit();
  useEffect(() => {
    governanceApi
      .documentStaff()
      .then((r) => setStaff(r.items))
      .catch(() => setStaff([]));
  }, []);
  const ids = form.districtIds.length ? form.districtIds : districts.length === 1 ? [districts[0]?.id as string] : [];
  const owners = [...new Map(staff.filter((s) => ids.includes(s.districtId)).map((s) => [s.id, s])).values()];
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  return (
    <section className="card" aria-labelledby="new-document-heading">
      <h2 id="new-document-heading">{t("gvNewDocument")}</h2>
      <CaseForm
        labelledBy="new-document-heading"
        error={error}
        busy={busy}
        submitLabel={t("gvRegisterDocument")}
        onSubmit={() =>
          void run(async () => {
            const created = await governanceApi.createDocument({
              title: form.title,
              kind: form.kind,
              description: form.description,
              processSteps: form.processSteps as never,
              ownerId: form.ownerId,
              districtIds: ids,
              decidedBy: (form.decidedBy || null) as never,
              decidedOn: form.decidedOn || null,
              validFrom: form.validFrom || null,
              nextReviewOn: form.nextReviewOn || null,
            });
            navigate(`/styrdokument/${created.id}`);
          })
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
        {districts.length > 1 && (
          <CheckboxGroup
            legend={t("gvDistricts")}
            values={form.districtIds}
            onChange={(districtIds) => set({ districtIds })}
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <SelectField label={t("gvOwner")} required value={form.ownerId} onChange={(ownerId) => set({ ownerId })}>
          <option value="">{t("gvChoose")}</option>
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
        <DecisionFields value={form} onChange={set} />
      </CaseForm>
    </section>
  );
}

/** Decided by, decision date, valid from and next review: optional while a draft, required to publish. */
export function DecisionFields({
  value,
  onChange,
  error,
}: {
  value: { decidedBy: string; decidedOn: string; validFrom: string; nextReviewOn: string };
  onChange: (patch: Partial<{ decidedBy: string; decidedOn: string; validFrom: string; nextReviewOn: string }>) => void;
  error?: ApiError | null;
}) {
  const { t, lang } = useLang();
  return (
    <fieldset className="choice-group">
      <legend>{t("gvDecision")}</legend>
      <SelectField
        label={t("gvDecidedBy")}
        value={value.decidedBy}
        onChange={(decidedBy) => onChange({ decidedBy })}
        error={error?.fieldMessage("decidedBy")}
      >
        <option value="">{t("gvNotDecided")}</option>
        {optionsOf(DECISION_LEVEL_LABELS, lang).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("gvDecidedOn")}
        type="date"
        value={value.decidedOn}
        onChange={(e) => onChange({ decidedOn: e.target.value })}
        error={error?.fieldMessage("decidedOn")}
      />
      <Field
        label={t("gvValidFrom")}
        hint={t("gvValidFromHint")}
        type="date"
        value={value.validFrom}
        onChange={(e) => onChange({ validFrom: e.target.value })}
        error={error?.fieldMessage("validFrom")}
      />
      <Field
        label={t("gvNextReview")}
        type="date"
        value={value.nextReviewOn}
        onChange={(e) => onChange({ nextReviewOn: e.target.value })}
        error={error?.fieldMessage("nextReviewOn")}
      />
    </fieldset>
  );
}
