'use strict';
// Express 5 as its users write it: res.send / res.json (weak ETag on), express.static (ETag, Range).
const express = require('express');
const { HELLO, KIB, STREAM_WRITES, port, staticDir, decoyPaths } = require('./common');

const app = express();
for (const p of decoyPaths()) app.get(p, (req, res) => res.send('decoy'));
app.get('/plaintext', (req, res) => res.send(HELLO));
app.get('/json', (req, res) => res.json({ message: HELLO }));
app.get('/stream', (req, res) => {
  res.type('application/octet-stream');
  for (let i = 0; i < STREAM_WRITES; i++) res.write(KIB);   // what most handlers do: Node buffers what the socket refuses
  res.end();
});
app.use('/static', express.static(staticDir()));

const server = app.listen(port(8083), () => console.log(`express listening on ${server.address().port}`));
