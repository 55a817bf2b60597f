import { useEffect, useState } from "react";
import type { SignInConfig } from "../../shared/api/signInConfig";
import { fetchSignInConfig } from "../connection/signInConfigClient";

/**
 * What the server at the typed address offers for signing in, asked again a moment after the address stops changing.
 * Undefined while unknown or when the server cannot say: the pane shows keys then, which every server takes.
 */
export function useSignInConfig(serverUrl: string): SignInConfig | undefined {
  const [answer, setAnswer] = useState<{ serverUrl: string; config: SignInConfig | undefined }>();
  const address = serverUrl.trim();
  useEffect(() => {
    if (!isHttpAddress(address)) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void fetchSignInConfig(address, { signal: controller.signal }).then((config) => {
        if (!controller.signal.aborted) setAnswer({ serverUrl: address, config });
      });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [address]);
  return answer?.serverUrl === address ? answer.config : undefined;
}

function isHttpAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
