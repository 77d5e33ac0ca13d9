/* correction.c — the facts of a 更正说明: what a correction changed, grouped
 * by document and page, ready for templates/correction/ to word. */
#include "facts.h"

#include <stdlib.h>
#include <string.h>

/* Items of document `title` in page order (stable: a page's items keep their order). */
static value *document_pages(const correction_item *items, size_t n, const char *title, int *number)
{
    value *pages = value_new_list();
    /* the pages this document has, ascending, each once */
    for (int last = -1;;) {
        int page = -1;
        for (size_t i = 0; i < n; i++)
            if (strcmp(items[i].document, title) == 0 && items[i].page > last && (page < 0 || items[i].page < page))
                page = items[i].page;
        if (page < 0) break;
        last = page;
        value *pg = value_append(pages, value_new_map());
        value_set_int(pg, "page", page);
        if (page > 0) value_set(pg, "place", value_new_stringf("第%d页", page));
        else value_set_string(pg, "place", "封面");
        value *list = value_set(pg, "items", value_new_list());
        for (size_t i = 0; i < n; i++) {
            if (strcmp(items[i].document, title) != 0 || items[i].page != page) continue;
            value *it = value_append(list, value_new_map());
            value_set_int(it, "number", ++*number);
            bool where = items[i].where && items[i].where[0];
            value_set_string(it, "where", where ? items[i].where : "");
            value_set_bool(it, "has_where", where);
            value_set_string(it, "old", items[i].old_text ? items[i].old_text : "");
            const char *nt = items[i].new_text ? items[i].new_text : "";
            value_set_string(it, "new", nt);
            /* the item's own full stop, unless the quoted text ends with one */
            size_t len = strlen(nt);
            bool stop = len >= 3 && (strcmp(nt + len - 3, "。") == 0 || strcmp(nt + len - 3, "！") == 0 ||
                                     strcmp(nt + len - 3, "？") == 0);
            value_set_string(it, "end", stop ? "" : "。");
        }
    }
    return pages;
}

value *facts_correction(const char *unit_name, const correction_item *items, size_t n, int year, int month,
                        int day)
{
    value *c = value_new_map();
    value *u = value_set(c, "unit", value_new_map());
    value_set_string(u, "name", unit_name);
    value_set(c, "date", value_new_stringf("%d年%d月%d日", year, month, day));
    value_set_int(c, "count", (int64_t)n);
    value *docs = value_set(c, "documents", value_new_list());
    int number = 0, doc_number = 0;
    for (size_t i = 0; i < n; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) seen = strcmp(items[k].document, items[i].document) == 0;
        if (seen) continue;
        value *d = value_append(docs, value_new_map());
        char cn[16];
        value_set_string(d, "title", items[i].document);
        value_set_string(d, "number_cn", facts_cn_number(++doc_number, cn));
        value_set(d, "pages", document_pages(items, n, items[i].document, &number));
    }
    return c;
}
