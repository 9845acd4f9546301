package cn.zjdata.portal.search;

import java.util.Map;
import java.util.Set;

/**
 * The fields of the index. Datasets and plan indicators are documents of one index, told apart by
 * {@link #TYPE}; they share the searchable text fields so one query finds both.
 */
final class SearchFields {

    private SearchFields() {
    }

    static final String TYPE = "type";
    static final String DATASET = "dataset";
    static final String INDICATOR = "indicator";

    /** The dataset slug or indicator code, as stored (unique per type). */
    static final String ID = "id";
    /** type + ":" + id, the key documents are replaced by. */
    static final String KEY = "key";
    /** Codes matched exactly, lower-cased: the dataset slug, code-like cells, the indicator code. */
    static final String CODE = "code";

    // Searchable text. "_zh" and the unsuffixed fields use the CJK analyzer (bigrams for Han text, words for
    // Latin text); "_en" fields use the English analyzer (stop words, stemming).
    static final String TITLE_ZH = "title_zh";
    static final String TITLE_EN = "title_en";
    static final String DESCRIPTION_ZH = "description_zh";
    static final String DESCRIPTION_EN = "description_en";
    static final String KEYWORDS = "keywords";
    static final String KEYWORDS_EN = "keywords_en";
    /** Publisher and theme names (datasets), category names (indicators). */
    static final String NAMES = "names";
    static final String NAMES_EN = "names_en";
    /** Distinct text cells and column titles of the current release (datasets only). */
    static final String BODY = "body";
    static final String BODY_EN = "body_en";
    /** Every word, unstemmed and without bigrams: the vocabulary "did you mean" draws on. */
    static final String SPELL = "spell";

    /** Fields analysed with the English analyzer; all other text fields use the CJK one. */
    static final Set<String> ENGLISH = Set.of(TITLE_EN, DESCRIPTION_EN, KEYWORDS_EN, NAMES_EN, BODY_EN);

    /** How much a match in each text field counts. */
    static final Map<String, Float> BOOSTS = Map.ofEntries(
            Map.entry(TITLE_ZH, 5f), Map.entry(TITLE_EN, 5f),
            Map.entry(KEYWORDS, 3f), Map.entry(KEYWORDS_EN, 3f),
            Map.entry(NAMES, 2f), Map.entry(NAMES_EN, 2f),
            Map.entry(DESCRIPTION_ZH, 2f), Map.entry(DESCRIPTION_EN, 2f),
            Map.entry(BODY, 1f), Map.entry(BODY_EN, 1f));
    static final float CODE_BOOST = 10f;

    // Stored only, for showing a hit without asking the database.
    static final String PUBLISHER_ID = "publisher_id";
    static final String PUBLISHER_ZH = "publisher_zh";
    static final String PUBLISHER_EN = "publisher_en";
    /** Theme as "code|zh|en", one stored value per theme. */
    static final String THEME_STORED = "theme_stored";
    static final String CATEGORY_STORED = "category_stored";
    static final String RELEASE = "release";
    static final String MODIFIED = "modified";

    // Sort keys (doc values).
    static final String SORT_TITLE_ZH = "sort_title_zh";
    static final String SORT_TITLE_EN = "sort_title_en";
    static final String SORT_ID = "sort_id";
    static final String SORT_MODIFIED = "sort_modified";
    static final String SORT_POSITION = "sort_position";
}
