package cn.zjdata.portal.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A department's publishing settings; a department is one of the catalog's publishers. */
@Entity
@Table(name = "department_setting")
public class DepartmentSetting extends PanacheEntityBase {

    @Id
    @Column(name = "publisher_id")
    public String publisherId;
    /** Whether a reviewer must approve each release before it goes live. */
    @Column(name = "review_required", nullable = false)
    public boolean reviewRequired;

    public static boolean reviewRequired(String publisherId) {
        return DepartmentSetting.<DepartmentSetting>findByIdOptional(publisherId).map(s -> s.reviewRequired).orElse(false);
    }
}
