// A line diff (longest common subsequence): rule sets are a few hundred lines, so the quadratic table is small.

/** The lines of `after` against `before`, each as { kind: ' ' | '+' | '-', line }. */
export function lineDiff(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  const common = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] = a[i] === b[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { lines.push({ kind: ' ', line: a[i] }); i++; j++; }
    else if (j < b.length && (i === a.length || common[i][j + 1] >= common[i + 1][j])) lines.push({ kind: '+', line: b[j++] });
    else lines.push({ kind: '-', line: a[i++] });
  }
  return lines;
}
