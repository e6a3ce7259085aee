import { useState } from "react";
import { addCalendarDays, utredningDeadline } from "../../domain/clocks";
import { stockholmToday } from "../../domain/time";
import { api } from "../api";
import { useLang } from "../i18n";
import { type CaseInvestigation, caseApi } from "./CaseApi";
import { type CaseClock, ClockList, ClockStateText } from "./CaseClocks";
import {
  CaseForm,
  CheckboxField,
  FormError,
  MomentField,
  ReasonField,
  stockholmLocalToIso,
  stockholmNowLocal,
  useSubmit,
} from "./CaseFormParts";
import { Field } from "./Field";

/** One utredning: dates, clock, methods, and the förlängning and completion forms while it runs. */
export function CaseInvestigationCard({
  investigation: inv,
  index,
  clocks,
  canWrite,
  onChanged,
}: {
  investigation: CaseInvestigation;
  index: number;
  clocks: CaseClock[];
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
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
      </dl>
      <ClockList clocks={clocks} label={t("deadlines")} />
      <Methods investigation={inv} canWrite={canWrite} onChanged={onChanged} />
      {canWrite && running && (
        <>
          <ExtensionForm investigationId={inv.id} currentDueDate={deadline.dueDate} onChanged={onChanged} />
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
  investigationId,
  currentDueDate,
  onChanged,
}: {
  investigationId: string;
  currentDueDate: string;
  onChanged: () => Promise<void>;
}) {
  const { t } = useLang();
  const [form, setForm] = useState({ reason: "", newEndDate: "", decidedAt: stockholmNowLocal() });
  const { busy, error, run } = useSubmit();
  return (
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
  );
}

function CompleteForm({ investigationId, onChanged }: { investigationId: string; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [form, setForm] = useState({ completedOn: stockholmToday(), guardiansDeclined: false });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("completeInvestigation")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("completeInvestigation")}
      onSubmit={() => void run(() => api.completeInvestigation(investigationId, form), onChanged)}
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
    </CaseForm>
  );
}
