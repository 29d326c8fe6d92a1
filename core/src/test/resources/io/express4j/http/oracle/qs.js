// qs.parse oracle: fixed cases plus seeded random ones, each under the option sets Express 5.3 and
// body-parser 2.4 use. Output: {"cases":[[input, optionSetName, resultJsonOrError], ...]}.
'use strict'
const qs = require('qs')

const optionSets = {
  // express "query parser" = "extended"
  express: { allowPrototypes: true },
  // express.urlencoded({extended:false}) for a body with N pieces: depth 0, arrayLimit N
  flat: (n) => ({ allowPrototypes: true, arrayLimit: n, depth: 0, parameterLimit: 1000, strictDepth: true }),
  // express.urlencoded({extended:true}): depth 32, arrayLimit max(100, N)
  extended: (n) => ({ allowPrototypes: true, arrayLimit: Math.max(100, n), depth: 32, parameterLimit: 1000, strictDepth: true }),
  // small limits to exercise overflow and depth handling
  tight: (n) => ({ allowPrototypes: true, arrayLimit: 3, depth: 2, parameterLimit: 1000, strictDepth: false }),
  strict2: (n) => ({ allowPrototypes: true, arrayLimit: 3, depth: 2, parameterLimit: 1000, strictDepth: true }),
  iso: (n) => ({ allowPrototypes: true, arrayLimit: n, depth: 32, charset: 'iso-8859-1', interpretNumericEntities: true, charsetSentinel: true, strictDepth: true }),
  sentinel: (n) => ({ allowPrototypes: true, arrayLimit: n, depth: 32, charsetSentinel: true, interpretNumericEntities: true, strictDepth: true })
}

const fixed = [
  '', 'a=1', 'a=1&a=2', 'a=1&b[c]=2&a=3', 'user[name][first]=Tobi', 'user%5Bname%5D%5Bfirst%5D=Tobi',
  'foo[0]=bar&foo[1]=baz', 'foo[0][bar]=baz&foo[0][fizz]=buzz&foo[]=done!', 'a[]=1&a[]=2', 'a[1]=b&a[0]=c',
  'a[100]=x', 'a[99]=x', 'a[20]=x', 'a[21]=x&a[]=y', 'a=b&a[c]=d', 'a[c]=d&a=b', 'a[]=x&a=', 'a=&a[]=x',
  '__proto__[x]=1', 'a[__proto__]=1', 'toString=1', 'hasOwnProperty=x&a[toString]=y', 'a[b]c[d]=1',
  'a[[b]]=1', 'a[b=1', '[a]=b', '[]=b', '[0]=x', '0=a&b=c&1=d', 'a.b=c', 'a=%ZZ', 'a=%FF', 'a=%C3%A4+%2B',
  'a[b][c][d][e][f][g]=1', 'x=1&&y=2', '&', '=', '==', 'a==b', 'a]=b', 'a[]]=b', 'utf8=%E2%9C%93&a=%C3%A4',
  'utf8=%26%2310003%3B&a=%E4', 'a=%26%239731%3B', 'a=&#9731;&b=&#128169;', 'a[1]=x&a[b]=y&a[]=z',
  'a[0]=x&a[0]=y', 'a[0][b]=1&a[0][b]=2', 'a[0]=x&a[b]=y', 'a=1&a=2&a=3&a=4&a=5', 'a[]=1&a[]=2&a[]=3&a[]=4',
  'a[5]=x&a[5]=y', 'a[999999999999999999999]=x', 'a[1e3]=x', 'a[01]=x', 'a[-1]=x', 'a[ 1]=x',
  'a[b]=1&a[b][c]=2', 'a[b][c]=2&a[b]=1', 'a[b]=1&a[b]=2&a[b][c]=3', 'a[0]=1&a[0][b]=2'
]

function mulberry32 (a) {
  return function () {
    a |= 0; a = a + 0x6D2B79F5 | 0
    let t = Math.imul(a ^ a >>> 15, 1 | a)
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
    return ((t ^ t >>> 14) >>> 0) / 4294967296
  }
}
const rnd = mulberry32(20261125)
const tokens = ['a', 'b', 'c', '0', '1', '2', '3', '5', '25', '100', '[', ']', '[]', '[0]', '[1]', '[2]', '[b]', '[a]',
  '[4]', '[100]', '=', '=', '=', '&', '&', '&', '%5B', '%5D', '%', '+', '.', 'x', 'y', '__proto__', 'toString',
  '%C3%A4', '%FF', '&#9731;', '%26%239731%3B', 'utf8=%E2%9C%93', 'utf8=%26%2310003%3B', '%E4', ';', '#']
const random = []
for (let i = 0; i < 1500; i++) {
  const n = 1 + Math.floor(rnd() * 14)
  let s = ''
  for (let j = 0; j < n; j++) s += tokens[Math.floor(rnd() * tokens.length)]
  random.push(s)
}

const cases = []
for (const input of fixed.concat(random)) {
  const pieces = input.split('&').length
  for (const name of Object.keys(optionSets)) {
    const set = optionSets[name]
    const opts = typeof set === 'function' ? set(pieces) : set
    let out
    try {
      out = JSON.stringify(qs.parse(input, opts))
    } catch (e) {
      out = 'throws ' + e.constructor.name
    }
    cases.push([input, name, out])
  }
}
process.stdout.write(JSON.stringify({ cases }) + '\n')
