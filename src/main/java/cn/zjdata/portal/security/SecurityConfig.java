package cn.zjdata.portal.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Staff sign-in, sessions and tokens ({@code portal.security.*}). */
@ConfigMapping(prefix = "portal.security")
public interface SecurityConfig {

    /** A session ends after this long without a request. */
    @WithDefault("30M")
    Duration sessionIdleTimeout();

    /** A session ends this long after sign-in, however active. */
    @WithDefault("12H")
    Duration sessionMaxAge();

    /** Failed sign-ins in a row before the account is locked. */
    @WithDefault("5")
    int lockoutThreshold();

    /** How long the first lock lasts; each further failure while over the threshold doubles it (up to a day). */
    @WithDefault("15M")
    Duration lockoutDuration();

    /** Token lifetime when the request names none. */
    @WithDefault("P90D")
    Duration tokenDefaultLifetime();

    /** The longest lifetime a token may be given. */
    @WithDefault("P365D")
    Duration tokenMaxLifetime();

    /**
     * Whether the session cookie carries the Secure attribute: "auto" (when the request came over TLS,
     * directly or as X-Forwarded-Proto https), "always" or "never".
     */
    @WithDefault("auto")
    String secureCookies();

    /** The first administrator, created at start-up when no account has that username. */
    BootstrapAdmin bootstrapAdmin();

    interface BootstrapAdmin {
        /** {@code PORTAL_ADMIN_USERNAME}. */
        Optional<String> username();

        /** {@code PORTAL_ADMIN_PASSWORD}: at least 12 characters; never logged. */
        Optional<String> password();
    }
}
