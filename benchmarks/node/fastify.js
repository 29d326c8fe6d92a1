'use strict';
// Fastify 5 as its users write it: reply.send / returned objects, a Readable for streaming, @fastify/static
// (ETag, Range). No logger, as in Fastify's own benchmarks.
const { Readable } = require('node:stream');
const fastify = require('fastify')({ logger: false });
const { HELLO, KIB, STREAM_WRITES, port, staticDir, decoyPaths } = require('./common');

for (const p of decoyPaths()) fastify.get(p, (req, reply) => reply.send('decoy'));
fastify.get('/plaintext', (req, reply) => reply.send(HELLO));
fastify.get('/json', (req, reply) => reply.send({ message: HELLO }));
fastify.get('/stream', (req, reply) => {
  function* chunks() {
    for (let i = 0; i < STREAM_WRITES; i++) yield KIB;
  }
  reply.type('application/octet-stream').send(Readable.from(chunks(), { objectMode: false }));
});
fastify.register(require('@fastify/static'), { root: staticDir(), prefix: '/static/' });

fastify.listen({ port: port(8084), host: '0.0.0.0' }).then((addr) => console.log(`fastify listening on ${addr}`));
