class Solution {
  public String joinWords(String[] words, String separator, boolean upperCase) {
    String joined = String.join(separator, words);
    return upperCase ? joined.toUpperCase() : joined;
  }
}
