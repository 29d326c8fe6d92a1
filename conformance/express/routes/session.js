'use strict'

// Sessions: express-session 1.18.2 (signed session-id cookie, MemoryStore) and cookie-session 2.1.1 (the whole
// session in a keygrip-signed cookie). Fixed ids and no maxAge, so every Set-Cookie line is the same on each run.
// Twin: SessionRoutes.java.

const session = require('express-session')
const cookieSession = require('cookie-session')

exports.install = function (app) {
  const store = new session.MemoryStore()
  store.set('seeded', { cookie: { originalMaxAge: null, expires: null, httpOnly: true, path: '/' }, user: 'tj', n: 1 }, () => {})
  const sess = session({
    name: 'sid',
    secret: ['keyboard cat', 'old cat'],
    resave: false,
    saveUninitialized: false,
    store,
    genid: () => 'conformance-id'
  })
  app.get('/mw/session/new', sess, (req, res) => {
    req.session.views = 1
    res.send('views ' + req.session.views)
  })
  app.get('/mw/session/untouched', sess, (req, res) => res.send('nothing saved'))
  app.get('/mw/session/read', sess, (req, res) => {
    res.json({ id: req.sessionID, user: req.session.user ?? null, n: req.session.n ?? null })
  })
  app.get('/mw/session/destroy', sess, (req, res) => {
    req.session.destroy(() => res.send('destroyed'))
  })

  const everything = session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: true,
    store: new session.MemoryStore(),
    genid: () => 'all-options',
    proxy: true,
    cookie: { secure: 'auto', sameSite: 'lax', domain: 'example.com', priority: 'high', partitioned: true, path: '/mw' }
  })
  app.get('/mw/session/options', everything, (req, res) => res.send('ok'))
  app.get('/mw/session/no-secret', session({ resave: false, saveUninitialized: false }), (req, res) => res.send('never'))

  // a store that fails to save: express-session has sent the response when it learns, express4j has not
  const broken = new session.MemoryStore()
  broken.set = (sid, sess, callback) => callback(new Error('store down'))
  app.get('/mw/session/store-error', session({
    secret: 'keyboard cat',
    resave: false,
    saveUninitialized: true,
    store: broken,
    genid: () => 'broken'
  }), (req, res) => res.send('session saved'))

  const cs = cookieSession({ name: 'cs', keys: ['k1', 'k2'] })
  app.get('/mw/cookie-session/set', cs, (req, res) => {
    req.session.views = 5
    req.session.name = 'tj'
    res.send('ok')
  })
  app.get('/mw/cookie-session/read', cs, (req, res) => res.json(req.session))
  app.get('/mw/cookie-session/clear', cs, (req, res) => {
    req.session = null
    res.send('ok')
  })
}
