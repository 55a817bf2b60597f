import { useCallback, useRef, useState } from "react";
import { messageOf } from "../api/kpiClient";

export interface OperationState {
  /** What is being done, shown beside the progress bar; undefined when idle. */
  busy?: string;
  /** 0..1 when the work can say how far it is; undefined shows an indeterminate bar. */
  progress?: number;
  error?: string;
}

/**
 * One long-running action of a view at a time: its label and progress while it runs, its error after. Errors are
 * always shown (never swallowed) and a second click while busy does nothing.
 */
export function useOperation() {
  const [state, setState] = useState<OperationState>({});
  const running = useRef(false);

  const run = useCallback(async <T,>(label: string, work: (report: (label: string, progress?: number) => void) => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setState({ busy: label });
    try {
      const result = await work((nextLabel, progress) => setState({ busy: nextLabel, ...(progress !== undefined ? { progress } : {}) }));
      setState({});
      return result;
    } catch (error) {
      setState({ error: messageOf(error) });
      return undefined;
    } finally {
      running.current = false;
    }
  }, []);

  return { ...state, run };
}
