// Fetches each /seed endpoint twice (plain, then conditional) and renders the response heads side by side.
"use strict";

const methods = [
  ["res.send(body)", "/seed/send"],
  ["res.end(body)", "/seed/end"],
  ["res.write(body); res.end()", "/seed/write"],
  ["res.json(obj)", "/seed/json"],
  ["res.sendFile(file)", "/seed/sendFile"],
];
const headers = ["Content-Type", "Content-Length", "ETag", "Transfer-Encoding"];

// no-store: the browser's HTTP cache must neither answer for the server nor add its own validators. Such a fetch
// also sends `Cache-Control: no-cache` unless the script sets one, and Express (fresh) never answers 304 to no-cache,
// so the conditional request names its own Cache-Control.
async function probe(url) {
  const first = await fetch(url, { cache: "no-store" });
  const body = await first.text();
  const etag = first.headers.get("ETag");
  const ifNoneMatch = etag || "*";
  const conditional = { "If-None-Match": ifNoneMatch, "Cache-Control": "max-age=0" };
  const again = await fetch(url, { cache: "no-store", headers: conditional });
  const againBody = await again.text();
  return { first, body, ifNoneMatch, again, againBody };
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.appendChild(td);
}

function addRow(tbody, label, values) {
  const row = document.createElement("tr");
  const th = document.createElement("th");
  th.textContent = label;
  row.appendChild(th);
  for (const [text, className] of values) cell(row, text, className);
  tbody.appendChild(row);
}

async function render() {
  const results = [];
  for (const [, url] of methods) results.push(await probe(url));

  const headRow = document.querySelector("#seed thead tr");
  for (const [name] of methods) {
    const th = document.createElement("th");
    th.textContent = name;
    headRow.appendChild(th);
  }
  const tbody = document.querySelector("#seed tbody");
  const shown = (value) => (value === null ? ["(none)", "none"] : [value]);
  addRow(tbody, "Status", results.map((r) => [String(r.first.status)]));
  for (const header of headers) addRow(tbody, header, results.map((r) => shown(r.first.headers.get(header))));
  addRow(tbody, "Body", results.map((r) => [r.body]));
  addRow(tbody, "Repeat with If-None-Match", results.map((r) => [r.ifNoneMatch]));
  addRow(tbody, "Repeat status", results.map((r) => [String(r.again.status), "status-" + r.again.status]));
  addRow(tbody, "Repeat body bytes", results.map((r) => [String(r.againBody.length)]));
  document.getElementById("state").textContent = "done";
}

render().catch((err) => {
  document.getElementById("state").textContent = "failed: " + err;
});
