const qs = require('querystring');
let seed = 987654; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const alphabet = ['&', '&', '=', '=', '%', '%', '+', 'a', 'b', 'A', 'f', '4', '1', '2', '0', '%41', '%C3%A9', '%E2%98', '%FF', '%zz', '%2', 'é', '☃', '\uD83D\uDE00', '[', ']', ' ', '__proto__', 'x'];
const curated = ['', 'x=1&x=2&y[z]=3', 'a=1&b[c]=2&a=3', 'foo=918854443121279438895193', 'foo=bar', 'foo=bar&foo=quux',
  'foo=1&bar=2', 'my+weird+field=q1%212%22%27w%245%267%2Fz8%29%3F', 'foo%3Dbaz=bar', 'foo=baz=bar',
  'str=foo&arr=1&arr=2&arr=3&somenull=&undef=', ' foo = bar ', 'foo=%zx', 'foo=%EF%BF%BD',
  'hasOwnProperty=x&toString=foo&valueOf=bar&__defineGetter__=baz', 'foo&bar=baz', 'a', 'a=', '=', '=a', '&', '&&', 'a&', '&a',
  'a=b&q=x%3Dy%26y%3Dz', 'frappucino=muffin&goat%5B%5D=scone&pond=moose', 'b=1&2=x&1=y&01=z', 'a+b=c+d', 'a%20b=c%20d',
  'x=%E9', 'x=%C3%A9%zz', 'é%zz=1', 'a%41%42=é%zz', '%=%', 'a=1&a=2&a=3&a', '__proto__=1&__proto__=2', 'x=%F0%9F%98%80', 'x=%ED%A0%80', 'x=%C0%80',
  'x=%E2%82', 'x=%E2%82%AC%', 'a=%2'];
const cases = [];
const record = (s) => cases.push([s, Object.entries(qs.parse(s))]);
curated.forEach(record);
while (cases.length < 800) {
  const len = 1 + Math.floor(rnd() * 10); let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  record(s);
}
// maxKeys: 1000 pairs then the rest is ignored
let big = []; for (let i = 0; i < 1005; i++) big.push('k' + i + '=' + i);
const bigParsed = qs.parse(big.join('&'));
const emptyPieces = '&'.repeat(999) + 'a=1&b=2';
console.log(JSON.stringify({cases, bigKeys: Object.keys(bigParsed).length, bigLast: Object.keys(bigParsed).pop(),
  emptyPieces: Object.entries(qs.parse(emptyPieces))}));
