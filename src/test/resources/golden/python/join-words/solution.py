def join_words(words, separator, upper_case):
    joined = separator.join(words)
    return joined.upper() if upper_case else joined
