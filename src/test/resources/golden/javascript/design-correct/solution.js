// Hits in the last `window` time units, (at - window, at].
class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits = [];
  }

  hit(at) {
    this.hits.push(at);
    return this.hits.length; // ignored: hit is void
  }

  countSince(at) {
    return this.hits.filter((t) => t > at - this.window && t <= at).length;
  }
}
