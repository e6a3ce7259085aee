import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import {
  END_REASON_LABELS,
  END_REASONS,
  EVIDENCE_STATUS_LABELS,
  GOAL_ATTAINMENT,
  GOAL_ATTAINMENT_LABELS,
  type GoalAttainment,
  INSATS_KIND_LABELS,
  isPlacement,
  LEGAL_FORM_LABELS,
  NOT_STARTED_REASON_LABELS,
  NOT_STARTED_REASONS,
} from "../../domain/interventions/vocabulary";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { asApiError } from "../components/CaseApi";
import {
  CaseForm,
  CheckboxField,
  EditableRows,
  FormError,
  RadioGroup,
  TextAreaField,
  useSubmit,
} from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { fieldAt, type InsatsDetail, type InsatsPlan, insatsApi, type PlanBody, planInForce } from "../components/InsatsApi";
import { AgeRangeFields, ageCheck } from "../components/InsatsGuards";
import { InsatsIsu } from "../components/InsatsIsu";
import { DaysToStart, dash, IvoFlag, PlanStateText, ScrollTable } from "../components/InsatsParts";
import { fill, formatDateTime, useLang } from "../i18n";
import { label, PLAN_STATUS_LABELS } from "../labels";
import { NotFound } from "./NotFound";

/** One insats (/insatser/:id): facts, start, genomförandeplan, follow-ups, placement reviews, ending. */
export function Insats() {
  const { id = "" } = useParams();
  const { t } = useLang();
  const [d, setDetail] = useState<InsatsDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");

  const load = useCallback(async () => {
    try {
      setDetail(await insatsApi.get(id));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [id, t]);
  useEffect(() => {
    setDetail(null);
    setNotice("");
    void load();
  }, [load]);

  const changed = useCallback(async () => {
    await load();
    setNotice(`${t("saved")} ${new Date().toLocaleTimeString("sv-SE", { timeZone: "Europe/Stockholm" })}`);
  }, [load, t]);

  if (error?.status === 404 || (error?.status === 400 && !d)) return <NotFound />;
  if (error && !d) return <Alert kind="error">{error.message || t("error")}</Alert>;
  return (
    <>
      <div className="visually-hidden" role="status" aria-live="polite">
        {notice}
      </div>
      {d ? <InsatsView d={d} onChanged={changed} /> : <p role="status">{t("loading")}</p>}
    </>
  );
}

function InsatsView({ d, onChanged }: { d: InsatsDetail; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const placement = isPlacement(d.catalogue.kind);
  const running = d.endedOn === null;
  return (
    <>
      <h1>
        {d.catalogue.name} – {d.personName}
      </h1>
      <section className="card" aria-labelledby="insats-facts-heading">
        <h2 id="insats-facts-heading">{t("insFacts")}</h2>
        <dl className="facts">
          <dt>{t("person")}</dt>
          <dd>
            {d.personName}
            {can("case:read") && (
              <>
                {" · "}
                <Link to={`/arenden/${d.caseId}`}>{t("insToCase")}</Link>
              </>
            )}
          </dd>
          <dt>{t("insats")}</dt>
          <dd>
            {d.catalogue.name} ({INSATS_KIND_LABELS[d.catalogue.kind][lang]})
          </dd>
          <dt>{t("insEvidenceStatus")}</dt>
          <dd>
            {d.catalogue.evidenceStatus === "avrads" && <span aria-hidden="true">⚠ </span>}
            {EVIDENCE_STATUS_LABELS[d.catalogue.evidenceStatus][lang]}
          </dd>
          <dt>{t("insLegalForm")}</dt>
          <dd>{LEGAL_FORM_LABELS[d.legalForm][lang]}</dd>
          <dt>{t("igTargetAges")}</dt>
          <dd>{fill(t("igAgeRange"), { min: d.targetAges.min, max: d.targetAges.max })}</dd>
          {d.ageOutsideReason && (
            <>
              <dt>{t("igAgeOutsideReason")}</dt>
              <dd className="prewrap">{d.ageOutsideReason}</dd>
            </>
          )}
          <dt>{t("insDecidedOn")}</dt>
          <dd>{d.decidedOn}</dd>
          <dt>{t("insProviderUnit")}</dt>
          <dd>{d.providerUnitName}</dd>
          <dt>{t("insStartedOn")}</dt>
          <dd>{d.startedOn ?? t("insNotStarted")}</dd>
          <dt>{t("insDaysToStart")}</dt>
          <dd>
            <DaysToStart days={d.daysDecisionToStart} />
          </dd>
          <dt>{t("insIvo")}</dt>
          <dd>
            <IvoFlag reportable={d.ivoReportable} />
          </dd>
          {d.notStartedReason && (
            <>
              <dt>{t("insNotStartedReason")}</dt>
              <dd>
                {NOT_STARTED_REASON_LABELS[d.notStartedReason][lang]}
                {d.notStartedNote ? ` — ${d.notStartedNote}` : ""}
              </dd>
            </>
          )}
          <dt>{t("insPlanDueOn")}</dt>
          <dd>{dash(d.planDueOn)}</dd>
          <dt>{t("insPlan")}</dt>
          <dd>
            <PlanStateText state={d.planState} />
          </dd>
          <dt>{t("insNextFollowUp")}</dt>
          <dd>{dash(d.nextFollowUp)}</dd>
          {placement && (
            <>
              <dt>{t("insCarePlanOn")}</dt>
              <dd>{d.carePlanOn ?? t("insNoCarePlan")}</dd>
              <dt>{t("insNextOvervagande")}</dt>
              <dd>{dash(d.nextOvervagande)}</dd>
            </>
          )}
          <dt>{t("insEndedOn")}</dt>
          <dd>{dash(d.endedOn)}</dd>
          {d.endedOn && (
            <>
              <dt>{t("insEndReason")}</dt>
              <dd>{d.endReason ? END_REASON_LABELS[d.endReason][lang] : "—"}</dd>
              <dt>{t("insOutcome")}</dt>
              <dd className="prewrap">{dash(d.endOutcome)}</dd>
              {d.endContradictionNote && (
                <>
                  <dt>{t("igContradictionConfirmed")}</dt>
                  <dd className="prewrap">
                    {fill(t("igGoalsContradiction"), { reached: d.goalStatus.reached, total: d.goalStatus.total })}{" "}
                    {d.endContradictionNote}
                  </dd>
                </>
              )}
            </>
          )}
        </dl>
      </section>

      <section className="card" aria-labelledby="insats-start-heading">
        <h2 id="insats-start-heading">{t("insStart")}</h2>
        {d.startedOn ? (
          <p>
            {t("insStartedOn")} {d.startedOn}
          </p>
        ) : (
          <p>{t("insNotStarted")}</p>
        )}
        {!d.startedOn && running && d.can.provide && <StartForm d={d} onChanged={onChanged} />}
        {!d.startedOn && d.can.manage && <NotStartedForm d={d} onChanged={onChanged} />}
      </section>

      <PlanSection d={d} onChanged={onChanged} />
      <FollowUpSection d={d} onChanged={onChanged} />
      {placement && <PlacementSection d={d} onChanged={onChanged} />}
      {running && d.can.manage && (
        <section className="card" aria-labelledby="insats-end-heading">
          <h2 id="insats-end-heading">{t("insEndInsats")}</h2>
          {d.startedOn ? <EndForm d={d} onChanged={onChanged} /> : <p className="hint">{t("insEndNeedsStart")}</p>}
        </section>
      )}
      <InsatsIsu insatsId={d.id} />
    </>
  );
}

type Props = { d: InsatsDetail; onChanged: () => Promise<void> };

function StartForm({ d, onChanged }: Props) {
  const { t } = useLang();
  const [startedOn, setStartedOn] = useState(stockholmToday());
  const [ageOutsideReason, setAgeOutsideReason] = useState("");
  const { busy, error, run } = useSubmit();
  // The age on the start day decides; a reason given with the uppdrag stands.
  const outside = ageCheck(d.personBirthDate, startedOn, d.targetAges);
  const reason = outside && !d.ageOutsideReason && ageOutsideReason.trim() ? ageOutsideReason.trim() : undefined;
  return (
    <CaseForm
      heading={t("insStartInsats")}
      busy={busy}
      error={error}
      submitLabel={t("insStartInsats")}
      onSubmit={() => void run(() => insatsApi.start(d.id, { startedOn, ageOutsideReason: reason }), onChanged)}
    >
      <Field
        label={t("insStartedOn")}
        type="date"
        value={startedOn}
        min={d.decidedOn}
        max={stockholmToday()}
        onChange={(e) => setStartedOn(e.target.value)}
        error={error?.fieldMessage("startedOn")}
        required
      />
      <AgeRangeFields
        target={d.targetAges}
        outside={outside}
        onDate={startedOn}
        reason={ageOutsideReason}
        onReason={setAgeOutsideReason}
        error={error?.fieldMessage("ageOutsideReason")}
        givenReason={d.ageOutsideReason}
      />
    </CaseForm>
  );
}

function NotStartedForm({ d, onChanged }: Props) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({ reason: d.notStartedReason ?? "", note: d.notStartedNote ?? "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("insNotStartedHeading")}
      busy={busy}
      error={error}
      submitLabel={t("save")}
      onSubmit={() =>
        void run(
          () => insatsApi.notStarted(d.id, { reason: form.reason as (typeof NOT_STARTED_REASONS)[number], note: form.note }),
          onChanged,
        )
      }
    >
      <SelectField
        label={t("insNotStartedReason")}
        value={form.reason}
        onChange={(v) => setForm({ ...form, reason: v })}
        error={error?.fieldMessage("reason")}
        required
      >
        <option value="">{t("choose")}</option>
        {NOT_STARTED_REASONS.map((r) => (
          <option key={r} value={r}>
            {NOT_STARTED_REASON_LABELS[r][lang]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={`${t("insNote")} ${t("optional")}`}
        value={form.note}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
        error={error?.fieldMessage("note")}
      />
    </CaseForm>
  );
}

// ── Genomförandeplan ────────────────────────────────────────────────────────────────────────────

function PlanSection({ d, onChanged }: Props) {
  const { t, lang } = useLang();
  const inForce = planInForce(d.plans);
  const draft = d.plans.find((p) => p.status === "draft");
  const [editing, setEditing] = useState(false);
  const editable = d.can.provide && d.endedOn === null;
  return (
    <section className="card" aria-labelledby="insats-plan-heading">
      <h2 id="insats-plan-heading">{t("insPlanHeading")}</h2>
      {d.plans.length === 0 ? (
        <p>{t("insNoPlans")}</p>
      ) : (
        <ScrollTable label={t("insPlanVersions")}>
          <table>
            <caption>{t("insPlanVersions")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("createdBy")}</th>
                <th scope="col">{t("signedBy")}</th>
                <th scope="col">{t("insSignedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {d.plans.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.version}
                    {p.id === inForce?.id && <span className="hint"> ({t("insInForce")})</span>}
                  </th>
                  <td>
                    <span className={p.status === "signed" ? "signed" : "unsigned"}>
                      <span aria-hidden="true">{p.status === "signed" ? "✓ " : "✎ "}</span>
                      {label(PLAN_STATUS_LABELS, p.status, lang)}
                    </span>
                  </td>
                  <td>{p.createdByName}</td>
                  <td>{dash(p.signedByName)}</td>
                  <td>{p.signedAt ? formatDateTime(p.signedAt, lang) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {inForce && <PlanView plan={inForce} heading={`${t("insPlanInForce")} (${t("version")} ${inForce.version})`} />}
      {draft && !editable && <PlanView plan={draft} heading={`${t("draft")} (${t("version")} ${draft.version})`} />}
      {editable &&
        (draft ? (
          <PlanEditor
            key={draft.id}
            insatsId={d.id}
            decidedOn={d.decidedOn}
            initial={draft}
            planId={draft.id}
            heading={`${t("insEditDraft")} (${t("version")} ${draft.version})`}
            onChanged={onChanged}
          />
        ) : editing ? (
          <PlanEditor
            insatsId={d.id}
            decidedOn={d.decidedOn}
            initial={inForce}
            planId={null}
            heading={inForce ? t("insRevisePlan") : t("insNewPlan")}
            onChanged={async () => {
              setEditing(false);
              await onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        ) : (
          <div className="button-row">
            <button type="button" onClick={() => setEditing(true)}>
              {inForce ? t("insRevisePlan") : t("insNewPlan")}
            </button>
          </div>
        ))}
    </section>
  );
}

function PlanView({ plan, heading }: { plan: InsatsPlan; heading: string }) {
  const { t } = useLang();
  return (
    <div className="subcard">
      <h3>{heading}</h3>
      <ScrollTable label={t("insGoals")}>
        <table>
          <caption>{t("insGoals")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("goal")}</th>
              <th scope="col">{t("insGoalMeasure")}</th>
              <th scope="col">{t("insGoalFollowUpOn")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.goals.map((g) => (
              <tr key={g.id}>
                <th scope="row" className="prewrap">
                  {g.text}
                </th>
                <td className="prewrap">{g.measure}</td>
                <td>{g.followUpOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {plan.activities.length > 0 ? (
        <ScrollTable label={t("insActivities")}>
          <table>
            <caption>{t("insActivities")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("insActivityWhat")}</th>
                <th scope="col">{t("insActivityWho")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.activities.map((a, n) => (
                <tr key={n}>
                  <td className="prewrap">{a.what}</td>
                  <td>{a.who}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t("insNoActivities")}</p>
      )}
      <dl className="facts">
        <dt>{t("insYoungPersonViews")}</dt>
        <dd className="prewrap">{dash(plan.youngPersonViews)}</dd>
        <dt>{t("insGuardianViews")}</dt>
        <dd className="prewrap">{dash(plan.guardianViews)}</dd>
        <dt>{t("insPlannedStart")}</dt>
        <dd>{dash(plan.plannedStart)}</dd>
        <dt>{t("insFollowUpDates")}</dt>
        <dd>{plan.followUpDates.length ? [...plan.followUpDates].sort().join(", ") : "—"}</dd>
      </dl>
    </div>
  );
}

type GoalRow = { id: string; text: string; measure: string; followUpOn: string };

const nextGoalId = (goals: GoalRow[]) =>
  `g${goals.reduce((m, g) => Math.max(m, Number(/^g(\d+)$/.exec(g.id)?.[1] ?? 0)), 0) + 1}`;

function PlanEditor({
  insatsId,
  decidedOn,
  initial,
  planId: existingId,
  heading,
  onChanged,
  onCancel,
}: {
  insatsId: string;
  decidedOn: string;
  initial: InsatsPlan | undefined;
  /** The draft to change; null makes a new version on the first save. */
  planId: string | null;
  heading: string;
  onChanged: () => Promise<void>;
  onCancel?: () => void;
}) {
  const { t } = useLang();
  const id = useId();
  const [planId, setPlanId] = useState(existingId);
  const [goals, setGoals] = useState<GoalRow[]>(
    initial?.goals.map((g) => ({ ...g })) ?? [{ id: "g1", text: "", measure: "", followUpOn: "" }],
  );
  const [activities, setActivities] = useState(initial?.activities.map((a) => ({ ...a })) ?? []);
  const [youngPersonViews, setYoungPersonViews] = useState(initial?.youngPersonViews ?? "");
  const [guardianViews, setGuardianViews] = useState(initial?.guardianViews ?? "");
  const [plannedStart, setPlannedStart] = useState(initial?.plannedStart ?? "");
  const [followUpDates, setFollowUpDates] = useState<string[]>(initial?.followUpDates ?? []);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    if (!focusTarget) return;
    document.querySelector<HTMLElement>(`[data-focus="${focusTarget}"]`)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const body = (): PlanBody => ({
    goals: goals.map((g) => ({ id: g.id, text: g.text, measure: g.measure, followUpOn: g.followUpOn })),
    activities,
    youngPersonViews,
    guardianViews,
    plannedStart: plannedStart || undefined,
    followUpDates,
  });
  /** Saves the plan: the draft in place, or a new version the first time (and remembers its id). */
  const save = async () => {
    if (planId) return (await insatsApi.updatePlan(planId, body())).id;
    const created = await insatsApi.createPlan(insatsId, body());
    setPlanId(created.id);
    return created.id;
  };
  const setGoal = (n: number, patch: Partial<GoalRow>) => setGoals(goals.map((g, i) => (i === n ? { ...g, ...patch } : g)));
  const setActivity = (n: number, patch: Partial<{ what: string; who: string }>) =>
    setActivities(activities.map((a, i) => (i === n ? { ...a, ...patch } : a)));

  return (
    <div className="case-form">
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <p className="hint">{t("insPlanHint")}</p>
      <FormError error={error} />
      <form
        aria-labelledby={`${id}-heading`}
        onSubmit={(e) => {
          e.preventDefault();
          void run(save, onChanged);
        }}
      >
        <h4>{t("insGoals")}</h4>
        {fieldAt(error, "goals") && <p className="field-error">{fieldAt(error, "goals")}</p>}
        <EditableRows
          items={goals}
          keyOf={(g) => g.id}
          legend={t("goal")}
          onRemove={(n) => setGoals(goals.filter((_, i) => i !== n))}
          afterRemove={() => headingRef.current?.focus()}
          addLabel={t("addGoal")}
          max={20}
          onAdd={() => {
            const gid = nextGoalId(goals);
            setGoals([...goals, { id: gid, text: "", measure: "", followUpOn: "" }]);
            setFocusTarget(`${id}-goal-${gid}`);
          }}
          renderFields={(g, n) => (
            <>
              <Field
                data-focus={`${id}-goal-${g.id}`}
                label={t("insGoalText")}
                value={g.text}
                maxLength={500}
                onChange={(e) => setGoal(n, { text: e.target.value })}
                error={fieldAt(error, `goals.${n}.text`) ?? fieldAt(error, `goals.${n}.id`)}
                required
              />
              <Field
                label={t("insGoalMeasure")}
                value={g.measure}
                maxLength={500}
                onChange={(e) => setGoal(n, { measure: e.target.value })}
                error={fieldAt(error, `goals.${n}.measure`)}
                required
              />
              <Field
                label={t("insGoalFollowUpOn")}
                type="date"
                value={g.followUpOn}
                min={decidedOn}
                onChange={(e) => setGoal(n, { followUpOn: e.target.value })}
                error={fieldAt(error, `goals.${n}.followUpOn`)}
                required
              />
            </>
          )}
        />

        <h4>{t("insActivities")}</h4>
        {activities.length === 0 && <p>{t("insNoActivities")}</p>}
        <EditableRows
          items={activities}
          keyOf={(_, n) => n}
          legend={t("insActivity")}
          onRemove={(n) => setActivities(activities.filter((_, i) => i !== n))}
          afterRemove={() => headingRef.current?.focus()}
          addLabel={t("insAddActivity")}
          max={50}
          onAdd={() => {
            setActivities([...activities, { what: "", who: "" }]);
            setFocusTarget(`${id}-activity-${activities.length}`);
          }}
          renderFields={(a, n) => (
            <>
              <Field
                data-focus={`${id}-activity-${n}`}
                label={t("insActivityWhat")}
                value={a.what}
                maxLength={500}
                onChange={(e) => setActivity(n, { what: e.target.value })}
                error={fieldAt(error, `activities.${n}.what`)}
                required
              />
              <Field
                label={t("insActivityWho")}
                value={a.who}
                maxLength={200}
                onChange={(e) => setActivity(n, { who: e.target.value })}
                error={fieldAt(error, `activities.${n}.who`)}
                required
              />
            </>
          )}
        />

        <h4>{t("insViews")}</h4>
        <TextAreaField
          label={t("insYoungPersonViews")}
          value={youngPersonViews}
          maxLength={5_000}
          onChange={(e) => setYoungPersonViews(e.target.value)}
          error={fieldAt(error, "youngPersonViews")}
        />
        <TextAreaField
          label={t("insGuardianViews")}
          value={guardianViews}
          maxLength={5_000}
          onChange={(e) => setGuardianViews(e.target.value)}
          error={fieldAt(error, "guardianViews")}
        />

        <h4>{t("insDates")}</h4>
        <div className="row-fields">
          <Field
            label={`${t("insPlannedStart")} ${t("optional")}`}
            type="date"
            value={plannedStart}
            min={decidedOn}
            onChange={(e) => setPlannedStart(e.target.value)}
            error={fieldAt(error, "plannedStart")}
          />
        </div>
        <fieldset className="choice-group">
          <legend>{t("insFollowUpDates")}</legend>
          {fieldAt(error, "followUpDates") && <p className="field-error">{fieldAt(error, "followUpDates")}</p>}
          {followUpDates.length === 0 && <p>{t("insNoFollowUpDates")}</p>}
          <div className="row-fields">
            {followUpDates.map((date, n) => (
              <div key={n} className="inline-form">
                <Field
                  data-focus={`${id}-date-${n}`}
                  label={`${t("insFollowUpDate")} ${n + 1}`}
                  type="date"
                  value={date}
                  min={decidedOn}
                  onChange={(e) => setFollowUpDates(followUpDates.map((x, i) => (i === n ? e.target.value : x)))}
                  error={fieldAt(error, `followUpDates.${n}`)}
                  required
                />
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    setFollowUpDates(followUpDates.filter((_, i) => i !== n));
                    headingRef.current?.focus();
                  }}
                >
                  {t("remove")} <span className="visually-hidden">{`${t("insFollowUpDate")} ${n + 1}`}</span>
                </button>
              </div>
            ))}
          </div>
          <div className="button-row">
            <button
              type="button"
              className="secondary"
              disabled={followUpDates.length >= 20}
              onClick={() => {
                setFollowUpDates([...followUpDates, ""]);
                setFocusTarget(`${id}-date-${followUpDates.length}`);
              }}
            >
              {t("insAddFollowUpDate")}
            </button>
          </div>
        </fieldset>

        <div className="button-row">
          <button type="submit" className="secondary" disabled={busy}>
            {t("saveDraft")}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => {
                const saved = await save();
                await insatsApi.signPlan(saved);
              }, onChanged)
            }
          >
            {t("sign")}
          </button>
          {onCancel && !planId && (
            <button type="button" className="secondary" onClick={onCancel}>
              {t("cancel")}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}

// ── Uppföljning ─────────────────────────────────────────────────────────────────────────────────

function FollowUpSection({ d, onChanged }: Props) {
  const { t, lang } = useLang();
  const inForce = planInForce(d.plans);
  const versionOf = (planId: string) => d.plans.find((p) => p.id === planId)?.version;
  const goalText = (planId: string, goalId: string) =>
    d.plans.find((p) => p.id === planId)?.goals.find((g) => g.id === goalId)?.text ?? goalId;
  return (
    <section className="card" aria-labelledby="insats-followup-heading">
      <h2 id="insats-followup-heading">{t("insFollowUps")}</h2>
      {d.followUps.length === 0 && <p>{t("insNoFollowUps")}</p>}
      {d.followUps.map((f) => (
        <article className="subcard" key={f.id} aria-labelledby={`fu-${f.id}`}>
          <h3 id={`fu-${f.id}`}>
            {t("insFollowUp")} {f.doneOn}
          </h3>
          <dl className="facts">
            <dt>{t("insDueOn")}</dt>
            <dd>{dash(f.dueOn)}</dd>
            <dt>{t("insRecordedBy")}</dt>
            <dd>{f.recordedByName}</dd>
            <dt>{t("insPlanHeading")}</dt>
            <dd>
              {t("version")} {versionOf(f.planId) ?? "—"}
            </dd>
          </dl>
          <ul>
            {f.results.map((r) => (
              <li key={r.goalId}>
                <strong>{goalText(f.planId, r.goalId)}</strong>: {GOAL_ATTAINMENT_LABELS[r.attainment][lang]}
                {r.comment ? ` — ${r.comment}` : ""}
              </li>
            ))}
          </ul>
          <p className="prewrap">
            <strong>{t("insNextStep")}:</strong> {f.nextStep}
          </p>
        </article>
      ))}
      {d.can.provide && d.endedOn === null && d.startedOn && inForce && (
        <FollowUpForm key={`${inForce.id}-${d.followUps.length}`} d={d} plan={inForce} onChanged={onChanged} />
      )}
      {d.can.provide && d.endedOn === null && !d.startedOn && <p className="hint">{t("insFollowUpNeedsStart")}</p>}
      {d.can.provide && d.endedOn === null && d.startedOn && !inForce && <p className="hint">{t("insFollowUpNeedsPlan")}</p>}
    </section>
  );
}

function FollowUpForm({ d, plan, onChanged }: Props & { plan: InsatsPlan }) {
  const { t, lang } = useLang();
  const done = new Set(d.followUps.map((f) => f.dueOn).filter(Boolean));
  // The plan's follow-up days are its listed dates and each goal's own day, as the server counts them.
  const open = [...new Set([...plan.followUpDates, ...plan.goals.map((g) => g.followUpOn)])].filter((x) => !done.has(x)).sort();
  const [dueOn, setDueOn] = useState(open[0] ?? "");
  const [doneOn, setDoneOn] = useState(stockholmToday());
  const [results, setResults] = useState(plan.goals.map((g) => ({ goalId: g.id, attainment: "", comment: "" })));
  const [nextStep, setNextStep] = useState("");
  const { busy, error, run } = useSubmit();
  const setResult = (n: number, patch: Partial<{ attainment: string; comment: string }>) =>
    setResults(results.map((r, i) => (i === n ? { ...r, ...patch } : r)));
  return (
    <CaseForm
      heading={t("insRecordFollowUp")}
      busy={busy}
      error={error}
      submitLabel={t("insRecordFollowUp")}
      onSubmit={() =>
        void run(
          () =>
            insatsApi.followUp(d.id, {
              dueOn: dueOn || undefined,
              doneOn,
              results: results.map((r) => ({ ...r, attainment: r.attainment as GoalAttainment })),
              nextStep,
            }),
          onChanged,
        )
      }
    >
      <SelectField label={t("insDueOn")} value={dueOn} onChange={setDueOn} error={fieldAt(error, "dueOn")}>
        <option value="">{t("insNoDueDate")}</option>
        {open.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("insDoneOn")}
        type="date"
        value={doneOn}
        min={d.startedOn ?? undefined}
        max={stockholmToday()}
        onChange={(e) => setDoneOn(e.target.value)}
        error={fieldAt(error, "doneOn")}
        required
      />
      {fieldAt(error, "results") && <p className="field-error field-wide">{fieldAt(error, "results")}</p>}
      {plan.goals.map((g, n) => (
        <fieldset className="choice-group" key={g.id}>
          <legend>
            {t("goal")} {n + 1}: {g.text}
          </legend>
          <p className="hint">
            {t("insGoalMeasure")}: {g.measure}
          </p>
          <RadioGroup
            legend={t("insAttainment")}
            name={`attainment-${g.id}`}
            value={results[n]?.attainment ?? ""}
            onChange={(v) => setResult(n, { attainment: v })}
            options={GOAL_ATTAINMENT.map((a) => ({ value: a, label: GOAL_ATTAINMENT_LABELS[a][lang] }))}
            error={fieldAt(error, `results.${n}.attainment`) ?? fieldAt(error, `results.${n}.goalId`)}
            required
          />
          <TextAreaField
            label={`${t("insComment")} ${t("optional")}`}
            rows={2}
            value={results[n]?.comment ?? ""}
            maxLength={2_000}
            onChange={(e) => setResult(n, { comment: e.target.value })}
            error={fieldAt(error, `results.${n}.comment`)}
          />
        </fieldset>
      ))}
      <TextAreaField
        label={t("insNextStep")}
        value={nextStep}
        maxLength={5_000}
        onChange={(e) => setNextStep(e.target.value)}
        error={fieldAt(error, "nextStep")}
        required
      />
    </CaseForm>
  );
}

// ── Placering: vårdplan och övervägande ─────────────────────────────────────────────────────────

function PlacementSection({ d, onChanged }: Props) {
  const { t } = useLang();
  const writable = d.can.manage && d.endedOn === null;
  return (
    <section className="card" aria-labelledby="insats-placement-heading">
      <h2 id="insats-placement-heading">{t("insPlacement")}</h2>
      <h3>{t("insCarePlan")}</h3>
      <p>
        {t("insCarePlanOn")}: {d.carePlanOn ?? t("insNoCarePlan")}
      </p>
      {writable && <CarePlanForm d={d} onChanged={onChanged} />}
      <h3>{t("insOvervaganden")}</h3>
      <p>
        {t("insNextOvervagande")}: <strong>{dash(d.nextOvervagande)}</strong>
      </p>
      {d.overvaganden.length === 0 ? (
        <p>{t("insNoOvervaganden")}</p>
      ) : (
        <ScrollTable label={t("insOvervaganden")}>
          <table>
            <caption className="visually-hidden">{t("insOvervaganden")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("insDecidedOn")}</th>
                <th scope="col">{t("insConclusion")}</th>
                <th scope="col">{t("decidedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {d.overvaganden.map((o) => (
                <tr key={o.id}>
                  <td>{o.decidedOn}</td>
                  <td className="prewrap">{o.conclusion}</td>
                  <td>{o.decidedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {writable && d.startedOn && <OvervagandeForm d={d} onChanged={onChanged} />}
      {writable && !d.startedOn && <p className="hint">{t("insOvervagandeNeedsStart")}</p>}
    </section>
  );
}

function CarePlanForm({ d, onChanged }: Props) {
  const { t } = useLang();
  const [carePlanOn, setCarePlanOn] = useState(d.carePlanOn ?? stockholmToday());
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("insRecordCarePlan")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("insRecordCarePlan")}
      onSubmit={() => void run(() => insatsApi.carePlan(d.id, { carePlanOn }), onChanged)}
    >
      <Field
        label={t("insCarePlanOn")}
        type="date"
        value={carePlanOn}
        min={d.decidedOn}
        max={stockholmToday()}
        onChange={(e) => setCarePlanOn(e.target.value)}
        error={fieldAt(error, "carePlanOn")}
        required
      />
    </CaseForm>
  );
}

function OvervagandeForm({ d, onChanged }: Props) {
  const { t } = useLang();
  const [form, setForm] = useState({ decidedOn: stockholmToday(), conclusion: "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("insRecordOvervagande")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("insRecordOvervagande")}
      onSubmit={() =>
        void run(
          () => insatsApi.overvagande(d.id, form),
          async () => {
            setForm({ decidedOn: stockholmToday(), conclusion: "" });
            await onChanged();
          },
        )
      }
    >
      <Field
        label={t("insDecidedOn")}
        type="date"
        value={form.decidedOn}
        min={d.startedOn ?? undefined}
        max={stockholmToday()}
        onChange={(e) => setForm({ ...form, decidedOn: e.target.value })}
        error={fieldAt(error, "decidedOn")}
        required
      />
      <TextAreaField
        label={t("insConclusion")}
        value={form.conclusion}
        maxLength={5_000}
        onChange={(e) => setForm({ ...form, conclusion: e.target.value })}
        error={fieldAt(error, "conclusion")}
        required
      />
    </CaseForm>
  );
}

// ── Avslut ──────────────────────────────────────────────────────────────────────────────────────

function EndForm({ d, onChanged }: Props) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({ endedOn: stockholmToday(), endReason: "", outcome: "", confirm: false, note: "" });
  const { busy, error, run } = useSubmit();
  // "Målen uppnådda" while the follow-ups say a goal was not reached: confirmed on purpose, with a note.
  const contradiction = form.endReason === "mal_uppnatt" && (d.goalStatus.notReached > 0 || error?.code === "goals_not_reached");
  return (
    <CaseForm
      labelledBy="insats-end-heading"
      busy={busy}
      error={error}
      submitLabel={t("insEndInsats")}
      onSubmit={() =>
        void run(
          () =>
            insatsApi.end(d.id, {
              endedOn: form.endedOn,
              endReason: form.endReason as (typeof END_REASONS)[number],
              outcome: form.outcome,
              ...(contradiction ? { confirmContradiction: form.confirm, contradictionNote: form.note.trim() || undefined } : {}),
            }),
          onChanged,
        )
      }
    >
      <Field
        label={t("insEndedOn")}
        type="date"
        value={form.endedOn}
        min={d.startedOn ?? undefined}
        max={stockholmToday()}
        onChange={(e) => setForm({ ...form, endedOn: e.target.value })}
        error={fieldAt(error, "endedOn")}
        required
      />
      <SelectField
        label={t("insEndReason")}
        value={form.endReason}
        onChange={(v) => setForm({ ...form, endReason: v })}
        error={fieldAt(error, "endReason")}
        required
      >
        <option value="">{t("choose")}</option>
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {END_REASON_LABELS[r][lang]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("insOutcome")}
        value={form.outcome}
        maxLength={5_000}
        onChange={(e) => setForm({ ...form, outcome: e.target.value })}
        error={fieldAt(error, "outcome")}
        required
      />
      {contradiction && (
        <>
          <div className="alert alert-error field-wide" role="alert">
            <span aria-hidden="true">⚠ </span>
            <strong>{fill(t("igGoalsContradiction"), { reached: d.goalStatus.reached, total: d.goalStatus.total })}</strong>{" "}
            {t("igGoalsContradictionAsk")}
          </div>
          <CheckboxField
            label={t("igConfirmContradiction")}
            checked={form.confirm}
            onChange={(v) => setForm({ ...form, confirm: v })}
          />
          {fieldAt(error, "confirmContradiction") && (
            <p className="field-error field-wide">{fieldAt(error, "confirmContradiction")}</p>
          )}
          <TextAreaField
            label={t("igContradictionNote")}
            value={form.note}
            maxLength={2_000}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
            error={fieldAt(error, "contradictionNote")}
            required
          />
        </>
      )}
    </CaseForm>
  );
}
