const m = require('mime-types');
const db = require('mime-db');
const lookups = {};
for (const ext of Object.keys(m.types).sort()) lookups[ext] = m.types[ext];
const types = {};
for (const t of Object.keys(db)) types[t] = [m.extension(t) || null, m.charset(t) || null, m.contentType(t) || null];
const probes = ['html', '.html', 'HTML', '.Xml', 'js', 'mjs', 'json', 'png', 'bin', 'txt', 'mp4', 'rtf', 'xml', 'wav', 'mp3', 'exe', 'asc', 'mpp', 'ac', 'bdoc', 'wmz', 'xsl',
  'page.html', 'path/to/page.html', 'path\\to\\page.html', '/path/to/page.html', 'C:\\path\\to\\page.html', '/path/to/PAGE.HTML', '/path/to/file.bogus', '/path/to/json',
  '/path/to/.json', '/path/to/.config.json', '.config.json', 'x/y.html/', '/', 'file.', 'a..', '..', '...', 'dir/..html', 'dir/...html', '.', 'bogus', 'tar.gz', 'archive.TAR.GZ', 'K\u212a', 'jade',
  'application/json', 'application/json; foo=bar', 'TEXT/HTML', 'text/html; charset=iso-8859-1', 'application/x-bogus', 'text/x-bogus', ' text/html', 'text/html ', 'text/html;charset=UTF-8',
  'text/HTML; charset=UTF-8', 'text/html ; charset=UTF-8', 'application/JavaScript', 'application/octet-stream', 'bogus/', 'Charset', 'text/plain; CHARSET=x', '\u00a0text/html'];
const probe = {};
for (const p of probes) probe[p] = [m.lookup(p) || null, m.contentType(p) || null, m.charset(p) || null, m.extension(p) || null];
console.log(JSON.stringify({lookups, types, probe}));
