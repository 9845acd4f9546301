package cn.zjdata.portal.publishing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One appended line of the audit log: who changed what, when, with the record before and after. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
    @Column(nullable = false)
    public String actor;
    @Column(nullable = false)
    public String action;
    @Column(name = "target_type", nullable = false)
    public String targetType;
    @Column(name = "target_id", nullable = false)
    public String targetId;
    public String summary;
    @Column(name = "before_json")
    public String beforeJson;
    @Column(name = "after_json")
    public String afterJson;
}
