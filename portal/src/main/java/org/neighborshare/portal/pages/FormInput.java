package org.neighborshare.portal.pages;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A posted form as the page shows it again: each field's text, trimmed (nothing else is kept). */
final class FormInput {

    private FormInput() {}

    static Map<String, String> of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        if (form != null) {
            form.forEach((k, v) -> {
                if (!k.equals("csrf-token") && v != null && !v.isEmpty() && v.get(0) != null) {
                    values.put(k, v.get(0).trim());
                }
            });
        }
        return values;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
