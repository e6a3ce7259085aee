import { useState } from "react";
import { SOURCE_UNIT_LABELS, SOURCE_UNITS } from "../../domain/lagesbild/definitions";
import { useLang } from "../i18n";
import { FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";
import { type LagesbildDetail, lagesbildApi, type ManualSourceInput } from "./LagesbildApi";

type Source = Omit<ManualSourceInput, "value"> & { value: string };
const blank = (year: number): Source => ({
  label: "",
  value: "",
  unit: "antal",
  periodFrom: `${year}-01-01`,
  periodTo: `${year}-12-31`,
  source: "",
  note: "",
});

/**
 * The analysis (4 § 3) and the manual sources (4 § 2) of a lägesbild not yet decided: saving
 * makes a new version on the one shown (a change by someone else in between is refused).
 */
export function LagesbildEditor({ l, onSaved }: { l: LagesbildDetail; onSaved: () => void }) {
  const { t, lang } = useLang();
  const [analysis, setAnalysis] = useState(l.analysis);
  const [sources, setSources] = useState<Source[]>(l.sources.map((s) => ({ ...s, value: String(s.value) })));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const set = (i: number, patch: Partial<Source>) => setSources((all) => all.map((s, k) => (k === i ? { ...s, ...patch } : s)));
  const fieldError = (i: number, name: string) => error?.fields.find((f) => f.path === `body.sources.${i}.${name}`)?.message;

  return (
    <section className="card" aria-labelledby="lb-edit">
      <h2 id="lb-edit">
        {t("lbSources")} / {t("lbAnalysis")}
      </h2>
      {saved && <Alert kind="success">{t("lbSaved")}</Alert>}
      <FormError error={error} />
      <form
        aria-labelledby="lb-edit"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void run(
            () =>
              lagesbildApi.update(l.id, {
                analysis,
                sources: sources.map((s) => ({ ...s, value: s.value.trim() === "" ? Number.NaN : Number(s.value) })),
                baseVersion: l.latestVersion,
              }),
            () => {
              setSaved(true);
              onSaved();
            },
          );
        }}
      >
        {sources.map((s, i) => (
          <fieldset key={i} className="grid-form">
            <legend>
              {t("lbSource")} {i + 1}
            </legend>
            <Field
              label={t("lbLabel")}
              value={s.label}
              required
              maxLength={200}
              onChange={(e) => set(i, { label: e.target.value })}
            />
            <Field
              label={t("lbValue")}
              type="number"
              step="any"
              value={s.value}
              required
              onChange={(e) => set(i, { value: e.target.value })}
              error={fieldError(i, "value")}
            />
            <SelectField label={t("lbUnit")} value={s.unit} onChange={(v) => set(i, { unit: v as Source["unit"] })} required>
              {SOURCE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {SOURCE_UNIT_LABELS[u][lang]}
                </option>
              ))}
            </SelectField>
            <Field
              label={t("lbPeriodFrom")}
              type="date"
              value={s.periodFrom}
              required
              onChange={(e) => set(i, { periodFrom: e.target.value })}
            />
            <Field
              label={t("lbPeriodTo")}
              type="date"
              value={s.periodTo}
              required
              onChange={(e) => set(i, { periodTo: e.target.value })}
              error={fieldError(i, "periodTo")}
            />
            <Field
              label={t("lbSource")}
              value={s.source}
              required
              maxLength={200}
              onChange={(e) => set(i, { source: e.target.value })}
            />
            <Field label={t("lbNote")} value={s.note} maxLength={1000} onChange={(e) => set(i, { note: e.target.value })} />
            <div className="form-actions">
              <button type="button" className="secondary" onClick={() => setSources((all) => all.filter((_, k) => k !== i))}>
                {t("lbRemove")}
              </button>
            </div>
          </fieldset>
        ))}
        <p>
          <button type="button" className="secondary" onClick={() => setSources((all) => [...all, blank(l.year)])}>
            {t("lbAddSource")}
          </button>
        </p>
        <TextAreaField label={t("lbAnalysis")} value={analysis} rows={8} onChange={(e) => setAnalysis(e.target.value)} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("lbSave")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Records the decision of the kommunstyrelse or nämnd: locks the lägesbild. */
export function LagesbildDecide({ l, onDone }: { l: LagesbildDetail; onDone: () => void }) {
  const { t } = useLang();
  const [body, setBody] = useState("");
  const [decidedOn, setDecidedOn] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <section className="card" aria-labelledby="lb-decide">
      <h2 id="lb-decide">{t("lbDecide")}</h2>
      <p className="hint">{t("lbDecideHint")}</p>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-labelledby="lb-decide"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => lagesbildApi.decide(l.id, { body, decidedOn }), onDone);
        }}
      >
        <Field label={t("lbDecidingBody")} value={body} required maxLength={200} onChange={(e) => setBody(e.target.value)} />
        <Field label={t("lbDecidedOn")} type="date" value={decidedOn} required onChange={(e) => setDecidedOn(e.target.value)} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("lbDecide")}
          </button>
        </div>
      </form>
    </section>
  );
}
