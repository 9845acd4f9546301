package cn.zjdata.portal.staff;

import java.util.ArrayList;
import java.util.List;

/** Links between pages of the audit log that keep its filters. */
final class AuditLinks {

    private AuditLinks() {
    }

    /** The filters as a query string ("actor=…&action=…"), empty filters left out. */
    static String query(String actor, String action, String target, String from, String to) {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", actor);
        add(parts, "action", action);
        add(parts, "target", target);
        add(parts, "from", from);
        add(parts, "to", to);
        return String.join("&", parts);
    }

    static String page(String query, int page) {
        return "/staff/audit?" + (query.isEmpty() ? "" : query + "&") + "page=" + page;
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null && !value.isBlank()) {
            parts.add(name + "=" + AdminPageContext.encode(value.strip()));
        }
    }
}
