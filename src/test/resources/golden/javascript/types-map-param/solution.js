function groupLengths(lengths) {
  // A map argument is an object without a prototype: only its own keys are in it.
  if (Object.getPrototypeOf(lengths) !== null) throw new TypeError('map arguments have no prototype');
  const sums = new Map();
  for (const key of Object.keys(lengths).reverse()) {
    sums.set(key, lengths[key].reduce((total, n) => total + n, 0));
  }
  return sums;
}
