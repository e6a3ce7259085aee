import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import type { protectedMatchList } from "../../contracts/persons";
import { ApiError, request } from "../api";
import { Alert } from "../components/Field";
import { formatDateTime, useLang } from "../i18n";

type Match = z.infer<typeof protectedMatchList>["items"][number];

/** The API answers at most this many, newest first (persons service, protectedMatches). */
const LIST_CAP = 200;

/**
 * Registrations made in another district of persons with skyddade personuppgifter in the reader's
 * districts (/skyddade-registreringar): the registering district was answered as for an unknown
 * number, so the case reaches the person's own district only through this queue. Shown to staff
 * with protected-identity access; the server answers an empty list to anyone else.
 */
export function ProtectedMatches() {
  const { t, lang } = useLang();
  const [items, setItems] = useState<Match[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request<z.infer<typeof protectedMatchList>>("GET", "/api/persons/protected-matches")
      .then((res) => setItems(res.items))
      .catch((e) => setError(e instanceof ApiError ? e.message : t("error")));
  }, [t]);

  return (
    <>
      <h1>{t("pmTitle")}</h1>
      <p>{t("pmIntro")}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {!items && !error && <p role="status">{t("loading")}</p>}
      {items && items.length === 0 && <p>{t("pmNone")}</p>}
      {items && items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t("pmCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pmPerson")}</th>
                <th scope="col">{t("pmDistrict")}</th>
                <th scope="col">{t("pmRegisteredBy")}</th>
                <th scope="col">{t("pmRegisteredAt")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/personer/${m.protectedPersonId}`}>{m.protectedPersonName}</Link>
                  </td>
                  <td>{m.districtName}</td>
                  <td>{m.registeredBy ?? "—"}</td>
                  <td>{formatDateTime(m.createdAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {items && items.length >= LIST_CAP && <p className="hint">{t("pmCapped")}</p>}
    </>
  );
}
