class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits = [];
  }

  hit(at) {
    this.hits.push(at);
  }

  countSince(at) {
    return this.hit.filter((t) => t > at - this.window).length; // hit, not hits
  }
}
