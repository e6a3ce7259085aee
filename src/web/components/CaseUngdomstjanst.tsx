import { useState } from "react";
import type { JudgmentView } from "../../contracts/ungdomstjanst";
import { caseAccepts } from "../../domain/case-flow";
import { stockholmToday } from "../../domain/time";
import { ATTENDANCE, END_REASONS, type EndReason, SESSION_KINDS } from "../../domain/ungdomstjanst/ungdomstjanst";
import type { ApiError } from "../api";
import { useLang } from "../i18n";
import { CLOCK_LABELS, label } from "../labels";
import { ATTENDANCE_LABELS, END_REASON_LABELS, SESSION_KIND_LABELS, UT_STATUS_LABELS } from "../texts/ungdomstjanst";
import type { CaseFile } from "./CaseApi";
import { ClockStateText } from "./CaseClocks";
import { CaseForm, TextAreaField, useSubmit } from "./CaseFormParts";
import { CaseRecordPanel } from "./CaseRecordPanel";
import { Field, SelectField } from "./Field";
import { youthSanctionApi } from "./YouthSanctionApi";

/** Judgments to ungdomstjänst on the case: placement, schedule and attendance, hours done and left, misconduct, completion. */
export function CaseUngdomstjanst({ caseFile: c, canWrite }: { caseFile: CaseFile; canWrite: boolean }) {
  return (
    <CaseRecordPanel<JudgmentView>
      id="ut"
      heading="utHeading"
      intro="utIntro"
      none="utNone"
      caseId={c.id}
      fetch={youthSanctionApi.judgments}
      card={(j, i, changed) => <JudgmentCard key={j.id} j={j} index={i} canWrite={canWrite} onChanged={changed} />}
      form={(_, changed) =>
        canWrite && caseAccepts(c.closedAt !== null, "record") && <JudgmentForm caseId={c.id} onChanged={changed} />
      }
    />
  );
}

const emptyJudgment = { court: "", caseNumber: "", judgmentOn: "", hours: "", programmeHours: "0", startBy: "", completeBy: "" };

function JudgmentForm({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [form, setForm] = useState(emptyJudgment);
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof emptyJudgment) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <CaseForm
      heading={t("utNew")}
      busy={busy}
      error={error}
      submitLabel={t("utRegister")}
      onSubmit={() =>
        void run(
          () =>
            youthSanctionApi.createJudgment(caseId, {
              court: form.court,
              caseNumber: form.caseNumber,
              judgmentOn: form.judgmentOn,
              hours: Number(form.hours),
              programmeHours: Number(form.programmeHours),
              startBy: form.startBy || null,
              completeBy: form.completeBy || null,
            }),
          async () => {
            setForm(emptyJudgment);
            await onChanged();
          },
        )
      }
    >
      <JudgmentFields form={form} set={set} error={error} />
    </CaseForm>
  );
}

type JudgmentForm = typeof emptyJudgment;

/** The judgment's facts, as registered and as corrected. */
function JudgmentFields({
  form,
  set,
  error,
}: {
  form: JudgmentForm;
  set: (k: keyof JudgmentForm) => (e: { target: { value: string } }) => void;
  error: ApiError | null;
}) {
  const { t } = useLang();
  return (
    <>
      <Field
        label={t("utCourt")}
        value={form.court}
        maxLength={120}
        onChange={set("court")}
        error={error?.fieldMessage("court")}
        required
      />
      <Field
        label={t("utCaseNumber")}
        value={form.caseNumber}
        maxLength={40}
        onChange={set("caseNumber")}
        error={error?.fieldMessage("caseNumber")}
        required
      />
      <Field
        label={t("utJudgmentOn")}
        type="date"
        value={form.judgmentOn}
        max={stockholmToday()}
        onChange={set("judgmentOn")}
        error={error?.fieldMessage("judgmentOn")}
        required
      />
      <Field
        label={t("utHours")}
        type="number"
        value={form.hours}
        onChange={set("hours")}
        error={error?.fieldMessage("hours")}
        required
      />
      <Field
        label={t("utProgrammeHours")}
        type="number"
        value={form.programmeHours}
        onChange={set("programmeHours")}
        error={error?.fieldMessage("programmeHours")}
        required
      />
      <Field
        label={t("utStartBy")}
        type="date"
        value={form.startBy}
        onChange={set("startBy")}
        error={error?.fieldMessage("startBy")}
      />
      <Field
        label={t("utCompleteBy")}
        type="date"
        value={form.completeBy}
        onChange={set("completeBy")}
        error={error?.fieldMessage("completeBy")}
      />
    </>
  );
}

function JudgmentCard({
  j,
  index,
  canWrite,
  onChanged,
}: {
  j: JudgmentView;
  index: number;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `ut-${j.id}`;
  const open = canWrite && j.status !== "fullgjord" && j.status !== "avslutad_ej_fullgjord";
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("utJudgment")} {index + 1}: {j.court} {j.caseNumber}
      </h3>
      <dl className="facts">
        <dt>{t("yoLegalBasis")}</dt>
        <dd>{j.legalBasis}</dd>
        <dt>{t("utJudgmentOn")}</dt>
        <dd>{j.judgmentOn}</dd>
        <dt>{t("utStatus")}</dt>
        <dd>{label(UT_STATUS_LABELS, j.status, lang)}</dd>
        <dt>{t("utHours")}</dt>
        <dd>{j.progress.hours}</dd>
        <dt>{t("utDone")}</dt>
        <dd>{j.progress.done}</dd>
        <dt>{t("utLeft")}</dt>
        <dd>{j.progress.left}</dd>
        <dt>{t("utProgrammeDone")}</dt>
        <dd>
          {j.progress.programmeDone} / {j.progress.programmeHours}
        </dd>
        {j.workplace && (
          <>
            <dt>{t("utWorkplace")}</dt>
            <dd>{j.workplace}</dd>
            <dt>{t("utSupervisor")}</dt>
            <dd>{j.supervisorName}</dd>
            <dt>{t("utPlacedOn")}</dt>
            <dd>{j.placedOn}</dd>
          </>
        )}
        {j.completedOn && (
          <>
            <dt>{t("utCompletedOn")}</dt>
            <dd>{j.completedOn}</dd>
          </>
        )}
        {j.endedOn && (
          <>
            <dt>{t("utEndedOn")}</dt>
            <dd>{j.endedOn}</dd>
            <dt>{t("utEndReason")}</dt>
            <dd>{j.endReason ? label(END_REASON_LABELS, j.endReason, lang) : ""}</dd>
            {j.endNote && (
              <>
                <dt>{t("utEndNote")}</dt>
                <dd className="prewrap">{j.endNote}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {j.clocks.length > 0 && (
        <table>
          <caption>{t("utClocks")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("yoClock")}</th>
              <th scope="col">{t("yoDueOn")}</th>
              <th scope="col">{t("yoStatus")}</th>
            </tr>
          </thead>
          <tbody>
            {j.clocks.map((c) => (
              <tr key={c.kind}>
                <th scope="row">{label(CLOCK_LABELS, c.kind, lang)}</th>
                <td>{c.dueDate}</td>
                <td>
                  <ClockStateText state={c.state} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Sessions j={j} canWrite={open} onChanged={onChanged} />
      {j.misconduct.length > 0 && (
        <table>
          <caption>{t("utReports")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("utReportedOn")}</th>
              <th scope="col">{t("utProsecutorReference")}</th>
              <th scope="col">{t("utMisconductNote")}</th>
            </tr>
          </thead>
          <tbody>
            {j.misconduct.map((m) => (
              <tr key={m.id}>
                <td>{m.reportedOn}</td>
                <td>{m.prosecutorReference}</td>
                <td className="prewrap">{m.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && <PlacementForm j={j} onChanged={onChanged} />}
      {open && <SessionForm j={j} onChanged={onChanged} />}
      {open && <MisconductForm j={j} onChanged={onChanged} />}
      {open && j.progress.left === 0 && <CompleteForm j={j} onChanged={onChanged} />}
      {open && <EditForm j={j} onChanged={onChanged} />}
      {open && j.progress.left > 0 && <EndForm j={j} onChanged={onChanged} />}
    </article>
  );
}

function Sessions({ j, canWrite, onChanged }: { j: JudgmentView; canWrite: boolean; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  if (j.sessions.length === 0) return <p>{t("utNoSessions")}</p>;
  return (
    <table>
      <caption>{t("utSessions")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("utSessionDate")}</th>
          <th scope="col">{t("utSessionKind")}</th>
          <th scope="col">{t("utSessionHours")}</th>
          <th scope="col">{t("utAttendance")}</th>
          <th scope="col">{t("utNote")}</th>
        </tr>
      </thead>
      <tbody>
        {j.sessions.map((s) => (
          <tr key={s.id}>
            <td>{s.on}</td>
            <td>{label(SESSION_KIND_LABELS, s.kind, lang)}</td>
            <td>{s.hours}</td>
            <td>
              {s.attendance === "planerad" && canWrite ? (
                <AttendanceControl sessionId={s.id} on={s.on} onChanged={onChanged} />
              ) : (
                label(ATTENDANCE_LABELS, s.attendance, lang)
              )}
            </td>
            <td className="prewrap">{s.note ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The attendance of a planned session, recorded once its day has come. */
function AttendanceControl({ sessionId, on, onChanged }: { sessionId: string; on: string; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [attendance, setAttendance] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={`${t("utRecordAttendance")} ${on}`}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utRecordAttendance")}
      className="inline-form"
      onSubmit={() =>
        void run(
          () =>
            youthSanctionApi.attendance(sessionId, { attendance: attendance as "fullgjord" | "uteblev" | "giltigt_franvaro" }),
          onChanged,
        )
      }
    >
      <SelectField label={t("utAttendance")} value={attendance} onChange={setAttendance} required>
        <option value="">{t("choose")}</option>
        {ATTENDANCE.filter((a) => a !== "planerad").map((a) => (
          <option key={a} value={a}>
            {label(ATTENDANCE_LABELS, a, lang)}
          </option>
        ))}
      </SelectField>
    </CaseForm>
  );
}

function PlacementForm({ j, onChanged }: { j: JudgmentView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [form, setForm] = useState({
    workplace: j.workplace ?? "",
    supervisorName: j.supervisorName ?? "",
    placedOn: j.placedOn ?? stockholmToday(),
  });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("utPlacementHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utPlace")}
      onSubmit={() => void run(() => youthSanctionApi.place(j.id, form), onChanged)}
    >
      <Field
        label={t("utWorkplace")}
        value={form.workplace}
        maxLength={200}
        onChange={(e) => setForm({ ...form, workplace: e.target.value })}
        error={error?.fieldMessage("workplace")}
        required
      />
      <Field
        label={t("utSupervisor")}
        value={form.supervisorName}
        maxLength={120}
        onChange={(e) => setForm({ ...form, supervisorName: e.target.value })}
        error={error?.fieldMessage("supervisorName")}
        required
      />
      <Field
        label={t("utPlacedOn")}
        type="date"
        value={form.placedOn}
        onChange={(e) => setForm({ ...form, placedOn: e.target.value })}
        error={error?.fieldMessage("placedOn")}
        required
      />
    </CaseForm>
  );
}

function SessionForm({ j, onChanged }: { j: JudgmentView; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const empty = { on: stockholmToday(), kind: "arbete", hours: "", attendance: "", note: "" };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("utNewSession")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utRecordSession")}
      onSubmit={() =>
        void run(
          () =>
            youthSanctionApi.addSession(j.id, {
              on: form.on,
              kind: form.kind as "arbete" | "program",
              hours: Number(form.hours),
              attendance: form.attendance as (typeof ATTENDANCE)[number],
              note: form.note.trim() || null,
            }),
          async () => {
            setForm(empty);
            await onChanged();
          },
        )
      }
    >
      <Field
        label={t("utSessionDate")}
        type="date"
        value={form.on}
        onChange={(e) => setForm({ ...form, on: e.target.value })}
        error={error?.fieldMessage("on")}
        required
      />
      <SelectField label={t("utSessionKind")} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} required>
        {SESSION_KINDS.map((k) => (
          <option key={k} value={k}>
            {label(SESSION_KIND_LABELS, k, lang)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("utSessionHours")}
        type="number"
        step="0.5"
        value={form.hours}
        onChange={(e) => setForm({ ...form, hours: e.target.value })}
        error={error?.fieldMessage("hours")}
        required
      />
      <SelectField
        label={t("utAttendance")}
        value={form.attendance}
        onChange={(v) => setForm({ ...form, attendance: v })}
        error={error?.fieldMessage("attendance")}
        required
      >
        <option value="">{t("choose")}</option>
        {ATTENDANCE.map((a) => (
          <option key={a} value={a}>
            {label(ATTENDANCE_LABELS, a, lang)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("utNote")}
        value={form.note}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
        error={error?.fieldMessage("note")}
      />
    </CaseForm>
  );
}

function MisconductForm({ j, onChanged }: { j: JudgmentView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const empty = { reportedOn: stockholmToday(), prosecutorReference: "", note: "" };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("utMisconductHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utReport")}
      onSubmit={() =>
        void run(
          () => youthSanctionApi.misconduct(j.id, form),
          async () => {
            setForm(empty);
            await onChanged();
          },
        )
      }
    >
      <Field
        label={t("utReportedOn")}
        type="date"
        value={form.reportedOn}
        max={stockholmToday()}
        onChange={(e) => setForm({ ...form, reportedOn: e.target.value })}
        error={error?.fieldMessage("reportedOn")}
        required
      />
      <Field
        label={t("utProsecutorReference")}
        value={form.prosecutorReference}
        maxLength={60}
        onChange={(e) => setForm({ ...form, prosecutorReference: e.target.value })}
        error={error?.fieldMessage("prosecutorReference")}
        required
      />
      <TextAreaField
        label={t("utMisconductNote")}
        value={form.note}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
        error={error?.fieldMessage("note")}
        required
      />
    </CaseForm>
  );
}

function CompleteForm({ j, onChanged }: { j: JudgmentView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [completedOn, setCompletedOn] = useState(stockholmToday());
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("utCompleteHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utComplete")}
      onSubmit={() => void run(() => youthSanctionApi.complete(j.id, completedOn), onChanged)}
    >
      <Field
        label={t("utCompletedOn")}
        type="date"
        value={completedOn}
        max={stockholmToday()}
        onChange={(e) => setCompletedOn(e.target.value)}
        error={error?.fieldMessage("completedOn")}
        required
      />
    </CaseForm>
  );
}

/** Corrects the judgment as registered: the court, case number, days and hours; only what changed is sent. */
function EditForm({ j, onChanged }: { j: JudgmentView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const initial: JudgmentForm = {
    court: j.court,
    caseNumber: j.caseNumber,
    judgmentOn: j.judgmentOn,
    hours: String(j.progress.hours),
    programmeHours: String(j.progress.programmeHours),
    startBy: j.startBy ?? "",
    completeBy: j.completeBy ?? "",
  };
  const [form, setForm] = useState(initial);
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof initial) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const changes = () => {
    const out: Record<string, string | number | null> = {};
    if (form.court !== initial.court) out.court = form.court;
    if (form.caseNumber !== initial.caseNumber) out.caseNumber = form.caseNumber;
    if (form.judgmentOn !== initial.judgmentOn) out.judgmentOn = form.judgmentOn;
    if (form.hours !== initial.hours) out.hours = Number(form.hours);
    if (form.programmeHours !== initial.programmeHours) out.programmeHours = Number(form.programmeHours);
    if (form.startBy !== initial.startBy) out.startBy = form.startBy || null;
    if (form.completeBy !== initial.completeBy) out.completeBy = form.completeBy || null;
    return out;
  };
  return (
    <CaseForm
      heading={t("utEditHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utSaveEdit")}
      onSubmit={() => void run(() => youthSanctionApi.update(j.id, changes()), onChanged)}
    >
      <p className="hint field-wide">{t("utEditHint")}</p>
      <JudgmentFields form={form} set={set} error={error} />
    </CaseForm>
  );
}

/** Ends the judgment without completion, with the day, the reason and a comment. */
function EndForm({ j, onChanged }: { j: JudgmentView; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({ endedOn: stockholmToday(), reason: "", note: "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("utEndHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("utEnd")}
      onSubmit={() =>
        void run(
          () =>
            youthSanctionApi.end(j.id, {
              endedOn: form.endedOn,
              reason: form.reason as EndReason,
              note: form.note.trim() || null,
            }),
          onChanged,
        )
      }
    >
      <p className="hint field-wide">{t("utEndHint")}</p>
      <Field
        label={t("utEndedOn")}
        type="date"
        value={form.endedOn}
        max={stockholmToday()}
        onChange={(e) => setForm({ ...form, endedOn: e.target.value })}
        error={error?.fieldMessage("endedOn")}
        required
      />
      <SelectField
        label={t("utEndReason")}
        value={form.reason}
        onChange={(v) => setForm({ ...form, reason: v })}
        error={error?.fieldMessage("reason")}
        required
      >
        <option value="">{t("choose")}</option>
        {END_REASONS.map((r) => (
          <option key={r} value={r}>
            {label(END_REASON_LABELS, r, lang)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("utEndNote")}
        value={form.note}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, note: e.target.value })}
        error={error?.fieldMessage("note")}
        required={form.reason === "annat"}
      />
    </CaseForm>
  );
}
