// The floor: the same answers as the product, produced by hand-written SQL through `pg` in a
// minimal HTTP server (one query per request, no GraphQL, no ORM, no session lookup).
import http from 'node:http';
import pg from 'pg';
import { ASSIGN_FLOOR_SQL, Q1_FLOOR_SQL, Q2_FLOOR_SQL, Q3_FLOOR_SQL } from './documents.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const { DEPARTMENT_ID, REGION_ID, COHORT_ID } = process.env;

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://floor');
  try {
    let result;
    if (url.pathname === '/q1') result = await pool.query(Q1_FLOOR_SQL, [DEPARTMENT_ID, Number(url.searchParams.get('page') ?? 0) * 50]);
    else if (url.pathname === '/q2') result = await pool.query(Q2_FLOOR_SQL, [url.searchParams.get('id'), DEPARTMENT_ID]);
    else if (url.pathname === '/q3') result = await pool.query(Q3_FLOOR_SQL, [DEPARTMENT_ID, REGION_ID, COHORT_ID]);
    else if (url.pathname === '/assign' && req.method === 'POST') {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const { volunteerId, sessionId, actorId } = JSON.parse(raw);
      result = await pool.query(ASSIGN_FLOOR_SQL, [volunteerId, sessionId, actorId]);
    }
    else {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.stringify(result.rows[0].body);
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
