import { signInConfigSchema, type SignInConfig } from "../../shared/api/signInConfig";

/**
 * Asks a server how officers may sign in (GET /api/signin-config, no key needed). Undefined when it cannot say — an
 * older server without the route, a wrong address, no network: the pane then offers keys, which every server takes,
 * and connecting with a key reports the real problem.
 */
export async function fetchSignInConfig(serverUrl: string, options: { fetch?: typeof fetch; timeoutMs?: number; signal?: AbortSignal } = {}): Promise<SignInConfig | undefined> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  const cancel = () => controller.abort();
  options.signal?.addEventListener("abort", cancel, { once: true });
  try {
    const response = await fetchImpl(`${serverUrl.replace(/\/+$/, "")}/api/signin-config`, { signal: controller.signal, headers: { accept: "application/json" } });
    if (!response.ok) return undefined;
    const parsed = signInConfigSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", cancel);
  }
}
