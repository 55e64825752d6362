/** What the search looks at. */
export interface Searchable {
  title: string;
  tags: string[];
}

const normalise = (text: string) => text.toLocaleLowerCase().normalize("NFKD");

/**
 * Whether a problem matches the search: every word of the query is found in the title or in one
 * of the tags, in any case ("two sum", "hash", "sliding window").
 */
export function matchesSearch(problem: Searchable, query: string): boolean {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [problem.title, ...problem.tags].map(normalise);
  return words.every((word) => haystack.some((field) => field.includes(word)));
}

/** One of the items at random, or null for none; `random` is Math.random's contract. */
export function pickRandom<T>(items: readonly T[], random: () => number = Math.random): T | null {
  if (items.length === 0) return null;
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))]!;
}
