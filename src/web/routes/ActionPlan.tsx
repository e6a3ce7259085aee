import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { AGENCY_LABELS, INFORMATION_CATEGORY_LABELS } from "../../domain/consent/vocabulary";
import {
  PLAN_AGENCIES,
  PLAN_AGENCY_LABELS,
  PLAN_STAGE_LABELS,
  type PlanAgency,
  type PlanStage,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  type TaskStatus,
} from "../../domain/samverkan-plan/rules";
import { stockholmToday } from "../../domain/time";
import { ApiError } from "../api";
import { useAuth } from "../auth";
import { actionPlanApi, type PlanDetail } from "../components/ActionPlanApi";
import { FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { useLang } from "../i18n";
import { NotFound } from "./NotFound";

function TaskForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const [agency, setAgency] = useState<PlanAgency>("socialtjanst");
  const [description, setDescription] = useState("");
  const [responsibleName, setResponsibleName] = useState("");
  const [responsibleUserId, setResponsibleUserId] = useState("");
  const [dueOn, setDueOn] = useState("");
  const { busy, error, run } = useSubmit();
  const fieldError = (name: string) => error?.fieldMessage(name);
  return (
    <details>
      <summary>{t("apAddTask")}</summary>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-label={t("apAddTask")}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              actionPlanApi.addTask(plan.id, {
                agency,
                description,
                responsibleName,
                ...(responsibleUserId ? { responsibleUserId } : {}),
                dueOn,
              }),
            onDone,
          );
        }}
      >
        <SelectField
          label={t("apAgency")}
          value={agency}
          onChange={(v) => setAgency(v as PlanAgency)}
          required
          error={fieldError("agency")}
        >
          {PLAN_AGENCIES.map((a) => (
            <option key={a} value={a}>
              {PLAN_AGENCY_LABELS[a][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("apDescription")}
          value={description}
          required
          maxLength={2000}
          onChange={(e) => setDescription(e.target.value)}
          error={fieldError("description")}
        />
        <Field
          label={t("apResponsibleName")}
          value={responsibleName}
          maxLength={200}
          onChange={(e) => setResponsibleName(e.target.value)}
          error={fieldError("responsibleName")}
        />
        <SelectField
          label={t("apResponsibleUser")}
          value={responsibleUserId}
          onChange={setResponsibleUserId}
          error={fieldError("responsibleUserId")}
        >
          <option value="">{t("apNoUser")}</option>
          {plan.staffChoices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("apDueOn")}
          type="date"
          value={dueOn}
          required
          onChange={(e) => setDueOn(e.target.value)}
          error={fieldError("dueOn")}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("apAddTask")}
          </button>
        </div>
      </form>
    </details>
  );
}

function FollowUpForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const [heldOn, setHeldOn] = useState(stockholmToday());
  const [meetingId, setMeetingId] = useState("");
  const [note, setNote] = useState("");
  const [nextFollowUpOn, setNextFollowUpOn] = useState("");
  const [statuses, setStatuses] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const fieldError = (name: string) => error?.fieldMessage(name);
  return (
    <details>
      <summary>{t("apNewFollowUp")}</summary>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-label={t("apNewFollowUp")}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              actionPlanApi.addFollowUp(plan.id, {
                heldOn,
                note,
                ...(meetingId ? { meetingId } : {}),
                ...(nextFollowUpOn ? { nextFollowUpOn } : {}),
                taskStatuses: Object.entries(statuses)
                  .filter(([, s]) => s)
                  .map(([taskId, s]) => ({ taskId, status: s as TaskStatus })),
              }),
            onDone,
          );
        }}
      >
        <Field
          label={t("apHeldOn")}
          type="date"
          value={heldOn}
          max={stockholmToday()}
          required
          onChange={(e) => setHeldOn(e.target.value)}
          error={fieldError("heldOn")}
        />
        <SelectField label={t("apMeeting")} value={meetingId} onChange={setMeetingId} error={fieldError("meetingId")}>
          <option value="">{t("apNoMeeting")}</option>
          {plan.meetingChoices.map((m) => (
            <option key={m.id} value={m.id}>
              {m.forumName}, {m.meetingOn}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t("apNote")}
          value={note}
          rows={3}
          required
          maxLength={5000}
          onChange={(e) => setNote(e.target.value)}
          error={fieldError("note")}
        />
        {plan.tasks.length > 0 && (
          <fieldset className="choice-group">
            <legend>{t("apTaskStatusAt")}</legend>
            {plan.tasks.map((task) => (
              <SelectField
                key={task.id}
                label={`${PLAN_AGENCY_LABELS[task.agency][lang]}: ${task.description}`}
                value={statuses[task.id] ?? ""}
                onChange={(v) => setStatuses((s) => ({ ...s, [task.id]: v }))}
              >
                <option value="">
                  {t("apUnchanged")} ({TASK_STATUS_LABELS[task.status][lang]})
                </option>
                {TASK_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {TASK_STATUS_LABELS[s][lang]}
                  </option>
                ))}
              </SelectField>
            ))}
          </fieldset>
        )}
        <Field
          label={t("apNextFollowUp")}
          type="date"
          value={nextFollowUpOn}
          onChange={(e) => setNextFollowUpOn(e.target.value)}
          error={fieldError("nextFollowUpOn")}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("apNewFollowUp")}
          </button>
        </div>
      </form>
    </details>
  );
}

function StageForm({ plan, onDone }: { plan: PlanDetail; onDone: () => void }) {
  const { t, lang } = useLang();
  const [to, setTo] = useState<string>(plan.allowedMoves[0] ?? "");
  const { busy, error, run } = useSubmit();
  if (plan.allowedMoves.length === 0) return <p>{t("apClosed")}</p>;
  return (
    <form
      className="inline-form"
      aria-label={t("apMove")}
      onSubmit={(e) => {
        e.preventDefault();
        void run(() => actionPlanApi.stage(plan.id, { to: to as PlanStage }), onDone);
      }}
    >
      <FormError error={error} />
      <SelectField label={t("apMoveTo")} value={to} onChange={setTo} required>
        {plan.allowedMoves.map((s) => (
          <option key={s} value={s}>
            {PLAN_STAGE_LABELS[s][lang]}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={busy}>
        {t("apMove")}
      </button>
    </form>
  );
}

function TaskStatusForm({ planId, task, onDone }: { planId: string; task: PlanDetail["tasks"][number]; onDone: () => void }) {
  const { t, lang } = useLang();
  const { busy, error, run } = useSubmit();
  return (
    <>
      <SelectField
        label={`${t("apSetStatus")}: ${task.description}`}
        value={task.status}
        onChange={(v) => void run(() => actionPlanApi.updateTask(planId, task.id, { status: v as TaskStatus }), onDone)}
      >
        {TASK_STATUSES.map((s) => (
          <option key={s} value={s}>
            {TASK_STATUS_LABELS[s][lang]}
          </option>
        ))}
      </SelectField>
      {busy && <span role="status">{t("loading")}</span>}
      {error && <Alert kind="error">{error.message}</Alert>}
    </>
  );
}

/** /atgardsplaner/:id: a joint action plan: goals, tasks per agency, follow-ups and stage. */
export function ActionPlan() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [plan, setPlan] = useState<PlanDetail | null>(null);
  const [failed, setFailed] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(0);
  const load = useCallback(() => {
    actionPlanApi
      .get(id)
      .then(setPlan)
      .catch((e) => setFailed(e instanceof ApiError ? e : new ApiError(0, "error", "", [])));
  }, [id]);
  useEffect(load, [load]);
  const done = () => {
    setSaved((n) => n + 1);
    load();
  };
  if (failed?.status === 404 || failed?.status === 400) return <NotFound />;
  if (failed) return <Alert kind="error">{t("error")}</Alert>;
  if (!plan) return <p role="status">{t("loading")}</p>;
  const closed = plan.stage === "avslutad";
  const meetingName = (meetingId: string) => {
    const m = plan.meetingChoices.find((x) => x.id === meetingId);
    return m ? `${m.forumName}, ${m.meetingOn}` : t("apMeeting");
  };
  return (
    <>
      <p>
        <Link to={`/personer/${plan.personId}`}>{t("apBackToPerson")}</Link>
      </p>
      <h1>
        {t("apPlanTitle")}: {plan.title}
      </h1>
      {saved > 0 && <Alert kind="success">{t("apSaved")}</Alert>}
      <section className="card" aria-label={plan.title}>
        <dl className="facts">
          <dt>{t("person")}</dt>
          <dd>{plan.personName}</dd>
          <dt>{t("apStage")}</dt>
          <dd>{PLAN_STAGE_LABELS[plan.stage][lang]}</dd>
          <dt>{t("apForum")}</dt>
          <dd>{plan.forumName ?? "—"}</dd>
          <dt>{t("apSharedWith")}</dt>
          <dd>{plan.agencies.map((a) => AGENCY_LABELS[a][lang]).join(", ")}</dd>
          <dt>{t("apCategories")}</dt>
          <dd>{plan.categories.map((c) => INFORMATION_CATEGORY_LABELS[c][lang]).join(", ")}</dd>
          <dt>{t("apNextFollowUp")}</dt>
          <dd>{plan.nextFollowUpOn ?? "—"}</dd>
        </dl>
        <h2>{t("apGoalsHeading")}</h2>
        <ul>
          {plan.goals.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="plan-tasks">
        <h2 id="plan-tasks">{t("apTasks")}</h2>
        {plan.tasks.length === 0 ? (
          <p>{t("apNoTasks")}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("apAgency")}</th>
                <th scope="col">{t("apDescription")}</th>
                <th scope="col">{t("apResponsible")}</th>
                <th scope="col">{t("apDueOn")}</th>
                <th scope="col">{t("apStatus")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.tasks.map((task) => (
                <tr key={task.id}>
                  <td>{PLAN_AGENCY_LABELS[task.agency][lang]}</td>
                  <td>{task.description}</td>
                  <td>{[task.responsibleUserName, task.responsibleName].filter(Boolean).join(", ") || "—"}</td>
                  <td>
                    {task.dueOn}
                    {task.overdue && (
                      <>
                        {" "}
                        <strong>({t("apOverdue")})</strong>
                      </>
                    )}
                  </td>
                  <td>
                    {closed ? (
                      TASK_STATUS_LABELS[task.status][lang]
                    ) : (
                      <TaskStatusForm planId={plan.id} task={task} onDone={done} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {!closed && <TaskForm key={`task-${plan.tasks.length}`} plan={plan} onDone={done} />}
      </section>
      <section className="card" aria-labelledby="plan-follow-ups">
        <h2 id="plan-follow-ups">{t("apFollowUps")}</h2>
        {plan.followUps.length === 0 ? (
          <p>{t("apNoFollowUps")}</p>
        ) : (
          <ul className="plain">
            {plan.followUps.map((f) => (
              <li key={f.id} className="subcard">
                <p>
                  <strong>{f.heldOn}</strong>
                  {f.meetingId && (
                    <>
                      {" · "}
                      {can("forum:manage") ? (
                        <Link to={`/samverkan/moten/${f.meetingId}`}>{meetingName(f.meetingId)}</Link>
                      ) : (
                        meetingName(f.meetingId)
                      )}
                    </>
                  )}
                  {" · "}
                  {t("apRecordedBy").toLowerCase()} {f.recordedByName}
                </p>
                <p>{f.note}</p>
                {f.taskStatuses.length > 0 && (
                  <ul>
                    {f.taskStatuses.map((s) => (
                      <li key={s.taskId}>
                        {plan.tasks.find((x) => x.id === s.taskId)?.description ?? ""}: {TASK_STATUS_LABELS[s.status][lang]}
                      </li>
                    ))}
                  </ul>
                )}
                {f.nextFollowUpOn && (
                  <p>
                    {t("apNextFollowUp")}: {f.nextFollowUpOn}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {!closed && <FollowUpForm key={`fu-${plan.followUps.length}`} plan={plan} onDone={done} />}
      </section>
      <section className="card" aria-labelledby="plan-stage">
        <h2 id="plan-stage">{t("apStageHeading")}</h2>
        <p>
          {t("apStage")}: <strong>{PLAN_STAGE_LABELS[plan.stage][lang]}</strong>
        </p>
        <StageForm key={plan.stage} plan={plan} onDone={done} />
        {plan.stageChanges.length > 0 && (
          <>
            <h3>{t("apStageHistory")}</h3>
            <ul>
              {plan.stageChanges.map((c) => (
                <li key={c.changedAt}>
                  {c.changedAt.slice(0, 10)}: {PLAN_STAGE_LABELS[c.fromStage][lang]} → {PLAN_STAGE_LABELS[c.toStage][lang]} (
                  {c.changedByName})
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
