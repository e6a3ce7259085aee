import { useEffect, useState } from "react";
import {
  CHILD_VIEW_STAGE_LABELS,
  CHILD_VIEW_STAGES,
  type ChildViewStage,
  GUARDIAN_POSITION_LABELS,
  GUARDIAN_POSITIONS,
  type GuardianPosition,
  INFORM_METHOD_LABELS,
  INFORM_METHODS,
  type InformMethod,
  NOT_HEARD_REASON_LABELS,
  NOT_HEARD_REASONS,
  type NotHeardReason,
  RELATION_LABELS,
} from "../../domain/guardians/vocabulary";
import { stockholmToday } from "../../domain/time";
import { formatDateTime, useLang } from "../i18n";
import type { CaseFile } from "./CaseApi";
import { CaseForm, RadioGroup, TextAreaField, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";
import { guardianApi, type Participation } from "./GuardianApi";
import { RelatedName } from "./PersonRelations";

type InvestigationParticipation = Participation["investigations"][number];
type Guardian = Participation["custodians"][number];

function GuardianLabel({ g }: { g: Guardian }) {
  const { lang } = useLang();
  return (
    <>
      <RelatedName r={{ hidden: g.hidden, name: g.name, personId: null }} /> ({RELATION_LABELS[g.relation][lang]})
    </>
  );
}

function NoticeForm({
  investigationId,
  openedOn,
  uninformed,
  onChanged,
}: {
  investigationId: string;
  openedOn: string;
  uninformed: Guardian[];
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [relationId, setRelationId] = useState(uninformed[0]?.relationId ?? "");
  const [informedOn, setInformedOn] = useState(stockholmToday());
  const [method, setMethod] = useState<InformMethod>("brev");
  const [position, setPosition] = useState("");
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const nameOf = (g: Guardian) => `${g.name ?? t("guaProtected")} (${RELATION_LABELS[g.relation][lang]})`;
  return (
    <CaseForm
      heading={t("guaRecordInformed")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("guaRecordInformed")}
      onSubmit={() =>
        void run(
          () =>
            guardianApi.recordNotice(investigationId, {
              relationId,
              informedOn,
              method,
              ...(position ? { position: position as GuardianPosition } : {}),
              ...(note.trim() ? { note } : {}),
            }),
          onChanged,
        )
      }
    >
      <SelectField
        label={t("guaGuardian")}
        value={relationId}
        onChange={setRelationId}
        required
        error={error?.fieldMessage("relationId")}
      >
        {uninformed.map((g) => (
          <option key={g.relationId} value={g.relationId}>
            {nameOf(g)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("guaInformedOn")}
        type="date"
        value={informedOn}
        min={openedOn}
        max={stockholmToday()}
        required
        onChange={(e) => setInformedOn(e.target.value)}
        error={error?.fieldMessage("informedOn")}
      />
      <RadioGroup
        legend={t("guaMethod")}
        name={`method-${investigationId}`}
        value={method}
        onChange={(v) => setMethod(v as InformMethod)}
        options={INFORM_METHODS.map((m) => ({ value: m, label: INFORM_METHOD_LABELS[m][lang] }))}
        error={error?.fieldMessage("method")}
      />
      <SelectField label={t("guaPosition")} value={position} onChange={setPosition} error={error?.fieldMessage("position")}>
        <option value="">{t("guaPositionNone")}</option>
        {GUARDIAN_POSITIONS.map((p) => (
          <option key={p} value={p}>
            {GUARDIAN_POSITION_LABELS[p][lang]}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t("guaNote")} value={note} maxLength={2_000} rows={2} onChange={(e) => setNote(e.target.value)} />
    </CaseForm>
  );
}

function InvestigationGuardians({
  index,
  openedOn,
  running,
  p,
  canWrite,
  onChanged,
}: {
  index: number;
  openedOn: string;
  running: boolean;
  p: InvestigationParticipation;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `guardians-inv-${p.investigationId}`;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("investigation")} {index + 1} — {t("guaInvestigation")} {openedOn}
      </h3>
      {p.uninformed.length === 0 ? (
        <p>{t("guaAllInformed")}</p>
      ) : (
        <div role="note" className="alert alert-error">
          <strong>{t("guaNotInformed")}:</strong>{" "}
          {p.uninformed.map((g, i) => (
            <span key={g.relationId}>
              {i > 0 && ", "}
              <GuardianLabel g={g} />
            </span>
          ))}
        </div>
      )}
      {p.notices.length > 0 && (
        <table>
          <caption className="visually-hidden">
            {t("guaInformedTitle")}, {t("investigation").toLowerCase()} {index + 1}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("guaGuardian")}</th>
              <th scope="col">{t("guaInformedOn")}</th>
              <th scope="col">{t("guaMethod")}</th>
              <th scope="col">{t("guaPosition")}</th>
              <th scope="col">{t("guaRecordedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {p.notices.map((n) => (
              <tr key={n.id}>
                <td>
                  <GuardianLabel g={n} />
                  {n.note && <div className="prewrap">{n.note}</div>}
                </td>
                <td>{n.informedOn}</td>
                <td>{INFORM_METHOD_LABELS[n.method][lang]}</td>
                <td>{n.position ? GUARDIAN_POSITION_LABELS[n.position][lang] : "—"}</td>
                <td>{n.recordedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && running && p.uninformed.length > 0 && (
        <NoticeForm
          key={p.uninformed.map((g) => g.relationId).join()}
          investigationId={p.investigationId}
          openedOn={openedOn}
          uninformed={p.uninformed}
          onChanged={onChanged}
        />
      )}
    </article>
  );
}

function ChildViewForm({ caseFile: c, onChanged }: { caseFile: CaseFile; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const running = c.investigations.filter((i) => i.completedOn === null);
  const [stage, setStage] = useState<ChildViewStage>(running.length ? "utredning" : "forhandsbedomning");
  const [reportId, setReportId] = useState(c.reports.at(-1)?.id ?? "");
  const [investigationId, setInvestigationId] = useState(running[0]?.id ?? "");
  const [recordedOn, setRecordedOn] = useState(stockholmToday());
  const [heard, setHeard] = useState("yes");
  const [view, setView] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("guaRecordChildView")}
      busy={busy}
      error={error}
      submitLabel={t("guaRecordChildView")}
      onSubmit={() =>
        void run(
          () =>
            guardianApi.recordChildView(c.id, {
              stage,
              recordedOn,
              ...(stage === "forhandsbedomning" && reportId ? { reportId } : {}),
              ...(stage === "utredning" && investigationId ? { investigationId } : {}),
              ...(heard === "yes"
                ? { view }
                : { ...(reason ? { notHeardReason: reason as NotHeardReason } : {}), notHeardNote: note }),
            }),
          onChanged,
        )
      }
    >
      <SelectField label={t("guaStage")} value={stage} onChange={(v) => setStage(v as ChildViewStage)} required>
        {CHILD_VIEW_STAGES.map((s) => (
          <option key={s} value={s}>
            {CHILD_VIEW_STAGE_LABELS[s][lang]}
          </option>
        ))}
      </SelectField>
      {stage === "forhandsbedomning" && (
        <SelectField
          label={t("guaReport")}
          value={reportId}
          onChange={setReportId}
          required
          error={error?.fieldMessage("reportId")}
        >
          {c.reports.map((r, i) => (
            <option key={r.id} value={r.id}>
              {t("guaReport")} {i + 1}, {t("guaReportReceived")} {formatDateTime(r.receivedAt, lang)}
            </option>
          ))}
        </SelectField>
      )}
      {stage === "utredning" && (
        <SelectField
          label={t("investigation")}
          value={investigationId}
          onChange={setInvestigationId}
          required
          error={error?.fieldMessage("investigationId")}
        >
          <option value="">{t("guaChoose")}</option>
          {running.map((i) => (
            <option key={i.id} value={i.id}>
              {t("guaInvestigation")} {i.openedOn}
            </option>
          ))}
        </SelectField>
      )}
      <Field
        label={t("guaRecordedOn")}
        type="date"
        value={recordedOn}
        max={stockholmToday()}
        required
        onChange={(e) => setRecordedOn(e.target.value)}
        error={error?.fieldMessage("recordedOn")}
      />
      <RadioGroup
        legend={t("guaHeard")}
        name="child-heard"
        value={heard}
        onChange={setHeard}
        options={[
          { value: "yes", label: t("guaHeardYes") },
          { value: "no", label: t("guaHeardNo") },
        ]}
      />
      {heard === "yes" ? (
        <TextAreaField
          label={t("guaView")}
          value={view}
          maxLength={10_000}
          rows={4}
          required
          onChange={(e) => setView(e.target.value)}
          error={error?.fieldMessage("view")}
        />
      ) : (
        <>
          <SelectField
            label={t("guaNotHeardReason")}
            value={reason}
            onChange={setReason}
            required
            error={error?.fieldMessage("notHeardReason")}
          >
            <option value="">{t("guaChoose")}</option>
            {NOT_HEARD_REASONS.map((r) => (
              <option key={r} value={r}>
                {NOT_HEARD_REASON_LABELS[r][lang]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t("guaNotHeardNote")}
            value={note}
            maxLength={2_000}
            rows={3}
            required
            onChange={(e) => setNote(e.target.value)}
            error={error?.fieldMessage("notHeardNote")}
          />
        </>
      )}
    </CaseForm>
  );
}

/**
 * The case page's guardians and the child's voice (issue 18 point 3): for each investigation the
 * custodial guardians informed (date, how, position) and those not yet, and the child's view at
 * every step with the law cited. Reloads whenever the case file does.
 */
export function CaseParticipation({
  caseFile: c,
  canWrite,
  onChanged,
}: {
  caseFile: CaseFile;
  /** The user may write in the case's district (closed cases: only a follow-up's view). */
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [data, setData] = useState<Participation | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    guardianApi
      .participation(c.id)
      .then((d) => {
        setData(d);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [c]);
  const open = c.closedAt === null;
  if (failed) return <Alert kind="error">{t("error")}</Alert>;
  if (!data) return <p role="status">{t("loading")}</p>;
  return (
    <>
      {c.investigations.length > 0 && (
        <section className="card" aria-labelledby="guardians-informed-heading">
          <h2 id="guardians-informed-heading">{t("guaInformedTitle")}</h2>
          <p>{t("guaInformedIntro")}</p>
          {data.custodians.length === 0 && <p>{t("guaNoCustodians")}</p>}
          {c.investigations.map((inv, i) => {
            const p = data.investigations.find((x) => x.investigationId === inv.id);
            return p ? (
              <InvestigationGuardians
                key={inv.id}
                index={i}
                openedOn={inv.openedOn}
                running={inv.completedOn === null}
                p={p}
                canWrite={canWrite && open}
                onChanged={onChanged}
              />
            ) : null;
          })}
        </section>
      )}
      <section className="card" aria-labelledby="child-view-heading">
        <h2 id="child-view-heading">{t("guaChildViewTitle")}</h2>
        <p>{t("guaChildViewIntro")}</p>
        {c.investigations
          .filter((inv) => inv.completedOn === null)
          .map((inv) => {
            const documented = data.investigations.find((x) => x.investigationId === inv.id)?.childViewDocumented;
            return (
              <p key={inv.id} role="note">
                <strong>
                  {t("guaInvestigation")} {inv.openedOn}:
                </strong>{" "}
                {documented ? t("guaViewDocumented") : t("guaViewMissing")}
              </p>
            );
          })}
        {data.childViews.length === 0 ? (
          <p>{t("guaNoChildViews")}</p>
        ) : (
          <ul className="plain">
            {data.childViews.map((v) => (
              <li key={v.id} className="subcard">
                <p>
                  <strong>{CHILD_VIEW_STAGE_LABELS[v.stage][lang]}</strong> · {v.recordedOn} · {t("guaRecordedBy").toLowerCase()}{" "}
                  {v.recordedByName}
                </p>
                {v.view !== null ? (
                  <p className="prewrap">{v.view}</p>
                ) : (
                  <dl className="facts">
                    <dt>{t("guaNotHeardReason")}</dt>
                    <dd>{v.notHeardReason ? NOT_HEARD_REASON_LABELS[v.notHeardReason][lang] : "—"}</dd>
                    <dt>{t("guaNotHeardNote")}</dt>
                    <dd className="prewrap">{v.notHeardNote ?? "—"}</dd>
                  </dl>
                )}
                <p className="hint">
                  {t("guaLaw")}: {v.citation}
                </p>
              </li>
            ))}
          </ul>
        )}
        {canWrite && open && <ChildViewForm key={data.childViews.length} caseFile={c} onChanged={onChanged} />}
      </section>
    </>
  );
}
