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
}
