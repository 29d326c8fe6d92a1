// type-is 2.1.0 (Express 5.3.0's req.is): is(contentType, offers) and hasBody over a small product of inputs.
const typeis = require('type-is');
const types = [null, '', 'application/json', 'application/json; charset=UTF-8', 'APPLICATION/JSON', 'text/html',
  'text/plain; charset=utf-8', 'application/vnd.api+json', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'image/svg+xml', 'invalid', 'text/', '/json', ' text/html ', 'text/html;',
  'application/ld+json; profile=x', 'text/x-markdown'];
const offers = [[], ['json'], ['html'], ['application/json'], ['image/jpeg'], ['*/json'], ['*/html'], ['application/*'],
  ['text/*'], ['+json'], ['*/*'], ['urlencoded'], ['multipart'], ['json', 'html'], ['html', 'json'], ['bogus'],
  ['application/*+json'], ['text/html', 'application/json'], ['svg'], ['md'], ['*/*+xml'], ['*'], ['application']];
const cases = [];
for (const t of types) for (const o of offers) {
  const r = typeis.is(t, o);
  cases.push([t, o, r === false ? null : r]);
}
const lengths = [[undefined, undefined], ['chunked', undefined], [undefined, '0'], [undefined, '12'], [undefined, ''],
  [undefined, 'abc'], [undefined, ' 7 '], [undefined, '0x10'], [undefined, '1e3'], ['', undefined]];
const bodies = lengths.map(([te, cl]) => {
  const headers = {}; if (te !== undefined) headers['transfer-encoding'] = te; if (cl !== undefined) headers['content-length'] = cl;
  return [te === undefined ? null : te, cl === undefined ? null : cl, typeis.hasBody({ headers })];
});
console.log(JSON.stringify({ cases, bodies }));
