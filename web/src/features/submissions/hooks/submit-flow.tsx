import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { SubmissionRequest } from "../api/submission";
import { attemptSubmissionsKey } from "../api/attempt-submissions";
import { runSubmission, type SubmitState } from "../model/submit-flow";

interface SubmitFlow {
  state: SubmitState;
  /** Ignored while a submission is being sent or judged. */
  submit: (request: SubmissionRequest) => void;
  dismiss: () => void;
}

const SubmitFlowContext = createContext<SubmitFlow | null>(null);

/**
 * Holds the workspace's submission (the header's button starts it, the banner shows it). Polling
 * stops when the provider unmounts, i.e. when the user leaves the problem.
 */
export function SubmitFlowProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SubmitState>({ status: "idle" });
  const busy = useRef(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const submit = useCallback(
    (request: SubmissionRequest) => {
      if (busy.current) return;
      busy.current = true;
      const abort = new AbortController();
      controller.current = abort;
      void runSubmission(request, setState, abort.signal).then((submission) => {
        busy.current = false;
        if (!submission) return;
        void queryClient.invalidateQueries({ queryKey: attemptSubmissionsKey(request.attemptId) });
        void queryClient.invalidateQueries({ queryKey: ["attempts"] });
      });
    },
    [queryClient],
  );
  const dismiss = useCallback(() => {
    if (!busy.current) setState({ status: "idle" });
  }, []);

  const value = useMemo(() => ({ state, submit, dismiss }), [state, submit, dismiss]);
  return <SubmitFlowContext value={value}>{children}</SubmitFlowContext>;
}

export function useSubmitFlow(): SubmitFlow {
  const flow = useContext(SubmitFlowContext);
  if (!flow) throw new Error("useSubmitFlow needs a SubmitFlowProvider above it");
  return flow;
}
