const transposeMatrix = (matrix) =>
  matrix[0].map((_, c) => matrix.map((row) => row[c]));
