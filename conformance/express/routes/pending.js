'use strict'

// The place for routes of an Express feature express4j does not have yet (none right now: every area has its
// twin). Add the routes here, their cases to src/test/resources/corpus/99-pending.txt with ids starting
// "pending.<feature>.", and one row "| `pending.<feature>.*` | pending <feature> | … |" to DIFFERENCES.md. Whoever
// lands the feature writes the Java twin routes, moves these routes into the area file, moves the cases into the
// area's corpus file, and deletes the row: from then on the runner holds the feature to Express's bytes.

exports.install = function (app) {
}
