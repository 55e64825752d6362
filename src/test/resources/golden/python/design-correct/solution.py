from collections import deque


class HitCounter:
    def __init__(self, window):
        self.window = window
        self.hits = deque()

    def hit(self, at):
        self.hits.append(at)
        return "ignored: hit is void"

    def count_since(self, at):
        while self.hits and self.hits[0] <= at - self.window:
            self.hits.popleft()
        return len(self.hits)
