class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits = [];
  }

  hit(at) {
    this.hits.push(at);
  }

  // Off by one: counts a hit exactly `window` ago too.
  countSince(at) {
    return this.hits.filter((t) => t >= at - this.window && t <= at).length;
  }
}
