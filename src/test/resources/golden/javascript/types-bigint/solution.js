function addBig(a, b) {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') throw new TypeError('bigint arguments arrive as BigInt');
  const sum = a + b;
  // A result that fits may be returned as a plain number.
  return sum >= -1000n && sum <= 1000n ? Number(sum) : sum;
}
