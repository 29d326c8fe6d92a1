'use strict';
// What every benchmark server answers (mirrors io.express4j.bench.servers.BenchPayloads).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const HELLO = 'Hello, World!';
const KIB = Buffer.alloc(1024, 'x');
const STREAM_WRITES = 1000;

function port(fallback) {
  return Number(process.argv[2] || process.env.PORT || fallback);
}

function staticDir() {
  return path.resolve(process.env.STATIC_DIR || 'static');
}

// ROUTES=N registers N-1 decoy routes ahead of the benchmark routes (the route-count scale check).
function decoyPaths() {
  const n = Math.max(0, Number(process.env.ROUTES || 0) - 1);
  const out = [];
  for (let i = 0; i < n; i++) out.push(i % 2 === 0 ? `/api/v1/resource${i}` : `/api/v1/resource${i}/:id`);
  return out;
}

// The typical stack's JSON (GET /stack/json): 128 users, 10,484 bytes as JSON — over compression's 1 KiB threshold.
function tenKibJson() {
  const items = [];
  for (let i = 0; i < 128; i++) {
    items.push({ id: i, name: `user ${i}`, email: `user${i}@example.com`, active: i % 2 === 0, score: (i * 37) % 100 });
  }
  return { items };
}

// GET /compress/100k: run.sh writes 100kib.txt (words, compressible) beside the static file; null when absent.
function text100k() {
  const file = path.join(staticDir(), '100kib.txt');
  return fs.existsSync(file) ? fs.readFileSync(file) : null;
}

// Where the typical stack's morgan writes: ACCESS_LOG (run.sh sets it), else a file in the temporary folder.
function accessLog(server) {
  return process.env.ACCESS_LOG || path.join(os.tmpdir(), `${server}-access.log`);
}

module.exports = { HELLO, KIB, STREAM_WRITES, port, staticDir, decoyPaths, tenKibJson, text100k, accessLog };
