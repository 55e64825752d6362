import java.math.BigInteger;

class Solution {
  public BigInteger addBig(BigInteger a, BigInteger b) {
    return a.add(b);
  }
}
