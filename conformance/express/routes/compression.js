'use strict'

// compression 1.8.2 in front of res.send, res.json, res.write, res.flush and res.sendFile. Twin: CompressionRoutes.java.
// Compressed bodies are compared after decoding (zlib and brotli output may differ byte for byte between
// implementations); everything else — status, every header, framing — is compared as usual.

const compression = require('compression')

const big = 'the quick brown fox jumps over the lazy dog\n'.repeat(50) // 2,200 bytes: over the 1 KiB threshold

exports.install = function (app, fixtures) {
  const gz = compression()
  app.get('/gz/send', gz, (req, res) => res.send(big))
  app.get('/gz/small', gz, (req, res) => res.send('hello, world'))
  app.get('/gz/json', gz, (req, res) => res.json({
    items: Array.from({ length: 60 }, (_, i) => ({ id: i, name: 'item ' + i }))
  }))
  app.get('/gz/write', gz, (req, res) => {
    res.type('text')
    for (let i = 0; i < 40; i++) res.write('line ' + i + ' of a streamed body\n')
    res.end()
  })
  app.get('/gz/flush', gz, (req, res) => {
    res.type('text/event-stream')
    res.write('data: 1\n\n')
    res.flush()
    res.write('data: 2\n\n')
    res.flush()
    res.end()
  })
  app.get('/gz/length', gz, (req, res) => {
    res.type('text')
    res.set('Content-Length', String(Buffer.byteLength(big)))
    res.end(big)
  })
  app.get('/gz/no-transform', gz, (req, res) => {
    res.set('Cache-Control', 'no-transform')
    res.send(big)
  })
  app.get('/gz/image', gz, (req, res) => {
    res.type('png')
    res.send(Buffer.from(big))
  })
  app.get('/gz/encoded', gz, (req, res) => {
    res.set('Content-Encoding', 'x-custom')
    res.send(big)
  })
  app.get('/gz/etag', gz, (req, res) => {
    res.set('ETag', '"v1"')
    res.send(big)
  })
  app.get('/gz/empty', gz, (req, res) => res.status(204).end())
  app.get('/gz/file', gz, (req, res) => res.sendFile('lorem.txt', { root: fixtures }))
  app.get('/gz/threshold0', compression({ threshold: 0 }), (req, res) => res.send('tiny'))
  app.get('/gz/threshold0/204', compression({ threshold: 0 }), (req, res) => res.type('text').status(204).end())
  app.get('/gz/threshold0/etag', compression({ threshold: 0 }), (req, res) => res.set('ETag', '"v1"').send('tiny'))
  app.get('/gz/threshold-string', compression({ threshold: '4kb' }), (req, res) => res.send(big))
  app.get('/gz/level', compression({ level: 1 }), (req, res) => res.send(big))
  app.get('/gz/filter', compression({ filter: (req, res) => req.query.z === '1' }), (req, res) => res.send(big))
  app.get('/gz/enforce', compression({ enforceEncoding: 'gzip' }), (req, res) => res.send(big))
}
