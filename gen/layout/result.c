/* result.c — the lists of a laid-out document: pages, spans, headings. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

layout_page *result_add_page(layout_result *r)
{
    if (r->n_pages == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 16;
        r->pages = xrealloc(r->pages, r->cap * sizeof *r->pages);
    }
    layout_page *p = &r->pages[r->n_pages++];
    memset(p, 0, sizeof *p);
    p->mark = r->mark; /* an element that goes on over the page break */
    return p;
}

void page_add_span(layout_page *page, font_face face, double size, double x, double y,
                   double char_space, const char *text, size_t start, size_t end)
{
    if (end <= start) return;
    if (page->n_spans == page->cap) {
        page->cap = page->cap ? page->cap * 2 : 32;
        page->spans = xrealloc(page->spans, page->cap * sizeof *page->spans);
    }
    layout_span *s = &page->spans[page->n_spans++];
    s->face = face;
    s->size = size;
    s->x = x;
    s->y = y;
    s->char_space = char_space;
    s->text = xstrndup(text + start, end - start);
    s->elem = page->mark;
}

int result_elem(layout_result *r, layout_role role, int parent)
{
    if (r->n_elems == r->elem_cap) {
        r->elem_cap = r->elem_cap ? r->elem_cap * 2 : 64;
        r->elems = xrealloc(r->elems, r->elem_cap * sizeof *r->elems);
    }
    layout_elem *e = &r->elems[r->n_elems++];
    memset(e, 0, sizeof *e);
    e->role = role;
    e->parent = parent;
    e->row_span = e->col_span = 1;
    return (int)r->n_elems;
}

void result_mark(layout_result *r, int elem)
{
    r->mark = elem;
    if (r->n_pages) r->pages[r->n_pages - 1].mark = elem;
}

int result_mark_new(layout_result *r, layout_role role)
{
    int e = result_elem(r, role, 0);
    result_mark(r, e);
    return e;
}

layout_role layout_heading_role(int level)
{
    return level <= 1 ? ROLE_H1 : level == 2 ? ROLE_H2 : level == 3 ? ROLE_H3 : ROLE_H4;
}

void result_add_link(layout_result *r, size_t page, double x0, double y0, double x1, double y1,
                     size_t target, int elem)
{
    if (r->n_links == r->link_cap) {
        r->link_cap = r->link_cap ? r->link_cap * 2 : 32;
        r->links = xrealloc(r->links, r->link_cap * sizeof *r->links);
    }
    r->links[r->n_links++] = (layout_link){page, x0, y0, x1, y1, target, elem};
}

void page_add_rule(layout_page *page, double x0, double y0, double x1, double y1, double width)
{
    if (page->n_rules == page->rules_cap) {
        page->rules_cap = page->rules_cap ? page->rules_cap * 2 : 64;
        page->rules = xrealloc(page->rules, page->rules_cap * sizeof *page->rules);
    }
    page->rules[page->n_rules++] = (layout_rule){x0, y0, x1, y1, width};
}

void result_add_heading(layout_result *r, const block *b, size_t index, size_t page,
                        double top)
{
    if (r->n_headings == r->heading_cap) {
        r->heading_cap = r->heading_cap ? r->heading_cap * 2 : 16;
        r->headings = xrealloc(r->headings, r->heading_cap * sizeof *r->headings);
    }
    layout_heading *h = &r->headings[r->n_headings++];
    h->level = b->level;
    h->block = index;
    h->text = xstrdup(b->text ? b->text : "");
    h->page = page;
    h->top = top;
    h->pos = b->pos;
}

void result_add_place(layout_result *r, size_t index, size_t page, size_t start, size_t end, int row)
{
    if (r->n_places == r->places_cap) {
        r->places_cap = r->places_cap ? r->places_cap * 2 : 64;
        r->places = xrealloc(r->places, r->places_cap * sizeof *r->places);
    }
    r->places[r->n_places++] = (layout_place){index, page, start, end, row};
}

size_t layout_place_page(const layout_result *r, size_t index, size_t at, int row)
{
    size_t first = (size_t)-1, found = (size_t)-1;
    for (size_t i = 0; i < r->n_places; i++) {
        const layout_place *p = &r->places[i];
        if (p->block != index) continue;
        if (row >= 0) {
            if (p->row == row) return p->page;
            continue;
        }
        if (first == (size_t)-1) first = p->page;
        if (p->start <= at) found = p->page; /* lines come in order: the last one starting at or before */
    }
    return found != (size_t)-1 ? found : first;
}

void layout_result_free(layout_result *r)
{
    for (size_t i = 0; i < r->n_pages; i++) {
        layout_page *p = &r->pages[i];
        for (size_t k = 0; k < p->n_spans; k++) free(p->spans[k].text);
        free(p->spans);
        free(p->rules);
        free(p->shapes);
    }
    free(r->pages);
    for (size_t i = 0; i < r->n_headings; i++) free(r->headings[i].text);
    free(r->headings);
    for (size_t i = 0; i < r->n_elems; i++) free(r->elems[i].alt);
    free(r->elems);
    free(r->links);
    free(r->places);
    memset(r, 0, sizeof *r);
}
