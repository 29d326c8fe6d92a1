'use strict'

// ETag generation (weak, strong, off, custom functions), manual validators, and req.fresh turning res.send into
// a 304. Twin: ConditionalRoutes.java.

const express = require('express')

const LAST_MODIFIED = 'Tue, 02 Jan 2024 03:04:05 GMT'

function validators (app) {
  app.get('/', (req, res) => res.send('Hello World'))
  app.get('/json', (req, res) => res.json({ hello: 'world' }))
  app.get('/buffer', (req, res) => res.send(Buffer.from('bytes')))
  app.get('/empty', (req, res) => res.send(''))
  app.get('/none', (req, res) => res.send())
  app.get('/status', (req, res) => res.sendStatus(204))
  app.get('/end', (req, res) => res.end('no etag from end'))
}

exports.install = function (app) {
  // default app setting: weak
  const cond = express.Router()
  validators(cond)
  cond.get('/manual', (req, res) => res.set('ETag', '"manual"').send('manual tag'))
  cond.get('/manual-weak', (req, res) => res.set('ETag', 'W/"manual"').send('manual tag'))
  cond.get('/last-modified', (req, res) => res.set('Last-Modified', LAST_MODIFIED).send('dated'))
  cond.get('/both', (req, res) => res.set('Last-Modified', LAST_MODIFIED).send('dated and tagged'))
  cond.get('/status/201', (req, res) => res.status(201).send('created'))
  cond.get('/status/404', (req, res) => res.status(404).send('missing'))
  cond.get('/status/304', (req, res) => res.status(304).send('already'))
  cond.all('/any', (req, res) => res.send('any method'))
  cond.get('/fresh', (req, res) => { res.set('ETag', '"f"'); res.json({ fresh: req.fresh, stale: req.stale }) })
  app.use('/cond', cond)

  const strong = express()
  strong.set('etag', 'strong')
  validators(strong)
  app.use('/etag-strong', strong)

  const off = express()
  off.set('etag', false)
  validators(off)
  off.get('/manual', (req, res) => res.set('ETag', '"kept"').send('manual tag'))
  app.use('/etag-off', off)

  const on = express()
  on.set('etag', true)
  validators(on)
  app.use('/etag-true', on)

  const custom = express()
  custom.set('etag', (body, encoding) => '"custom-' + body.length + '"')
  validators(custom)
  app.use('/etag-custom', custom)

  const falsy = express()
  falsy.set('etag', (body, encoding) => undefined)
  validators(falsy)
  app.use('/etag-falsy', falsy)
}
