let seed = 99; const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const ts = [0, -1, 1704164645000, 1704164645999, -62198755200000, -62198755200001, 253402300800000, 8.64e15, -8.64e15, 951782400000, 4107542400000, -2208988800000];
while (ts.length < 400) ts.push(Math.floor((rnd() * 2 - 1) * (rnd() < 0.2 ? 8.64e15 : 4e12)));
console.log(JSON.stringify(ts.map(t => [t, new Date(t).toUTCString()])));
