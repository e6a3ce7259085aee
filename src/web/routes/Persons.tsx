import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { z } from "zod";
import type { personSummary } from "../../contracts/persons";
import { ApiError, api } from "../api";
import { useAuth } from "../auth";
import { Alert, Field, SelectField } from "../components/Field";
import { useLang } from "../i18n";
import { GENDER_LABELS, KIND_LABELS, label } from "../labels";

type Summary = z.infer<typeof personSummary>;

export function Persons() {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Summary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(e?: FormEvent, cursor?: string) {
    e?.preventDefault();
    setError(null);
    try {
      // POST: the search term may be a personnummer, which must never be in a URL.
      const res = await api.searchPersons(q, cursor);
      setItems(cursor ? [...(items ?? []), ...res.items] : res.items);
      setNext(res.nextCursor);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    }
  }

  return (
    <>
      <h1>{t("navPersons")}</h1>
      <section className="card" aria-labelledby="search-heading">
        <h2 id="search-heading">{t("search")}</h2>
        <form className="inline-form" onSubmit={search} role="search">
          <Field label={t("searchPerson")} hint={t("searchHint")} value={q} onChange={(e) => setQ(e.target.value)} required />
          <button type="submit">{t("search")}</button>
        </form>
        {error && <Alert kind="error">{error}</Alert>}
        {items && items.length === 0 && <p role="status">{t("noResults")}</p>}
        {items && items.length > 0 && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("search")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("name")}</th>
                  <th scope="col">{t("personnummer")}</th>
                  <th scope="col">{t("age")}</th>
                  <th scope="col">{t("gender")}</th>
                  <th scope="col">{t("district")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/personer/${p.id}`}>
                        {p.firstName} {p.lastName}
                      </Link>
                      {p.protectedIdentity && <span className="badge badge-protected"> {t("protected")}</span>}
                    </td>
                    <td>{p.personnummerMasked}</td>
                    <td>{p.age}</td>
                    <td>{label(GENDER_LABELS, p.gender, lang)}</td>
                    <td>{p.districtName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {next && (
          <button type="button" className="secondary" onClick={() => void search(undefined, next)}>
            {t("showMore")}
          </button>
        )}
        <p>
          {t("eaFromPersons")} <Link to="/nodatkomst">{t("eaNav")}</Link>
        </p>
      </section>
      {can("person:write") && <RegisterPerson />}
    </>
  );
}

function RegisterPerson() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  const districts = [...new Map((me?.assignments ?? []).map((a) => [a.districtId, a.districtName])).entries()];
  const [form, setForm] = useState({
    personnummer: "",
    firstName: "",
    lastName: "",
    gender: "okant",
    kind: "ung",
    protectedIdentity: false,
    address: "",
    phone: "",
    districtId: districts[0]?.[0] ?? "",
  });
  const [error, setError] = useState<ApiError | null>(null);
  const set = (k: keyof typeof form) => (v: string | boolean) => setForm({ ...form, [k]: v });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const created = await api.createPerson({ ...form, address: form.address || null, phone: form.phone || null });
      navigate(`/personer/${created.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "error", t("error"), []));
    }
  }

  return (
    <section className="card" aria-labelledby="register-heading">
      <h2 id="register-heading">{t("registerPerson")}</h2>
      {error && <Alert kind="error">{error.message}</Alert>}
      <form onSubmit={submit} className="grid-form">
        <Field
          label={t("personnummer")}
          hint="ÅÅÅÅMMDD-NNNN"
          value={form.personnummer}
          onChange={(e) => set("personnummer")(e.target.value)}
          error={error?.fieldMessage("personnummer")}
          required
          autoComplete="off"
        />
        <Field
          label={t("firstName")}
          value={form.firstName}
          onChange={(e) => set("firstName")(e.target.value)}
          error={error?.fieldMessage("firstName")}
          required
        />
        <Field
          label={t("lastName")}
          value={form.lastName}
          onChange={(e) => set("lastName")(e.target.value)}
          error={error?.fieldMessage("lastName")}
          required
        />
        <SelectField label={t("gender")} value={form.gender} onChange={set("gender")}>
          {Object.keys(GENDER_LABELS).map((g) => (
            <option key={g} value={g}>
              {label(GENDER_LABELS, g, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("kind")} value={form.kind} onChange={set("kind")}>
          {Object.keys(KIND_LABELS).map((k) => (
            <option key={k} value={k}>
              {label(KIND_LABELS, k, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("district")}
          value={form.districtId}
          onChange={set("districtId")}
          error={error?.fieldMessage("districtId")}
        >
          {districts.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
        <Field label={t("address")} value={form.address} onChange={(e) => set("address")(e.target.value)} />
        <Field label={t("phone")} value={form.phone} onChange={(e) => set("phone")(e.target.value)} />
        <div className="field checkbox">
          <input
            id="protected-identity"
            type="checkbox"
            checked={form.protectedIdentity}
            onChange={(e) => set("protectedIdentity")(e.target.checked)}
          />
          <label htmlFor="protected-identity">{t("protected")}</label>
        </div>
        <div>
          <button type="submit">{t("save")}</button>
        </div>
      </form>
    </section>
  );
}
