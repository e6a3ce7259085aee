import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import type { EmergencyGrant } from "../../contracts/emergency-access";
import { minutesLeft } from "../../domain/emergency-access/rules";
import { fill, formatDateTime, useLang } from "../i18n";
import { emergencyApi } from "./EmergencyAccessApi";

/** The user's live nödåtkomst grant to this person, if any (null while unknown or when none). */
export function useEmergencyGrant(personId: string): EmergencyGrant | null {
  const [grant, setGrant] = useState<EmergencyGrant | null>(null);
  useEffect(() => {
    setGrant(null);
    emergencyApi
      .mine()
      .then((res) => setGrant(res.items.find((g) => g.personId === personId) ?? null))
      .catch(() => setGrant(null));
  }, [personId]);
  return grant;
}

/** On the person page while the user reads under nödåtkomst: time left, read only, and a way to end it. */
export function EmergencyBanner({ grant }: { grant: EmergencyGrant }) {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const times = { grantedAt: new Date(grant.grantedAt), expiresAt: new Date(grant.expiresAt), endedAt: null };
  const minutes = minutesLeft(times, now);
  return (
    <div className="emergency-banner" role="note" aria-label={t("eaNav")}>
      {minutes > 0 ? (
        <p>
          <strong>{t("eaNav")}: </strong>
          {fill(t("eaBanner"), { minutes, until: formatDateTime(grant.expiresAt, lang) })}
        </p>
      ) : (
        <p>{t("eaBannerOver")}</p>
      )}
      {minutes > 0 && (
        <button
          type="button"
          className="secondary"
          onClick={() => void emergencyApi.end(grant.id).finally(() => navigate("/nodatkomst"))}
        >
          {t("eaEnd")}
        </button>
      )}
    </div>
  );
}
