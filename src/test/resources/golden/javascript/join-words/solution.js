function joinWords(words, separator, upperCase) {
  const joined = words.join(separator);
  return upperCase ? joined.toUpperCase() : joined;
}
