'use strict'

// The Express 5 twin of the express4j conformance app (conformance/src/main/java/io/express4j/conformance).
// Every route here has a twin there, in a file of the same name (routes/send.js ~ SendRoutes.java). A feature
// express4j does not have yet gets its routes here first, in routes/pending.js, with its cases listed as
// "pending <feature>" in conformance/DIFFERENCES.md.
//
// Usage: node app.js — starts two instances of the same app on ephemeral loopback ports, env "development"
// and env "production", prints {"dev":<port>,"prod":<port>} on one stdout line, and exits when stdin closes
// (so it never outlives the JVM that started it). Files and views come from the folder named by the FIXTURES
// environment variable (the runner's copy, the same folder the express4j twin serves), else ../fixtures.

const path = require('path')
const express = require('express')

const fixtures = process.env.FIXTURES || path.join(__dirname, '..', 'fixtures')

const areas = ['send', 'stream', 'headers', 'conditional', 'routing', 'app', 'api', 'body', 'files', 'views', 'errors', 'middleware', 'helmet', 'session', 'compression', 'pending']

function build (env) {
  const app = express()
  app.set('env', env)
  for (const area of areas) require('./routes/' + area).install(app, fixtures)
  return app
}

function listen (app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', err => err ? reject(err) : resolve(server.address().port))
  })
}

Promise.all([listen(build('development')), listen(build('production'))]).then(([dev, prod]) => {
  process.stdout.write(JSON.stringify({ dev, prod }) + '\n')
}, err => {
  console.error(err)
  process.exit(1)
})

process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
