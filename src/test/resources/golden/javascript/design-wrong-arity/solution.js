class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits = [];
  }

  hit(at) {
    this.hits.push(at);
  }

  countSince(from, to) {
    return this.hits.filter((t) => t > from && t <= to).length;
  }
}
