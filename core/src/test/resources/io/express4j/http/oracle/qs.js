// qs.parse as Express 5.3.0 ("extended" query parser) and body-parser 2.4.0 (urlencoded) call it.
// Output: {version, cases: [[optionsName, input, JSON.stringify(result) | "!" + error name]]}.
const qs = require('qs');
let seed = 424242; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const OPTIONS = {
  express: { allowPrototypes: true },
  body: { allowPrototypes: true, arrayLimit: 100, depth: 32, strictDepth: true, parameterLimit: 1000 },
  bodyShallow: { allowPrototypes: true, arrayLimit: 3, depth: 2, strictDepth: true, parameterLimit: 5 },
  latin1: { allowPrototypes: true, arrayLimit: 100, depth: 32, strictDepth: true, parameterLimit: 1000,
    charset: 'iso-8859-1', charsetSentinel: true, interpretNumericEntities: true },
  sentinel: { allowPrototypes: true, arrayLimit: 100, depth: 32, strictDepth: true, parameterLimit: 1000,
    charsetSentinel: true, interpretNumericEntities: true },
};
const curated = ['', 'a=b', 'a=b&c=d', 'a', 'a=', '=b', '=', '&', 'a[b]=c', 'a[b][c]=d', 'a[]=b&a[]=c', 'a[0]=b&a[1]=c',
  'a[1]=b&a[0]=c', 'a[1]=c', 'a[20]=x', 'a[19]=x', 'a[21]=x&a[3]=y', 'a[]=1&a[b]=2', 'a[b]=1&a=2', 'a=2&a[b]=1',
  'a[b]=1&a[b]=2&a[b]=3', 'foo[0][bar]=baz&foo[0][fizz]=buzz&foo[]=done!', 'user.name=tj', 'user[name]=tj',
  'user%5Bname%5D=tj', 'a%5bb%5d=c', 'a[b][c][d][e][f][g][h]=i', 'a[b][c][d][e][f]=g', 'a[b]c=d', 'a]b=c', 'a[b=c',
  'a[[b]]=c', '[a]=b', '[]=b', '[[]]=x', 'a[]=', 'a[][]=1', 'a[0][]=1&a[0][]=2', '__proto__=x', 'a[__proto__]=x',
  'toString=1&hasOwnProperty=2&constructor[prototype]=3', 'a[toString]=1', 'b=1&0=x&2=y&1=z', 'a[b]=1&a[0]=2',
  'a[0]=1&a[b]=2', 'a=1&a=2&a=3', 'a=%zz&b=%E9&c=%C3%A9', 'a+b=c+d', 'a=b=c', 'a[]=b]=c', 'a[b]]=c', 'a=1;b=2',
  'a[-1]=x', 'a[01]=x', 'a[1e2]=x', 'a[ 1]=x', 'a[99999999999999999999]=x', 'a[9007199254740993]=x',
  'a[4294967295]=x', 'a[4294967294]=x', 'x[y][]=1&x[y][]=2&x[y][z]=3', 'x[]=a&x=b', 'x=a&x[]=b', 'x[0]=a&x=b',
  'x[25]=a&x[]=b', 'x[]=b&x[25]=a', 'x[25]=a&x=b', 'x=b&x[25]=a', 'x[25]=a&x[26][y]=b', 'x[25]=a&x[y]=b&x=c',
  'utf8=%E2%9C%93&a=%C3%A9', 'utf8=%26%2310003%3B&a=%E9', 'a=%26%239786%3B&utf8=%26%2310003%3B', 'a=&#128512;&b=&#65;',
  'a=&#9731;', 'a[b][c]=1&a[b]=2', 'a[b]=2&a[b][c]=1', 'a[b]=1&a[b][]=2&a[b][c]=3&a[b]=4'];
let many = []; for (let i = 0; i < 25; i++) many.push('a[]=' + i); curated.push(many.join('&'));
many = []; for (let i = 0; i < 22; i++) many.push('a=' + i); curated.push(many.join('&'));
many = []; for (let i = 0; i < 22; i++) many.push('a[' + i + ']=' + i); curated.push(many.join('&'));
many = []; for (let i = 21; i >= 0; i--) many.push('a[' + i + ']=' + i); curated.push(many.join('&'));
many = []; for (let i = 0; i < 1003; i++) many.push('k' + i + '=' + i); curated.push(many.join('&'));
many = []; for (let i = 0; i < 8; i++) many.push('c[' + i + '][d]=' + i); curated.push(many.join('&'));
const alphabet = ['a', 'b', '0', '1', '2', '25', '[', ']', '[]', '[0]', '[1]', '[21]', '[b]', '=', '=', '&', '&',
  '%5B', '%5D', '%', '+', '.', '__proto__', 'x', '%C3%A9', '%zz', '&#65;', 'utf8=%E2%9C%93'];
const inputs = curated.slice();
while (inputs.length < 1500) {
  const len = 1 + Math.floor(rnd() * 14); let s = '';
  for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  inputs.push(s);
}
const cases = [];
for (const name of Object.keys(OPTIONS)) {
  const list = name === 'express' || name === 'body' ? inputs : inputs.slice(0, 400);
  for (const input of list) {
    let out;
    try { out = JSON.stringify(qs.parse(input, OPTIONS[name])); } catch (e) { out = '!' + e.name; }
    cases.push([name, input, out]);
  }
}
console.log(JSON.stringify({ version: require('qs/package.json').version, cases }));
