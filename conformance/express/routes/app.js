'use strict'

// Applications: settings and what a mounted app inherits, app.locals / res.locals, what req says about the
// request, custom methods, sub-apps and routers passing errors and misses on, mount paths, custom query parsers.
// Twin: AppRoutes.java.

const express = require('express')

// The settings a handler can read, in the same order in both twins.
function settingsOf (app) {
  return {
    jsonSpaces: app.get('json spaces') ?? null,
    etag: app.get('etag'),
    queryParser: app.get('query parser'),
    poweredBy: app.enabled('x-powered-by'),
    caseSensitive: app.enabled('case sensitive routing'),
    strictOff: app.disabled('strict routing'),
    subdomainOffset: app.get('subdomain offset'),
    jsonpCallback: app.get('jsonp callback name'),
    custom: app.get('custom setting') ?? null,
    childOnly: app.get('child only') ?? null
  }
}

exports.install = function (app) {
  // --- settings: a mounted app inherits what it did not set itself; its own defaults win over the parent's
  const parent = express()
  parent.set('json spaces', 2)
  parent.set('etag', 'strong')
  parent.set('query parser', false)
  parent.set('custom setting', 'from parent')
  parent.get('/', (req, res) => res.json(settingsOf(req.app)))
  parent.get('/query', (req, res) => res.json(req.query))
  parent.get('/etag', (req, res) => res.send('tagged'))
  const child = express()
  child.set('child only', 'yes')
  child.get('/', (req, res) => res.json(settingsOf(req.app)))
  child.get('/query', (req, res) => res.json(req.query))
  child.get('/etag', (req, res) => res.send('tagged'))
  child.get('/mount', (req, res) => res.json({ mountpath: child.mountpath, path: child.path(), baseUrl: req.baseUrl }))
  parent.use('/child', child)
  // after the child app let the request through, req.app is the parent again
  parent.get('/child/none', (req, res) => res.json(settingsOf(req.app)))
  app.use('/inherit', parent)
  app.get('/settings', (req, res) => res.json(settingsOf(req.app)))

  // --- locals
  app.locals.title = 'conformance'
  app.use('/locals', (req, res, next) => {
    res.locals.user = 'tobi'
    res.locals.count = 1
    next()
  })
  app.get('/locals', (req, res) => res.json({ res: res.locals, title: req.app.locals.title }))
  app.get('/locals/fresh', (req, res) => res.json(res.locals))

  // --- what req says
  app.all('/info', (req, res) => res.json({
    method: req.method,
    protocol: req.protocol,
    secure: req.secure,
    ip: req.ip,
    path: req.path,
    hostname: req.hostname ?? null,
    fresh: req.fresh,
    stale: req.stale
  }))
  app.get('/all-headers', (req, res) => res.json(req.headers))
  app.get('/route-path/:id', (req, res) => res.json({ route: req.route.path, params: req.params }))
  app.all('/route-path-all/*rest', (req, res) => res.json({ route: req.route.path, method: req.method }))

  // --- methods Node knows beyond the usual ones
  app.propfind('/dav', (req, res) => res.status(207).send('propfind'))
  app.purge('/dav', (req, res) => res.send('purged'))
  app.mkcol('/dav', (req, res) => res.sendStatus(201))
  app.get('/dav', (req, res) => res.send('get dav'))

  // --- a sub-app's errors and misses go on to the parent
  const failing = express()
  failing.get('/throw', (req, res) => { throw new Error('from the sub-app') })
  failing.get('/next', (req, res, next) => next(new Error('passed on by the sub-app')))
  app.use('/subapp', failing)
  app.get('/subapp/miss', (req, res) => res.json({ after: 'the sub-app', url: req.url, baseUrl: req.baseUrl }))
  app.use('/subapp', (err, req, res, next) => {
    res.status(500).json({ caught: err.message, url: req.url, baseUrl: req.baseUrl, parent: req.app === app })
  })

  const unhandled = express()
  unhandled.get('/throw', (req, res) => { throw new Error('nobody catches this') })
  app.use('/subapp-unhandled', unhandled)

  // --- a router's own error middleware, and next('router') from a route handler
  const guarded = express.Router()
  guarded.get('/throw', (req, res) => { throw new Error('router error') })
  guarded.get('/exit', (req, res, next) => next('router'))
  guarded.get('/exit', (req, res) => res.send('never'))
  guarded.use((err, req, res, next) => res.status(500).send('router caught: ' + err.message))
  app.use('/guarded', guarded)
  app.get('/guarded/exit', (req, res) => res.send('after next(router) from a route'))
  app.get('/guarded/throw', (req, res) => res.send('never: the router answered'))

  // --- several middleware in one use(), a mount path with a trailing slash, params at two levels
  app.use('/multi', (req, res, next) => { res.set('X-Multi', 'a'); next() },
    (req, res, next) => { res.append('X-Multi', 'b'); next() })
  app.get('/multi', (req, res) => res.send('two middleware ran'))

  const trail = express.Router()
  trail.get('/', (req, res) => res.json({ baseUrl: req.baseUrl, url: req.url, originalUrl: req.originalUrl }))
  trail.get('/x', (req, res) => res.json({ baseUrl: req.baseUrl, url: req.url, originalUrl: req.originalUrl }))
  app.use('/trail/', trail)

  const shadow = express.Router({ mergeParams: true })
  shadow.get('/:id', (req, res) => res.json(req.params))
  shadow.get('/:other/deeper', (req, res) => res.json(req.params))
  app.use('/shadow/:id', shadow)

  // --- a custom query parser
  const customQuery = express()
  customQuery.set('query parser', (str) => ({ raw: str ?? null }))
  customQuery.get('/', (req, res) => res.json(req.query))
  app.use('/custom-query', customQuery)
}
