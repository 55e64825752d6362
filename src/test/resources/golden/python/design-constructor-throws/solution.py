class HitCounter:
    def __init__(self, window):
        self.window = window
        self.buckets = [0] * (window // (window - 300))

    def hit(self, at):
        self.buckets[at % self.window] += 1

    def count_since(self, at):
        return sum(self.buckets)
