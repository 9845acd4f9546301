package cn.zjdata.portal.staff;

import cn.zjdata.portal.common.Page;
import cn.zjdata.portal.common.PageRequest;
import cn.zjdata.portal.common.ProblemException;
import cn.zjdata.portal.publishing.AuditEntry;
import cn.zjdata.portal.security.Actor;
import cn.zjdata.portal.security.CurrentActor;
import cn.zjdata.portal.security.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The audit log, newest first, filtered; for administrators only. */
@ApplicationScoped
public class AuditService {

    private final ObjectMapper json;

    public AuditService(ObjectMapper json) {
        this.json = json;
    }

    /** Filters; null means any. {@code from}/{@code to} are dates (yyyy-MM-dd, China time is not assumed: UTC). */
    public record AuditFilter(String actor, String action, String target, String from, String to) {
    }

    public Page<StaffViews.AuditView> search(Actor actor, AuditFilter filter, PageRequest page) {
        if (actor.role() != Role.ADMIN) {
            throw CurrentActor.forbidden("Only administrators may browse the audit log");
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (present(filter.actor())) {
            where.append(" and actor = :actor");
            p.and("actor", filter.actor().strip());
        }
        if (present(filter.action())) {
            where.append(" and action = :action");
            p.and("action", filter.action().strip());
        }
        if (present(filter.target())) {
            where.append(" and targetId = :target");
            p.and("target", filter.target().strip());
        }
        if (present(filter.from())) {
            where.append(" and occurredAt >= :from");
            p.and("from", day("from", filter.from()));
        }
        if (present(filter.to())) {
            where.append(" and occurredAt < :to");
            p.and("to", day("to", filter.to()).plusSeconds(86_400));
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            PanacheQuery<AuditEntry> query = AuditEntry.find(where.toString(), Sort.descending("occurredAt", "id"), p);
            long total = query.count();
            var items = query.page(io.quarkus.panache.common.Page.of(page.page() - 1, page.size())).list().stream()
                    .map(e -> new StaffViews.AuditView(e.id, e.occurredAt, e.actor, e.action, e.targetType, e.targetId,
                            e.summary, tree(e.beforeJson), tree(e.afterJson))).toList();
            return Page.of(items, page, total);
        });
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Instant day(String parameter, String value) {
        try {
            return LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(parameter, "must be a date such as 2026-12-01");
        }
    }

    private Object tree(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return text;
        }
    }
}
