'use strict'

// The npm middleware express4j builds in: cors 2.8.6, method-override 3.0.0, express-rate-limit 8.7.5.
// Twin: MiddlewareRoutes.java. Rate limiters key by the X-Key header, so each case counts alone, and send no legacy
// headers (X-RateLimit-Reset is an absolute time that differs between the two servers).

const cors = require('cors')
const methodOverride = require('method-override')
const { rateLimit } = require('express-rate-limit')

exports.install = function (app) {
  const answer = (req, res) => res.send(req.method + ' ' + req.originalUrl)

  app.all('/mw/cors/default', cors(), answer)
  app.all('/mw/cors/fixed', cors({
    origin: 'http://example.com', credentials: true, maxAge: 0, exposedHeaders: ['X-A', 'X-B']
  }), answer)
  app.all('/mw/cors/list', cors({
    origin: [/foo\.com$/, 'http://example.com'], allowedHeaders: 'A,B', optionsSuccessStatus: 200, maxAge: 600
  }), answer)
  app.all('/mw/cors/reflect', cors({ origin: true, preflightContinue: true, methods: ['GET', 'POST'] }), answer)
  app.all('/mw/cors/regex', cors({ origin: /^https?:\/\/x\./ }), answer)
  app.all('/mw/cors/off', cors({ origin: false, credentials: true }), answer)
  app.all('/mw/cors/callback', cors({ origin: (origin, cb) => cb(null, origin === 'http://ok.test') }), answer)
  app.all('/mw/cors/vary', (req, res, next) => { res.set('Vary', 'Accept'); next() },
    cors({ origin: 'http://example.com' }), answer)

  const overridden = (req, res) => res.send(req.method + ' ' + req.originalMethod)
  app.use('/mw/override/header', methodOverride())
  app.use('/mw/override/query', methodOverride('_method'))
  app.use('/mw/override/any', methodOverride('X-Method', { methods: null }))
  app.all('/mw/override/*splat', overridden)

  // one request per key: concurrent requests of one key read express-rate-limit's shared counter object after all
  // their increments (a pipelined burst all sees the last count), so each case sends one request, its limit in ?limit
  const byKey = {
    keyGenerator: req => String(req.headers['x-key']),
    limit: req => Number(req.query.limit),
    legacyHeaders: false,
    validate: false
  }
  app.get('/mw/limit/default', rateLimit(byKey), answer)
  app.get('/mw/limit/draft6', rateLimit({ ...byKey, standardHeaders: true }), answer)
  app.get('/mw/limit/draft7', rateLimit({ ...byKey, standardHeaders: 'draft-7' }), answer)
  app.get('/mw/limit/draft8', rateLimit({ ...byKey, standardHeaders: 'draft-8', windowMs: 5400000 }),
    rateLimit({ ...byKey, limit: 3, standardHeaders: 'draft-8', identifier: 'second' }), answer)
  app.get('/mw/limit/json', rateLimit({
    ...byKey, statusCode: 503, message: { error: 'slow down' }, standardHeaders: 'draft-7'
  }), answer)
  app.get('/mw/limit/skip', rateLimit({ ...byKey, skip: req => req.query.skip === '1' }), answer)
}
