class HitCounter {
  constructor(window) {
    this.window = window;
    this.hits = [];
  }

  hit(at) {
    this.hits.push(at);
  }

  count(at) {
    return this.hits.filter((t) => t > at - this.window).length;
  }
}
