package cn.zjdata.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The interface strings of the web pages, {@code {msg:key}} in templates and injected where Java builds
 * display text. Chinese is the default ({@code messages/msg_zh.properties}), English is
 * {@code messages/msg_en.properties}; the build fails when a template names a key that is not here or a
 * message refers to a parameter it does not declare.
 */
@MessageBundle(value = "msg", locale = "zh")
public interface Messages {

    @Message
    String site_name();

    @Message
    String site_tagline();

    @Message
    String skip_to_content();

    @Message
    String switch_language();

    @Message
    String nav_label();

    @Message
    String nav_home();

    @Message
    String nav_datasets();

    @Message
    String nav_indicators();

    @Message
    String nav_publishers();

    @Message
    String nav_themes();

    @Message
    String nav_developers();

    @Message
    String nav_about();

    @Message
    String breadcrumbs();

    @Message
    String on_this_page();

    @Message
    String footer_about();

    @Message
    String footer_api();

    @Message
    String footer_catalog();

    @Message
    String footer_licence();

    @Message
    String home_title();

    @Message
    String home_lead();

    @Message
    String search_label();

    @Message
    String search_placeholder();

    @Message
    String search_button();

    @Message
    String stat_datasets();

    @Message
    String stat_publishers();

    @Message
    String stat_indicators();

    @Message
    String home_headlines();

    @Message
    String home_all_indicators();

    @Message
    String home_themes();

    @Message
    String home_latest();

    @Message
    String home_all_changes();

    @Message
    String changes_title();

    @Message
    String changes_lead();

    @Message
    String changes_subscribe();

    @Message
    String changes_feed_title();

    @Message
    String changes_dataset_subscribe();

    @Message
    String changes_of_dataset();

    @Message
    String changes_none();

    @Message
    String changes_release_withdrawn();

    @Message
    String changes_dataset_withdrawn();

    @Message
    String changes_reason();

    @Message
    String changes_entry_published(int number);

    @Message
    String changes_entry_release_withdrawn(int number);

    @Message
    String changes_entry_dataset_withdrawn();

    @Message
    String latest_actual(String year);

    @Message
    String next_target(String year);

    @Message
    String progress_share(Integer percent, Integer expected);

    @Message
    String status_on_track();

    @Message
    String status_behind();

    @Message
    String status_achieved();

    @Message
    String status_missed();

    @Message
    String status_baseline_only();

    @Message
    String status_no_actual();

    @Message
    String status_no_target();

    @Message
    String kind_baseline();

    @Message
    String kind_target();

    @Message
    String kind_actual();

    @Message
    String chart_point(int period, String kind, String value, String source);

    @Message
    String chart_unit(String unit);

    @Message
    String show_data_table();

    @Message
    String col_year();

    @Message
    String col_kind();

    @Message
    String col_value();

    @Message
    String col_plan();

    @Message
    String col_source();

    @Message
    String col_column();

    @Message
    String col_type();

    @Message
    String col_unit();

    @Message
    String col_description();

    @Message
    String quality_note();

    @Message
    String as_printed();

    @Message
    String published_in_dataset();

    @Message
    String indicators_title();

    @Message
    String indicators_lead();

    @Message
    String indicators_count(int total);

    @Message
    String indicators_categories();

    @Message
    String indicator_progress();

    @Message
    String indicator_about();

    @Message
    String indicator_code();

    @Message
    String indicator_category();

    @Message
    String indicator_unit();

    @Message
    String indicator_aliases();

    @Message
    String indicator_plans();

    @Message
    String indicator_series();

    @Message
    String indicator_sources();

    @Message
    String reuse();

    @Message
    String reuse_api_json();

    @Message
    String reuse_linked_data();

    @Message
    String downloads();

    @Message
    String downloads_note();

    @Message
    String download_csv();

    @Message
    String download_excel();

    @Message
    String download_json();

    @Message
    String download_csvw();

    @Message
    String metadata();

    @Message
    String meta_identifier();

    @Message
    String meta_publisher();

    @Message
    String meta_themes();

    @Message
    String meta_keywords();

    @Message
    String meta_temporal();

    @Message
    String meta_spatial();

    @Message
    String meta_license();

    @Message
    String meta_frequency();

    @Message
    String meta_sources();

    @Message
    String meta_created();

    @Message
    String meta_modified();

    @Message
    String meta_release();

    @Message
    String meta_uri();

    @Message
    String preview();

    @Message
    String preview_note(int shown, String total);

    @Message
    String schema();

    @Message
    String required();

    @Message
    String type_integer();

    @Message
    String type_decimal();

    @Message
    String type_boolean();

    @Message
    String type_date();

    @Message
    String type_year();

    @Message
    String type_text();

    @Message
    String history();

    @Message
    String current_release();

    @Message
    String release_number(int number);

    @Message
    String rows(String rows);

    @Message
    String withdrawn_on(String date);

    @Message
    String cite();

    @Message
    String citation(String publisher, String title, int release, String date, String url);

    @Message
    String copy();

    @Message
    String copied();

    @Message
    String reuse_curl();

    @Message
    String reuse_api();

    @Message
    String reuse_sparql();

    @Message
    String reuse_sparql_run();

    @Message
    String reuse_rdf();

    @Message
    String updated_on(String date);

    @Message
    String as_json();

    @Message
    String dataset_count(String count);

    @Message
    String publishers_title();

    @Message
    String publishers_lead();

    @Message
    String themes_title();

    @Message
    String themes_lead();

    @Message
    String developers_title();

    @Message
    String developers_lead();

    @Message
    String dev_rest();

    @Message
    String dev_rest_text();

    @Message
    String dev_rest_docs();

    @Message
    String dev_path();

    @Message
    String dev_what();

    @Message
    String dev_api_datasets();

    @Message
    String dev_api_dataset();

    @Message
    String dev_api_indicators();

    @Message
    String dev_api_indicator();

    @Message
    String dev_api_reference();

    @Message
    String dev_errors();

    @Message
    String dev_downloads();

    @Message
    String dev_downloads_text();

    @Message
    String dev_linked_data();

    @Message
    String dev_linked_data_text();

    @Message
    String dev_thing();

    @Message
    String dev_thing_dataset();

    @Message
    String dev_thing_release();

    @Message
    String dev_thing_indicator();

    @Message
    String dev_thing_organization();

    @Message
    String dev_thing_vocabulary();

    @Message
    String dev_sparql_text();

    @Message
    String dev_sparql_page();

    @Message
    String dev_dumps();

    @Message
    String dev_dump_all();

    @Message
    String dev_dump_catalog();

    @Message
    String dev_void();

    @Message
    String dev_vocabulary();

    @Message
    String dev_shapes();

    @Message
    String about_title();

    @Message
    String about_lead();

    @Message
    String about_data_title();

    @Message
    String about_data_text();

    @Message
    String about_quality_text();

    @Message
    String about_sources_title();

    @Message
    String about_licence_title();

    @Message
    String about_licence_text();

    @Message
    String about_accessibility_title();

    @Message
    String about_accessibility_text();

    @Message
    String error_not_found_title();

    @Message
    String error_not_found_text();

    @Message
    String error_gone_title();

    @Message
    String error_gone_text();

    @Message
    String error_bad_request_title();

    @Message
    String error_bad_request_text();

    @Message
    String error_unavailable_title();

    @Message
    String error_unavailable_text();

    @Message
    String error_internal_title();

    @Message
    String error_internal_text();

    @Message
    String error_home();

    @Message
    String error_search();

    @Message
    String ld_formats();

    @Message
    String ld_types();

    @Message
    String ld_properties();

    @Message
    String ld_incoming();

    @Message
    String sparql_title();

    @Message
    String sparql_lead();

    @Message
    String sparql_endpoint();

    @Message
    String sparql_service_description();

    @Message
    String sparql_query();

    @Message
    String sparql_format();

    @Message
    String sparql_format_auto();

    @Message
    String sparql_run();

    @Message
    String sparql_examples();

    @Message
    String sparql_open_in_editor();

    @Message
    String search_title();

    @Message
    String search_lead();

    @Message
    String search_count(String count);

    @Message
    String search_count_query(String query, String count);

    @Message
    String search_filters();

    @Message
    String search_apply();

    @Message
    String search_clear();

    @Message
    String facet_theme();

    @Message
    String facet_publisher();

    @Message
    String facet_format();

    @Message
    String facet_license();

    @Message
    String facet_frequency();

    @Message
    String facet_year();

    @Message
    String search_sort();

    @Message
    String sort_relevance();

    @Message
    String sort_title();

    @Message
    String sort_newest();

    @Message
    String search_sort_apply();

    @Message
    String search_results();

    @Message
    String search_no_results();

    @Message
    String search_did_you_mean();

    @Message
    String search_related_indicators();

    @Message
    String search_browse_themes();

    @Message
    String search_indicators();

    @Message
    String search_in_data();

    @Message
    String search_pages();

    @Message
    String search_prev();

    @Message
    String search_next();

    @Message
    String search_page_of(String page, String pages);

    @Message
    String admin_nav_label();

    @Message
    String admin_nav_dashboard();

    @Message
    String admin_nav_tokens();

    @Message
    String admin_nav_reviews();

    @Message
    String admin_nav_accounts();

    @Message
    String admin_nav_audit();

    @Message
    String admin_signed_in_as(String username, String role);

    @Message
    String admin_role_admin();

    @Message
    String admin_role_publisher();

    @Message
    String admin_role_reviewer();

    @Message
    String admin_departments();

    @Message
    String admin_actions();

    @Message
    String admin_yes();

    @Message
    String admin_no();

    @Message
    String admin_never();

    @Message
    String admin_copy();

    @Message
    String admin_copied();

    @Message
    String admin_form_has_errors();

    @Message
    String admin_tokens_title();

    @Message
    String admin_tokens_lead();

    @Message
    String admin_tokens_created(String name);

    @Message
    String admin_tokens_copy_now();

    @Message
    String admin_tokens_expires(String date);

    @Message
    String admin_tokens_curl();

    @Message
    String admin_tokens_yours();

    @Message
    String admin_tokens_none();

    @Message
    String admin_tokens_name();

    @Message
    String admin_tokens_prefix();

    @Message
    String admin_tokens_created_at();

    @Message
    String admin_tokens_expires_at();

    @Message
    String admin_tokens_last_used();

    @Message
    String admin_tokens_state();

    @Message
    String admin_tokens_active();

    @Message
    String admin_tokens_revoked();

    @Message
    String admin_tokens_expired();

    @Message
    String admin_tokens_revoke();

    @Message
    String admin_tokens_new();

    @Message
    String admin_tokens_departments_hint();

    @Message
    String admin_tokens_days();

    @Message
    String admin_tokens_days_hint(String max);

    @Message
    String admin_tokens_create();

    @Message
    String admin_accounts_title();

    @Message
    String admin_accounts_list();

    @Message
    String admin_accounts_username();

    @Message
    String admin_accounts_username_hint();

    @Message
    String admin_accounts_display_name();

    @Message
    String admin_accounts_role();

    @Message
    String admin_accounts_enabled();

    @Message
    String admin_accounts_enabled_label();

    @Message
    String admin_accounts_locked_until();

    @Message
    String admin_accounts_last_sign_in();

    @Message
    String admin_accounts_departments_hint();

    @Message
    String admin_accounts_new();

    @Message
    String admin_accounts_initial_password();

    @Message
    String admin_accounts_password_hint();

    @Message
    String admin_accounts_create();

    @Message
    String admin_account_title(String username);

    @Message
    String admin_account_edit();

    @Message
    String admin_account_new_password();

    @Message
    String admin_account_password_hint();

    @Message
    String admin_account_save();

    @Message
    String admin_account_back();

    @Message
    String admin_departments_title();

    @Message
    String admin_departments_lead();

    @Message
    String admin_departments_name();

    @Message
    String admin_departments_members();

    @Message
    String admin_departments_review();

    @Message
    String admin_departments_review_on();

    @Message
    String admin_departments_review_off();

    @Message
    String admin_departments_review_start();

    @Message
    String admin_departments_review_stop();

    @Message
    String admin_audit_title();

    @Message
    String admin_audit_lead();

    @Message
    String admin_audit_filter();

    @Message
    String admin_audit_actor();

    @Message
    String admin_audit_action();

    @Message
    String admin_audit_any_action();

    @Message
    String admin_audit_target();

    @Message
    String admin_audit_from();

    @Message
    String admin_audit_to();

    @Message
    String admin_audit_dates_hint();

    @Message
    String admin_audit_apply();

    @Message
    String admin_audit_clear();

    @Message
    String admin_audit_results(String count);

    @Message
    String admin_audit_none();

    @Message
    String admin_audit_before();

    @Message
    String admin_audit_after();

    @Message
    String admin_action_publish();

    @Message
    String admin_action_withdraw();

    @Message
    String admin_action_create();

    @Message
    String admin_action_edit_metadata();

    @Message
    String admin_action_upload();

    @Message
    String admin_action_submit();

    @Message
    String admin_action_approve();

    @Message
    String admin_action_reject();

    @Message
    String admin_action_sign_in();

    @Message
    String admin_action_lock();

    @Message
    String admin_action_create_account();

    @Message
    String admin_action_update_account();

    @Message
    String admin_action_create_token();

    @Message
    String admin_action_revoke_token();

    @Message
    String admin_action_update_department();

    @Message
    String admin_action_sign_out();

    @Message
    String admin_reviews_title();

    @Message
    String admin_reviews_lead();

    @Message
    String admin_reviews_none();

    @Message
    String admin_reviews_first_release();

    @Message
    String admin_reviews_dataset();

    @Message
    String admin_reviews_staff_page();

    @Message
    String admin_reviews_submitted_by();

    @Message
    String admin_reviews_change_note();

    @Message
    String admin_reviews_rows();

    @Message
    String admin_reviews_changes();

    @Message
    String admin_reviews_diff(String added, String removed, String changed, String unchanged);

    @Message
    String admin_reviews_no_diff();

    @Message
    String admin_reviews_schema_changed();

    @Message
    String admin_reviews_columns_added();

    @Message
    String admin_reviews_columns_removed();

    @Message
    String admin_reviews_columns_retyped();

    @Message
    String admin_reviews_own();

    @Message
    String admin_reviews_approve();

    @Message
    String admin_reviews_reason();

    @Message
    String admin_reviews_reject();

    @Message
    String admin_notice_token_revoked();

    @Message
    String admin_notice_account_created(String subject);

    @Message
    String admin_notice_account_saved(String subject);

    @Message
    String admin_notice_account_stale(String subject);

    @Message
    String admin_notice_department_updated(String subject);

    @Message
    String admin_notice_approved(String dataset, String release);

    @Message
    String admin_notice_rejected(String subject);
}
