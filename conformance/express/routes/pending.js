'use strict'

// Routes of Express features express4j does not have yet. Their cases are in the corpus and listed as
// "pending <feature>" in conformance/DIFFERENCES.md; whoever lands a feature adds the Java twin route (in the
// twin file of the area, e.g. a new ApiRoutes.java), moves the route out of this file into the matching area
// file here, and deletes the pending lines — the runner then holds the feature to Express's bytes.

const express = require('express')

exports.install = function (app) {
  // request/response API
  app.get('/pending/jsonp', (req, res) => res.jsonp({ user: 'tobi' }))
  app.get('/pending/vary', (req, res) => res.vary('Accept').vary('accept, Origin').send('varied'))
  app.get('/pending/links', (req, res) => res.links({ next: '/p?page=2', last: '/p?page=5' }).send('linked'))
  app.get('/pending/location', (req, res) => res.location('/target path?q=ä').end())
  app.get('/pending/redirect', (req, res) => res.redirect('/target path?q=ä'))
  app.get('/pending/redirect-301', (req, res) => res.redirect(301, 'http://example.com/'))
  app.get('/pending/attachment', (req, res) => res.attachment('report 2024.pdf').send('pdf'))
  app.get('/pending/cookie', (req, res) => {
    res.cookie('name', 'tobi', { httpOnly: true, maxAge: 60000, sameSite: 'lax', expires: new Date(0) })
    res.cookie('obj', { a: 1 })
    res.clearCookie('old')
    res.send('cookies')
  })
  app.get('/pending/format', (req, res) => res.format({
    'text/plain': () => res.send('plain'),
    'application/json': () => res.send({ fmt: 'json' })
  }))
  app.get('/pending/accepts', (req, res) => res.json({ accepts: req.accepts(['html', 'json']) }))
  app.get('/pending/xhr', (req, res) => res.json({ xhr: req.xhr, subdomains: req.subdomains, protocol: req.protocol }))
  const proxied = express()
  proxied.set('trust proxy', true)
  proxied.get('/', (req, res) => res.json({ ip: req.ip, ips: req.ips, protocol: req.protocol, host: req.host }))
  app.use('/pending/trust-proxy', proxied)

  const extended = express()
  extended.set('query parser', 'extended')
  extended.get('/', (req, res) => res.json(req.query))
  app.use('/pending/query-extended', extended)
}
