const e = require('encodeurl');
// deterministic PRNG
let seed = 12345; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const alphabet = ['%', '%', '%', 'a', 'F', 'g', '0', '9', '/', '?', '#', '[', ']', '\\', '^', '|', ' ', '"', '<', '>', '`', '{', '}', '\x7f', '\x00', '\n', 'é', '☃', '\uD83D\uDE00', '\uD83D', '\uDE00', '~', "'", '+', '=', '&', ';', ':', '@', '!', '*'];
const cases = [];
const curated = ['', '/', '/nope/<path>', '/target path?q=ä', 'http://example.com/', '%%41', '%a', '%', '%zz', '%[', '%#', '%a<', '%\uD83D\uDE00x', '%a\uD83D\uDE00', '%\uDE00', '\uD800\uD800\uDC00', '/%E2%98%83', '/foo%2', '/foo%2x', 'http://localhost/%foo%bar%zap%'];
for (const s of curated) cases.push([s, e(s)]);
while (cases.length < 600) {
  const len = 1 + Math.floor(rnd() * 8); let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  try { cases.push([s, e(s)]); } catch (x) { /* upstream throws URIError: not a data point */ }
}
console.log(JSON.stringify(cases));
