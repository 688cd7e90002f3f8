package org.neighborshare.shared.input;

/**
 * The rule for every text a client sends (JSON strings and keys, path and query parameters): no C0 control
 * characters other than tab, line feed and carriage return. PostgreSQL cannot store U+0000 in text at all, and
 * the other controls have no place in names, reasons or identifiers (docs/rules.md).
 */
public final class PlainText {

    public static final String RULE =
            "must not contain control characters (U+0000 to U+001F other than tab, " + "line feed and carriage return)";

    private PlainText() {}

    public static boolean holds(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
