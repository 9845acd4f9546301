package cn.zjdata.portal.staff;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The interface strings of the staff administration pages, {@code {admin:key}} in templates and injected
 * where Java builds display text. Chinese is the default ({@code messages/admin_zh.properties}), English is
 * {@code messages/admin_en.properties}. It is a bundle of its own rather than more keys in {@code msg}: Quarkus
 * 3.30 splits the generated resolver of a bundle with more than 300 messages into pieces that fail bytecode
 * verification at start-up (and drops every 301st message), so each bundle stays under 300.
 * Generated from the Chinese file by {@code scripts/generate-messages.py}.
 */
@MessageBundle(value = "admin", locale = "zh")
public interface AdminMessages {

    @Message
    String nav_label();

    @Message
    String nav_dashboard();

    @Message
    String nav_tokens();

    @Message
    String nav_reviews();

    @Message
    String nav_accounts();

    @Message
    String nav_audit();

    @Message
    String signed_in_as(String username, String role);

    @Message
    String role_admin();

    @Message
    String role_publisher();

    @Message
    String role_reviewer();

    @Message
    String departments();

    @Message
    String actions();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String never();

    @Message
    String copy();

    @Message
    String copied();

    @Message
    String form_has_errors();

    @Message
    String tokens_title();

    @Message
    String tokens_lead();

    @Message
    String tokens_created(String name);

    @Message
    String tokens_copy_now();

    @Message
    String tokens_expires(String date);

    @Message
    String tokens_curl();

    @Message
    String tokens_yours();

    @Message
    String tokens_none();

    @Message
    String tokens_name();

    @Message
    String tokens_prefix();

    @Message
    String tokens_created_at();

    @Message
    String tokens_expires_at();

    @Message
    String tokens_last_used();

    @Message
    String tokens_state();

    @Message
    String tokens_active();

    @Message
    String tokens_revoked();

    @Message
    String tokens_expired();

    @Message
    String tokens_revoke();

    @Message
    String tokens_new();

    @Message
    String tokens_departments_hint();

    @Message
    String tokens_days();

    @Message
    String tokens_days_hint(String max);

    @Message
    String tokens_create();

    @Message
    String accounts_title();

    @Message
    String accounts_list();

    @Message
    String accounts_username();

    @Message
    String accounts_username_hint();

    @Message
    String accounts_display_name();

    @Message
    String accounts_role();

    @Message
    String accounts_enabled();

    @Message
    String accounts_enabled_label();

    @Message
    String accounts_locked_until();

    @Message
    String accounts_last_sign_in();

    @Message
    String accounts_departments_hint();

    @Message
    String accounts_new();

    @Message
    String accounts_initial_password();

    @Message
    String accounts_password_hint();

    @Message
    String accounts_create();

    @Message
    String account_title(String username);

    @Message
    String account_edit();

    @Message
    String account_new_password();

    @Message
    String account_password_hint();

    @Message
    String account_save();

    @Message
    String account_back();

    @Message
    String departments_title();

    @Message
    String departments_lead();

    @Message
    String departments_name();

    @Message
    String departments_members();

    @Message
    String departments_review();

    @Message
    String departments_review_on();

    @Message
    String departments_review_off();

    @Message
    String departments_review_start();

    @Message
    String departments_review_stop();

    @Message
    String audit_title();

    @Message
    String audit_lead();

    @Message
    String audit_filter();

    @Message
    String audit_actor();

    @Message
    String audit_action();

    @Message
    String audit_any_action();

    @Message
    String audit_target();

    @Message
    String audit_from();

    @Message
    String audit_to();

    @Message
    String audit_dates_hint();

    @Message
    String audit_apply();

    @Message
    String audit_clear();

    @Message
    String audit_results(String count);

    @Message
    String audit_none();

    @Message
    String audit_before();

    @Message
    String audit_after();

    @Message
    String action_publish();

    @Message
    String action_withdraw();

    @Message
    String action_create();

    @Message
    String action_edit_metadata();

    @Message
    String action_upload();

    @Message
    String action_submit();

    @Message
    String action_approve();

    @Message
    String action_reject();

    @Message
    String action_sign_in();

    @Message
    String action_lock();

    @Message
    String action_create_account();

    @Message
    String action_update_account();

    @Message
    String action_create_token();

    @Message
    String action_revoke_token();

    @Message
    String action_update_department();

    @Message
    String action_sign_out();

    @Message
    String reviews_title();

    @Message
    String reviews_lead();

    @Message
    String reviews_none();

    @Message
    String reviews_first_release();

    @Message
    String reviews_dataset();

    @Message
    String reviews_staff_page();

    @Message
    String reviews_submitted_by();

    @Message
    String reviews_change_note();

    @Message
    String reviews_rows();

    @Message
    String reviews_changes();

    @Message
    String reviews_diff(String added, String removed, String changed, String unchanged);

    @Message
    String reviews_no_diff();

    @Message
    String reviews_schema_changed();

    @Message
    String reviews_columns_added();

    @Message
    String reviews_columns_removed();

    @Message
    String reviews_columns_retyped();

    @Message
    String reviews_own();

    @Message
    String reviews_approve();

    @Message
    String reviews_reason();

    @Message
    String reviews_reject();

    @Message
    String notice_token_revoked();

    @Message
    String notice_account_created(String subject);

    @Message
    String notice_account_saved(String subject);

    @Message
    String notice_account_stale(String subject);

    @Message
    String notice_department_updated(String subject);

    @Message
    String notice_approved(String dataset, String release);

    @Message
    String notice_rejected(String subject);

    @Message
    String page_of(String page, String pages);
}
