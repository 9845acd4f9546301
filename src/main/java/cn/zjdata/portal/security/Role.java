package cn.zjdata.portal.security;

/**
 * What a staff account may do. An administrator manages accounts and departments and may act for every
 * department; a publisher edits and publishes its departments' datasets; a reviewer approves or rejects
 * releases submitted for review in its departments.
 */
public enum Role {
    ADMIN, PUBLISHER, REVIEWER;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Role> parse(String code) {
        for (Role role : values()) {
            if (role.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
