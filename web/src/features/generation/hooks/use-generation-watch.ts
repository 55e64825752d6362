import { useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { generationQuery, isFinal } from "../api/generation";
import { watchGeneration } from "../model/watch";

/**
 * The generation, kept current while it runs: the watcher writes each new view into the query
 * cache, so coming back to the page shows what was last seen. Stops when the page goes away.
 */
export function useGenerationWatch(id: string) {
  const queryClient = useQueryClient();
  const query = generationQuery(id);
  const { data: generation } = useSuspenseQuery(query);
  const [error, setError] = useState<unknown>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    const initial = queryClient.getQueryData(generationQuery(id).queryKey);
    if (!initial || isFinal(initial)) return;
    const abort = new AbortController();
    watchGeneration(
      initial,
      (next) => queryClient.setQueryData(generationQuery(id).queryKey, next),
      abort.signal,
    ).catch((reason: unknown) => {
      if (!abort.signal.aborted) setError(reason);
    });
    return () => abort.abort();
    // A new round (after an error) watches again.
  }, [id, round, queryClient]);

  const retry = () => {
    setError(null);
    setRound((r) => r + 1);
  };
  return { generation, error, retry };
}
