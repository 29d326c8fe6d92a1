// type-is 2.1.0 and bytes 3.1.2 oracle: one JSON array per line, [header, types, result] / ["bytes", text, n] / ["hasBody", cl, bool]
const typeis = require('type-is'); const bytes = require('bytes')
const cts = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/html', 'application/vnd.api+json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain ; charset=utf-8', 'bogus', '', 'text/', '/json', 'image/svg+xml', 'application/+json', ' text/plain']
const types = [['json'], ['application/json'], ['+json'], ['*/*'], ['text/*'], ['urlencoded'], ['multipart'], ['html', 'json'], ['application/*+json'], ['bogus'], ['text/html', 'text/plain'], ['*/json'], ['svg'], []]
for (const ct of cts) for (const t of types) console.log(JSON.stringify([ct, t, typeis.is(ct, t)]))
for (const b of ['100kb', '1mb', '1.5mb', '1MB', '1 kb', '10', '1.5', ' 12abc', 'abc', '', '-5kb', '+2KB', '1gb', '1tb', '1pb', '1e3', '0.5kb', '1kB']) console.log(JSON.stringify(['bytes', b, bytes.parse(b)]))
for (const cl of [undefined, '0', '12', '', ' 5 ', 'abc', '1e3', '0x10']) console.log(JSON.stringify(['hasBody', cl, typeis.hasBody({headers: {'content-length': cl}})]))
