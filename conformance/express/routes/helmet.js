'use strict'

// The middleware apps install first (helmet 8.3.0) and the hook middleware authors build on (on-headers 1.1.0).
// Twin: HelmetRoutes.java.

const helmet = require('helmet')
const onHeaders = require('on-headers')

exports.install = function (app) {
  app.get('/mw/helmet', helmet(), (req, res) => res.send('ok'))
  app.get('/mw/helmet/json', helmet(), (req, res) => res.json({ a: 1 }))
  app.get('/mw/helmet/custom', helmet({
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", 'cdn.example'], 'base-uri': null, reportTo: ['default'] }
    },
    crossOriginEmbedderPolicy: true,
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: ['origin', 'unsafe-url'] },
    strictTransportSecurity: { maxAge: 123, includeSubDomains: false, preload: true },
    xDnsPrefetchControl: { allow: true },
    xFrameOptions: { action: 'deny' },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'by-content-type' }
  }), (req, res) => res.send('ok'))
  app.get('/mw/helmet/report-only', helmet({
    contentSecurityPolicy: { useDefaults: false, reportOnly: true, directives: { defaultSrc: ["'self'"] } }
  }), (req, res) => res.send('ok'))
  app.get('/mw/helmet/off', helmet({
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    strictTransportSecurity: false,
    xContentTypeOptions: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xPoweredBy: false,
    xXssProtection: false
  }), (req, res) => res.send('ok'))
  app.get('/mw/helmet/nonce', helmet({
    contentSecurityPolicy: { directives: { scriptSrc: ["'self'", (req, res) => "'nonce-" + req.query.n + "'"] } }
  }), (req, res) => res.send('ok'))
  app.get('/mw/helmet/bad-value', helmet({
    contentSecurityPolicy: { directives: { scriptSrc: [(req, res) => 'bad;value'] } }
  }), (req, res) => res.send('never'))
  app.use('/mw/helmet-404', helmet())

  app.get('/mw/on-headers', (req, res) => {
    onHeaders(res, function () {
      this.setHeader('X-Status-Seen', String(this.statusCode))
      this.statusCode = 202
    })
    res.status(201).send('x')
  })
  app.get('/mw/on-headers/order', (req, res) => {
    for (const n of ['1', '2', '3']) {
      onHeaders(res, function () { this.setHeader('X-Order', (this.getHeader('X-Order') || 'start') + ',' + n) })
    }
    res.send('x')
  })
  app.get('/mw/on-headers/write', (req, res) => {
    onHeaders(res, function () { this.setHeader('X-Hook', 'before-write') })
    res.set('Content-Type', 'text/plain')
    res.write('a')
    res.end('b')
  })
  app.get('/mw/on-headers/write-head', (req, res) => {
    onHeaders(res, function () { this.setHeader('X-Seen', this.getHeader('X-Given') + ' ' + this.statusCode) })
    res.writeHead(203, { 'X-Given': 'yes' })
    res.end()
  })
}
