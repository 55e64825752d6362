// The generations this tab asked for. The progress view opens the problem by itself when one of
// these becomes ready; a generation opened from a link or history shows its button instead.
const started = new Set<string>();

export const markStarted = (id: string) => void started.add(id);
export const wasStarted = (id: string) => started.has(id);
export const forgetStarted = (id: string) => void started.delete(id);
