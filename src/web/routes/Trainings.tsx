import { useCallback, useEffect, useState } from "react";
import { TRAINING_EXPIRY_WARNING_DAYS } from "../../domain/assessment-policy";
import { stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { assessmentApi, type InstrumentSummary, type Staff, type Training, type TrainingBody } from "../components/AssessmentApi";
import { asApiError } from "../components/CaseApi";
import { CaseForm, CheckboxField, FormError, useSubmit } from "../components/CaseFormParts";
import { Alert, Field, SelectField } from "../components/Field";
import { TrainingStatusText } from "../components/MyExpiringTrainings";
import { useLang } from "../i18n";

/** The training register (/utbildningar): reminders, the filtered list, and registering (training:manage). */
export function Trainings() {
  const { t } = useLang();
  const { can } = useAuth();
  const [instruments, setInstruments] = useState<InstrumentSummary[]>([]);
  const [instrumentKey, setInstrumentKey] = useState("");
  const [expiringOnly, setExpiringOnly] = useState(false);
  const [items, setItems] = useState<Training[] | null>(null);
  const [expiring, setExpiring] = useState<Training[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      const [list, soon] = await Promise.all([
        assessmentApi.trainings({
          instrumentKey: instrumentKey || undefined,
          expiringWithinDays: expiringOnly ? TRAINING_EXPIRY_WARNING_DAYS : undefined,
        }),
        assessmentApi.trainings({ expiringWithinDays: TRAINING_EXPIRY_WARNING_DAYS }),
      ]);
      setItems(list.items);
      setExpiring(soon.items);
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [instrumentKey, expiringOnly, t]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    assessmentApi
      .instruments(true)
      .then((r) => setInstruments(r.items))
      .catch(() => setInstruments([]));
  }, []);

  const keys = [...new Map(instruments.map((i) => [i.key, i.name])).entries()];

  return (
    <>
      <h1>{t("trainingRegister")}</h1>
      <p>{t("trainingsIntro")}</p>
      <FormError error={error} />
      <section className="card" aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">{t("expiringHeading")}</h2>
        {expiring === null ? (
          !error && <p role="status">{t("loading")}</p>
        ) : expiring.length === 0 ? (
          <p>{t("noExpiring")}</p>
        ) : (
          <ul>
            {expiring.map((x) => (
              <li key={x.id}>
                <strong>{x.userName}</strong> — {x.instrumentName ?? x.instrumentKey} {x.instrumentVersion}:{" "}
                <TrainingStatusText status={x.status} />, {t("validUntil").toLowerCase()} {x.validUntil ?? "—"}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="register-heading">
        <h2 id="register-heading">{t("trainingRegister")}</h2>
        <form className="inline-form" aria-label={t("filter")} onSubmit={(e) => e.preventDefault()}>
          <SelectField label={t("instrument")} value={instrumentKey} onChange={setInstrumentKey}>
            <option value="">{t("allInstruments")}</option>
            {keys.map(([key, name]) => (
              <option key={key} value={key}>
                {name} ({key})
              </option>
            ))}
          </SelectField>
          <CheckboxField label={t("expiringOnly")} checked={expiringOnly} onChange={setExpiringOnly} />
        </form>
        {items === null ? (
          !error && <p role="status">{t("loading")}</p>
        ) : items.length === 0 ? (
          <p>{t("noTrainings")}</p>
        ) : (
          <TrainingTable items={items} />
        )}
      </section>

      {can("training:manage") && <RegisterTraining instruments={instruments.filter((i) => !i.retired)} onDone={load} />}
    </>
  );
}

function TrainingTable({ items }: { items: Training[] }) {
  const { t } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("trainingRegister")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("person")}</th>
            <th scope="col">{t("instrument")}</th>
            <th scope="col">{t("version")}</th>
            <th scope="col">{t("trainedOn")}</th>
            <th scope="col">{t("trainedBy")}</th>
            <th scope="col">{t("validUntil")}</th>
            <th scope="col">{t("status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={x.id}>
              <th scope="row">{x.userName}</th>
              <td>{x.instrumentName ?? x.instrumentKey}</td>
              <td>{x.instrumentVersion}</td>
              <td>{x.trainedOn}</td>
              <td>{x.trainedBy}</td>
              <td>{x.validUntil ?? t("untilFurther")}</td>
              <td>
                <TrainingStatusText status={x.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const emptyForm = () => ({ userId: "", instrument: "", trainedOn: stockholmToday(), trainedBy: "", validUntil: "" });

function RegisterTraining({ instruments, onDone }: { instruments: InstrumentSummary[]; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const [staff, setStaff] = useState<Staff[]>([]);
  const [form, setForm] = useState(emptyForm);
  const [done, setDone] = useState(false);
  const { busy, error, run } = useSubmit();
  useEffect(() => {
    assessmentApi
      .trainingStaff()
      .then((r) => setStaff(r.items))
      .catch(() => setStaff([]));
  }, []);

  const submit = () => {
    setDone(false);
    const chosen = instruments.find((i) => i.id === form.instrument);
    const body: TrainingBody = {
      userId: form.userId,
      instrumentKey: chosen?.key ?? "",
      instrumentVersion: chosen?.version ?? "",
      trainedOn: form.trainedOn,
      trainedBy: form.trainedBy,
      ...(form.validUntil ? { validUntil: form.validUntil } : {}),
    };
    void run(
      () => assessmentApi.registerTraining(body),
      async () => {
        setDone(true);
        setForm(emptyForm());
        await onDone();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="register-training-heading">
      <h2 id="register-training-heading">{t("registerTraining")}</h2>
      {done && <Alert kind="success">{t("trainingRegistered")}</Alert>}
      <CaseForm
        labelledBy="register-training-heading"
        busy={busy}
        error={error}
        submitLabel={t("registerTraining")}
        onSubmit={submit}
      >
        <SelectField
          label={t("person")}
          value={form.userId}
          onChange={(v) => setForm({ ...form, userId: v })}
          error={error?.fieldMessage("userId")}
          required
        >
          <option value="">{t("choose")}</option>
          {staff.map((s) => (
            <option key={s.id} value={s.id}>
              {s.displayName}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("instrument")}
          value={form.instrument}
          onChange={(v) => setForm({ ...form, instrument: v })}
          error={error?.fieldMessage("instrumentKey") ?? error?.fieldMessage("instrumentVersion")}
          required
        >
          <option value="">{t("choose")}</option>
          {instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name} — {i.key} {t("version").toLowerCase()} {i.version}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("trainedOn")}
          type="date"
          value={form.trainedOn}
          max={stockholmToday()}
          onChange={(e) => setForm({ ...form, trainedOn: e.target.value })}
          error={error?.fieldMessage("trainedOn")}
          required
        />
        <Field
          label={t("trainedBy")}
          value={form.trainedBy}
          maxLength={200}
          onChange={(e) => setForm({ ...form, trainedBy: e.target.value })}
          error={error?.fieldMessage("trainedBy")}
          required
        />
        <Field
          label={t("validUntil")}
          hint={t("validUntilHint")}
          type="date"
          value={form.validUntil}
          min={form.trainedOn}
          onChange={(e) => setForm({ ...form, validUntil: e.target.value })}
          error={error?.fieldMessage("validUntil")}
        />
      </CaseForm>
    </section>
  );
}
