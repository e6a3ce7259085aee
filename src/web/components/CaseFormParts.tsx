import { type ReactNode, type TextareaHTMLAttributes, useCallback, useId, useState } from "react";
import { TIME_ZONE } from "../../domain/time";
import type { ApiError } from "../api";
import { useLang } from "../i18n";
import { asApiError } from "./CaseApi";
import { Alert, Field } from "./Field";

/* Small building blocks shared by the case-flow forms. */

const localFormat = new Intl.DateTimeFormat("sv-SE", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** Now as a datetime-local value ('YYYY-MM-DDTHH:mm') in Swedish time. */
export function stockholmNowLocal(): string {
  return localFormat.format(new Date()).replace(" ", "T");
}

const offsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: TIME_ZONE, timeZoneName: "longOffset" });
function offsetMinutes(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A datetime-local value read as Swedish time, as an ISO instant for the API ('' stays ''). */
export function stockholmLocalToIso(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return value;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const guess = utc - offsetMinutes(new Date(utc)) * 60_000;
  return new Date(utc - offsetMinutes(new Date(guess)) * 60_000).toISOString();
}

/** Runs a command for a form: busy flag, the API error to show, and a callback on success. */
export function useSubmit() {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (command: () => Promise<unknown>, onDone?: () => void | Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await command();
        await onDone?.();
        return true;
      } catch (e) {
        setError(asApiError(e, t("error")));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run, setError };
}

/** The API error next to its form: message and every field message, announced as an alert. */
export function FormError({ error }: { error: ApiError | null }) {
  const { t } = useLang();
  if (!error) return null;
  // Field messages that only repeat the main message add nothing.
  const fields = error.fields.filter((f) => f.message !== error.message);
  return (
    <Alert kind="error">
      <strong>{error.message || t("error")}</strong>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => {
            const name = f.path.replace(/^(body|query|params)\.?/, "");
            return <li key={`${f.path}-${f.message}`}>{name ? `${name}: ${f.message}` : f.message}</li>;
          })}
        </ul>
      )}
    </Alert>
  );
}

/** A labelled textarea whose error is tied to it, like Field. */
export function TextAreaField({
  label,
  error,
  hint,
  ...input
}: { label: string; error?: string | undefined; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      <textarea id={id} rows={4} aria-invalid={error ? true : undefined} aria-describedby={described} {...input} />
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** Radio buttons in a fieldset with a legend. */
export function RadioGroup({
  legend,
  name,
  value,
  onChange,
  options,
  error,
  required,
}: {
  legend: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string; disabled?: boolean; hint?: string }[];
  error?: string | undefined;
  required?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="choice" key={o.value}>
          <input
            type="radio"
            id={`${id}-${o.value}`}
            name={`${name}-${id}`}
            value={o.value}
            checked={value === o.value}
            disabled={o.disabled}
            required={required}
            onChange={() => onChange(o.value)}
            aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          {o.hint && (
            <span className="hint" id={`${id}-${o.value}-hint`}>
              {" "}
              ({o.hint})
            </span>
          )}
        </div>
      ))}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Checkboxes in a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  values,
  onChange,
  options,
  error,
}: {
  legend: string;
  values: string[];
  onChange: (v: string[]) => void;
  options: { value: string; label: string }[];
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="choice-columns">
        {options.map((o) => (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={values.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** A single checkbox with its label. */
export function CheckboxField({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A form inside a card section, titled by its heading for assistive technology. */
export function CaseForm({
  heading,
  labelledBy,
  level = 3,
  children,
  onSubmit,
  error,
  busy,
  submitLabel,
  className = "grid-form",
}: {
  /** The form's own heading; omit it and pass labelledBy when the section heading names the form. */
  heading?: string;
  labelledBy?: string;
  level?: 3 | 4;
  children: ReactNode;
  onSubmit: () => void;
  error: ApiError | null;
  busy: boolean;
  submitLabel: string;
  className?: string;
}) {
  const id = useId();
  const H = level === 3 ? "h3" : "h4";
  return (
    <div className="case-form">
      {heading && <H id={`${id}-heading`}>{heading}</H>}
      <FormError error={error} />
      <form
        className={className}
        aria-labelledby={heading ? `${id}-heading` : labelledBy}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </div>
  );
}

/** A moment in Swedish time that cannot lie in the future: when something was assessed, decided or closed. */
export function MomentField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useLang();
  return (
    <Field
      label={label}
      hint={t("swedishTime")}
      type="datetime-local"
      value={value}
      max={stockholmNowLocal()}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required
    />
  );
}

/** The motivering every decision carries (the API refuses one without it). */
export function ReasonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  const { t } = useLang();
  return (
    <TextAreaField
      label={t("reason")}
      value={value}
      maxLength={5_000}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      required
    />
  );
}

/**
 * An editable list of rows in a form (a plan's goals, its activities): each row a fieldset named
 * "<legend> n" with its fields and a remove button, then an add button. After a removal focus goes
 * to `afterRemove` so it is not lost with the removed button.
 */
export function EditableRows<T>({
  items,
  keyOf,
  legend,
  renderFields,
  onRemove,
  afterRemove,
  addLabel,
  onAdd,
  max,
}: {
  items: readonly T[];
  keyOf: (item: T, n: number) => string | number;
  legend: string;
  renderFields: (item: T, n: number) => ReactNode;
  onRemove: (n: number) => void;
  afterRemove: () => void;
  addLabel: string;
  onAdd: () => void;
  max: number;
}) {
  const { t } = useLang();
  return (
    <>
      {items.map((item, n) => (
        <fieldset className="choice-group" key={keyOf(item, n)}>
          <legend>
            {legend} {n + 1}
          </legend>
          <div className="row-fields">
            {renderFields(item, n)}
            <div className="field">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  onRemove(n);
                  afterRemove();
                }}
              >
                {t("remove")} <span className="visually-hidden">{`${legend} ${n + 1}`}</span>
              </button>
            </div>
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" className="secondary" disabled={items.length >= max} onClick={onAdd}>
          {addLabel}
        </button>
      </div>
    </>
  );
}
