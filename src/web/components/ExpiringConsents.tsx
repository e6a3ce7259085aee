import { useEffect, useState } from "react";
import { Link } from "react-router";
import { fill, useLang } from "../i18n";
import { type ExpiringConsents as Data, samverkanApi } from "./SamverkanApi";

/**
 * The start page's reminder: consents of persons in the user's scope that end within 30 days, so
 * a new one is asked for before the collaboration has to stop. Shows nothing when there are none.
 */
export function ExpiringConsents() {
  const { t } = useLang();
  const [data, setData] = useState<Data | null>(null);
  useEffect(() => {
    samverkanApi
      .expiring()
      .then(setData)
      .catch(() => setData(null));
  }, []);
  if (!data || data.items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="expiring-consents-heading">
      <h2 id="expiring-consents-heading">{t("samExpiringTitle")}</h2>
      <p>{fill(t("samExpiringIntro"), { days: data.days })}</p>
      <ul>
        {data.items.map((c) => (
          <li key={c.id}>
            <Link to={`/personer/${c.personId}`}>{c.personName}</Link>: {t("samEnds")} {c.validUntil}
          </li>
        ))}
      </ul>
    </section>
  );
}
