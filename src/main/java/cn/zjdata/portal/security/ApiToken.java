package cn.zjdata.portal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * A personal API token for automation. The secret is shown once when created; only its SHA-256 is kept
 * (a random 256-bit secret needs no slow hash). It acts for its owner, limited to its departments.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "account_id", nullable = false)
    public Long accountId;
    @Column(nullable = false)
    public String name;
    @Column(name = "token_sha256", nullable = false, unique = true)
    public String tokenSha256;
    /** The first characters of the secret, so its owner can tell tokens apart. */
    @Column(nullable = false)
    public String prefix;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
    @Column(name = "revoked_at")
    public Instant revokedAt;
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_token_department", joinColumns = @JoinColumn(name = "token_id"))
    @Column(name = "publisher_id")
    public Set<String> departments = new TreeSet<>();

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
