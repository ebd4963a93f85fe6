package org.tacecrf.it.support;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.json.Json;

/** JSON answers of the REST API as maps and lists (Selenium's reader; client side only). */
public final class JsonBody {

    private JsonBody() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(String json) {
        return new Json().toType(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(String json) {
        return new Json().toType(json, List.class);
    }
}
