package cn.zjdata.portal.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator at start-up from {@code PORTAL_ADMIN_USERNAME} and
 * {@code PORTAL_ADMIN_PASSWORD} (there is no default account or password). Once created, the variables
 * can be removed; they never change an existing account.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    void onStart(@Observes @Priority(10) StartupEvent event, SecurityConfig config, AccountService accounts) {
        var admin = config.bootstrapAdmin();
        if (admin.username().isEmpty() || admin.password().isEmpty()) {
            if (admin.username().isPresent() != admin.password().isPresent()) {
                LOG.warn("Set both PORTAL_ADMIN_USERNAME and PORTAL_ADMIN_PASSWORD to create the first administrator");
            }
            return;
        }
        if (accounts.bootstrap(admin.username().get(), admin.password().get())) {
            LOG.infof("Created the administrator account '%s'", admin.username().get().strip());
        }
    }
}
