'use strict'

// Errors and the default pages of finalhandler: thrown errors, next(err), errors with a status or headers, a
// status set before the error, errors after the head was sent, error middleware. The 404 page needs no route.
// Twin: ErrorRoutes.java.

function statusError (message, status) {
  const err = new Error(message)
  err.status = status
  return err
}

exports.install = function (app) {
  app.get('/error/sync', (req, res) => { throw new Error('sync boom') })
  app.get('/error/next', (req, res, next) => next(new Error('next boom')))
  app.get('/error/status/418', (req, res) => { throw statusError('teapot', 418) })
  app.get('/error/status/404', (req, res) => { throw statusError('not here', 404) })
  app.get('/error/status/400', (req, res) => { throw statusError('bad', 400) })
  app.get('/error/status/503', (req, res) => { throw statusError('later', 503) })
  app.get('/error/status/599', (req, res) => { throw statusError('odd', 599) })
  app.get('/error/status/600', (req, res) => { throw statusError('out of range', 600) })
  app.get('/error/status/302', (req, res) => { throw statusError('not an error status', 302) })
  app.get('/error/status-code', (req, res) => {
    const err = new Error('via statusCode')
    err.statusCode = 409
    throw err
  })
  app.get('/error/headers', (req, res, next) => {
    const err = statusError('unavailable', 503)
    err.headers = { 'Retry-After': '120' }
    next(err)
  })
  app.get('/error/res-status', (req, res) => { res.status(503); throw new Error('status from res') })
  app.get('/error/res-status-200', (req, res) => { res.status(201); throw new Error('status 201 from res') })
  app.get('/error/kept-headers', (req, res) => {
    res.set('X-Kept', 'yes')
    res.set('Content-Type', 'application/json')
    res.set('Content-Encoding', 'gzip')
    res.set('Content-Language', 'en')
    res.set('Content-Range', 'bytes 0-1/2')
    res.set('Vary', 'Accept')
    throw new Error('headers before the error')
  })
  app.get('/error/after-write', (req, res) => { res.write('partial'); throw new Error('too late') })
  app.get('/error/after-send', (req, res, next) => { res.send('complete'); next(new Error('after the response')) })
  app.get('/error/after-end-404', (req, res, next) => { res.end('done'); next() })
  app.get('/error/message-html', (req, res) => { throw statusError('<b>bold</b> & "quoted"', 400) })

  app.get('/handled/sync', (req, res) => { throw new Error('handled') })
  app.get('/handled/status', (req, res) => { throw statusError('handled with status', 422) })
  app.use('/handled', (err, req, res, next) => {
    res.status(err.status || 500).json({ error: err.message })
  })
  app.get('/handled-mw/throws', (req, res) => { throw new Error('mw') })
  app.use('/handled-mw', (err, req, res, next) => { throw new Error('the error handler threw') })
}
