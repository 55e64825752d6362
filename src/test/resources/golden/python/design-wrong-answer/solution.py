class HitCounter:
    def __init__(self, window):
        self.window = window
        self.hits = []

    def hit(self, at):
        self.hits.append(at)

    def count_since(self, at):
        # Off by one at the window's edge: counts the hit at exactly at - window.
        return sum(1 for h in self.hits if h >= at - self.window)
