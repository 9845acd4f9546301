package cn.zjdata.portal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A member of staff who signs in to publish, review or administer. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(nullable = false, unique = true)
    public String username;
    @Column(name = "display_name", nullable = false)
    public String displayName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;
    /** Argon2id, PHC string form; null when the account signs in only through OpenID Connect. */
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(nullable = false)
    public boolean enabled = true;
    @Column(name = "failed_sign_ins", nullable = false)
    public int failedSignIns;
    @Column(name = "locked_until")
    public Instant lockedUntil;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_sign_in_at")
    public Instant lastSignInAt;
    @Version
    public long version;

    /** The publishers (departments) this account acts for. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_department", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "publisher_id")
    public Set<String> departments = new TreeSet<>();

    public static Optional<Account> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
