/**
 * The Hungarian algorithm (Kuhn–Munkres with potentials, O(n³)) for the assignment problem: given
 * an n×m cost matrix with n ≤ m, the column for each row that makes the total cost least.
 *
 * Written here rather than taken from npm, after checking the two candidates: `munkres-js` 1.2.2
 * is plain JavaScript with no type declarations, and `linear-sum-assignment` 1.0.9 brings
 * ml-matrix, ml-spectra-processing and cheminfo-types for this one routine. This keeps integer
 * costs exact (the optimality property test in test/matching/ checks it against brute force) and
 * runs 300 people in well under a second (`npm run bench:matching`).
 */
export function solveAssignment(cost: number[][]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0].length;
  if (m < n) throw new Error('solveAssignment needs at least as many columns as rows');
  const INF = Number.MAX_SAFE_INTEGER;
  // 1-based potentials for rows (u) and columns (v); p[j] is the row matched to column j; way[j] the previous column on the augmenting path.
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(m + 1).fill(0);
  const p = new Array<number>(m + 1).fill(0);
  const way = new Array<number>(m + 1).fill(0);
  const minv = new Array<number>(m + 1);
  const used = new Array<boolean>(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0];
      const row = cost[i0 - 1];
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = row[j - 1] - u[i0] - v[j];
        if (reduced < minv[j]) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] !== 0) assignment[p[j] - 1] = j - 1;
  return assignment;
}
