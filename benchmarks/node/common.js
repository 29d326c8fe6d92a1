'use strict';
// What every benchmark server answers (mirrors io.express4j.bench.servers.BenchPayloads).
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

module.exports = { HELLO, KIB, STREAM_WRITES, port, staticDir, decoyPaths };
