'use strict';
// Express 5 as its users write it: res.send / res.json (weak ETag on), express.static (ETag, Range).
const fs = require('node:fs');
const express = require('express');
const compression = require('compression');
const cors = require('cors');
const helmet = require('helmet');
const morgan = require('morgan');
const session = require('express-session');
const { HELLO, KIB, STREAM_WRITES, port, staticDir, decoyPaths, tenKibJson, text100k, accessLog } = require('./common');

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

// The typical stack (issue 15): what a real app installs before its first route. wrk sends no cookie, so every
// request gets a new, uninitialised session that is not saved (saveUninitialized: false).
const stack = express.Router();
stack.use(helmet(), cors(), compression(),
  morgan('combined', { stream: fs.createWriteStream(accessLog('express'), { flags: 'a' }) }),
  session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
const TEN_KIB = tenKibJson();
stack.get('/small', (req, res) => res.send(HELLO));          // under the compression threshold
stack.get('/json', (req, res) => res.json(TEN_KIB));         // 10 KiB: compressed (br when offered)
app.use('/stack', stack);

// compression alone, for gzip and br throughput on a 100 KiB text body (wrk picks the coding by Accept-Encoding)
const TEXT = text100k();
if (TEXT) app.get('/compress/100k', compression(), (req, res) => res.type('text').send(TEXT));

const server = app.listen(port(8083), () => console.log(`express listening on ${server.address().port}`));
