import { useEffect, useState } from "react";
import type { YttrandeView } from "../../contracts/young-offenders";
import { caseAccepts } from "../../domain/case-flow";
import { OFFENCE_CATEGORIES, PROPOSED_MEASURES, YTTRANDE_REQUESTERS } from "../../domain/lul/yttrande";
import { stockholmToday } from "../../domain/time";
import { formatDateTime, useLang } from "../i18n";
import { MEASURE_LABELS, OFFENCE_LABELS, REQUESTER_LABELS, YTTRANDE_STATUS_LABELS, yoLabel } from "../texts/young-offenders";
import { assessmentApi } from "./AssessmentApi";
import type { CaseFile } from "./CaseApi";
import { ClockStateText } from "./CaseClocks";
import {
  CaseForm,
  CheckboxGroup,
  MomentField,
  stockholmLocalToIso,
  stockholmNowLocal,
  TextAreaField,
  useSubmit,
} from "./CaseFormParts";
import { CaseRecordPanel } from "./CaseRecordPanel";
import { Field, SelectField } from "./Field";
import { youngOffenderApi } from "./YoungOffenderApi";

/** Requests for yttranden under LUL on the case: register, write, sign under delegation, send. */
export function CaseLul({
  caseFile: c,
  canWrite,
  onChanged,
}: {
  caseFile: CaseFile;
  canWrite: boolean;
  /** Reloads the case file: a signature or an LVU decision adds to its decisions. */
  onChanged?: () => Promise<void>;
}) {
  return (
    <CaseRecordPanel<YttrandeView>
      id="lul"
      heading="yoLulHeading"
      intro="yoLulIntro"
      none="yoNoYttranden"
      caseId={c.id}
      fetch={youngOffenderApi.yttranden}
      onChanged={onChanged}
      card={(y, i, changed) => <YttrandeCard key={y.id} y={y} index={i} caseFile={c} canWrite={canWrite} onChanged={changed} />}
      form={(_, changed) =>
        canWrite && caseAccepts(c.closedAt !== null, "record") && <RequestForm caseId={c.id} onChanged={changed} />
      }
    />
  );
}

function RequestForm({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const today = stockholmToday();
  const [form, setForm] = useState({ requesterKind: "", requesterReference: "", offenceCategory: "", askedOn: today, dueOn: "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("yoNewRequest")}
      busy={busy}
      error={error}
      submitLabel={t("yoRegister")}
      onSubmit={() =>
        void run(
          // The server checks the choices (400 for an unknown one); the selects offer only valid ones.
          () => youngOffenderApi.createYttrande(caseId, form as Parameters<typeof youngOffenderApi.createYttrande>[1]),
          async () => {
            setForm({ requesterKind: "", requesterReference: "", offenceCategory: "", askedOn: stockholmToday(), dueOn: "" });
            await onChanged();
          },
        )
      }
    >
      <SelectField
        label={t("yoRequester")}
        value={form.requesterKind}
        onChange={(v) => setForm({ ...form, requesterKind: v })}
        error={error?.fieldMessage("requesterKind")}
        required
      >
        <option value="">{t("choose")}</option>
        {YTTRANDE_REQUESTERS.map((r) => (
          <option key={r} value={r}>
            {yoLabel(REQUESTER_LABELS, r, lang)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("yoReference")}
        value={form.requesterReference}
        maxLength={60}
        onChange={(e) => setForm({ ...form, requesterReference: e.target.value })}
        error={error?.fieldMessage("requesterReference")}
        required
      />
      <SelectField
        label={t("yoOffence")}
        value={form.offenceCategory}
        onChange={(v) => setForm({ ...form, offenceCategory: v })}
        error={error?.fieldMessage("offenceCategory")}
        required
      >
        <option value="">{t("choose")}</option>
        {OFFENCE_CATEGORIES.map((o) => (
          <option key={o} value={o}>
            {yoLabel(OFFENCE_LABELS, o, lang)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("yoAskedOn")}
        type="date"
        value={form.askedOn}
        max={today}
        onChange={(e) => setForm({ ...form, askedOn: e.target.value })}
        error={error?.fieldMessage("askedOn")}
        required
      />
      <Field
        label={t("yoDueOn")}
        type="date"
        value={form.dueOn}
        onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
        error={error?.fieldMessage("dueOn")}
        required
      />
    </CaseForm>
  );
}

function YttrandeCard({
  y,
  index,
  caseFile: c,
  canWrite,
  onChanged,
}: {
  y: YttrandeView;
  index: number;
  caseFile: CaseFile;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `yttrande-${y.id}`;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("yoYttrande")} {index + 1}: {yoLabel(REQUESTER_LABELS, y.requesterKind, lang)} {y.requesterReference}
      </h3>
      <dl className="facts">
        <dt>{t("yoLegalBasis")}</dt>
        <dd>{y.legalBasis}</dd>
        <dt>{t("yoOffence")}</dt>
        <dd>{yoLabel(OFFENCE_LABELS, y.offenceCategory, lang)}</dd>
        <dt>{t("yoAskedOn")}</dt>
        <dd>{y.askedOn}</dd>
        <dt>{t("yoDueOn")}</dt>
        <dd>
          {y.dueOn} — <ClockStateText state={y.clock.state} />
          {(y.clock.state === "due" || y.clock.state === "due_soon" || y.clock.state === "overdue") && (
            <span className="hint">
              {" "}
              ({t("daysLeft")}: {y.clock.daysLeft})
            </span>
          )}
        </dd>
        <dt>{t("yoStatus")}</dt>
        <dd>{yoLabel(YTTRANDE_STATUS_LABELS, y.status, lang)}</dd>
        {y.signedAt && (
          <>
            <dt>{t("yoSignedBy")}</dt>
            <dd>
              {y.signedByName} ({formatDateTime(y.signedAt, lang)})
            </dd>
          </>
        )}
        {y.sentOn && (
          <>
            <dt>{t("yoSentOn")}</dt>
            <dd>{y.sentOn}</dd>
          </>
        )}
        <dt>{t("yoProposedMeasure")}</dt>
        <dd>{y.proposedMeasure ? yoLabel(MEASURE_LABELS, y.proposedMeasure, lang) : "—"}</dd>
      </dl>
      {y.status === "requested" && canWrite && <WriteForm y={y} caseFile={c} onChanged={onChanged} />}
      {y.status !== "requested" && <SignedSections y={y} />}
      {y.status === "requested" && canWrite && <SignForm y={y} onChanged={onChanged} />}
      {y.status === "signed" && canWrite && <SendForm y={y} onChanged={onChanged} />}
    </article>
  );
}

const SECTIONS = ["previousMeasures", "needAssessment", "plannedMeasures", "youngPersonsView"] as const;
const SECTION_TEXT = {
  previousMeasures: "yoPreviousMeasures",
  needAssessment: "yoNeedAssessment",
  plannedMeasures: "yoPlannedMeasures",
  youngPersonsView: "yoYoungPersonsView",
} as const;

function SignedSections({ y }: { y: YttrandeView }) {
  const { t } = useLang();
  return (
    <dl className="facts">
      {SECTIONS.map((s) => (
        <div key={s}>
          <dt>{t(SECTION_TEXT[s])}</dt>
          <dd className="prewrap">{y[s] ?? "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

function WriteForm({ y, caseFile: c, onChanged }: { y: YttrandeView; caseFile: CaseFile; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    previousMeasures: y.previousMeasures ?? "",
    needAssessment: y.needAssessment ?? "",
    plannedMeasures: y.plannedMeasures ?? "",
    youngPersonsView: y.youngPersonsView ?? "",
    proposedMeasure: y.proposedMeasure ?? "",
    investigationIds: y.investigationIds,
    assessmentIds: y.assessmentIds,
  });
  const { busy, error, run } = useSubmit();
  // Only signed assessments may be drawn on (the server refuses others).
  const [signed, setSigned] = useState<{ id: string; label: string }[]>([]);
  useEffect(() => {
    assessmentApi.assessments(c.id).then(
      (r) =>
        setSigned(
          r.items.filter((a) => a.status === "signed").map((a) => ({ id: a.id, label: `${a.instrument.name} ${a.assessedOn}` })),
        ),
      () => setSigned([]),
    );
  }, [c.id]);
  const orNull = (v: string) => (v.trim() ? v : null);
  return (
    <CaseForm
      heading={t("yoWriteHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("yoWrite")}
      onSubmit={() =>
        void run(
          () =>
            youngOffenderApi.updateYttrande(y.id, {
              previousMeasures: orNull(form.previousMeasures),
              needAssessment: orNull(form.needAssessment),
              plannedMeasures: orNull(form.plannedMeasures),
              youngPersonsView: orNull(form.youngPersonsView),
              proposedMeasure: (form.proposedMeasure || null) as YttrandeView["proposedMeasure"],
              investigationIds: form.investigationIds,
              assessmentIds: form.assessmentIds,
            }),
          onChanged,
        )
      }
    >
      {SECTIONS.map((s) => (
        <TextAreaField
          key={s}
          label={t(SECTION_TEXT[s])}
          value={form[s]}
          maxLength={20_000}
          onChange={(e) => setForm({ ...form, [s]: e.target.value })}
          error={error?.fieldMessage(s)}
        />
      ))}
      <SelectField
        label={t("yoProposedMeasure")}
        value={form.proposedMeasure}
        onChange={(v) => setForm({ ...form, proposedMeasure: v })}
        error={error?.fieldMessage("proposedMeasure")}
      >
        <option value="">{t("choose")}</option>
        {PROPOSED_MEASURES.map((m) => (
          <option key={m} value={m}>
            {yoLabel(MEASURE_LABELS, m, lang)}
          </option>
        ))}
      </SelectField>
      {c.investigations.length > 0 && (
        <CheckboxGroup
          legend={t("yoReferences")}
          values={form.investigationIds}
          onChange={(v) => setForm({ ...form, investigationIds: v })}
          options={c.investigations.map((inv, n) => ({
            value: inv.id,
            label: `${t("investigation")} ${n + 1} (${t("investigationOpenedOn")} ${inv.openedOn})`,
          }))}
        />
      )}
      {signed.length > 0 && (
        <CheckboxGroup
          legend={t("yoAssessmentRefs")}
          values={form.assessmentIds}
          onChange={(v) => setForm({ ...form, assessmentIds: v })}
          options={signed.map((a) => ({ value: a.id, label: a.label }))}
        />
      )}
    </CaseForm>
  );
}

function SignForm({ y, onChanged }: { y: YttrandeView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [signedAt, setSignedAt] = useState(stockholmNowLocal());
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("yoSignHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("yoSign")}
      onSubmit={() => void run(() => youngOffenderApi.signYttrande(y.id, stockholmLocalToIso(signedAt)), onChanged)}
    >
      <MomentField label={t("yoDecidedAt")} value={signedAt} onChange={setSignedAt} error={error?.fieldMessage("signedAt")} />
    </CaseForm>
  );
}

function SendForm({ y, onChanged }: { y: YttrandeView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [sentOn, setSentOn] = useState(stockholmToday());
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("yoSendHeading")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("yoSend")}
      onSubmit={() => void run(() => youngOffenderApi.sendYttrande(y.id, sentOn), onChanged)}
    >
      <Field
        label={t("yoSentOn")}
        type="date"
        value={sentOn}
        max={stockholmToday()}
        onChange={(e) => setSentOn(e.target.value)}
        error={error?.fieldMessage("sentOn")}
        required
      />
    </CaseForm>
  );
}
