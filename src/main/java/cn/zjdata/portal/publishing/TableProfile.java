package cn.zjdata.portal.publishing;

import java.util.Arrays;
import java.util.Optional;

/**
 * Table profiles the portal understands: a dataset that declares one ({@code dc:conformsTo}) follows its
 * columns, and the portal derives records from it when it is published (see {@link ReleaseProcessor}).
 */
public enum TableProfile {
    INDICATORS("indicators"),
    OBSERVATIONS("observations"),
    TASK_TARGETS("task-targets"),
    ORGANIZATIONS("organizations"),
    CITY_ROLES("city-roles");

    public final String id;

    TableProfile(String id) {
        this.id = id;
    }

    public static Optional<TableProfile> of(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
