import { useState } from "react";
import { NO_ASSESSMENT_REASON_LABELS, NO_ASSESSMENT_REASONS } from "../../domain/assessment-policy";
import { addCalendarDays, utredningDeadline } from "../../domain/clocks";
import { NOT_HEARD_REASON_LABELS, NOT_HEARD_REASONS } from "../../domain/guardians/vocabulary";
import { stockholmToday } from "../../domain/time";
import { api } from "../api";
import { useLang } from "../i18n";
import { type CaseInvestigation, caseApi } from "./CaseApi";
import { CaseAssessments } from "./CaseAssessments";
import { type CaseClock, ClockList, ClockStateText } from "./CaseClocks";
import {
  CaseForm,
  CheckboxField,
  FormError,
  MomentField,
  ReasonField,
  stockholmLocalToIso,
  stockholmNowLocal,
  TextAreaField,
  useSubmit,
} from "./CaseFormParts";
import { ProposeInstead } from "./CaseProposals";
import { Field, SelectField } from "./Field";

/** One utredning: dates, clock, methods, and the förlängning and completion forms while it runs. */
export function CaseInvestigationCard({
  caseId,
  birthDate,
  investigation: inv,
  index,
  clocks,
  canWrite,
  onChanged,
}: {
  caseId: string;
  /** The person's birth date: which instruments fit their age. */
  birthDate: string;
  investigation: CaseInvestigation;
  index: number;
  clocks: CaseClock[];
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `inv-${inv.id}`;
  const deadline = utredningDeadline(inv.openedOn, inv.extendedTo);
  const main = clocks.find((c) => c.clock === "utredning");
  const running = inv.completedOn === null;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t("investigation")} {index + 1} — {t("investigationOpenedOn")} {inv.openedOn}
      </h3>
      <dl className="facts">
        <dt>{t("openedOn")}</dt>
        <dd>{inv.openedOn}</dd>
        <dt>{t("dueDate")}</dt>
        <dd>{deadline.dueDate}</dd>
        <dt>{t("extendedTo")}</dt>
        <dd>{inv.extendedTo ?? "—"}</dd>
        <dt>{t("state")}</dt>
        <dd>
          {running ? t("investigationRunning") : `${t("investigationCompleted")} ${inv.completedOn}`}
          {main && (
            <>
              {" — "}
              <ClockStateText state={main.state} />
            </>
          )}
        </dd>
        {!running && (
          <>
            <dt>{t("guardiansDeclined")}</dt>
            <dd>{inv.guardiansDeclined ? t("yes") : t("no")}</dd>
          </>
        )}
        {!running && inv.noAssessmentReason && (
          <>
            <dt>{t("noAssessmentReason")}</dt>
            <dd>
              {NO_ASSESSMENT_REASON_LABELS[inv.noAssessmentReason][lang]}
              {inv.noAssessmentNote && <>: {inv.noAssessmentNote}</>}
            </dd>
          </>
        )}
      </dl>
      <ClockList clocks={clocks} label={t("deadlines")} />
      <Methods investigation={inv} canWrite={canWrite} onChanged={onChanged} />
      <CaseAssessments caseId={caseId} investigationId={inv.id} birthDate={birthDate} canWrite={canWrite} />
      {canWrite && running && (
        <>
          <ExtensionForm caseId={caseId} investigationId={inv.id} currentDueDate={deadline.dueDate} onChanged={onChanged} />
          <CompleteForm investigationId={inv.id} onChanged={onChanged} />
        </>
      )}
    </article>
  );
}

/** Methods are set as a whole list (PUT /api/investigations/:id/methods): add appends, remove drops one. */
function Methods({
  investigation: inv,
  canWrite,
  onChanged,
}: {
  investigation: CaseInvestigation;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  const [method, setMethod] = useState("");
  const { busy, error, run } = useSubmit();
  const save = (methods: string[]) => run(() => caseApi.setMethods(inv.id, methods), onChanged);
  return (
    <>
      <h4>{t("methods")}</h4>
      {inv.methods.length === 0 ? (
        <p>{t("noMethods")}</p>
      ) : (
        <ul>
          {inv.methods.map((m, i) => (
            <li key={`${m}-${i}`}>
              {m}{" "}
              {canWrite && (
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => void save(inv.methods.filter((_, j) => j !== i))}
                >
                  {t("remove")}
                  <span className="visually-hidden"> {m}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <>
          <FormError error={error} />
          <form
            className="inline-form"
            aria-label={t("addMethod")}
            onSubmit={(e) => {
              e.preventDefault();
              const m = method.trim();
              if (m) void save([...inv.methods, m]).then((ok) => ok && setMethod(""));
            }}
          >
            <Field
              label={t("method")}
              value={method}
              maxLength={200}
              onChange={(e) => setMethod(e.target.value)}
              error={error?.fieldMessage("methods")}
              required
            />
            <button type="submit" disabled={busy}>
              {t("addMethod")}
            </button>
          </form>
        </>
      )}
    </>
  );
}

function ExtensionForm({
  caseId,
  investigationId,
  currentDueDate,
  onChanged,
}: {
  caseId: string;
  investigationId: string;
  currentDueDate: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  const [form, setForm] = useState({ reason: "", newEndDate: "", decidedAt: stockholmNowLocal() });
  const { busy, error, run, setError } = useSubmit();
  return (
    <>
      <CaseForm
        heading={t("extension")}
        level={4}
        busy={busy}
        error={error}
        submitLabel={t("extend")}
        onSubmit={() =>
          void run(
            () =>
              api.extend(investigationId, {
                reason: form.reason,
                newEndDate: form.newEndDate,
                decidedAt: stockholmLocalToIso(form.decidedAt),
              }),
            onChanged,
          )
        }
      >
        <Field
          label={t("newEndDate")}
          hint={`${t("laterThan")} ${currentDueDate}`}
          type="date"
          value={form.newEndDate}
          min={addCalendarDays(currentDueDate, 1)}
          onChange={(e) => setForm({ ...form, newEndDate: e.target.value })}
          error={error?.fieldMessage("newEndDate")}
          required
        />
        <MomentField
          label={t("decidedAt")}
          value={form.decidedAt}
          onChange={(v) => setForm({ ...form, decidedAt: v })}
          error={error?.fieldMessage("decidedAt")}
        />
        <ReasonField
          value={form.reason}
          onChange={(v) => setForm({ ...form, reason: v })}
          error={error?.fieldMessage("reason") ?? error?.fieldMessage("type")}
        />
      </CaseForm>
      {/* Förlängning delegated to someone else: the same fields as a förslag till beslut. */}
      <ProposeInstead
        caseId={caseId}
        refusal={error}
        fields={() => ({ type: "forlangning", investigationId, reason: form.reason, newEndDate: form.newEndDate })}
        onSent={async () => {
          setError(null);
          await onChanged();
        }}
      />
    </>
  );
}

function CompleteForm({ investigationId, onChanged }: { investigationId: string; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    completedOn: stockholmToday(),
    guardiansDeclined: false,
    noAssessmentReason: "",
    noAssessmentNote: "",
    childView: "",
    childNotHeardReason: "",
    childNotHeardNote: "",
  });
  const { busy, error, run } = useSubmit();
  const body = {
    completedOn: form.completedOn,
    guardiansDeclined: form.guardiansDeclined,
    ...(form.noAssessmentReason ? { noAssessmentReason: form.noAssessmentReason } : {}),
    ...(form.noAssessmentNote.trim() ? { noAssessmentNote: form.noAssessmentNote } : {}),
    // Barnets syn: required unless already documented in the investigation (the server says which).
    ...(form.childView.trim() ? { childView: form.childView } : {}),
    ...(form.childNotHeardReason ? { childNotHeardReason: form.childNotHeardReason } : {}),
    ...(form.childNotHeardNote.trim() ? { childNotHeardNote: form.childNotHeardNote } : {}),
  };
  return (
    <CaseForm
      heading={t("completeInvestigation")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("completeInvestigation")}
      onSubmit={() => void run(() => api.completeInvestigation(investigationId, body), onChanged)}
    >
      <Field
        label={t("completedOn")}
        type="date"
        value={form.completedOn}
        max={stockholmToday()}
        onChange={(e) => setForm({ ...form, completedOn: e.target.value })}
        error={error?.fieldMessage("completedOn")}
        required
      />
      <CheckboxField
        label={t("guardiansDeclined")}
        checked={form.guardiansDeclined}
        onChange={(v) => setForm({ ...form, guardiansDeclined: v })}
      />
      <SelectField
        label={t("noAssessmentReason")}
        hint={t("noAssessmentHint")}
        value={form.noAssessmentReason}
        onChange={(v) => setForm({ ...form, noAssessmentReason: v })}
        error={error?.fieldMessage("noAssessmentReason")}
      >
        <option value="">{t("choose")}</option>
        {NO_ASSESSMENT_REASONS.map((r) => (
          <option key={r} value={r}>
            {NO_ASSESSMENT_REASON_LABELS[r][lang]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("noAssessmentNote")}
        value={form.noAssessmentNote}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, noAssessmentNote: e.target.value })}
        error={error?.fieldMessage("noAssessmentNote")}
      />
      <fieldset className="field-wide">
        <legend>{t("guaChildViewTitle")}</legend>
        <p className="hint">{t("guaCompletionHint")}</p>
        <TextAreaField
          label={t("guaView")}
          value={form.childView}
          maxLength={10_000}
          rows={3}
          onChange={(e) => setForm({ ...form, childView: e.target.value })}
          error={error?.fieldMessage("childView")}
        />
        <SelectField
          label={t("guaNotHeardReason")}
          value={form.childNotHeardReason}
          onChange={(v) => setForm({ ...form, childNotHeardReason: v })}
          error={error?.fieldMessage("childNotHeardReason")}
        >
          <option value="">{t("choose")}</option>
          {NOT_HEARD_REASONS.map((r) => (
            <option key={r} value={r}>
              {NOT_HEARD_REASON_LABELS[r][lang]}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          label={t("guaNotHeardNote")}
          value={form.childNotHeardNote}
          maxLength={2_000}
          rows={2}
          onChange={(e) => setForm({ ...form, childNotHeardNote: e.target.value })}
          error={error?.fieldMessage("childNotHeardNote")}
        />
      </fieldset>
    </CaseForm>
  );
}
