'use strict'

// Body parsers: express.json / urlencoded / text / raw with their options and their errors (which reach
// finalhandler: development pages compare without the stack, production pages exactly). Twin: BodyRoutes.java.

const express = require('express')

function echo (req, res) {
  res.json({ body: req.body ?? null })
}

function bytes (req, res) {
  const b = req.body
  res.json({ buffer: Buffer.isBuffer(b), length: b ? b.length : null, first: b && b.length ? b[0] : null })
}

exports.install = function (app) {
  app.post('/body/json', express.json(), echo)
  app.put('/body/json', express.json(), echo)
  app.get('/body/json', express.json(), echo)
  app.post('/body/json-lax', express.json({ strict: false }), echo)
  app.post('/body/json-small', express.json({ limit: 10 }), echo)
  app.post('/body/json-any', express.json({ type: '*/*' }), echo)
  app.post('/body/json-no-inflate', express.json({ inflate: false }), echo)
  app.post('/body/json-verify', express.json({
    verify: (req, res, buf) => { if (buf[0] === 0x5b) throw new Error('no arrays here') }
  }), echo)
  app.post('/body/json-handled', express.json(), echo)
  app.use('/body/json-handled', (err, req, res, next) => {
    res.status(err.status).json({ type: err.type, status: err.status, expose: err.expose })
  })

  app.post('/body/urlencoded', express.urlencoded(), echo)
  app.post('/body/urlencoded-extended', express.urlencoded({ extended: true }), echo)
  app.post('/body/urlencoded-params', express.urlencoded({ parameterLimit: 2 }), echo)

  app.post('/body/text', express.text(), echo)
  app.post('/body/text-any', express.text({ type: '*/*', defaultCharset: 'iso-8859-1' }), echo)

  app.post('/body/raw', express.raw(), bytes)
  app.post('/body/raw-small', express.raw({ limit: '4b' }), bytes)

  // the parsers in a row, as apps stack them: each one leaves a body it does not handle to the next
  app.use('/body/stacked', express.json(), express.urlencoded(), express.text())
  app.post('/body/stacked', echo)
}
