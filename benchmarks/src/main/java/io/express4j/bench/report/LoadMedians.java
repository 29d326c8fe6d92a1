package io.express4j.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Medians over the rounds of load.tsv, per server, test and metric; null where nothing was measured. */
final class LoadMedians {
    private final Table load;

    LoadMedians(Table load) {
        this.load = load;
    }

    Double rps(String server, String test) {
        return metric(server, test, "rps");
    }

    Double metric(String server, String test, String column) {
        List<Double> values = new ArrayList<>();
        for (Map<String, String> row : load.rows()) {
            if (!server.equals(row.get("server")) || !test.equals(row.get("test"))) continue;
            Double v = Report.num(row.get(column));
            if (v != null) values.add(v);
        }
        return median(values);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
