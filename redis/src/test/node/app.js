// The Express twin of ScaleOutApp (redis/src/test/java/io/express4j/redis/ScaleOutApp.java): the same routes,
// sessions in Redis through connect-redis, rate limits through rate-limit-redis, behind nginx with trust proxy.
// Usage: REDIS_URL=redis://127.0.0.1:6379 NAME=node SECRET=… LIMIT=10 node app.js  (prints "listening <port>")
'use strict'
const express = require('express')
const session = require('express-session')
const { RedisStore } = require('connect-redis')
const { rateLimit } = require('express-rate-limit')
const { RedisStore: RateLimitRedisStore } = require('rate-limit-redis')
const { createClient } = require('redis')

async function main () {
  const client = createClient({ url: process.env.REDIS_URL })
  client.on('error', (err) => console.error('redis:', err.message))
  await client.connect()

  const name = process.env.NAME || 'node'
  const app = express()
  app.set('trust proxy', 'loopback')
  app.use((req, res, next) => { res.set('X-Instance', name); next() })
  app.use(session({
    store: new RedisStore({ client }),
    secret: process.env.SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { maxAge: 600000 }
  }))
  app.get('/count', (req, res) => {
    req.session.views = (req.session.views || 0) + 1
    res.json({ views: req.session.views, instance: name })
  })
  app.get('/whoami', (req, res) => {
    res.json({ ip: req.ip, protocol: req.protocol, hostname: req.hostname, instance: name })
  })
  app.use('/limited', rateLimit({
    windowMs: 60000,
    limit: Number(process.env.LIMIT || 10),
    store: new RateLimitRedisStore({ sendCommand: (...args) => client.sendCommand(args) })
  }))
  app.get('/limited', (req, res) => res.send('ok'))

  const server = app.listen(0, '127.0.0.1', () => console.log('listening ' + server.address().port))
}

main().catch((err) => { console.error(err); process.exit(1) })
