package cn.zjdata.portal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signed-in browser; the cookie carries a random secret whose SHA-256 is the id. */
@Entity
@Table(name = "staff_session")
public class StaffSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_sha256")
    public String idSha256;
    @Column(name = "account_id", nullable = false)
    public Long accountId;
    /** The synchronizer token every form and script of this session must send back. */
    @Column(name = "csrf_token", nullable = false)
    public String csrfToken;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
