import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { PersonDetail } from "../../contracts/persons";
import { ApiError, api } from "../api";
import { useAuth } from "../auth";
import { ActionPlanPanel } from "../components/ActionPlanPanel";
import { CasePersonList } from "../components/CasePersonList";
import { EmergencyBanner, useEmergencyGrant } from "../components/EmergencyBanner";
import { Alert } from "../components/Field";
import { PersonConsents } from "../components/PersonConsents";
import { PersonRelations } from "../components/PersonRelations";
import { PersonUngdomstjanst } from "../components/PersonUngdomstjanst";
import { ReportForm } from "../components/ReportForm";
import { useLang } from "../i18n";
import { GENDER_LABELS, KIND_LABELS, label } from "../labels";
import { NotFound } from "./NotFound";

export function Person() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  // Read under nödåtkomst: the banner shows the time left, and no write form is offered (read only).
  const emergency = useEmergencyGrant(id);

  useEffect(() => {
    setPerson(null);
    api
      .person(id)
      .then(setPerson)
      .catch((e) => setError(e instanceof ApiError ? e : new ApiError(0, "error", "", [])));
  }, [id]);

  if (error?.status === 404 || error?.status === 400) return <NotFound />;
  if (error) return <Alert kind="error">{t("error")}</Alert>;
  if (!person) return <p role="status">{t("loading")}</p>;
  const pnr = `${person.personnummer.slice(0, 8)}-${person.personnummer.slice(8)}`;
  const hidden = <em>{t("hiddenProtected")}</em>;
  return (
    <>
      <h1>
        {person.firstName} {person.lastName}
      </h1>
      {emergency && <EmergencyBanner grant={emergency} />}
      {person.protectedIdentity && (
        <div className="protected-marker" role="note">
          <span aria-hidden="true">🔒 </span>
          <strong>{t("protected")}</strong>
        </div>
      )}
      <section className="card" aria-label={t("person")}>
        <dl className="facts">
          <dt>{t("personnummer")}</dt>
          <dd>{pnr}</dd>
          <dt>{t("birthDate")}</dt>
          <dd>{person.birthDate}</dd>
          <dt>{t("age")}</dt>
          <dd>{person.age}</dd>
          <dt>{t("gender")}</dt>
          <dd>{label(GENDER_LABELS, person.gender, lang)}</dd>
          <dt>{t("kind")}</dt>
          <dd>{label(KIND_LABELS, person.kind, lang)}</dd>
          <dt>{t("district")}</dt>
          <dd>{person.districtName}</dd>
          <dt>{t("address")}</dt>
          <dd>{person.contactHidden ? hidden : (person.address ?? "—")}</dd>
          <dt>{t("phone")}</dt>
          <dd>{person.contactHidden ? hidden : (person.phone ?? "—")}</dd>
        </dl>
      </section>
      {can("audit:read") && (
        <p>
          <Link to={`/personer/${person.id}/logg`}>{t("whoRead")}</Link>
        </p>
      )}
      {can("case:read") && <CasePersonList personId={person.id} />}
      {can("case:read") && <PersonUngdomstjanst personId={person.id} />}
      {person.kind === "ung" && <PersonRelations key={`relations-${person.id}`} personId={person.id} />}
      <PersonConsents key={person.id} personId={person.id} />
      <ActionPlanPanel key={`plans-${person.id}`} personId={person.id} />
      {can("case:write") && !emergency && (
        <ReportForm key={person.id} personId={person.id} personDistrictId={person.districtId} />
      )}
    </>
  );
}
