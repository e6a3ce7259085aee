import { hash, verify } from "@node-rs/argon2";
import { COMMON_PASSWORDS } from "./common-passwords";

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is argon2id; cost as OWASP's minimum recommendation (19 MiB, t=2).
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username is unknown, so timing does not tell which exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("vagval-no-such-user-dummy");
  return dummyHash;
}

/** Returns a reason the password is too weak, or null. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Minst ${MIN_PASSWORD_LENGTH} tecken / At least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.replace(/\d+$/, "")))
    return "För vanligt lösenord / Too common a password";
  if (lower.includes(username.toLowerCase()))
    return "Lösenordet får inte innehålla användarnamnet / Must not contain the username";
  if (new Set(password).size < 5) return "För få olika tecken / Too few distinct characters";
  return null;
}
