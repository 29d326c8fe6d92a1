// JSON.parse oracle (node 20.20.2 / V8 11.3): [input, errorMessage or null when it parses, JSON.stringify(result)].
// Fixed inputs plus seeded random ones built from JSON-ish tokens, long enough to reach the "..." context forms.
'use strict'
function mulberry32 (a) {
  return function () {
    a |= 0; a = a + 0x6D2B79F5 | 0
    let t = Math.imul(a ^ a >>> 15, 1 | a)
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
    return ((t ^ t >>> 14) >>> 0) / 4294967296
  }
}
const fixed = ['{:', '{"user"', ' \n', '', '####', '{bad', 'true x', '[1,]', '{"a":1,}', '"abc', '"a\u0001"', '"\\x"',
  '"\\u12"', '-', '1e', '1.', '01', '{"a" 1}', '[1 2]', 'undefined', 'NaN', '[object Object]', 'Infinity', '{"a":1}x',
  '{"aaaaaaaaaaaaaaaaaaaaaaaaaa":}', 'xaaaaaaaaaaaaaaaaaaaaaaaaaa', '{\'a\':1}', '{"a":tru}', '\u00a0{}', '[', '{',
  '{"a":', '{"a"', '[1', 'tru', 'nul', '-a', '+1', '.5', '"\\ud800"', '{,}', '{"a":1 "b":2}', '1 2', 'tr1e', 'trux',
  'tr"', '0-', '[0-]', '-0', '[-0x]', '1E+', '1e-5x', '"\\u00zz"', '"\\', '"\\\u0101"', '\u0100', '[1,\u0100]',
  '"ab\ncd"', '{"a":1}}', '[]]', '{}{', '{"a":[1,2}', '[{"a":1]', '{"0" 1}', '{"12a":1,"b"}', '{"user":"tobi"}',
  '   { "user": "tobi" }', 'true', '"str"', '12', '-0.5e-3', '[1,[2,[3,{"a":[null,false]}]]]', '{"a":1,"a":2}',
  '{"b":1,"1":2,"a":3,"0":4}', '1.0', '1e2', '12345678901234567890', '-1.5', '0.1', '1e400', '{"__proto__":1}',
  '\ufeff{}', '{"a":"\\u0041\\n\\"\\/"}', '"\t"', '[1,2,3,]', 'nulll', 'falsy', '[true,fals]', '{"a":1}\r\n ']
const rnd = mulberry32(7)
const tokens = ['{', '}', '[', ']', ':', ',', ',', '"a"', '"bb"', '"', '1', '0', '-', '.', 'e', '12', 'true', 'tru',
  'null', 'false', ' ', ' ', '\n', 'x', '\\', '\\u', '\\n', '"\\u00e4"', '\u00e4', '\u0100', '\t', '+', '01', '[1,2]',
  '{"k":1}', '{"k":', '"long string value here"']
const random = []
for (let i = 0; i < 3000; i++) {
  const n = 1 + Math.floor(rnd() * 16)
  let s = ''
  for (let j = 0; j < n; j++) s += tokens[Math.floor(rnd() * tokens.length)]
  random.push(s)
}
const out = []
for (const s of fixed.concat(random)) {
  try {
    out.push([s, null, JSON.stringify(JSON.parse(s))])
  } catch (e) {
    out.push([s, e.message, null])
  }
}
process.stdout.write(JSON.stringify(out) + '\n')
