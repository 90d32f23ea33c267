import { kmeans } from 'ml-kmeans';

/**
 * Centres of `points` (k-means++ then Lloyd, seeded: the same data and seed give the same
 * centres), the distance model's reference points. mljs' ml-kmeans does the work.
 */
export function kMeans(points: readonly Float64Array[], k: number, seed: number): Float64Array[] {
  if (points.length === 0) throw new Error('k-means of no points');
  const distinct = new Map(points.map((p) => [p.join(','), p]));
  if (distinct.size <= k) return [...distinct.values()].map((p) => Float64Array.from(p));
  const result = kmeans(
    points.map((p) => [...p]),
    k,
    { seed, initialization: 'kmeans++', maxIterations: 50 },
  );
  return result.centroids.map((c) => Float64Array.from(c));
}
