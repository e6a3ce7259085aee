import { type FormEvent, useState } from "react";
import { ApiError } from "../api";
import { useAuth } from "../auth";
import { Alert, Field } from "../components/Field";
import { useLang } from "../i18n";

export function SignIn() {
  const { signIn } = useAuth();
  const { t } = useLang();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow card">
      <h1>{t("signInTitle")}</h1>
      {error && <Alert kind="error">{error}</Alert>}
      <form onSubmit={submit}>
        <Field
          label={t("username")}
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <Field
          label={t("password")}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" disabled={busy}>
          {t("signIn")}
        </button>
      </form>
    </div>
  );
}
