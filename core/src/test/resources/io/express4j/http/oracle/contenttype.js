const setCharset = require('express/lib/utils').setCharset;
const ct = require('express/node_modules/content-type');
let seed = 4242; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const alphabet = ['text/plain', 'TEXT/Plain', 'application/json', 'garbage', ';', ';', ' ', '\t', '=', '=', '"', '"', '\\', 'charset', 'Charset', 'utf-8', 'ISO-8859-1', 'foo', 'Bar', '1', '2', '0', '01', ',', '/', '\u00e9', '\u0100', '\u0001', '(', ')', 'x y'];
const curated = ['text/plain', 'text/html', 'TEXT/Plain; Foo=Bar', 'text/plain; charset=iso-8859-1', 'text/plain; foo', 'garbage',
  'text/plain; CHARSET=latin1; foo=bar', 'text/html; charset="utf-8"', 'text/html; foo="bar baz"', 'text/html; foo=""', 'text/html; foo="a\\"b"',
  'application/vnd.example+json', 'text/plain; 2=b; 1=a; z=c', 'text/plain; =x', 'text/plain; foo="bar', 'text/plain; foo="bar"baz; a=b',
  ' text/plain ; a = b ', 'text/plain;;;a=1;;', 'text/', '/plain', 'text/plain/x', 'text/plain; a=b; A=c', 'text/plain; a=\u00e9', 'text/plain; a="\u0100"',
  'text/plain; a="x\u0001"', 'text/plain; a@b=c', 'text/plain, application/json', 'text/plain; charset=utf-8; charset=ascii', '*/*'];
const run = (s) => { try { return ['ok', setCharset(s, 'utf-8')] } catch (e) { return ['error', e.message] } };
const parsed = (s) => { const p = ct.parse(s); return [p.type, Object.entries(p.parameters)] };
const cases = curated.map(s => [s, run(s), parsed(s)]);
while (cases.length < 600) {
  const len = 1 + Math.floor(rnd() * 9); let s = alphabet[Math.floor(rnd() * 3)];
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  cases.push([s, run(s), parsed(s)]);
}
console.log(JSON.stringify(cases));
