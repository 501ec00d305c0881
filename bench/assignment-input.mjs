// The synthetic input of bench/assignment.mjs, apart so that other scripts can generate it too.

/**
 * A deterministic national-looking input: 13 regions, 96 departments of uneven size, girls,
 * QPV and disability shares that differ by department, 1 % reduced mobility, 35 % accessible
 * sessions, and places (≈ 95 % of the volunteers) spread over the departments with noise, so
 * that some departments lack places and others have spare ones.
 */
export function syntheticInput({ volunteers, sessions }, seededRandom) {
  const random = seededRandom(20_261_201);
  const regions = 13;
  const departments = Array.from({ length: 96 }, (_, d) => ({
    id: `D${String(d + 1).padStart(2, '0')}`,
    regionId: `R${(d % regions) + 1}`,
    weight: 0.3 + 1.7 * random(),
    female: 0.42 + 0.16 * random(),
    qpv: 0.03 + 0.27 * random(),
    disability: 0.02 + 0.06 * random(),
  }));
  const pick = (weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  const demandWeights = departments.map((d) => d.weight);
  const candidates = Array.from({ length: volunteers }, (_, n) => {
    const d = departments[pick(demandWeights)];
    return {
      id: `V${String(n).padStart(7, '0')}`,
      departmentId: d.id,
      regionId: d.regionId,
      gender: random() < d.female ? 'FEMALE' : 'MALE',
      priorityNeighbourhood: random() < d.qpv,
      disability: random() < d.disability,
      reducedMobility: random() < 0.01,
    };
  });
  // Places follow demand only roughly (×0.5 to ×1.5 per department).
  const supplyWeights = departments.map((d) => d.weight * (0.5 + random()));
  const centers = Math.round(sessions * 0.9);
  const raw = Array.from({ length: sessions }, (_, s) => {
    const d = departments[pick(supplyWeights)];
    return { d, size: 100 + 180 * random(), accessible: random() < 0.35, center: s < centers ? s : Math.floor(random() * centers) };
  });
  const scale = (0.95 * volunteers) / raw.reduce((a, r) => a + r.size, 0);
  const slots = raw.map((r, s) => ({
    id: `S${String(s).padStart(4, '0')}`,
    // A centre's second session is in the centre's department.
    centerId: `C${String(r.center).padStart(4, '0')}`,
    departmentId: r.center === s ? r.d.id : raw[r.center].d.id,
    regionId: r.center === s ? r.d.regionId : raw[r.center].d.regionId,
    placesLeft: Math.max(1, Math.round(r.size * scale)),
    accessible: r.accessible,
  }));
  return { candidates, sessions: slots };
}
