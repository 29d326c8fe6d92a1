package io.express4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsing half of a browser's EventSource, from the WHATWG HTML algorithm ("Interpreting an event stream"):
 * enough to check that what the server writes is read back as it was sent. Node 20 has no EventSource to ask.
 */
final class EventSourceParser {
    private EventSourceParser() {}

    /** The events a whole stream dispatches, each as {type, data, lastEventId}. */
    static List<String[]> parse(String stream) {
        List<String[]> events = new ArrayList<>();
        StringBuilder data = new StringBuilder();
        String type = "";
        String lastEventId = "";
        for (String line : stream.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) { // dispatch
                if (!data.isEmpty()) {
                    data.setLength(data.length() - 1); // the LF after the last data line
                    events.add(new String[] {type.isEmpty() ? "message" : type, data.toString(), lastEventId});
                }
                data.setLength(0);
                type = "";
                continue;
            }
            if (line.startsWith(":")) continue; // a comment
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) value = value.substring(1);
            switch (field) {
                case "event" -> type = value;
                case "data" -> data.append(value).append('\n');
                case "id" -> {
                    if (value.indexOf('\0') < 0) lastEventId = value;
                }
                default -> {} // retry and unknown fields carry no event data
            }
        }
        return events;
    }
}
