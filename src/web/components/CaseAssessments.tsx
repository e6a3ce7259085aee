import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { caseAccepts } from "../../domain/case-flow";
import { fitsAge, type InstrumentDefinition } from "../../domain/instruments/definition";
import { GAS_MAX, GAS_MIN } from "../../domain/instruments/gas";
import { type Answers, type Score, score } from "../../domain/instruments/scoring";
import { stockholmToday } from "../../domain/time";
import { type ApiError, api } from "../api";
import { formatDateTime, useLang } from "../i18n";
import {
  type AssessmentDetail,
  type AssessmentSummary,
  assessmentApi,
  type InstrumentSummary,
  parseStoredDefinition,
} from "./AssessmentApi";
import { asApiError } from "./CaseApi";
import { CheckboxField, FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";

/*
 * Structured assessments of one investigation: the list, a form for drafts (live scoring with the
 * domain's score()), signing, and the read-only view with the change since the previous assessment.
 */

type Open = { mode: "new" } | { mode: "show"; id: string } | null;
type Goal = { id: string; label: string };

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : String(Math.round(n * 10) / 10));
const signed = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : "0";

/** The headline figure: T-score for GAS, otherwise the risk total (and the protective total if any). */
function totalText(kind: "items" | "gas", s: Score, t: (k: "tScore" | "protective") => string): string {
  if (kind === "gas") return `${t("tScore")} ${fmt(s.tScore)}`;
  return s.protectiveTotal ? `${s.riskTotal} (${t("protective").toLowerCase()} ${s.protectiveTotal})` : String(s.riskTotal);
}

/** Licensed templates carry only the item code as label: show it once. */
const itemName = (id: string, label: string) => (label === id ? id : `${id} ${label}`);

export function CaseAssessments({
  caseId,
  investigationId,
  birthDate,
  canWrite,
  caseClosed = false,
}: {
  caseId: string;
  /** null: the case's assessments outside any investigation (re-assessments during an insats). */
  investigationId: string | null;
  birthDate: string;
  canWrite: boolean;
  /** A closed case takes no new assessment (caseAccepts); its drafts can still be finished. */
  caseClosed?: boolean;
}) {
  const { t, lang } = useLang();
  const headingId = `assessments-${investigationId ?? "case"}`;
  const [items, setItems] = useState<AssessmentSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState("");
  const newButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  const load = useCallback(async () => {
    try {
      const res = await assessmentApi.assessments(caseId);
      setItems(res.items.filter((a) => a.investigationId === investigationId));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [caseId, investigationId, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const close = () => {
    returnFocus.current = true;
    setOpen(null);
  };
  // Back to the "Ny bedömning" button once the panel has closed and the button is rendered again.
  useEffect(() => {
    if (open === null && returnFocus.current) {
      returnFocus.current = false;
      newButton.current?.focus();
    }
  }, [open]);

  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{investigationId ? t("assessments") : t("assessmentsOutsideInvestigation")}</h4>
      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
      <FormError error={error} />
      {items === null && !error && <p role="status">{t("loading")}</p>}
      {items?.length === 0 && <p>{t("noAssessments")}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("assessments")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("instrument")}</th>
                <th scope="col">{t("assessedOn")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("total")}</th>
                <th scope="col">{t("band")}</th>
                <th scope="col">{t("judgement")}</th>
                <th scope="col">{t("signedBy")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("action")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.instrument.name} <span className="hint">{a.instrument.version}</span>
                  </th>
                  <td>{a.assessedOn}</td>
                  <td>
                    {a.status === "signed" ? (
                      <span className="signed">
                        <span aria-hidden="true">✓ </span>
                        {t("signed")}
                      </span>
                    ) : (
                      <span className="unsigned">{t("draft")}</span>
                    )}
                  </td>
                  <td>{totalText(a.instrument.kind, a.score, t)}</td>
                  <td>{a.score.band?.label ?? "—"}</td>
                  <td>{a.judgementLabel ?? "—"}</td>
                  <td>
                    {a.signedByName ?? "—"}
                    {a.signedAt && <span className="hint"> {formatDateTime(a.signedAt, lang)}</span>}
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => setOpen({ mode: "show", id: a.id })}>
                      {a.status === "draft" && canWrite ? t("editAssessment") : t("showAssessment")}
                      <span className="visually-hidden">
                        {" "}
                        {a.instrument.name} {a.assessedOn}
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && caseAccepts(caseClosed, "assessment") && open === null && (
        <button type="button" ref={newButton} onClick={() => setOpen({ mode: "new" })}>
          {t("newAssessment")}
        </button>
      )}
      {open?.mode === "new" && (
        <AssessmentEditor
          caseId={caseId}
          investigationId={investigationId}
          birthDate={birthDate}
          existing={null}
          onClose={close}
          onChanged={async (id, msg) => {
            setNotice(msg);
            await load();
            setOpen({ mode: "show", id });
          }}
        />
      )}
      {open?.mode === "show" && (
        <AssessmentLoader
          key={open.id}
          id={open.id}
          caseId={caseId}
          investigationId={investigationId}
          birthDate={birthDate}
          canWrite={canWrite}
          onClose={close}
          onChanged={async (id, msg) => {
            setNotice(msg);
            await load();
            setOpen({ mode: "show", id });
          }}
        />
      )}
    </section>
  );
}

type Changed = (id: string, notice: string) => Promise<void>;

function AssessmentLoader(props: {
  id: string;
  caseId: string;
  investigationId: string | null;
  birthDate: string;
  canWrite: boolean;
  onClose: () => void;
  onChanged: Changed;
}) {
  const { t } = useLang();
  const [detail, setDetail] = useState<AssessmentDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    assessmentApi
      .assessment(props.id)
      .then(setDetail)
      .catch((e) => setError(asApiError(e, t("error"))));
  }, [props.id, t]);
  if (error) return <FormError error={error} />;
  if (!detail) return <p role="status">{t("loading")}</p>;
  if (detail.status === "draft" && props.canWrite) return <AssessmentEditor {...props} existing={detail} />;
  return <AssessmentView detail={detail} onClose={props.onClose} />;
}

/** A heading that takes focus when the panel opens, so keyboard and screen-reader users land on it. */
function PanelHeading({ children }: { children: React.ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h5 ref={ref} tabIndex={-1}>
      {children}
    </h5>
  );
}

/** fitsAge only reads the age range, which the instrument list already carries. */
const fitsSummary = (i: InstrumentSummary, birthDate: string, on: string) =>
  fitsAge({ ageRange: i.ageRange } as InstrumentDefinition, birthDate, on);

const nextGoalId = (goals: Goal[]) => {
  const n = goals.reduce((max, g) => Math.max(max, Number(/^M(\d+)$/.exec(g.id)?.[1] ?? 0)), 0);
  return `M${n + 1}`;
};

function AssessmentEditor({
  caseId,
  investigationId,
  birthDate,
  existing,
  onClose,
  onChanged,
}: {
  caseId: string;
  investigationId: string | null;
  birthDate: string;
  existing: AssessmentDetail | null;
  onClose: () => void;
  onChanged: Changed;
}) {
  const { t } = useLang();
  const [instruments, setInstruments] = useState<InstrumentSummary[]>([]);
  const [showAll, setShowAll] = useState(false);
  const [instrumentId, setInstrumentId] = useState(existing?.instrument.id ?? "");
  const [def, setDef] = useState<InstrumentDefinition | null>(() =>
    existing ? parseStoredDefinition(existing.definition) : null,
  );
  const [assessedOn, setAssessedOn] = useState(existing?.assessedOn ?? stockholmToday());
  const [answers, setAnswers] = useState<Record<string, number | null>>(existing?.answers ?? {});
  const [goals, setGoals] = useState<Goal[]>(existing?.goals ?? []);
  const [judgement, setJudgement] = useState(existing?.judgement ?? "");
  const [judgementReason, setJudgementReason] = useState(existing?.judgementReason ?? "");
  const [ageOverrideReason, setAgeOverrideReason] = useState(existing?.ageOverrideReason ?? "");
  const [savedId, setSavedId] = useState<string | null>(existing?.id ?? null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const { busy, error, run } = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);

  /** A new instrument means new items: answers, goals and judgement from the previous choice go. */
  const chooseInstrument = (id: string) => {
    setInstrumentId(id);
    setAnswers({});
    setGoals([]);
    setJudgement("");
  };

  useEffect(() => {
    if (!existing)
      assessmentApi
        .instruments(false)
        .then((r) => setInstruments(r.items))
        .catch((e) => setLoadError(asApiError(e, t("error"))));
  }, [existing, t]);

  // The chosen instrument's definition, loaded when the choice changes (drafts carry their own).
  useEffect(() => {
    if (existing || !instrumentId) return;
    setDef(null);
    assessmentApi
      .instrument(instrumentId)
      .then((d) => {
        const parsed = parseStoredDefinition(d.definition);
        setDef(parsed);
        // A new GAS assessment starts with the smallest number of goals the instrument asks for.
        if (parsed?.kind === "gas")
          setGoals(Array.from({ length: parsed.gas?.minGoals ?? 1 }, (_, i) => ({ id: `M${i + 1}`, label: "" })));
      })
      .catch((e) => setLoadError(asApiError(e, t("error"))));
  }, [instrumentId, existing, t]);

  const fitting = (i: InstrumentSummary) => fitsSummary(i, birthDate, assessedOn);
  const offered = instruments.filter((i) => showAll || fitting(i) || i.id === instrumentId);
  const ageRange = def?.ageRange ?? instruments.find((i) => i.id === instrumentId)?.ageRange;
  const outsideAge = !!ageRange && !fitsAge({ ageRange } as InstrumentDefinition, birthDate, assessedOn);

  const scoredAnswers: Answers = useMemo(
    () => (def?.kind === "gas" ? Object.fromEntries(goals.map((g) => [g.id, answers[g.id] ?? null])) : answers),
    [def, goals, answers],
  );
  const live = def ? score(def, scoredAnswers) : null;

  const body = () => ({
    assessedOn,
    answers:
      def?.kind === "gas"
        ? (scoredAnswers as Record<string, number | null>)
        : Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null && v !== undefined)),
    goals: def?.kind === "gas" ? goals.map((g) => ({ id: g.id, label: g.label.trim() })) : [],
    ...(judgement ? { judgement } : {}),
    ...(judgementReason.trim() ? { judgementReason } : {}),
    ...(outsideAge && ageOverrideReason.trim() ? { ageOverrideReason } : {}),
  });
  const save = async (): Promise<string> => {
    if (savedId) {
      await assessmentApi.updateAssessment(savedId, body());
      return savedId;
    }
    const created = await assessmentApi.createAssessment(caseId, {
      instrumentId,
      ...(investigationId ? { investigationId } : {}),
      ...body(),
    });
    setSavedId(created.id);
    return created.id;
  };
  const saveDraft = () => {
    let id = "";
    void run(
      async () => {
        id = await save();
      },
      () => onChanged(id, t("draftSaved")),
    );
  };
  const sign = () => {
    if (!formRef.current?.reportValidity()) return;
    let id = "";
    void run(
      async () => {
        id = await save();
        await assessmentApi.signAssessment(id);
      },
      () => onChanged(id, t("assessmentSigned")),
    );
  };

  const answerError = (id: string) => error?.fieldMessage(`answers.${id}`);

  return (
    <div className="case-form">
      <PanelHeading>
        {existing ? `${t("editAssessment")}: ${existing.instrument.name} ${existing.instrument.version}` : t("newAssessment")}
      </PanelHeading>
      <FormError error={loadError} />
      <FormError error={error} />
      {existing && !existing.canSign && <Alert kind="error">{t("cannotSign")}</Alert>}
      <form
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          saveDraft();
        }}
        aria-label={existing ? t("editAssessment") : t("newAssessment")}
      >
        <div className="grid-form">
          <Field
            label={t("assessedOn")}
            type="date"
            value={assessedOn}
            max={stockholmToday()}
            onChange={(e) => setAssessedOn(e.target.value)}
            error={error?.fieldMessage("assessedOn")}
            required
          />
          {existing ? (
            <p>
              <strong>{t("instrument")}:</strong> {existing.instrument.name} {existing.instrument.version}
            </p>
          ) : (
            <SelectField
              label={t("instrument")}
              value={instrumentId}
              onChange={chooseInstrument}
              error={error?.fieldMessage("instrumentId")}
              required
            >
              <option value="">{t("choose")}</option>
              {offered.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name} {i.version} ({i.ageRange.min}–{i.ageRange.max} {t("years")})
                </option>
              ))}
            </SelectField>
          )}
          {!existing && (
            <div className="field-wide">
              <CheckboxField label={t("showAllInstruments")} checked={showAll} onChange={setShowAll} />
            </div>
          )}
          {!existing && !showAll && instruments.length > 0 && offered.length === 0 && (
            <p className="field-wide">{t("noFittingInstrument")}</p>
          )}
          {outsideAge && (
            <TextAreaField
              label={t("ageOverrideReason")}
              value={ageOverrideReason}
              maxLength={2_000}
              onChange={(e) => setAgeOverrideReason(e.target.value)}
              error={error?.fieldMessage("ageOverrideReason")}
              required
            />
          )}
        </div>

        {def?.kind === "items" && <ItemForm def={def} answers={answers} setAnswers={setAnswers} errorFor={answerError} />}
        {def?.kind === "gas" && (
          <GoalForm
            def={def}
            goals={goals}
            setGoals={setGoals}
            answers={answers}
            setAnswers={setAnswers}
            errorFor={answerError}
            error={error?.fieldMessage("goals") ?? error?.fields.find((f) => f.path === "body.answers")?.message}
          />
        )}
        {def && live && <LiveScore def={def} s={live} />}

        {def?.judgement && (
          <div className="grid-form">
            <SelectField
              label={t("judgement")}
              value={judgement}
              onChange={setJudgement}
              error={error?.fieldMessage("judgement")}
            >
              <option value="">{t("choose")}</option>
              {def.judgement.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </SelectField>
            <TextAreaField
              label={`${t("judgementReason")}${def.judgement.reasonRequired ? "" : ` ${t("optional")}`}`}
              value={judgementReason}
              maxLength={5_000}
              onChange={(e) => setJudgementReason(e.target.value)}
              error={error?.fieldMessage("judgementReason")}
            />
          </div>
        )}

        <div className="form-actions">
          <button type="submit" className="secondary" disabled={busy || !def}>
            {t("saveDraft")}
          </button>{" "}
          <button type="button" disabled={busy || !def || existing?.canSign === false} onClick={sign}>
            {t("sign")}
          </button>{" "}
          <button type="button" className="link-button" onClick={onClose}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </div>
  );
}

function ItemForm({
  def,
  answers,
  setAnswers,
  errorFor,
}: {
  def: InstrumentDefinition;
  answers: Record<string, number | null>;
  setAnswers: (f: (a: Record<string, number | null>) => Record<string, number | null>) => void;
  errorFor: (id: string) => string | undefined;
}) {
  const { t } = useLang();
  const name = useId();
  return (
    <>
      {def.domains.map((d) => (
        <fieldset className="choice-group" key={d.id}>
          <legend>{d.label}</legend>
          {def.items
            .filter((item) => item.domain === d.id)
            .map((item) => {
              const value = answers[item.id];
              const err = errorFor(item.id);
              const errId = `${name}-${item.id}-error`;
              return (
                <fieldset className="choice-group item-row" key={item.id} aria-describedby={err ? errId : undefined}>
                  <legend>
                    {itemName(item.id, item.label)}
                    {item.critical && <span className="badge"> ({t("criticalItem")})</span>}
                    {item.direction === "protective" && <span className="badge"> ({t("protectiveItem")})</span>}
                    {!item.required && <span className="hint"> {t("optional")}</span>}
                  </legend>
                  <div className="choice-row">
                    {item.scale.values.map((v, i) => {
                      const id = `${name}-${item.id}-${v}`;
                      return (
                        <div className="choice" key={v}>
                          <input
                            type="radio"
                            id={id}
                            name={`${name}-${item.id}`}
                            checked={value === v}
                            aria-invalid={err ? true : undefined}
                            onChange={() => setAnswers((a) => ({ ...a, [item.id]: v }))}
                          />
                          <label htmlFor={id}>{item.scale.labels?.[i] ? `${item.scale.labels[i]} (${v})` : String(v)}</label>
                        </div>
                      );
                    })}
                    {value !== null && value !== undefined && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setAnswers((a) => ({ ...a, [item.id]: null }))}
                      >
                        {t("clearAnswer")}
                        <span className="visually-hidden"> {item.id}</span>
                      </button>
                    )}
                  </div>
                  {err && (
                    <span className="field-error" id={errId}>
                      {err}
                    </span>
                  )}
                </fieldset>
              );
            })}
        </fieldset>
      ))}
    </>
  );
}

function GoalForm({
  def,
  goals,
  setGoals,
  answers,
  setAnswers,
  errorFor,
  error,
}: {
  def: InstrumentDefinition;
  goals: Goal[];
  setGoals: (g: Goal[]) => void;
  answers: Record<string, number | null>;
  setAnswers: (f: (a: Record<string, number | null>) => Record<string, number | null>) => void;
  errorFor: (id: string) => string | undefined;
  error: string | undefined;
}) {
  const { t } = useLang();
  const max = def.gas?.maxGoals ?? 10;
  const values: number[] = [];
  for (let v = GAS_MIN; v <= GAS_MAX; v++) values.push(v);
  return (
    <fieldset className="choice-group">
      <legend>
        {t("goals")} ({t("goalsBetween").toLowerCase()} {def.gas?.minGoals ?? 1}–{max})
      </legend>
      <p className="hint">{t("gasScale")}</p>
      {error && <p className="field-error">{error}</p>}
      {goals.map((g, i) => (
        <div className="grid-form" key={g.id}>
          <Field
            label={`${t("goal")} ${i + 1} (${g.id}): ${t("goalLabel").toLowerCase()}`}
            value={g.label}
            maxLength={300}
            onChange={(e) => setGoals(goals.map((x) => (x.id === g.id ? { ...x, label: e.target.value } : x)))}
            error={errorFor(g.id)}
            required
          />
          <SelectField
            label={`${t("goal")} ${i + 1}: ${t("goalScore").toLowerCase()}`}
            value={answers[g.id] === null || answers[g.id] === undefined ? "" : String(answers[g.id])}
            onChange={(v) => setAnswers((a) => ({ ...a, [g.id]: v === "" ? null : Number(v) }))}
          >
            <option value="">{t("notAnswered")}</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {signed(v)}
              </option>
            ))}
          </SelectField>
          <div className="field">
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setGoals(goals.filter((x) => x.id !== g.id));
                setAnswers((a) => {
                  const { [g.id]: _, ...rest } = a;
                  return rest;
                });
              }}
            >
              {t("remove")}
              <span className="visually-hidden">
                {" "}
                {t("goal")} {i + 1}
              </span>
            </button>
          </div>
        </div>
      ))}
      {goals.length < max && (
        <button type="button" className="secondary" onClick={() => setGoals([...goals, { id: nextGoalId(goals), label: "" }])}>
          {t("addGoal")}
        </button>
      )}
    </fieldset>
  );
}

/** The figures computed while filling in; the one-line summary is a polite live region. */
function LiveScore({ def, s }: { def: InstrumentDefinition; s: Score }) {
  const { t } = useLang();
  const itemLabel = (id: string) => def.items.find((i) => i.id === id)?.label ?? id;
  return (
    <section className="subcard" aria-label={t("result")}>
      <h6>{t("result")}</h6>
      <p aria-live="polite">
        {def.kind === "gas" ? (
          <>
            <strong>{t("tScore")}:</strong> {fmt(s.tScore)} · <strong>{t("answered")}:</strong> {s.answered}/{s.items}
          </>
        ) : (
          <>
            <strong>{t("riskTotal")}:</strong> {s.riskTotal}
            {s.protectiveTotal > 0 && (
              <>
                {" "}
                · <strong>{t("protectiveTotal")}:</strong> {s.protectiveTotal}
              </>
            )}{" "}
            · <strong>{t("band")}:</strong> {s.band?.label ?? "—"} · <strong>{t("answered")}:</strong> {s.answered}/{s.items}
          </>
        )}
      </p>
      {def.kind === "items" && (
        <>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("result")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("domain")}</th>
                  <th scope="col">{t("risk")}</th>
                  <th scope="col">{t("protective")}</th>
                  <th scope="col">{t("answered")}</th>
                </tr>
              </thead>
              <tbody>
                {s.domains.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.label}</th>
                    <td>{d.risk}</td>
                    <td>{d.protective}</td>
                    <td>
                      {d.answered}/{d.items}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <strong>{t("criticalAnswered")}:</strong>{" "}
            {s.critical.length === 0 ? t("none") : s.critical.map((id) => itemName(id, itemLabel(id))).join("; ")}
          </p>
        </>
      )}
    </section>
  );
}

/** A signed assessment (or a draft for readers): answers read-only and, on follow-up, the change. */
function AssessmentView({ detail, onClose }: { detail: AssessmentDetail; onClose: () => void }) {
  const { t, lang } = useLang();
  const def = parseStoredDefinition(detail.definition);
  const judgementLabel = def?.judgement?.levels.find((l) => l.id === detail.judgement)?.label ?? detail.judgement;
  const answerText = (id: string) => {
    const v = detail.answers[id];
    if (v === null || v === undefined) return t("notAnswered");
    const item = def?.items.find((i) => i.id === id);
    const at = item?.scale.values.indexOf(v) ?? -1;
    const lbl = item && at >= 0 ? item.scale.labels?.[at] : undefined;
    return lbl ? `${lbl} (${v})` : detail.instrument.kind === "gas" ? signed(v) : String(v);
  };
  return (
    <div className="case-form">
      <PanelHeading>
        {detail.instrument.name} {detail.instrument.version} — {detail.assessedOn}
      </PanelHeading>
      <dl className="facts">
        <dt>{t("status")}</dt>
        <dd>{detail.status === "signed" ? t("signed") : t("draft")}</dd>
        <dt>{t("createdBy")}</dt>
        <dd>{detail.createdByName}</dd>
        {detail.signedByName && (
          <>
            <dt>{t("signedBy")}</dt>
            <dd>
              {detail.signedByName}
              {detail.signedAt && ` ${formatDateTime(detail.signedAt, lang)}`}
            </dd>
          </>
        )}
        <dt>{detail.instrument.kind === "gas" ? t("tScore") : t("riskTotal")}</dt>
        <dd>{detail.instrument.kind === "gas" ? fmt(detail.score.tScore) : detail.score.riskTotal}</dd>
        {detail.instrument.kind === "items" && (
          <>
            <dt>{t("protectiveTotal")}</dt>
            <dd>{detail.score.protectiveTotal}</dd>
            <dt>{t("band")}</dt>
            <dd>{detail.score.band?.label ?? "—"}</dd>
            <dt>{t("criticalAnswered")}</dt>
            <dd>{detail.score.critical.length === 0 ? t("none") : detail.score.critical.join(", ")}</dd>
          </>
        )}
        {detail.judgement && (
          <>
            <dt>{t("judgement")}</dt>
            <dd>{judgementLabel}</dd>
          </>
        )}
        {detail.judgementReason && (
          <>
            <dt>{t("judgementReason")}</dt>
            <dd className="prewrap">{detail.judgementReason}</dd>
          </>
        )}
        {detail.ageOverrideReason && (
          <>
            <dt>{t("ageOverrideReason")}</dt>
            <dd className="prewrap">{detail.ageOverrideReason}</dd>
          </>
        )}
      </dl>

      <h6>{t("answer")}</h6>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("answer")}</caption>
          <thead>
            <tr>
              {detail.instrument.kind === "items" && <th scope="col">{t("domain")}</th>}
              <th scope="col">{detail.instrument.kind === "gas" ? t("goal") : t("item")}</th>
              <th scope="col">{detail.instrument.kind === "gas" ? t("goalScore") : t("answer")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.instrument.kind === "gas"
              ? detail.goals.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">
                      {g.id} {g.label}
                    </th>
                    <td>{answerText(g.id)}</td>
                  </tr>
                ))
              : (def?.items ?? []).map((item) => (
                  <tr key={item.id}>
                    <td>{def?.domains.find((d) => d.id === item.domain)?.label ?? item.domain}</td>
                    <th scope="row">{itemName(item.id, item.label)}</th>
                    <td>{answerText(item.id)}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      </div>

      {detail.comparison && <ComparisonView detail={detail} def={def} />}

      <div className="form-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t("hide")}
        </button>
      </div>
    </div>
  );
}

type Comparison = NonNullable<AssessmentDetail["comparison"]>;
type Row = { key: string; label: string; before: number | null; after: number | null; change: number | null };

function ComparisonView({ detail, def }: { detail: AssessmentDetail; def: InstrumentDefinition | null }) {
  const { t } = useLang();
  const c = detail.comparison as Comparison;
  const itemLabel = (id: string) =>
    def?.items.find((i) => i.id === id)?.label ?? detail.goals.find((g) => g.id === id)?.label ?? "";
  const summary: Row[] = [
    ...c.domains.map((d) => ({
      key: `d-${d.id}`,
      label: def?.domains.find((x) => x.id === d.id)?.label ?? d.id,
      before: d.before,
      after: d.after,
      change: d.change,
    })),
    ...(detail.instrument.kind === "gas"
      ? c.tScore
        ? [{ key: "t", label: t("tScore"), ...c.tScore }]
        : []
      : [
          { key: "risk", label: t("riskTotal"), ...c.riskTotal },
          ...(c.protectiveTotal.before || c.protectiveTotal.after
            ? [{ key: "prot", label: t("protectiveTotal"), ...c.protectiveTotal }]
            : []),
        ]),
  ];
  return (
    <section className="subcard" aria-label={t("comparison")}>
      <h6>
        {t("comparison")} ({t("previousAssessment").toLowerCase()} {c.previousAssessedOn})
      </h6>
      <ChangeChart rows={summary} />
      <ChangeTable caption={t("perDomain")} rows={summary} />
      <ChangeTable
        caption={t("perItem")}
        rows={c.items.map((i) => ({ key: i.id, label: itemName(i.id, itemLabel(i.id)), ...i }))}
      />
    </section>
  );
}

function ChangeTable({ caption, rows }: { caption: string; rows: Row[] }) {
  const { t } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("name")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
            <th scope="col">{t("change")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              <td>{fmt(r.before)}</td>
              <td>{fmt(r.after)}</td>
              <td>{signed(r.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Paired horizontal bars, before (hatched) and after (solid), each with its value written out, so the
 * chart does not rely on colour. The "per domain and total" table next to it carries the same data.
 */
function ChangeChart({ rows }: { rows: Row[] }) {
  const { t } = useLang();
  // Used inside url(#…), so only characters that need no escaping there.
  const id = `chart${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const max = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.before ?? 0), Math.abs(r.after ?? 0)]));
  const labelW = 180;
  const barW = 260;
  const rowH = 44;
  const height = rows.length * rowH + 28;
  const width = labelW + barW + 90;
  const bar = (v: number | null) => (Math.max(0, v ?? 0) / max) * barW;
  const desc = rows.map((r) => `${r.label}: ${t("before")} ${fmt(r.before)}, ${t("after")} ${fmt(r.after)}`).join("; ");
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: `${width}px` }}
    >
      <title id={`${id}-title`}>{t("chartTitle")}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#fff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5568" strokeWidth="3" />
        </pattern>
      </defs>
      <g fontSize="12" fill="#1f2328">
        <rect x={labelW} y={2} width={14} height={10} fill={`url(#${id}-hatch)`} stroke="#4a5568" />
        <text x={labelW + 18} y={11}>
          {t("before")}
        </text>
        <rect x={labelW + 80} y={2} width={14} height={10} fill="#1d4f91" />
        <text x={labelW + 98} y={11}>
          {t("after")}
        </text>
        {rows.map((r, i) => {
          const y = 24 + i * rowH;
          return (
            <g key={r.key}>
              <text x={0} y={y + 22}>
                {r.label.length > 26 ? `${r.label.slice(0, 25)}…` : r.label}
              </text>
              <rect x={labelW} y={y} width={bar(r.before)} height={16} fill={`url(#${id}-hatch)`} stroke="#4a5568" />
              <text x={labelW + bar(r.before) + 4} y={y + 12}>
                {t("before")} {fmt(r.before)}
              </text>
              <rect x={labelW} y={y + 19} width={bar(r.after)} height={16} fill="#1d4f91" />
              <text x={labelW + bar(r.after) + 4} y={y + 31}>
                {t("after")} {fmt(r.after)}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
