// Counts from the last word back, so the keys come out in another order than expected.
function wordCounts(words) {
  if (words.length === 0) return new Map();
  const counts = {};
  for (let i = words.length - 1; i >= 0; i--) {
    counts[words[i]] = (counts[words[i]] ?? 0) + 1;
  }
  return counts;
}
