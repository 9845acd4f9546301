package cn.zjdata.portal.linkeddata;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The HTML variant of linked-data documents. */
public final class LinkedDataPages {

    private LinkedDataPages() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance resource(ResourceView view);
    }
}
