def word_counts(words):
    counts = {}
    # Keys inserted in reverse order of first sight: the order of a map means nothing.
    for word in reversed(words):
        counts[word] = counts.get(word, 0) + 1
    return counts
