import { type FormEvent, useState } from "react";
import { ApiError, api } from "../api";
import { Alert, Field } from "../components/Field";
import { useLang } from "../i18n";

export function Account() {
  const { t } = useLang();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.changePassword(current, next);
      setDone(true);
      setCurrent("");
      setNext("");
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "error", t("error"), []));
    }
  }

  return (
    <div className="narrow card">
      <h1>{t("changePassword")}</h1>
      {done && <Alert kind="success">{t("saved")}</Alert>}
      {error && <Alert kind="error">{error.message}</Alert>}
      <form onSubmit={submit}>
        <Field
          label={t("currentPassword")}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={error?.fieldMessage("currentPassword")}
          required
        />
        <Field
          label={t("newPassword")}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={error?.fieldMessage("newPassword")}
          required
          minLength={12}
        />
        <button type="submit">{t("save")}</button>
      </form>
    </div>
  );
}
