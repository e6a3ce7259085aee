import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import {
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  INSATS_KIND_LABELS,
  INSATS_KINDS,
  LEGAL_FORM_LABELS,
  LEGAL_FORMS,
  PREVENTION_LEVEL_LABELS,
  PREVENTION_LEVELS,
  PROVIDER_KIND_LABELS,
  PROVIDER_KINDS,
} from "../../domain/interventions/vocabulary";
import { type ApiError, api } from "../api";
import { useAuth } from "../auth";
import { asApiError } from "../components/CaseApi";
import { CheckboxField, CheckboxGroup, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Field, SelectField } from "../components/Field";
import { type CatalogueBody, type CatalogueEntry, fieldAt, insatsApi } from "../components/InsatsApi";
import { ScrollTable } from "../components/InsatsParts";
import { useLang } from "../i18n";

type Org = z.infer<typeof organisationResponse>;

/** The insats catalogue (/insatskatalog): the list for everyone, the editor for catalogue:manage. */
export function InsatsCatalogue() {
  const { t } = useLang();
  const { can } = useAuth();
  const manage = can("catalogue:manage");
  const [items, setItems] = useState<CatalogueEntry[] | null>(null);
  const [org, setOrg] = useState<Org | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [editing, setEditing] = useState<CatalogueEntry | "new" | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await insatsApi.catalogue()).items);
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [t]);
  useEffect(() => {
    void load();
    api
      .organisation()
      .then(setOrg)
      .catch(() => setOrg(null));
  }, [load]);

  return (
    <>
      <h1>{t("navCatalogue")}</h1>
      <p>{t("insCatalogueIntro")}</p>
      <section className="card" aria-labelledby="catalogue-heading">
        <h2 id="catalogue-heading">{t("navCatalogue")}</h2>
        <FormError error={error} />
        {items === null && !error && <p role="status">{t("loading")}</p>}
        {items?.length === 0 && <p>{t("insCatalogueEmpty")}</p>}
        {items && items.length > 0 && (
          <CatalogueTable items={items} manage={manage} onEdit={(e) => setEditing(e)} districtCount={org?.districts.length} />
        )}
        {manage && editing === null && (
          <div className="button-row">
            <button type="button" onClick={() => setEditing("new")}>
              {t("insNewEntry")}
            </button>
          </div>
        )}
      </section>
      {manage && editing !== null && (
        <CatalogueEditor
          key={editing === "new" ? "new" : editing.id}
          entry={editing === "new" ? null : editing}
          org={org}
          onDone={async () => {
            setEditing(null);
            await load();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </>
  );
}

function CatalogueTable({
  items,
  manage,
  onEdit,
  districtCount,
}: {
  items: CatalogueEntry[];
  manage: boolean;
  onEdit: (e: CatalogueEntry) => void;
  districtCount: number | undefined;
}) {
  const { t, lang } = useLang();
  return (
    <ScrollTable label={t("navCatalogue")}>
      <table>
        <caption className="visually-hidden">{t("navCatalogue")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("kind")}</th>
            <th scope="col">{t("insProviderKind")}</th>
            <th scope="col">{t("ages")}</th>
            <th scope="col">{t("insPreventionLevel")}</th>
            <th scope="col">{t("insEvidenceStatus")}</th>
            <th scope="col">{t("insLegalForm")}</th>
            <th scope="col">{t("insKsiCode")}</th>
            <th scope="col">{t("insTypicalLength")}</th>
            <th scope="col">{t("insOfferedIn")}</th>
            <th scope="col">{t("status")}</th>
            {manage && (
              <th scope="col">
                <span className="visually-hidden">{t("action")}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                {e.name}
                <span className="hint"> ({e.code})</span>
              </th>
              <td>{INSATS_KIND_LABELS[e.kind][lang]}</td>
              <td>{PROVIDER_KIND_LABELS[e.providerKind][lang]}</td>
              <td>
                {e.targetAgeMin}–{e.targetAgeMax} {t("years")}
              </td>
              <td>{PREVENTION_LEVEL_LABELS[e.preventionLevel][lang]}</td>
              <td>
                <span className={e.evidenceStatus === "avrads" ? "state state-overdue" : undefined}>
                  {e.evidenceStatus === "avrads" && <span aria-hidden="true">⚠ </span>}
                  {e.evidenceStatus === "rekommenderad" && <span aria-hidden="true">✓ </span>}
                  {EVIDENCE_STATUS_LABELS[e.evidenceStatus][lang]}
                </span>
              </td>
              <td>{LEGAL_FORM_LABELS[e.legalForm][lang]}</td>
              <td>{e.ksiCode ?? "—"}</td>
              <td>{e.typicalLengthMonths ? `${e.typicalLengthMonths} ${t("insMonths")}` : "—"}</td>
              <td>
                {e.districtIds.length}
                {districtCount !== undefined ? ` ${t("insOf")} ${districtCount}` : ""} {t("insDistrictsWord")}
              </td>
              <td>{e.active ? t("active") : t("insInactiveEntry")}</td>
              {manage && (
                <td>
                  <button type="button" className="secondary" onClick={() => onEdit(e)}>
                    {t("insEdit")}
                    <span className="visually-hidden"> {e.name}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

type Form = {
  code: string;
  name: string;
  description: string;
  kind: string;
  providerKind: string;
  targetAgeMin: string;
  targetAgeMax: string;
  preventionLevel: string;
  evidenceStatus: string;
  legalForm: string;
  ksiCode: string;
  typicalLengthMonths: string;
  active: boolean;
  districtIds: string[];
};

const toForm = (e: CatalogueEntry | null): Form => ({
  code: e?.code ?? "",
  name: e?.name ?? "",
  description: e?.description ?? "",
  kind: e?.kind ?? "",
  providerKind: e?.providerKind ?? "",
  targetAgeMin: e ? String(e.targetAgeMin) : "0",
  targetAgeMax: e ? String(e.targetAgeMax) : "20",
  preventionLevel: e?.preventionLevel ?? "",
  evidenceStatus: e?.evidenceStatus ?? "",
  legalForm: e?.legalForm ?? "",
  ksiCode: e?.ksiCode ?? "",
  typicalLengthMonths: e?.typicalLengthMonths ? String(e.typicalLengthMonths) : "",
  active: e?.active ?? true,
  districtIds: e?.districtIds ?? [],
});

function toBody(f: Form): CatalogueBody {
  return {
    code: f.code.trim(),
    name: f.name,
    description: f.description,
    kind: f.kind as CatalogueBody["kind"],
    providerKind: f.providerKind as CatalogueBody["providerKind"],
    targetAgeMin: Number(f.targetAgeMin),
    targetAgeMax: Number(f.targetAgeMax),
    preventionLevel: f.preventionLevel as CatalogueBody["preventionLevel"],
    evidenceStatus: f.evidenceStatus as CatalogueBody["evidenceStatus"],
    legalForm: f.legalForm as CatalogueBody["legalForm"],
    ksiCode: f.ksiCode.trim() || null,
    typicalLengthMonths: f.typicalLengthMonths ? Number(f.typicalLengthMonths) : null,
    active: f.active,
    districtIds: f.districtIds,
  };
}

function CatalogueEditor({
  entry,
  org,
  onDone,
  onCancel,
}: {
  entry: CatalogueEntry | null;
  org: Org | null;
  onDone: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState<Form>(() => toForm(entry));
  const { busy, error, run } = useSubmit();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const heading = entry ? `${t("insEditEntry")}: ${entry.name}` : t("insNewEntry");
  return (
    <section className="card" aria-labelledby="catalogue-editor-heading">
      <h2 id="catalogue-editor-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-labelledby="catalogue-editor-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () => (entry ? insatsApi.updateCatalogueEntry(entry.id, toBody(form)) : insatsApi.createCatalogueEntry(toBody(form))),
            onDone,
          );
        }}
      >
        <Field
          label={t("code")}
          hint={t("insCodeHint")}
          value={form.code}
          maxLength={40}
          pattern="[A-Za-z0-9_.\-]{1,40}"
          onChange={(e) => set({ code: e.target.value })}
          error={fieldAt(error, "code")}
          required
        />
        <Field
          label={t("name")}
          value={form.name}
          maxLength={120}
          onChange={(e) => set({ name: e.target.value })}
          error={fieldAt(error, "name")}
          required
        />
        <TextAreaField
          label={`${t("insDescription")} ${t("optional")}`}
          value={form.description}
          maxLength={2_000}
          onChange={(e) => set({ description: e.target.value })}
          error={fieldAt(error, "description")}
        />
        <SelectField
          label={t("kind")}
          value={form.kind}
          onChange={(v) => set({ kind: v })}
          error={fieldAt(error, "kind")}
          required
        >
          <option value="">{t("choose")}</option>
          {INSATS_KINDS.map((k) => (
            <option key={k} value={k}>
              {INSATS_KIND_LABELS[k][lang]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("insProviderKind")}
          value={form.providerKind}
          onChange={(v) => set({ providerKind: v })}
          error={fieldAt(error, "providerKind")}
          required
        >
          <option value="">{t("choose")}</option>
          {PROVIDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {PROVIDER_KIND_LABELS[k][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("insAgeMin")}
          type="number"
          min={0}
          max={30}
          value={form.targetAgeMin}
          onChange={(e) => set({ targetAgeMin: e.target.value })}
          error={fieldAt(error, "targetAgeMin")}
          required
        />
        <Field
          label={t("insAgeMax")}
          type="number"
          min={0}
          max={30}
          value={form.targetAgeMax}
          onChange={(e) => set({ targetAgeMax: e.target.value })}
          error={fieldAt(error, "targetAgeMax")}
          required
        />
        <SelectField
          label={t("insPreventionLevel")}
          value={form.preventionLevel}
          onChange={(v) => set({ preventionLevel: v })}
          error={fieldAt(error, "preventionLevel")}
          required
        >
          <option value="">{t("choose")}</option>
          {PREVENTION_LEVELS.map((k) => (
            <option key={k} value={k}>
              {PREVENTION_LEVEL_LABELS[k][lang]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("insEvidenceStatus")}
          value={form.evidenceStatus}
          onChange={(v) => set({ evidenceStatus: v })}
          error={fieldAt(error, "evidenceStatus")}
          required
        >
          <option value="">{t("choose")}</option>
          {EVIDENCE_STATUSES.map((k) => (
            <option key={k} value={k}>
              {EVIDENCE_STATUS_LABELS[k][lang]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("insLegalForm")}
          value={form.legalForm}
          onChange={(v) => set({ legalForm: v })}
          error={fieldAt(error, "legalForm")}
          required
        >
          <option value="">{t("choose")}</option>
          {LEGAL_FORMS.map((k) => (
            <option key={k} value={k}>
              {LEGAL_FORM_LABELS[k][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={`${t("insKsiCode")} ${t("optional")}`}
          value={form.ksiCode}
          maxLength={40}
          onChange={(e) => set({ ksiCode: e.target.value })}
          error={fieldAt(error, "ksiCode")}
        />
        <Field
          label={`${t("insTypicalLengthMonths")} ${t("optional")}`}
          type="number"
          min={1}
          max={120}
          value={form.typicalLengthMonths}
          onChange={(e) => set({ typicalLengthMonths: e.target.value })}
          error={fieldAt(error, "typicalLengthMonths")}
        />
        <div className="field-wide">
          <CheckboxField label={t("insActiveEntry")} checked={form.active} onChange={(v) => set({ active: v })} />
        </div>
        <CheckboxGroup
          legend={t("insOfferedInDistricts")}
          values={form.districtIds}
          onChange={(v) => set({ districtIds: v })}
          options={(org?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
          error={fieldAt(error, "districtIds")}
        />
        <div className="form-actions button-row">
          <button type="submit" disabled={busy}>
            {t("save")}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
