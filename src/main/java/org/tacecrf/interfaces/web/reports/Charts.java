package org.tacecrf.interfaces.web.reports;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

/** Chart.js configurations for p:chart, built on the server as JSON (no inline script). */
public final class Charts {

    private static final String[] COLOURS = {"#0f5f8c", "#e07a1f", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#6d4c41", "#546e7a"};

    private Charts() {
    }

    static String colour(int i) {
        return COLOURS[i % COLOURS.length];
    }

    /** Cumulative lines, one per series, with optional horizontal target lines. */
    public static String lines(List<String> labels, Map<String, List<Long>> series, Map<String, Integer> targets, String yTitle) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int i = 0;
        for (Map.Entry<String, List<Long>> s : series.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.getValue().forEach(data::add);
            datasets.add(Json.createObjectBuilder().add("label", s.getKey()).add("data", data).add("borderColor", colour(i))
                    .add("backgroundColor", colour(i)).add("fill", false).add("tension", 0.1));
            Integer target = targets.get(s.getKey());
            if (target != null) {
                JsonArrayBuilder flat = Json.createArrayBuilder();
                labels.forEach(l -> flat.add(target));
                datasets.add(Json.createObjectBuilder().add("label", s.getKey() + " target").add("data", flat)
                        .add("borderColor", colour(i)).add("borderDash", Json.createArrayBuilder().add(6).add(4))
                        .add("pointRadius", 0).add("fill", false));
            }
            i++;
        }
        return chart("line", labels, datasets, yTitle, false);
    }

    /** Bars, one dataset per series; stacked when asked. */
    public static String bars(List<String> labels, Map<String, List<? extends Number>> series, String yTitle, boolean stacked) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        int i = 0;
        for (Map.Entry<String, List<? extends Number>> s : series.entrySet()) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            s.getValue().forEach(n -> data.add(n.doubleValue()));
            datasets.add(Json.createObjectBuilder().add("label", s.getKey()).add("data", data).add("backgroundColor", colour(i)));
            i++;
        }
        return chart("bar", labels, datasets, yTitle, stacked);
    }

    private static String chart(String type, List<String> labels, JsonArrayBuilder datasets, String yTitle, boolean stacked) {
        JsonArrayBuilder labelArray = Json.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonObjectBuilder y = Json.createObjectBuilder().add("beginAtZero", true).add("stacked", stacked)
                .add("title", Json.createObjectBuilder().add("display", true).add("text", yTitle));
        JsonObjectBuilder options = Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Json.createObjectBuilder().add("y", y).add("x", Json.createObjectBuilder().add("stacked", stacked)))
                .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("position", "bottom")));
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", options).build().toString();
    }
}
