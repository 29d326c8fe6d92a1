let seed = 777; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const curated = [
  'Tue, 02 Jan 2024 03:04:05 GMT', 'Sun, 06 Nov 1994 08:49:37 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994',
  'Sun Nov 6 08:49:37 1994 GMT', '2024-01-02T03:04:05Z', '2024-01-02T03:04:05.678Z', '2024-01-02T03:04:05', '2024-01-02', '2024-01', '2024',
  '2024-01-02T03:04:05+01:00', '2024-01-02T03:04:05-0130', '2024-01-02T24:00:00Z', '2024-01-02T24:00:01Z', '2024-01-02T25:00:00Z', '+002024-01-02T00:00:00Z',
  '-000001-01-01T00:00:00Z', '-000000-01-01T00:00:00Z', '2024-1-2', '2024-01-02 03:04:05', '2024/01/02', '1/2/2024', '1/2', 'Jan 5', '5 Jan', 'Jan 5 24', 'Jan 5 49', 'Jan 5 50',
  'Thu, 01 Jan 1970 00:00:00 GMT', 'Wed, 31 Dec 1969 23:59:59 GMT', 'Tue, 02 Jan 0049 03:04:05 GMT', 'Tue, 31 Feb 2024 03:04:05 GMT', 'Tue, 32 Jan 2024 03:04:05 GMT',
  'Tue, 02 Jan 2024 24:00:00 GMT', 'Tue, 02 Jan 2024 24:00:01 GMT', 'Tue, 02 Jan 2024 03:04:60 GMT', 'Tue, 02 Jan 2024 03:04:05 EST', 'Tue, 02 Jan 2024 03:04:05 PDT',
  'Tue, 02 Jan 2024 03:04:05 +0130', 'Tue, 02 Jan 2024 03:04:05 GMT+2', 'Tue, 02 Jan 2024 03:04:05 GMT-08:30', 'Tue, 02 Jan 2024 03:04:05 UTC', 'Tue, 02 Jan 2024 03:04:05 UT',
  'Tue, 02 Jan 2024 03:04:05 Z', 'Tue, 02 Jan 2024 03:04:05 XYZ', 'Tue, 02 Jan 2024 03:04:05', 'Tue, 02 Jan 2024 3:4:5 PM GMT', 'Jan 2 2024 12:00 AM GMT', 'Jan 2 2024 12:00 PM GMT',
  'Jan 2 2024 13:00 PM GMT', 'January 2, 2024', 'Janvier 2 2024', 'Tue, 02 January 2024 03:04:05 GMT (Coordinated Universal Time)', '(comment) Jan 2 2024', 'foo', '', ' ', 'garbage 2024',
  'Tue,02 Jan 2024 03:04:05 GMT', 'Tue 02 Jan 2024 03:04:05 GMT', 'tue, 02 jan 2024 03:04:05 gmt', '02 Jan 2024 03:04:05.123 GMT', '02 Jan 2024 03:04:05.1234567891 GMT', '02 Jan 2024 03:04::',
  '02 Jan 2024 03:04:05:06 GMT', 'Jan 2024', '2024 Jan', '2024 Jan 2', '32 Jan 2024', 'Jan 2 2024 GMT+', 'Jan 2 2024 10:00 GMT+12345', 'Jan 2 2024 10:00 +5', 'Jan 2 2024 10:00 -123',
  'Jan 2 2024 10:00 )', 'Jan 2 2024 10:00 GMT-0', '12:00 Jan 2 2024', 'Jan 2 2024 10:00 (PST)', 'Jan 2 2024 T10:00', '2024-01-02T03:04', '2024-01-02T3:04', '2024-01-02t03:04:05z',
  '2024-01-02T03:04:05.5Z', '2024-01-02T03:04:05.123456Z', '2024-01-02T03:04:05+24:00', '2024-01-02T03:04:05 Z', 'Mon, 01 Jan 10000 00:00:00 GMT', 'Sat, 13 Sep 275760 00:00:00 GMT',
  'Sat, 13 Sep 275760 00:00:01 GMT', '+275760-09-13T00:00:00.000Z', '+275760-09-13T00:00:00.001Z', 'Jan 2 2024 10:00 a', 'Jan 2 2024 am', '1 2 3', '1 2 3 4', '99 1 2', '2024.01.02',
  '1.2.3', '10:00', 'Jan 2 2024 10:00 GMT GMT', 'Jan 2 2024 10:00 EST+1', 'Tue, 02 Jan 2024 03:04:05 GMT\u0000junk', '\u00a0Tue, 02 Jan 2024 03:04:05 GMT', 'Tue, 02 Jan 2024 03:04:05 GMT\n',
  'Fri, 01 Jan -0001 00:00:00 GMT', 'Jan 2 -2024', 'Sun Mar 10 2024 02:30:00', 'Sun Nov 3 2024 01:30:00', 'Sun Mar 31 2024 02:30:00', '2024-03-10T02:30:00', '2024-11-03T01:30:00'];
const words = ['Tue', 'Sunday', 'Jan', 'January', 'nov', 'GMT', 'UTC', 'EST', 'pm', 'AM', 'T', 'Z', 'foo'];
const seps = [' ', ' ', ',', '-', '/', ':', '.', '+', '(x)', ')'];
const cases = [...curated];
while (cases.length < 1500) {
  const n = 1 + Math.floor(rnd() * 7); let s = '';
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.45) s += String(Math.floor(rnd() * (rnd() < 0.3 ? 3000 : 61))).padStart(rnd() < 0.5 ? 2 : 1, '0');
    else if (r < 0.75) s += pick(words);
    s += pick(seps);
  }
  cases.push(s.trim());
}
const bases = ['Tue, 02 Jan 2024 03:04:05 GMT', 'Sunday, 06-Nov-94 08:49:37 GMT', 'Sun Nov  6 08:49:37 1994', '2024-01-02T03:04:05.678Z', '2024-03-10T02:30:00'];
const inserts = ['', ' ', ',', '-', ':', '.', '+', '0', '9', 'x', 'Z', 'T', '(', ')', 'GMT', 'pm'];
while (cases.length < 2500) {
  let s = pick(bases);
  const edits = 1 + Math.floor(rnd() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rnd() * (s.length + 1));
    const del = rnd() < 0.5 ? Math.floor(rnd() * 3) : 0;
    s = s.slice(0, at) + pick(inserts) + s.slice(at + del);
  }
  cases.push(s);
}
console.log(JSON.stringify(cases.map(s => { const v = Date.parse(s); return [s, Number.isNaN(v) ? null : v]; })));
