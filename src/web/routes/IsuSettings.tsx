import { useCallback, useEffect, useId, useRef, useState } from "react";
import {
  MEASUREMENT_POINT_LABELS,
  MEASUREMENT_POINTS,
  type MeasurementPoint,
  RESPONDENT_LABELS,
  RESPONDENTS,
  type Respondent,
  SCALE_KINDS,
} from "../../domain/effects/vocabulary";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { CheckboxField, CheckboxGroup, FormError, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { type CatalogueEntry, fieldAt, insatsApi } from "../components/InsatsApi";
import { ScrollTable } from "../components/InsatsParts";
import { type IsuScaleBody, isuApi, type IsuSettings as Settings } from "../components/IsuApi";
import { type Lang, useLang } from "../i18n";

type Scale = Settings["scales"][number];

const num = (v: number | null, lang: Lang) =>
  v === null ? "—" : new Intl.NumberFormat(lang === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 3 }).format(v);

/** The ISU settings (/isu-installningar): scales, the satisfaction survey and the measurement plans. */
export function IsuSettings() {
  const { t } = useLang();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [catalogue, setCatalogue] = useState<CatalogueEntry[]>([]);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setSettings(await isuApi.settings());
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [t]);
  useEffect(() => {
    void load();
    insatsApi.catalogue().then(
      (c) => setCatalogue(c.items),
      () => setCatalogue([]),
    );
  }, [load]);

  return (
    <>
      <h1>{t("efSettingsTitle")}</h1>
      <p>{t("efSettingsIntro")}</p>
      <FormError error={error} />
      {settings === null && !error && <p role="status">{t("loading")}</p>}
      {settings && (
        <>
          <ScalesSection scales={settings.scales} onSaved={load} />
          <QuestionsSection
            key={settings.questions.map((q) => `${q.key}${q.position}`).join()}
            settings={settings}
            onSaved={load}
          />
          <PlanSection settings={settings} catalogue={catalogue} onSaved={load} />
        </>
      )}
    </>
  );
}

// ── Scales ────────────────────────────────────────────────────────────────────────────────────────

function ScalesSection({ scales, onSaved }: { scales: Scale[]; onSaved: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [editing, setEditing] = useState<Scale | "new" | null>(null);
  const [saved, setSaved] = useState(false);
  const title = t("efScales");
  return (
    <section className="card" aria-labelledby="isu-scales">
      <h2 id="isu-scales">{title}</h2>
      {saved && <Alert kind="success">{t("efSaved")}</Alert>}
      {scales.length === 0 ? (
        <p>{t("efNoScalesYet")}</p>
      ) : (
        <ScrollTable label={title}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("efKey")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("efRange")}</th>
                <th scope="col">{t("efDirection")}</th>
                <th scope="col" className="num">
                  {t("efReliability")}
                </th>
                <th scope="col" className="num">
                  {t("efReferenceSd")}
                </th>
                <th scope="col" className="num">
                  {t("efCutoff")}
                </th>
                <th scope="col">{t("status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("efActions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {scales.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    {s.name}
                    {s.question && <span className="hint ef-block">{s.question}</span>}
                  </th>
                  <td>{s.key}</td>
                  <td>
                    {t(s.kind === "rating" ? "efKindRating" : "efKindInstrument")}
                    {s.instrumentKey && <span className="hint"> ({s.instrumentKey})</span>}
                  </td>
                  <td>
                    {s.min}
                    {s.minLabel && ` (${s.minLabel})`} – {s.max}
                    {s.maxLabel && ` (${s.maxLabel})`}
                  </td>
                  <td>{t(s.higherIsBetter ? "efHigherBetter" : "efLowerBetter")}</td>
                  <td className="num">{num(s.reliability, lang)}</td>
                  <td className="num">{num(s.referenceSd, lang)}</td>
                  <td className="num">{num(s.cutoff, lang)}</td>
                  <td>{s.active ? t("active") : t("efInactive")}</td>
                  <td>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        setSaved(false);
                        setEditing(s);
                      }}
                    >
                      {t("insEdit")}
                      <span className="visually-hidden"> {s.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {editing === null ? (
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              setSaved(false);
              setEditing("new");
            }}
          >
            {t("efNewScale")}
          </button>
        </div>
      ) : (
        <ScaleEditor
          key={editing === "new" ? "new" : editing.id}
          scale={editing === "new" ? null : editing}
          onDone={async () => {
            setEditing(null);
            setSaved(true);
            await onSaved();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

type ScaleForm = {
  key: string;
  name: string;
  question: string;
  kind: string;
  min: string;
  max: string;
  minLabel: string;
  maxLabel: string;
  higherIsBetter: boolean;
  reliability: string;
  referenceSd: string;
  cutoff: string;
  instrumentKey: string;
  active: boolean;
};

const str = (v: number | null) => (v === null ? "" : String(v));
const toScaleForm = (s: Scale | null): ScaleForm => ({
  key: s?.key ?? "",
  name: s?.name ?? "",
  question: s?.question ?? "",
  kind: s?.kind ?? "rating",
  min: s ? String(s.min) : "1",
  max: s ? String(s.max) : "10",
  minLabel: s?.minLabel ?? "",
  maxLabel: s?.maxLabel ?? "",
  higherIsBetter: s?.higherIsBetter ?? true,
  reliability: str(s?.reliability ?? null),
  referenceSd: str(s?.referenceSd ?? null),
  cutoff: str(s?.cutoff ?? null),
  instrumentKey: s?.instrumentKey ?? "",
  active: s?.active ?? true,
});
/** Decimal comma accepted. */
const decimal = (v: string) => (v.trim() === "" ? null : Number(v.trim().replace(",", ".")));

function toScaleBody(f: ScaleForm): IsuScaleBody {
  return {
    key: f.key.trim(),
    name: f.name,
    question: f.question,
    kind: f.kind as IsuScaleBody["kind"],
    min: Number(f.min),
    max: Number(f.max),
    minLabel: f.minLabel,
    maxLabel: f.maxLabel,
    higherIsBetter: f.higherIsBetter,
    reliability: decimal(f.reliability),
    referenceSd: decimal(f.referenceSd),
    cutoff: decimal(f.cutoff),
    instrumentKey: f.kind === "instrument" ? f.instrumentKey.trim() || null : null,
    active: f.active,
  };
}

function ScaleEditor({ scale, onDone, onCancel }: { scale: Scale | null; onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useLang();
  const [form, setForm] = useState<ScaleForm>(() => toScaleForm(scale));
  const { busy, error, run } = useSubmit();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const set = (patch: Partial<ScaleForm>) => setForm((f) => ({ ...f, ...patch }));
  const heading = scale ? `${t("efEditScale")}: ${scale.name}` : t("efNewScale");
  const opt = (label: string) => `${label} ${t("optional")}`;
  return (
    <div className="ef-editor">
      <h3 id="isu-scale-editor" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-labelledby="isu-scale-editor"
        onSubmit={(e) => {
          e.preventDefault();
          const body = toScaleBody(form);
          void run(() => (scale ? isuApi.updateScale(scale.id, body) : isuApi.createScale(body)), onDone);
        }}
      >
        <Field
          label={t("efKey")}
          hint={t("efKeyHint")}
          value={form.key}
          maxLength={40}
          pattern="[a-z0-9][a-z0-9_\-]{0,39}"
          onChange={(e) => set({ key: e.target.value })}
          error={fieldAt(error, "key")}
          required
        />
        <Field
          label={t("name")}
          value={form.name}
          maxLength={80}
          onChange={(e) => set({ name: e.target.value })}
          error={fieldAt(error, "name")}
          required
        />
        <Field
          label={opt(t("efQuestion"))}
          hint={t("efQuestionHint")}
          value={form.question}
          maxLength={200}
          onChange={(e) => set({ question: e.target.value })}
          error={fieldAt(error, "question")}
        />
        <SelectField
          label={t("kind")}
          value={form.kind}
          onChange={(v) => set({ kind: v })}
          error={fieldAt(error, "kind")}
          required
        >
          {SCALE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(k === "rating" ? "efKindRating" : "efKindInstrument")}
            </option>
          ))}
        </SelectField>
        {form.kind === "instrument" && (
          <Field
            label={t("efInstrumentKey")}
            value={form.instrumentKey}
            maxLength={60}
            onChange={(e) => set({ instrumentKey: e.target.value })}
            error={fieldAt(error, "instrumentKey")}
            required
          />
        )}
        <Field
          label={t("efMin")}
          type="number"
          step={1}
          min={-1000}
          max={1000}
          value={form.min}
          onChange={(e) => set({ min: e.target.value })}
          error={fieldAt(error, "min")}
          required
        />
        <Field
          label={t("efMax")}
          type="number"
          step={1}
          min={-1000}
          max={1000}
          value={form.max}
          onChange={(e) => set({ max: e.target.value })}
          error={fieldAt(error, "max")}
          required
        />
        <Field
          label={opt(t("efMinLabel"))}
          value={form.minLabel}
          maxLength={40}
          onChange={(e) => set({ minLabel: e.target.value })}
          error={fieldAt(error, "minLabel")}
        />
        <Field
          label={opt(t("efMaxLabel"))}
          value={form.maxLabel}
          maxLength={40}
          onChange={(e) => set({ maxLabel: e.target.value })}
          error={fieldAt(error, "maxLabel")}
        />
        <Field
          label={opt(t("efReliability"))}
          hint={t("efReliabilityHint")}
          inputMode="decimal"
          value={form.reliability}
          onChange={(e) => set({ reliability: e.target.value })}
          error={fieldAt(error, "reliability")}
        />
        <Field
          label={opt(t("efReferenceSd"))}
          hint={t("efReferenceSdHint")}
          inputMode="decimal"
          value={form.referenceSd}
          onChange={(e) => set({ referenceSd: e.target.value })}
          error={fieldAt(error, "referenceSd")}
        />
        <Field
          label={opt(t("efCutoff"))}
          hint={t("efCutoffHint")}
          inputMode="decimal"
          value={form.cutoff}
          onChange={(e) => set({ cutoff: e.target.value })}
          error={fieldAt(error, "cutoff")}
        />
        <div className="field-wide">
          <CheckboxField
            label={t("efHigherIsBetter")}
            checked={form.higherIsBetter}
            onChange={(v) => set({ higherIsBetter: v })}
          />
          <CheckboxField label={t("efActiveScale")} checked={form.active} onChange={(v) => set({ active: v })} />
        </div>
        <div className="form-actions button-row">
          <button type="submit" disabled={busy}>
            {t("save")}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}

// ── Survey questions ──────────────────────────────────────────────────────────────────────────────

type QuestionForm = { id: string; key: string; textSv: string; textEn: string; active: boolean; isNew: boolean };

function QuestionsSection({ settings, onSaved }: { settings: Settings; onSaved: () => Promise<void> }) {
  const { t } = useLang();
  const [rows, setRows] = useState<QuestionForm[]>(() =>
    [...settings.questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => ({ id: q.id, key: q.key, textSv: q.textSv, textEn: q.textEn, active: q.active, isNew: false })),
  );
  const [saved, setSaved] = useState(false);
  const [status, setStatus] = useState("");
  const { busy, error, run } = useSubmit();
  const counter = useRef(0);
  const patch = (i: number, p: Partial<QuestionForm>) => setRows((r) => r.map((q, j) => (j === i ? { ...q, ...p } : q)));
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    const next = [...rows];
    [next[i], next[j]] = [next[j] as QuestionForm, next[i] as QuestionForm];
    setRows(next);
    setStatus(t("efMoved").replace("{n}", String(j + 1)));
    // Keep focus on the same button of the moved question.
    requestAnimationFrame(() => document.getElementById(`isu-q-${next[j]?.id}-${by < 0 ? "up" : "down"}`)?.focus());
  };
  const remove = (i: number) => setRows((r) => r.filter((_, j) => j !== i));
  return (
    <section className="card" aria-labelledby="isu-questions">
      <h2 id="isu-questions">{t("efQuestions")}</h2>
      <p>{t("efQuestionsIntro")}</p>
      <FormError error={error} />
      {saved && <Alert kind="success">{t("efSaved")}</Alert>}
      <p className="visually-hidden" role="status">
        {status}
      </p>
      <form
        aria-labelledby="isu-questions"
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void run(
            () =>
              isuApi.setQuestions({
                questions: rows.map((q) => ({ key: q.key.trim(), textSv: q.textSv, textEn: q.textEn, active: q.active })),
              }),
            async () => {
              setSaved(true);
              await onSaved();
            },
          );
        }}
      >
        <ol className="ef-questions">
          {rows.map((q, i) => (
            <li key={q.id}>
              <fieldset className="ef-question">
                <legend>
                  {t("efQuestionN").replace("{n}", String(i + 1))}
                  {!q.isNew && <span className="hint"> ({q.key})</span>}
                </legend>
                <div className="grid-form">
                  {q.isNew && (
                    <Field
                      label={t("efKey")}
                      hint={t("efKeyHint")}
                      value={q.key}
                      maxLength={40}
                      pattern="[a-z0-9][a-z0-9_\-]{0,39}"
                      onChange={(e) => patch(i, { key: e.target.value })}
                      error={fieldAt(error, `questions.${i}.key`)}
                      required
                    />
                  )}
                  <Field
                    label={t("efTextSv")}
                    value={q.textSv}
                    maxLength={200}
                    onChange={(e) => patch(i, { textSv: e.target.value })}
                    error={fieldAt(error, `questions.${i}.textSv`)}
                    required
                  />
                  <Field
                    label={t("efTextEn")}
                    value={q.textEn}
                    maxLength={200}
                    onChange={(e) => patch(i, { textEn: e.target.value })}
                    error={fieldAt(error, `questions.${i}.textEn`)}
                    required
                  />
                  <CheckboxField label={t("active")} checked={q.active} onChange={(v) => patch(i, { active: v })} />
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="secondary"
                    id={`isu-q-${q.id}-up`}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <span aria-hidden="true">↑ </span>
                    {t("efMoveUp")}
                    <span className="visually-hidden"> {t("efQuestionN").replace("{n}", String(i + 1))}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    id={`isu-q-${q.id}-down`}
                    disabled={i === rows.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <span aria-hidden="true">↓ </span>
                    {t("efMoveDown")}
                    <span className="visually-hidden"> {t("efQuestionN").replace("{n}", String(i + 1))}</span>
                  </button>
                  {q.isNew && (
                    <button type="button" className="secondary" onClick={() => remove(i)}>
                      {t("efRemove")}
                      <span className="visually-hidden"> {t("efQuestionN").replace("{n}", String(i + 1))}</span>
                    </button>
                  )}
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <p className="hint">{t("efQuestionsHint")}</p>
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            disabled={rows.length >= 12}
            onClick={() => {
              counter.current += 1;
              setRows((r) => [
                ...r,
                { id: `new-${counter.current}`, key: "", textSv: "", textEn: "", active: true, isNew: true },
              ]);
            }}
          >
            {t("efAddQuestion")}
          </button>
          <button type="submit" disabled={busy || rows.length === 0}>
            {t("efSaveQuestions")}
          </button>
        </div>
      </form>
    </section>
  );
}

// ── Measurement plans ─────────────────────────────────────────────────────────────────────────────

type PlanRowForm = { id: number; scaleId: string; points: string[]; intervalMonths: string; respondents: string[] };

function PlanSection({
  settings,
  catalogue,
  onSaved,
}: {
  settings: Settings;
  catalogue: CatalogueEntry[];
  onSaved: () => Promise<void>;
}) {
  const { t } = useLang();
  const [catalogueId, setCatalogueId] = useState("");
  const entry = catalogue.find((c) => c.id === catalogueId);
  const planned = new Set(settings.plans.map((p) => p.catalogueId));
  return (
    <section className="card" aria-labelledby="isu-plans">
      <h2 id="isu-plans">{t("efPlans")}</h2>
      <p>{t("efPlansIntro")}</p>
      <div className="inline-form">
        <SelectField label={t("efPlanFor")} value={catalogueId} onChange={setCatalogueId}>
          <option value="">{t("choose")}</option>
          {catalogue.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {planned.has(c.id) ? ` — ${t("efHasPlan")}` : ""}
            </option>
          ))}
        </SelectField>
      </div>
      {entry && (
        <PlanEditor
          key={`${entry.id}:${settings.plans.length}`}
          entry={entry}
          scales={settings.scales}
          rows={settings.plans.filter((p) => p.catalogueId === entry.id)}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

function PlanEditor({
  entry,
  scales,
  rows: initial,
  onSaved,
}: {
  entry: CatalogueEntry;
  scales: Scale[];
  rows: Settings["plans"];
  onSaved: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = useId();
  const counter = useRef(initial.length);
  const [rows, setRows] = useState<PlanRowForm[]>(() =>
    initial.map((r, i) => ({
      id: i,
      scaleId: r.scaleId,
      points: [...r.points],
      intervalMonths: r.intervalMonths === null ? "" : String(r.intervalMonths),
      respondents: [...r.respondents],
    })),
  );
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();
  const patch = (i: number, p: Partial<PlanRowForm>) => setRows((r) => r.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const scaleName = (id: string) => scales.find((s) => s.id === id)?.name ?? t("efRowN");
  const pointOptions = MEASUREMENT_POINTS.map((p) => ({ value: p, label: MEASUREMENT_POINT_LABELS[p][lang] }));
  const respondentOptions = RESPONDENTS.map((r) => ({ value: r, label: RESPONDENT_LABELS[r][lang] }));
  return (
    <div className="ef-editor">
      <h3 id={headingId}>
        {t("efPlanOf")}: {entry.name}
      </h3>
      {entry.evidenceStatus === "avrads" && (
        <p className="state state-overdue">
          <span aria-hidden="true">⚠ </span>
          {t("efAvrads")}
        </p>
      )}
      <FormError error={error} />
      {saved && <Alert kind="success">{t("efSaved")}</Alert>}
      <form
        aria-labelledby={headingId}
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          void run(
            () =>
              isuApi.setMeasurementPlan(entry.id, {
                rows: rows.map((r) => ({
                  scaleId: r.scaleId,
                  points: r.points as MeasurementPoint[],
                  intervalMonths: r.points.includes("interim") && r.intervalMonths ? Number(r.intervalMonths) : null,
                  respondents: r.respondents as Respondent[],
                })),
              }),
            async () => {
              setSaved(true);
              await onSaved();
            },
          );
        }}
      >
        {rows.length === 0 && <p>{t("efPlanEmpty")}</p>}
        <ol className="ef-plan-rows">
          {rows.map((r, i) => (
            <li key={r.id}>
              <fieldset className="ef-question">
                <legend>
                  {i + 1}. {r.scaleId ? scaleName(r.scaleId) : t("efRowN")}
                </legend>
                <div className="grid-form">
                  <SelectField
                    label={t("efScale")}
                    value={r.scaleId}
                    onChange={(v) => patch(i, { scaleId: v })}
                    error={fieldAt(error, `rows.${i}.scaleId`)}
                    required
                  >
                    <option value="">{t("choose")}</option>
                    {scales
                      .filter((s) => s.active || s.id === r.scaleId)
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                  </SelectField>
                  <CheckboxGroup
                    legend={t("efPoints")}
                    values={r.points}
                    onChange={(v) => patch(i, { points: MEASUREMENT_POINTS.filter((p) => v.includes(p)) })}
                    options={pointOptions}
                    error={fieldAt(error, `rows.${i}.points`)}
                  />
                  {r.points.includes("interim") && (
                    <Field
                      label={t("efIntervalMonths")}
                      type="number"
                      min={1}
                      max={24}
                      step={1}
                      value={r.intervalMonths}
                      onChange={(e) => patch(i, { intervalMonths: e.target.value })}
                      error={fieldAt(error, `rows.${i}.intervalMonths`)}
                      required
                    />
                  )}
                  <CheckboxGroup
                    legend={t("efRespondents")}
                    values={r.respondents}
                    onChange={(v) => patch(i, { respondents: RESPONDENTS.filter((p) => v.includes(p)) })}
                    options={respondentOptions}
                    error={fieldAt(error, `rows.${i}.respondents`)}
                  />
                </div>
                <div className="button-row">
                  <button type="button" className="secondary" onClick={() => setRows((x) => x.filter((_, j) => j !== i))}>
                    {t("efRemove")}
                    <span className="visually-hidden">
                      {" "}
                      {i + 1}. {r.scaleId ? scaleName(r.scaleId) : t("efRowN")}
                    </span>
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="button-row">
          <button
            type="button"
            className="secondary"
            disabled={rows.length >= 20}
            onClick={() => {
              counter.current += 1;
              setRows((x) => [
                ...x,
                { id: counter.current, scaleId: "", points: ["start", "end"], intervalMonths: "", respondents: ["handlaggare"] },
              ]);
            }}
          >
            {t("efAddRow")}
          </button>
          <button type="submit" disabled={busy}>
            {t("efSavePlan")}
          </button>
        </div>
      </form>
    </div>
  );
}
