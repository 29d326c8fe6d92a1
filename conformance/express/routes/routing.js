'use strict'

// Routing: Express 5 path syntax, RegExp paths, case / strict settings, mounting of routers and sub-apps,
// next() variants, app.param callbacks, route(), all(), HEAD and OPTIONS, req.query. Twin: RoutingRoutes.java.

const express = require('express')

// What the handler sees of the URL: the same fields in the same order in both twins.
function echo (req) {
  return { baseUrl: req.baseUrl, originalUrl: req.originalUrl, path: req.path, url: req.url, params: req.params }
}

function send (req, res) {
  res.json(echo(req))
}

exports.install = function (app) {
  // --- path syntax
  app.get('/users/:id', send)
  app.get('/users/:uid/books/:bid', send)
  app.get('/opt/:id{/:format}', send)
  app.get('/file{.:ext}', send)
  app.get('/range/:from-:to', send)
  app.get('/dots/:name.:ext', send)
  app.get('/files/*path', send)
  app.get('/mixed/:a/*rest', send)
  app.get('/optsplat{/*rest}', send)
  app.get('/quoted/:"with space"', send)
  app.get('/escaped/\\(literal\\)', send)
  app.get('/esc-colon/\\:id', send)
  app.get('/unicode/ä/:x', send)
  app.get('/multi-opt{/:a{/:b}}', send)

  // --- RegExp paths
  app.get(/^\/re\/(\d+)$/, send)
  app.get(/^\/re-two\/(\w+)-(\w+)$/, send)
  app.get(/^\/re-named\/(?<year>\d{4})\/(?<month>\d{2})$/, send)
  app.get(/\/re-partial/, send)

  // --- case sensitivity and strict routing: routers with options, and a sub-app with the settings
  const cs = express.Router({ caseSensitive: true })
  cs.get('/Upper', (req, res) => res.send('Upper'))
  cs.get('/lower', (req, res) => res.send('lower'))
  app.use('/cs', cs)

  const ci = express.Router()
  ci.get('/Upper', (req, res) => res.send('Upper, any case'))
  app.use('/ci', ci)

  const strict = express.Router({ strict: true })
  strict.get('/slash/', (req, res) => res.send('with slash'))
  strict.get('/noslash', (req, res) => res.send('without slash'))
  app.use('/strict', strict)

  const loose = express.Router()
  loose.get('/slash/', (req, res) => res.send('with slash, loose'))
  loose.get('/noslash', (req, res) => res.send('without slash, loose'))
  app.use('/loose', loose)

  const settings = express()
  settings.set('case sensitive routing', true)
  settings.set('strict routing', true)
  settings.get('/Case/', (req, res) => res.send('case and slash'))
  app.use('/settings-app', settings)

  // --- mounting: routers, nested routers, sub-apps, params in mount paths
  const api = express.Router()
  api.get('/', send)
  api.get('/items/:id', send)
  const v1 = express.Router()
  v1.get('/things/:thing', send)
  v1.use(send)
  api.use('/v1', v1)
  app.use('/api', api)

  const org = express.Router({ mergeParams: true })
  org.get('/repos/:repo', send)
  app.use('/org/:org', org)

  const noMerge = express.Router()
  noMerge.get('/repos/:repo', send)
  app.use('/nomerge/:org', noMerge)

  const blog = express()
  blog.get('/', (req, res) => res.json({ mountpath: blog.mountpath, appPath: blog.path(), ...echo(req) }))
  blog.get('/posts/:slug', send)
  const admin = express()
  admin.get('/', (req, res) => res.json({ mountpath: admin.mountpath, appPath: admin.path(), ...echo(req) }))
  blog.use('/admin', admin)
  app.use('/blog', blog)

  app.use('/mw', (req, res, next) => { res.set('X-Mw', req.baseUrl + '|' + req.url); next() })
  app.get('/mw', send)
  app.get('/mw/deeper', send)
  app.get('/mwx', send)
  app.use(/^\/re-mount/, send)

  // --- next() variants
  app.get('/next/chain', (req, res, next) => { res.set('X-Step', '1'); next() }, (req, res, next) => {
    res.append('X-Step', '2'); next()
  }, (req, res) => res.send('chained'))
  app.get('/next/route', (req, res, next) => { res.set('X-Skipped', 'yes'); next('route') }, (req, res) => res.send('never'))
  app.get('/next/route', (req, res) => res.send('second route'))
  app.get('/next/fallthrough', (req, res, next) => next())
  app.get('/next/fallthrough', (req, res) => res.send('second handler for the same path'))
  const leaving = express.Router()
  leaving.use((req, res, next) => { res.set('X-Left', 'router'); next('router') })
  leaving.get('/', (req, res) => res.send('never'))
  app.use('/next/router', leaving)
  app.get('/next/router', (req, res) => res.send('after the router'))
  app.get('/next/error', (req, res, next) => next(new Error('passed to next')), (req, res) => res.send('never'))
  app.get('/next/recover', (req, res, next) => next(new Error('recoverable')))
  app.use('/next/recover', (err, req, res, next) => { res.set('X-Recovered', err.message); next() })
  app.use('/next/recover', (req, res) => res.send('recovered'))
  app.get('/next/rethrow', (req, res) => { throw new Error('first') })
  app.use('/next/rethrow', (err, req, res, next) => next(new Error('second, after ' + err.message)))
  app.use('/next/rethrow', (err, req, res, next) => res.status(500).send(err.message))

  // --- app.param
  app.param('user', (req, res, next, value, name) => {
    res.append('X-Param-Calls', name + '=' + value)
    if (value === 'bad') return next(new Error('bad user'))
    if (value === 'skip') return next('route')
    req.user = value.toUpperCase()
    next()
  })
  app.get('/p/:user', (req, res, next) => next())
  app.get('/p/:user', (req, res) => res.json({ user: req.user, params: req.params }))
  app.get('/p/:user', (req, res) => res.send('after skip'))
  app.get('/p/:user/twice/:other', (req, res) => res.json({ user: req.user, params: req.params }))
  const paramRouter = express.Router()
  paramRouter.param('id', (req, res, next, id) => { res.set('X-Router-Param', id); next() })
  paramRouter.get('/:id', (req, res) => res.send('router param ' + req.params.id))
  app.use('/param-router', paramRouter)
  app.get('/param-outside/:id', (req, res) => res.send('no router param here: ' + (res.get('X-Router-Param') ?? 'none')))

  // --- error middleware inside a route
  app.get('/route-error', (req, res, next) => next(new Error('in route')),
    (err, req, res, next) => res.status(502).send('route error handler: ' + err.message))
  app.get('/route-error/recover', (req, res, next) => next(new Error('recovered in route')),
    (err, req, res, next) => { res.set('X-Recovered', err.message); next() },
    (req, res) => res.send('after the route error handler'))
  app.get('/route-error/skipped', (err, req, res, next) => res.send('never: no error'),
    (req, res) => res.send('error handlers are skipped without an error'))

  // --- route(), all(), explicit head and options handlers
  app.route('/book')
    .get((req, res) => res.send('get book'))
    .post((req, res) => res.send('post book'))
    .put((req, res) => res.send('put book'))
  app.route('/book/:id').all((req, res, next) => { res.set('X-All', req.method); next() })
    .get((req, res) => res.send('book ' + req.params.id))
    .delete((req, res) => res.sendStatus(204))
  app.all('/everything', (req, res) => res.send('all ' + req.method))
  app.head('/explicit-head', (req, res) => res.set('X-Head', 'own').end())
  app.get('/explicit-head', (req, res) => res.send('get body'))
  app.options('/explicit-options', (req, res) => res.set('Allow', 'NONE').send('own options'))
  app.get('/explicit-options', (req, res) => res.send('get'))
  app.get('/allow/a', (req, res) => res.send('a'))
  app.post('/allow/a', (req, res) => res.send('a'))
  app.patch('/allow/a', (req, res) => res.send('a'))
  app.put('/allow/:any', (req, res) => res.send('any'))
  app.delete('/allow/delete-only', (req, res) => res.send('d'))
  app.post('/post-only', (req, res) => res.send('posted'))
  app.put('/put-only', (req, res) => res.send('put'))
  app.delete('/delete-only', (req, res) => res.send('deleted'))
  app.patch('/patch-only', (req, res) => res.send('patched'))

  // --- req.query (simple parser) and a sub-app with the parser off
  app.get('/query', (req, res) => res.json(req.query))
  app.get('/query/path', (req, res) => res.json({ path: req.path, url: req.url, query: req.query }))
  const noQuery = express()
  noQuery.set('query parser', false)
  noQuery.get('/', (req, res) => res.json(req.query))
  app.use('/query-off', noQuery)
}
