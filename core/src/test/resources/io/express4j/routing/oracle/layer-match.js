#!/usr/bin/env node
// Oracle for PathPatternOracleTest: runs router@2.3.0's Layer#match (which uses path-to-regexp@8.4.2) over the
// inputs of path-to-regexp's own match table plus the EXTRA cases below, and prints them as JSON, one row a line:
// {"path": P, "opts": O, "input": I, "expect": E} where P is a string, {"regexp": source, "flags": flags} or an
// array of those, and E is {"match": path, "params": {...}} (params in Object.keys order), {"noMatch": true},
// {"decodeError": message} (a 400 from match) or {"syntaxError": message} (thrown by new Layer).
//
//   mkdir /tmp/oracle && cd /tmp/oracle && npm install path-to-regexp@8.4.2 router@2.3.0
//   git -C <path-to-regexp checkout> show v8.4.2:src/cases.spec.ts > cases.spec.ts
//   R=<worktree>/core/src/test/resources/io/express4j/routing
//   node $R/oracle/layer-match.js cases.spec.ts > $R/router-2.3.0-layer-match-cases.json
//
// (run it from /tmp/oracle so that require() finds the two packages)
const path = require('path');
const fs = require('fs');
const vm = require('vm');
const Layer = require(path.resolve('node_modules/router/lib/layer'));

// MATCH_TESTS is plain data apart from its type annotation: cut it out and evaluate it.
function loadMatchTests(file) {
  const src = fs.readFileSync(file, 'utf8');
  const start = src.indexOf('export const MATCH_TESTS');
  const body = src.slice(src.indexOf('=', start) + 1);
  return vm.runInNewContext('(' + body.replace(/;\s*$/, '') + ')', { TokenData: function (t) { this.tokens = t; } });
}
const cases = loadMatchTests(process.argv[2]);

const OPTS = {
  R: { end: true, strict: false, sensitive: false },
  RS: { end: true, strict: true, sensitive: false },
  RC: { end: true, strict: false, sensitive: true },
  RSC: { end: true, strict: true, sensitive: true },
  U: { end: false, strict: false, sensitive: false },
  UC: { end: false, strict: false, sensitive: true },
};

// A regular expression as JSON; its source is read the same way by JavaScript and Java for every row here.
function jsonPath(p) {
  if (Array.isArray(p)) return p.map(jsonPath);
  if (p instanceof RegExp) return { regexp: p.source, flags: p.flags };
  return p;
}
function expect(path, opts, input) {
  let layer;
  try {
    layer = new Layer(path, opts, function () {});
  } catch (e) {
    return { syntaxError: e.message };
  }
  try {
    const m = layer.match(input);
    if (!m) return { noMatch: true };
    return { match: m.path, params: m.params };
  } catch (e) {
    if (e.status !== 400) throw e;
    return { decodeError: e.message };
  }
}

const rows = [];
const seen = new Set();
function add(path, optNames, inputs) {
  for (const o of optNames) for (const input of inputs) {
    const key = JSON.stringify([String(path), Array.isArray(path), o, input]);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ path: jsonPath(path), opts: o, input, expect: expect(path, OPTS[o], input) });
  }
}

const E = ['R', 'RS'];
const EXTRA = [
  // §5.3 / brief examples
  ['/users/:id', ['/users/42', '/users/42/', '/USERS/42', '/users/', '/users', '/users/42/x', '/users/42//', '/users/a%20b',
    '/users/%E2%82%AC', '/users/caf%C3%A9', '/users/%2F', '/users/%zz', '/users/%', '/users/%2', '/users/%%', '/users/%C3',
    '/users/%C3%28', '/users/%C0%80', '/users/%ED%A0%80', '/users/%F4%90%80%80', '/users/%F0%9F%98%80', '/users/%e2%82%ac',
    '/users/+', '/users/a+b', '/users/42\n', '/users/\u65e5\u672c', '/users/%FF']],
  ['/users/:id/', ['/users/42', '/users/42/', '/users/42//']],
  ['/blog/:cat', ['/blog/tech/hello', '/blog/tech', '/blog/tech/', '/blog', '/blogx/tech', '/BLOG/Tech/x', '/blog/tech.x/y', '/blog/te%20ch/a']],
  ['/wild/*rest', ['/wild/a/b/c', '/wild/', '/wild', '/wild/a//b', '/wild/a/b/', '/wild//', '/wild/%E2%82%AC/%2F', '/wild/a/%zz/c']],
  ['/files/*path', ['/files/a/b%20c/d', '/files/a/%zz/d', '/files/a']],
  ['/mw', ['/mw', '/mw/', '/mw/a', '/mwx', '/MW/a', '/mw//', '/mw//a', '/m', '', '/mw.json']],
  ['/mw/', ['/mw', '/mw/', '/mw/a', '/mw//', '/mwx']],
  ['/', ['/', '', '//', '/x', '/x/y', 'x', '/?']],
  ['//', ['/', '', '//', '/x', '///']],
  ['', ['/', '', '//', '/x']],
  ['/users/:id{/:format}', ['/users/1', '/users/1/json', '/users/1/json/', '/users/1/', '/users/1/json/x']],
  ['/file{.:ext}', ['/file', '/file.txt', '/file.tar.gz', '/file.', '/file..', '/files', '/file/x']],
  ['/{*splat}', ['/', '', '/a', '/a/b', '//']],
  ['/:a-:b', ['/a-b', '/a-b-c', '/a--b', '/-a', '/a-', '/--', '/---', '/ab']],
  ['/:a.:b', ['/a.b', '/a.b.c', '/a..b']],
  ['/:"weird name"', ['/x', '/x/y']],
  ['/:"1"/:"0"/:z', ['/a/b/c']],
  ['/:z/:"1"/:"0"', ['/a/b/c']],
  ['/:a/:a', ['/x/y']],
  ['/caf\\:e', ['/caf:e', '/cafXe']],
  ['/a{/b{/c}}', ['/a', '/a/b', '/a/b/c', '/a/c', '/a/b/c/d']],
  ['/a{/b}{/c}', ['/a', '/a/b', '/a/c', '/a/b/c', '/a/c/b']],
  ['/api/v1', ['/api/v1', '/API/V1/', '/api/v1/users', '/api/v10']],
  ['/a.b', ['/a.b', '/aXb']],
  ['/a$b^c|d e', ['/a$b^c|d e', '/A$B^C|D E']],
  ['/a%20b', ['/a%20b', '/a b', '/A%20B']],
  // unicode & case folding
  ['/caf\u00e9', ['/caf\u00e9', '/CAF\u00c9', '/caf%C3%A9', '/cafe']],
  ['/stra\u00dfe', ['/stra\u00dfe', '/STRASSE', '/STRA\u1e9eE']],
  ['/s', ['/s', '/S', '/\u017f']],
  ['/\u017f', ['/s', '/S', '/\u017f']],
  ['/k', ['/k', '/K', '/\u212a']],
  ['/\u03c3', ['/\u03c3', '/\u03a3', '/\u03c2']],
  ['/\u01c5/:x', ['/\u01c4/a', '/\u01c6/a', '/\u01c5/a']],
  ['/\u65e5\u672c/:x', ['/\u65e5\u672c/a', '/\u65e5\u672c/%E6%97%A5']],
  ['/\ud83d\ude00/:x', ['/\ud83d\ude00/a', '/%F0%9F%98%80/a']],
  ['/:a\ud83d\ude00:b', ['/x\ud83d\ude00y', '/\ud83d\ude00\ud83d\ude00\ud83d\ude00', '/xy']],
  ['/:"a"\u00e9:b', ['/x\u00e9y', '/x\u00c9y', '/\u00e9\u00e9\u00e9']],
  ['/:"a"X:b', ['/fooXbar', '/fooxbar', '/XXX', '/xxx']],
  ['/:"a"XY:b', ['/fooXYbar', '/fooxybar', '/XYXYXY', '/xyxyxy']],
  ['/*"a"X:b', ['/fooXbar', '/fooxbar/baz', '/a/bxc']],
  ['/:\u00e9t\u00e9', ['/x']],
  ['/:$a/:_b/:a$1', ['/x/y/z']],
  // Express 4 syntax that is literal or an error in 5
  ['/wild/*', ['/wild/a']],
  ['/user/:id(\\d+)', ['/user/1']],
  ['/ab*cd', ['/abcd']],
  // Strictness with groups
  ['/x{/}', ['/x', '/x/', '/x//']],
  ['/x\\/', ['/x', '/x/']],
  // syntax errors (message taken from Layer construction)
  ['/foo?', ['/'], E], ['/:id?', ['/'], E], ['/(a|b)', ['/'], E], ['/user/:id+', ['/'], E], ['/*', ['/'], E],
  ['/:', ['/'], E], ['/:/', ['/'], E], ['/*/', ['/'], E], ['/:"abc', ['/'], E], ['/:"foo', ['/'], E],
  ['/{a', ['/'], E], ['/{', ['/'], E], ['/{:foo,', ['/'], E], ['/{:foo/{x,y}', ['/'], E], ['/a}', ['/'], E],
  ['/a\\', ['/'], E], ['/foo\\', ['/'], E], ['/foo/{bar\\', ['/'], E], ['/foo/:bar\\', ['/'], E],
  ['/foo/*bar\\', ['/'], E], ['/foo/:"bar\\', ['/'], E], ['/foo/}', ['/'], E], ['/foo/(', ['/'], E],
  ['/foo/)', ['/'], E], ['/foo/[', ['/'], E], ['/foo/]', ['/'], E], ['/foo/+', ['/'], E], ['/foo/?', ['/'], E],
  ['/foo/!', ['/'], E], ['/:a:b', ['/'], E], ['/:foo:bar', ['/'], E], ['/*a*b', ['/'], E], ['/:a*b', ['/'], E],
  ['/*a:b', ['/'], E], ['/:""', ['/'], E], ['/:-', ['/'], E], ['/:1', ['/'], E], ['/:"a\\"b"', ['/a'], E],
  ['/caf\u00e9/:', ['/'], E], ['/\ud83d\ude00/:', ['/'], E], ['/\ud83d\ude00?', ['/'], E], ['/\ud83d\ude00/{', ['/'], E],
  ['/foo/\\/', ['/foo/'], E], ['/foo?/', ['/'], E], ['/foo?//', ['/'], E], ['{/:a}{:b}', ['/'], E], ['/:a{:b}', ['/'], E],
  ['{/x}{/x}{/x}{/x}{/x}{/x}{/x}{/x}', ['/x/x'], E], ['{/x}{/x}{/x}{/x}{/x}{/x}{/x}{/x}{/x}', ['/'], E],
  ['{/x}{/x}{/x}{/x}{/x}{/x}{/x}{/x}{/x}{/x}', ['/'], E], ['{{{{{{{{{/x}}}}}}}}}', ['/x', '/'], E],
  ['/:a{/:b{/:c}}{:d}', ['/'], E], ['/{:a}{-:b}{-:c}{-:d}{-:e}{-:f}{-:g}{-:h}', ['/1-2-3'], E],
  ['/:\u2e2f', ['/'], E], ['/:a\u200d', ['/x'], E], ['/:a\u00ad', ['/x\u00ad'], E], ['/:\u309b', ['/x'], E],
  ['/:"', ['/'], E], ['/:"\\', ['/'], E], ['/:"\\"', ['/'], E], ['/:"a"b', ['/xb'], E],
  // arrays
  [['/a', '/b/:id'], ['/a', '/b/1', '/c', '/A/', '/b/1/x']],
  [['/'], ['/', '/foo', '']],
  [['/x', ['/y', ['/z/:id']]], ['/z/9', '/y', '/w']],
  [[], ['/']],
  [['/:a', '/b/:b'], ['/b/c', '/b']],
  [[/^\/re\/(\d+)$/, '/str/:x'], ['/re/5', '/str/5']],
  [['/ok', '/bad?'], ['/ok'], E],
  // regular expressions (source interpreted identically by JS and Java here)
  [/^\/user\/(\d+)$/, ['/user/42', '/user/x', '/user/42/']],
  [/^\/user\/(?<id>\d+)\/(\w+)$/, ['/user/42/abc']],
  [/\/abc/, ['/x/abc/y', '/abc', '/ab']],
  [/^\/a(b)?/, ['/a', '/ab', '/abc']],
  [/^\/(a)|(b)/, ['/a', '/b', '/c']],
  [/^\/(.+)$/, ['/%E2%82%AC', '/%zz', '/a%2Fb']],
  [/^\/(?:a|b)\/(\d+)/, ['/a/1', '/b/22/x']],
  [/^\/\(x\)(y)/, ['/(x)y']],
  [/(?<=\/)(x)/, ['/x']],
  [/^\/(?<first>\w)(\w)(?<third>\w)(\w)/, ['/abcd']],
  [/^\/mw/i, ['/MW/a', '/mwx']],
  [/^\/(\d*)/, ['/', '/12']],
];

const ALL = Object.keys(OPTS);
// 1. path-to-regexp 8.4.2's own match test table (paths and inputs), run through the router's Layer
for (const c of cases) {
  if (typeof c.path !== 'string' && !Array.isArray(c.path)) continue;
  add(c.path, ALL, c.tests.map(t => t.input));
}
// 2. express4j specific cases
const extra = EXTRA;
for (const [path, inputs, opts] of extra) add(path, opts || ALL, inputs);

process.stdout.write('[\n' + rows.map(r => JSON.stringify(r)).join(',\n') + '\n]\n');
console.error(rows.length + ' rows');
