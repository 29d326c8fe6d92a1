'use strict'

// The request/response API: jsonp, vary, links, location, redirect, attachment, cookies (with cookie-parser),
// format / accepts / is, xhr / subdomains / protocol / host, trust proxy, the extended query parser.
// Twin: ApiRoutes.java.

const express = require('express')
const cookieParser = require('cookie-parser')

// What req says about where the request came from, in the same order in both twins.
function origin (req) {
  return {
    ip: req.ip,
    ips: req.ips,
    protocol: req.protocol,
    secure: req.secure,
    host: req.host ?? null,
    hostname: req.hostname ?? null,
    subdomains: req.subdomains,
    xhr: req.xhr
  }
}

exports.install = function (app) {
  // --- jsonp
  app.get('/rr/jsonp', (req, res) => res.jsonp({ user: 'tobi', sep: '\u2028\u2029' }))
  app.get('/rr/jsonp/status', (req, res) => res.status(201).jsonp('text'))
  app.get('/rr/jsonp/typed', (req, res) => res.type('text/plain').jsonp(null))
  const named = express()
  named.set('jsonp callback name', 'cb')
  named.get('/', (req, res) => res.jsonp([1, 2]))
  app.use('/rr/jsonp-name', named)

  // --- vary, links, location, redirect
  app.get('/rr/vary', (req, res) => res.vary('Accept').vary('accept, Origin').send('varied'))
  app.get('/rr/vary/star', (req, res) => res.vary('Accept').vary('*').vary('Origin').send('star'))
  app.get('/rr/vary/preset', (req, res) => res.set('Vary', 'User-Agent').vary('Accept').send('preset'))
  app.get('/rr/links', (req, res) => res.links({ next: '/p?page=2', last: '/p?page=5' }).links({ prev: '/p?page=1' }).send('linked'))
  app.get('/rr/location', (req, res) => res.location('/target path?q=ä').end())
  app.get('/rr/location/back', (req, res) => res.location('back').end())
  app.get('/rr/location/absolute', (req, res) => res.location('https://example.com/a b/%zz').end())
  app.get('/rr/redirect', (req, res) => res.redirect('/target path?q=ä'))
  app.get('/rr/redirect/301', (req, res) => res.redirect(301, 'http://example.com/'))
  app.get('/rr/redirect/escape', (req, res) => res.redirect('/<script>&"\''))
  app.all('/rr/redirect/any', (req, res) => res.redirect(303, '/see-other'))

  // --- attachment
  app.get('/rr/attachment', (req, res) => res.attachment('report 2024.pdf').send('pdf'))
  app.get('/rr/attachment/none', (req, res) => res.attachment().send('bytes'))
  app.get('/rr/attachment/unicode', (req, res) => res.attachment('résumé €.txt').send('text'))
  app.get('/rr/attachment/path', (req, res) => res.attachment('/some/dir/data.json').send({ a: 1 }))

  // --- cookies
  app.get('/rr/cookie', (req, res) => {
    res.cookie('name', 'tobi', { httpOnly: true, sameSite: 'lax', expires: new Date(Date.UTC(2030, 0, 2, 3, 4, 5)) })
    res.cookie('obj', { a: 1, b: [true] })
    res.cookie('enc', 'a b;c', { path: '/rr', domain: 'example.com', secure: true, priority: 'high', partitioned: true })
    res.cookie('strict', 'x', { sameSite: true })
    res.clearCookie('old')
    res.clearCookie('scoped', { path: '/rr' })
    res.send('cookies')
  })
  app.use('/rr/cookies', cookieParser('keyboard cat'))
  app.get('/rr/cookies', (req, res) => res.json({ cookies: req.cookies, signed: req.signedCookies }))
  app.get('/rr/cookies/sign', (req, res) => res.cookie('s', 'tobi', { signed: true }).cookie('j', { x: 1 }, { signed: true }).send('signed'))

  // --- negotiation
  app.get('/rr/format', (req, res) => res.format({
    'text/plain': () => res.send('plain'),
    'application/json': () => res.send({ fmt: 'json' })
  }))
  app.get('/rr/format/default', (req, res) => res.format({
    html: () => res.send('<p>html</p>'),
    default: () => res.status(406).send('default')
  }))
  app.get('/rr/accepts', (req, res) => res.json({
    best: req.accepts(['html', 'json']) || false,
    all: req.accepts(),
    language: req.acceptsLanguages('en', 'de') || false,
    encoding: req.acceptsEncodings('gzip', 'identity') || false,
    charset: req.acceptsCharsets('utf-8', 'iso-8859-1') || false
  }))
  app.post('/rr/is', (req, res) => res.json({
    json: req.is('json') || null, html: req.is('html') || null, any: req.is('*/*') || null
  }))

  // --- where the request came from, with and without trusted proxies
  app.get('/rr/origin', (req, res) => res.json(origin(req)))
  const trustAll = express()
  trustAll.set('trust proxy', true)
  trustAll.get('/', (req, res) => res.json(origin(req)))
  app.use('/rr/trust-all', trustAll)
  const trustOne = express()
  trustOne.set('trust proxy', 1)
  trustOne.get('/', (req, res) => res.json(origin(req)))
  app.use('/rr/trust-one', trustOne)
  const trustLoopback = express()
  trustLoopback.set('trust proxy', 'loopback')
  trustLoopback.get('/', (req, res) => res.json(origin(req)))
  const innerApp = express()
  innerApp.get('/', (req, res) => res.json(origin(req)))
  trustLoopback.use('/inner', innerApp)
  app.use('/rr/trust-loopback', trustLoopback)

  // --- the extended query parser
  const extended = express()
  extended.set('query parser', 'extended')
  extended.get('/', (req, res) => res.json(req.query))
  app.use('/rr/query-extended', extended)
}
