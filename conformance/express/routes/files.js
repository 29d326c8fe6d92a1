'use strict'

// Files: res.sendFile, res.download and express.static over the fixture files (the runner copies them to a
// temporary folder and pins their mtime to 2024-01-02T03:04:05Z, so Last-Modified and the weak file ETags agree).
// Twin: FilesRoutes.java.

const path = require('path')
const express = require('express')

exports.install = function (app, fixtures) {
  const root = { root: fixtures }
  app.get('/fs/sendfile', (req, res) => res.sendFile('nums.txt', root))
  app.post('/fs/sendfile', (req, res) => res.sendFile('nums.txt', root))
  app.get('/fs/sendfile/absolute', (req, res) => res.sendFile(path.join(fixtures, 'hello.txt')))
  app.get('/fs/sendfile/relative', (req, res) => res.sendFile('hello.txt'))
  app.get('/fs/sendfile/missing', (req, res) => res.sendFile('nope.txt', root))
  app.get('/fs/sendfile/dir', (req, res) => res.sendFile('sub', root))
  app.get('/fs/sendfile/index', (req, res) => res.sendFile('sub/index.html', root))
  app.get('/fs/sendfile/dotfile', (req, res) => res.sendFile('.name', root))
  app.get('/fs/sendfile/dotfile-allow', (req, res) => res.sendFile('.name', { root: fixtures, dotfiles: 'allow' }))
  app.get('/fs/sendfile/dotfile-deny', (req, res) => res.sendFile('.name', { root: fixtures, dotfiles: 'deny' }))
  app.get('/fs/sendfile/traversal', (req, res) => res.sendFile('../pom.xml', root))
  app.get('/fs/sendfile/options', (req, res) => res.sendFile('hello.txt', {
    root: fixtures, maxAge: '1d', immutable: true, headers: { 'X-Sent': 'yes' }, lastModified: false
  }))
  app.get('/fs/sendfile/bare', (req, res) => res.sendFile('hello.txt', {
    root: fixtures, cacheControl: false, acceptRanges: false
  }))
  app.get('/fs/sendfile/param/:file', (req, res) => res.sendFile(req.params.file, root))
  app.get('/fs/sendfile/callback', (req, res) => res.sendFile('nope.txt', root, err => {
    res.status(err.status).send('callback: ' + err.code)
  }))
  app.get('/fs/sendfile/callback-ok', (req, res, next) => res.sendFile('hello.txt', root, err => {
    if (err) next(err)
  }))
  app.get('/fs/sendfile/typed', (req, res) => { res.type('text/html'); res.sendFile('hello.txt', root) })
  app.get('/fs/sendfile/status', (req, res) => { res.status(201); res.sendFile('hello.txt', root) })

  app.get('/fs/download', (req, res) => res.download(path.join(fixtures, 'hello.txt')))
  app.get('/fs/download/named', (req, res) => res.download(path.join(fixtures, 'hello.txt'), 'report 2024.txt'))
  app.get('/fs/download/unicode', (req, res) => res.download(path.join(fixtures, 'hello.txt'), 'résumé €.txt'))
  app.get('/fs/download/root', (req, res) => res.download('nums.txt', 'n.txt', root))
  app.get('/fs/download/missing', (req, res) => res.download(path.join(fixtures, 'nope.txt')))

  app.use('/fs/static', express.static(fixtures))
  app.use('/fs/static-opts', express.static(fixtures, {
    index: false, redirect: false, dotfiles: 'allow', maxAge: '1h', immutable: true, extensions: ['txt']
  }))
  app.use('/fs/static-strict', express.static(fixtures, { fallthrough: false }))
  app.use('/fs/static-headers', express.static(fixtures, {
    etag: false, lastModified: false, setHeaders: (res, file, stat) => res.set('X-File', path.basename(file) + ':' + stat.size)
  }))
  app.get('/fs/static/after', (req, res) => res.send('static passed this on'))
}
