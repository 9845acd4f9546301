package cn.zjdata.portal.security;

import cn.zjdata.portal.common.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import java.util.Optional;

/**
 * Password hashing with Argon2id (Spring Security's encoder over Bouncy Castle), the PHC string holding
 * salt and parameters, and the portal's password rules.
 */
@ApplicationScoped
public class Passwords {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;

    // 16 bytes of salt, 32-byte hash, 1 lane, 19 MiB, 2 passes: OWASP's minimum Argon2id configuration.
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    /** Checked against when the username is unknown, so the answer takes as long either way. */
    private final String decoy = encoder.encode(Secrets.random());

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        if (password == null || password.length() > MAX_LENGTH) {
            return false;
        }
        return encoder.matches(password, hash == null ? decoy : hash);
    }

    /** The problems with a new password, keyed by {@code field}. */
    public Optional<FieldError> check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(FieldError.of(field, "must be at least " + MIN_LENGTH + " characters long"));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(FieldError.of(field, "must be at most " + MAX_LENGTH + " characters long"));
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of(FieldError.of(field, "must not contain the username"));
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of(FieldError.of(field, "is too easy to guess: use more different characters"));
        }
        return Optional.empty();
    }
}
