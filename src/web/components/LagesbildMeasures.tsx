import { useState } from "react";
import { MEASURE_STATUS_LABELS, MEASURE_STATUSES, type MeasureStatus } from "../../domain/lagesbild/definitions";
import { useLang } from "../i18n";
import { FormError, useSubmit } from "./CaseFormParts";
import { Field, SelectField } from "./Field";
import { type LagesbildDetail, lagesbildApi, type Measure } from "./LagesbildApi";

/**
 * The åtgärdsplan (5 §): prioritised areas and problems, measures, responsible, due dates and the
 * follow-up of each. New measures only while the lägesbild is not decided; follow-up always.
 */
export function LagesbildMeasures({
  l,
  mayFollowUp,
  onChanged,
}: {
  l: LagesbildDetail;
  mayFollowUp: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby="lb-plan">
      <h2 id="lb-plan">{t("lbPlan")}</h2>
      <p className="hint">{l.law.parts.plan?.[lang]}</p>
      {l.measuresList.length === 0 ? (
        <p>{t("lbNoMeasures")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("lbPriority")}</th>
              <th scope="col">{t("lbArea")}</th>
              <th scope="col">{t("lbProblem")}</th>
              <th scope="col">{t("lbMeasure")}</th>
              <th scope="col">{t("lbResponsible")}</th>
              <th scope="col">{t("lbDueOn")}</th>
              <th scope="col">{t("lbStatus")}</th>
              <th scope="col">{t("lbFollowUp")}</th>
            </tr>
          </thead>
          <tbody>
            {l.measuresList.map((m) => (
              <tr key={m.id}>
                <td>{m.priority}</td>
                <td>{m.area}</td>
                <td>{m.problem}</td>
                <td>{m.measure}</td>
                <td>{m.responsible}</td>
                <td>
                  {m.dueOn ?? "—"}
                  {m.overdue && <strong className="overdue"> ({t("lbOverdue")})</strong>}
                </td>
                <td>{MEASURE_STATUS_LABELS[m.status][lang]}</td>
                <td>
                  {mayFollowUp ? (
                    <FollowUp lagesbildId={l.id} m={m} onChanged={onChanged} />
                  ) : (
                    [m.followUpOn, m.followUpNote].filter(Boolean).join(": ") || "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {l.canManage && <NewMeasure l={l} onChanged={onChanged} />}
    </section>
  );
}

function FollowUp({ lagesbildId, m, onChanged }: { lagesbildId: string; m: Measure; onChanged: () => void }) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<MeasureStatus>(m.status);
  const [note, setNote] = useState(m.followUpNote);
  const [on, setOn] = useState(m.followUpOn ?? "");
  const { busy, error, run } = useSubmit();
  return (
    <form
      aria-label={`${t("lbFollowUp")}: ${m.measure}`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => lagesbildApi.updateMeasure(lagesbildId, m.id, { status, followUpNote: note, followUpOn: on || null }),
          onChanged,
        );
      }}
    >
      <FormError error={error} />
      <SelectField label={t("lbStatus")} value={status} onChange={(v) => setStatus(v as MeasureStatus)} required>
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {MEASURE_STATUS_LABELS[s][lang]}
          </option>
        ))}
      </SelectField>
      <Field label={t("lbFollowUp")} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      <Field label={t("lbFollowUpOn")} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t("lbSaveFollowUp")}
      </button>
    </form>
  );
}

function NewMeasure({ l, onChanged }: { l: LagesbildDetail; onChanged: () => void }) {
  const { t } = useLang();
  const [priority, setPriority] = useState(String(l.measuresList.length + 1));
  const [area, setArea] = useState("");
  const [problem, setProblem] = useState("");
  const [measure, setMeasure] = useState("");
  const [responsible, setResponsible] = useState("");
  const [dueOn, setDueOn] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <form
      className="grid-form"
      aria-labelledby="lb-new-measure"
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () =>
            lagesbildApi.addMeasure(l.id, {
              priority: Number(priority),
              area,
              problem,
              measure,
              responsible,
              dueOn: dueOn || null,
            }),
          () => {
            setArea("");
            setProblem("");
            setMeasure("");
            setResponsible("");
            setDueOn("");
            onChanged();
          },
        );
      }}
    >
      <h3 id="lb-new-measure">{t("lbAddMeasure")}</h3>
      <FormError error={error} />
      <Field
        label={t("lbPriority")}
        type="number"
        min={1}
        max={99}
        value={priority}
        required
        onChange={(e) => setPriority(e.target.value)}
        error={error?.fieldMessage("priority")}
      />
      <Field label={t("lbArea")} value={area} required maxLength={200} onChange={(e) => setArea(e.target.value)} />
      <Field label={t("lbProblem")} value={problem} required maxLength={2000} onChange={(e) => setProblem(e.target.value)} />
      <Field label={t("lbMeasure")} value={measure} required maxLength={2000} onChange={(e) => setMeasure(e.target.value)} />
      <Field
        label={t("lbResponsible")}
        value={responsible}
        required
        maxLength={200}
        onChange={(e) => setResponsible(e.target.value)}
      />
      <Field label={t("lbDueOn")} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t("lbAddMeasure")}
        </button>
      </div>
    </form>
  );
}
