import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import type { adminUser, organisationResponse, protectedAccessGrant } from "../../contracts/organisation";
import { ROLE_LABELS, ROLES, type Role } from "../../domain/roles";
import { ApiError, api } from "../api";
import { AssessmentPolicyEditor } from "../components/AssessmentPolicyEditor";
import { DelegationEditor } from "../components/DelegationEditor";
import { Alert, Field, SelectField } from "../components/Field";
import { InsatsPolicyEditor } from "../components/InsatsPolicyEditor";
import { formatDateTime, useLang } from "../i18n";
import { label, UNIT_KIND_LABELS } from "../labels";

type User = z.infer<typeof adminUser>;
type Org = z.infer<typeof organisationResponse>;
type Grant = z.infer<typeof protectedAccessGrant>;

export function Admin() {
  const { t } = useLang();
  const [org, setOrg] = useState<Org | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [grants, setGrants] = useState<Grant[]>([]);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  const reload = useCallback(async () => {
    const [o, u, g] = await Promise.all([api.organisation(), api.users(), api.protectedAccessGrants()]);
    setOrg(o);
    setUsers(u.items);
    setGrants(g.items);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Runs an admin command, reports its outcome and reloads the lists. */
  const run = async (command: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await command();
      setMessage({ kind: "success", text: t("saved") });
      await reload();
    } catch (e) {
      const err = e instanceof ApiError ? e : null;
      setMessage({ kind: "error", text: err ? [err.message, ...err.fields.map((f) => f.message)].join(" — ") : t("error") });
    }
  };

  if (!org) return <p role="status">{t("loading")}</p>;
  return (
    <>
      <h1>{t("navAdmin")}</h1>
      {message && <Alert kind={message.kind}>{message.text}</Alert>}
      {grants.length > 0 && <PendingGrants grants={grants} run={run} />}
      <Users users={users} org={org} run={run} />
      <Organisation org={org} run={run} />
      <DelegationEditor org={org} />
      <AssessmentPolicyEditor org={org} />
      <InsatsPolicyEditor org={org} />
    </>
  );
}

type Run = (command: () => Promise<unknown>) => Promise<void>;

/** Four eyes: protected-identity access asked for by one administrator, decided by another. */
function PendingGrants({ grants, run }: { grants: Grant[]; run: Run }) {
  const { t, lang } = useLang();
  return (
    <section className="card" aria-labelledby="grants-heading">
      <h2 id="grants-heading">{t("pendingGrants")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("pendingGrants")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("username")}</th>
              <th scope="col">{t("requestedBy")}</th>
              <th scope="col">{t("time")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("action")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>{g.username}</td>
                <td>{g.requestedByUsername}</td>
                <td>{formatDateTime(g.requestedAt, lang)}</td>
                <td className="actions">
                  <button type="button" onClick={() => void run(() => api.decideProtectedAccess(g.id, "approve"))}>
                    {t("approve")}
                    <span className="visually-hidden"> {g.username}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void run(() => api.decideProtectedAccess(g.id, "reject"))}
                  >
                    {t("reject")}
                    <span className="visually-hidden"> {g.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Users({ users, org, run }: { users: User[]; org: Org; run: Run }) {
  const { t, lang } = useLang();
  const unitName = (id: string) => {
    const u = org.units.find((x) => x.id === id);
    const d = org.districts.find((x) => x.id === u?.districtId);
    return u ? `${u.name} (${d?.name ?? ""})` : id;
  };
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading">{t("users")}</h2>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("users")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("username")}</th>
              <th scope="col">{t("displayName")}</th>
              <th scope="col">{t("roles")}</th>
              <th scope="col">{t("state")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("action")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>{u.assignments.map((a) => `${ROLE_LABELS[a.role][lang]} – ${unitName(a.unitId)}`).join("; ") || "—"}</td>
                <td>{u.active ? t("active") : t("inactive")}</td>
                <td className="actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setEditing(editing === u.id ? null : u.id)}
                    aria-expanded={editing === u.id}
                  >
                    {t("roles")}
                    <span className="visually-hidden"> {u.username}</span>
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void run(() => api.updateUser(u.id, { active: !u.active }))}
                  >
                    {u.active ? t("deactivate") : t("reactivate")}
                    <span className="visually-hidden"> {u.username}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && <RoleEditor key={editing} user={users.find((u) => u.id === editing) as User} org={org} run={run} />}
      <CreateUser org={org} run={run} />
    </section>
  );
}

function RoleEditor({ user, org, run }: { user: User; org: Org; run: Run }) {
  const { t, lang } = useLang();
  const [rows, setRows] = useState(user.assignments);
  const [password, setPassword] = useState("");
  return (
    <div className="subcard">
      <h3>
        {t("roles")}: {user.username}
      </h3>
      {rows.map((r, i) => (
        <div className="inline-form" key={`${r.unitId}-${r.role}-${i}`}>
          <SelectField
            label={t("unit")}
            value={r.unitId}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, unitId: v } : x)))}
          >
            {org.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("role")}
            value={r.role}
            onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, role: v as Role } : x)))}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role][lang]}
              </option>
            ))}
          </SelectField>
          <button type="button" className="secondary" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
            {t("remove")}
          </button>
        </div>
      ))}
      <p>
        <button
          type="button"
          className="secondary"
          onClick={() => setRows([...rows, { unitId: org.units[0]?.id ?? "", role: "handlaggare" }])}
        >
          {t("addRole")}
        </button>{" "}
        <button type="button" onClick={() => void run(() => api.setRoles(user.id, rows))}>
          {t("saveRoles")}
        </button>{" "}
        <button
          type="button"
          className="secondary"
          onClick={() => void run(() => api.updateUser(user.id, { protectedIdentityAccess: !user.protectedIdentityAccess }))}
        >
          {t("protectedAccess")}:{" "}
          {user.protectedIdentityAccess ? "✓" : user.protectedIdentityAccessPending ? t("protectedAccessPending") : "—"}
        </button>
      </p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.resetPassword(user.id, password));
        }}
      >
        <Field
          label={t("resetPassword")}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit">{t("save")}</button>
      </form>
    </div>
  );
}

function CreateUser({ org, run }: { org: Org; run: Run }) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({
    username: "",
    displayName: "",
    password: "",
    unitId: org.units[0]?.id ?? "",
    role: "handlaggare",
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api.createUser({
        username: form.username,
        displayName: form.displayName,
        password: form.password,
        assignments: [{ unitId: form.unitId, role: form.role }],
      }),
    );
  };
  return (
    <form onSubmit={submit} className="grid-form subcard" aria-labelledby="create-user-heading">
      <h3 id="create-user-heading">{t("createUser")}</h3>
      <Field
        label={t("username")}
        value={form.username}
        onChange={(e) => setForm({ ...form, username: e.target.value })}
        required
      />
      <Field
        label={t("displayName")}
        value={form.displayName}
        onChange={(e) => setForm({ ...form, displayName: e.target.value })}
        required
      />
      <Field
        label={t("initialPassword")}
        type="password"
        autoComplete="new-password"
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.target.value })}
        required
      />
      <SelectField label={t("unit")} value={form.unitId} onChange={(v) => setForm({ ...form, unitId: v })}>
        {org.units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("role")} value={form.role} onChange={(v) => setForm({ ...form, role: v })}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role][lang]}
          </option>
        ))}
      </SelectField>
      <div>
        <button type="submit">{t("createUser")}</button>
      </div>
    </form>
  );
}

function Organisation({ org, run }: { org: Org; run: Run }) {
  const { t, lang } = useLang();
  const [district, setDistrict] = useState({ code: "", name: "" });
  const [unit, setUnit] = useState({ districtId: org.districts[0]?.id ?? "", name: "", kind: "utredning" });
  return (
    <section className="card" aria-labelledby="org-heading">
      <h2 id="org-heading">{t("districts")}</h2>
      <ul className="plain">
        {org.districts.map((d) => (
          <li key={d.id}>
            <strong>{d.name}</strong> <span className="hint">({d.code})</span>
            <ul>
              {org.units
                .filter((u) => u.districtId === d.id)
                .map((u) => (
                  <li key={u.id}>
                    {u.name} — {label(UNIT_KIND_LABELS, u.kind, lang)}
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.createDistrict(district.code, district.name));
        }}
      >
        <Field
          label={`${t("createDistrict")}: ${t("code")}`}
          value={district.code}
          onChange={(e) => setDistrict({ ...district, code: e.target.value })}
          required
        />
        <Field
          label={t("name")}
          value={district.name}
          onChange={(e) => setDistrict({ ...district, name: e.target.value })}
          required
        />
        <button type="submit">{t("createDistrict")}</button>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => api.createUnit(unit.districtId, unit.name, unit.kind));
        }}
      >
        <SelectField label={t("district")} value={unit.districtId} onChange={(v) => setUnit({ ...unit, districtId: v })}>
          {org.districts.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={`${t("createUnit")}: ${t("name")}`}
          value={unit.name}
          onChange={(e) => setUnit({ ...unit, name: e.target.value })}
          required
        />
        <SelectField label={t("kind")} value={unit.kind} onChange={(v) => setUnit({ ...unit, kind: v })}>
          {Object.keys(UNIT_KIND_LABELS).map((k) => (
            <option key={k} value={k}>
              {label(UNIT_KIND_LABELS, k, lang)}
            </option>
          ))}
        </SelectField>
        <button type="submit">{t("createUnit")}</button>
      </form>
    </section>
  );
}
