'use strict'

// Views: app.engine, res.render / app.render, view lookup (extension, index files), locals layering, errors.
// Both twins register the same tiny engine: {{key}} becomes String(options[key] ?? ''), {{throw}} fails.
// Twin: ViewRoutes.java.

const fs = require('fs')
const path = require('path')
const express = require('express')

function tpl (file, options, callback) {
  fs.readFile(file, 'utf8', (err, text) => {
    if (err) return callback(err)
    if (text.includes('{{throw}}')) return callback(new Error('template error in ' + path.basename(file)))
    callback(null, text.replace(/\{\{(\w+)\}\}/g, (match, key) => String(options[key] ?? '')))
  })
}

exports.install = function (app, fixtures) {
  const views = express()
  views.set('views', path.join(fixtures, 'views'))
  views.set('view engine', 'tpl')
  views.engine('tpl', tpl)
  views.locals.title = 'the views app'
  views.get('/', (req, res) => res.render('hello', { name: 'tobi' }))
  views.get('/ext', (req, res) => res.render('hello.tpl', { name: 'ext' }))
  views.get('/index', (req, res) => res.render('sub'))
  views.get('/locals', (req, res) => { res.locals.name = 'from res.locals'; res.render('hello') })
  views.get('/override', (req, res) => {
    res.locals.name = 'res'
    res.render('hello', { name: 'render wins', title: 'render title' })
  })
  views.get('/missing', (req, res) => res.render('nope'))
  views.get('/broken', (req, res) => res.render('broken'))
  views.get('/callback', (req, res) => res.render('hello', { name: 'cb' }, (err, html) => {
    res.type('text').send(html.toUpperCase())
  }))
  views.get('/callback-error', (req, res) => res.render('nope', err => res.status(500).send(err.message)))
  views.get('/app-render', (req, res, next) => views.render('hello', { name: 'app.render' }, (err, html) => {
    if (err) return next(err)
    res.send(html)
  }))
  app.use('/views', views)
}
