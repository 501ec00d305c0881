import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

/**
 * The benchmark harness in smoke mode (2,000 volunteers, one short round), so that it cannot
 * silently rot. It asserts what the harness computes, never how fast anything is.
 */
describe('npm run bench -- --smoke', () => {
  it('runs end to end, and the product returns the same Q1 rows as the SQL floor', () => {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/bench.mjs'), '--smoke'], { cwd: root, encoding: 'utf8', timeout: 240_000 });
    expect(run.status, run.stderr.slice(-2000)).toBe(0);
    const report = JSON.parse(fs.readFileSync(path.join(root, 'bench/.runs/smoke.json'), 'utf8'));
    expect(report.equality['Q1 liste, page 1']).toBe('identical');
    expect(report.q1Rows).toBe(50);
    expect(report.results.map((r: { id: string }) => r.id)).toEqual(['Q1', 'Q1', 'Q2', 'Q3']);
    for (const result of report.results) {
      const runs = result.runs['10'];
      expect(runs.product[0].rps).toBeGreaterThan(0);
      expect(runs.floor[0].rps).toBeGreaterThan(0);
      expect(runs.product[0].errors).toBe(0);
    }
    expect(report.w1.succeeded).toBe(report.w1.files);
    expect(report.w2.status).toBe(200);
    expect(report.w2.rows).toBe(report.w2.expectedRows);
    expect(report.w2.rows).toBeGreaterThan(0);
    expect(report.w2.peakRssMb).toBeGreaterThan(0);
    expect(report.w3.optimizer.placed).toBeGreaterThanOrEqual(report.w3.baseline.placed);
    expect(report.w3.optimizer.violations).toEqual({ reducedMobility: 0, overbookedSessions: 0, duplicateVolunteers: 0, unknownReferences: 0 });
    expect(report.w4.items).toBeGreaterThan(0);
    expect(report.w4.succeeded).toBe(report.w4.items);
    // W5: each side assigned exactly the files it was sent (no refusal, no double booking).
    expect(report.w5.perRun).toBeGreaterThan(0);
    for (const run of [...report.w5.product, ...report.w5.floor]) expect({ assigned: run.assigned, httpErrors: run.httpErrors }).toEqual({ assigned: report.w5.perRun, httpErrors: 0 });
    // D1: the national dashboard answered, counting the open cohort's volunteers.
    expect(report.d1.ok).toBe(true);
    expect(report.d1.volunteers).toBeGreaterThan(0);
    expect(report.d1.p95).toBeGreaterThan(0);
    expect(report.s1.seconds).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(root, 'bench/.runs/smoke.md'), 'utf8')).toMatch(/\| Q1 \| liste, page 1 \|/);
  }, 300_000);
});
