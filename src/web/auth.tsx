import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import type { Me } from "../contracts/auth";
import { api, setUnauthenticatedHandler } from "./api";

interface AuthState {
  me: Me | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    setUnauthenticatedHandler(() => setMe(null));
    api
      .me()
      .then(setMe)
      .catch(() => setMe(null))
      .finally(() => setLoading(false));
  }, []);
  const signIn = useCallback(async (username: string, password: string) => {
    setMe(await api.login(username, password));
  }, []);
  const signOut = useCallback(async () => {
    await api.logout().catch(() => {});
    setMe(null);
  }, []);
  const can = useCallback((p: string) => me?.permissions.includes(p) ?? false, [me]);
  return <AuthContext.Provider value={{ me, loading, signIn, signOut, can }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth outside AuthProvider");
  return ctx;
}
