/* tags.c — the structure tree of a tagged PDF (see tags.h), written
 * through libharu's object layer (hpdf_objects.h, hpdf_doc.h) since
 * libharu 2.3.0 has no API for it.
 *
 * An element's kids are its marked-content sequences in content order
 * (integer MCIDs with the element's /Pg when all are on one page, else
 * MCR dictionaries), its link annotation (OBJR), then its child elements
 * in reading order. Elements without any content below them are left
 * out. The role names are the standard ones (ISO 32000-1 14.8.4), so no
 * RoleMap is needed. */
#include "tags.h"

#include "objects.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdlib.h>
#include <string.h>

typedef struct mcr {
    size_t page;
    int mcid;
} mcr;

typedef struct elem_kids {
    mcr *mcrs;
    size_t n, cap;
    HPDF_Annotation annot;
    size_t annot_page;
    int annot_key; /* its /StructParent */
} elem_kids;

struct pdf_tags {
    const layout_result *r;
    elem_kids *kids;   /* per element (index elem - 1) */
    int **page_elems;  /* per page: the element of each MCID */
    size_t *page_n, *page_cap;
    int n_annots;
};

pdf_tags *pdf_tags_new(const layout_result *r)
{
    pdf_tags *t = xcalloc(1, sizeof *t);
    t->r = r;
    t->kids = xcalloc(r->n_elems + 1, sizeof *t->kids);
    t->page_elems = xcalloc(r->n_pages + 1, sizeof *t->page_elems);
    t->page_n = xcalloc(r->n_pages + 1, sizeof *t->page_n);
    t->page_cap = xcalloc(r->n_pages + 1, sizeof *t->page_cap);
    return t;
}

void pdf_tags_free(pdf_tags *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->r->n_elems; i++) free(t->kids[i].mcrs);
    for (size_t i = 0; i < t->r->n_pages; i++) free(t->page_elems[i]);
    free(t->kids);
    free(t->page_elems);
    free(t->page_n);
    free(t->page_cap);
    free(t);
}

static const char *role_name(layout_role role)
{
    switch (role) {
    case ROLE_P: return "P";
    case ROLE_H1: return "H1";
    case ROLE_H2: return "H2";
    case ROLE_H3: return "H3";
    case ROLE_H4: return "H4";
    case ROLE_TABLE: return "Table";
    case ROLE_TR: return "TR";
    case ROLE_TH: return "TH";
    case ROLE_TD: return "TD";
    case ROLE_FIGURE: return "Figure";
    case ROLE_TOC: return "TOC";
    case ROLE_TOCI: return "TOCI";
    case ROLE_LINK: return "Link";
    }
    return "Span";
}

void pdf_tags_open(pdf_tags *t, size_t page, int elem, buf *out)
{
    if (!t || elem <= 0 || (size_t)elem > t->r->n_elems || page >= t->r->n_pages) {
        buf_puts(out, "/Artifact BMC\n");
        return;
    }
    if (t->page_n[page] == t->page_cap[page]) {
        t->page_cap[page] = t->page_cap[page] ? t->page_cap[page] * 2 : 64;
        t->page_elems[page] = xrealloc(t->page_elems[page], t->page_cap[page] * sizeof **t->page_elems);
    }
    int mcid = (int)t->page_n[page];
    t->page_elems[page][t->page_n[page]++] = elem;
    elem_kids *k = &t->kids[elem - 1];
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 4;
        k->mcrs = xrealloc(k->mcrs, k->cap * sizeof *k->mcrs);
    }
    k->mcrs[k->n++] = (mcr){page, mcid};
    buf_putc(out, '/');
    buf_puts(out, role_name(t->r->elems[elem - 1].role));
    buf_puts(out, " <</MCID ");
    buf_put_uint(out, (uint64_t)mcid);
    buf_puts(out, ">> BDC\n");
}

void pdf_tags_close(buf *out)
{
    buf_puts(out, "EMC\n");
}

void pdf_tags_annot(pdf_tags *t, size_t page, int elem, HPDF_Annotation annot)
{
    if (elem <= 0 || (size_t)elem > t->r->n_elems || !annot) return;
    elem_kids *k = &t->kids[elem - 1];
    k->annot = annot;
    k->annot_page = page;
}

int pdf_tags_write(pdf_tags *t, HPDF_Doc pdf, const HPDF_Page *pages)
{
    const layout_result *r = t->r;
    size_t n = r->n_elems;
    HPDF_MMgr mm = pdf->mmgr;
    HPDF_STATUS st = HPDF_OK;
    /* which elements have content below them (children come after their parent) */
    bool *used = xcalloc(n + 1, sizeof *used);
    for (size_t i = n; i-- > 0;) {
        if (t->kids[i].n || t->kids[i].annot) used[i] = true;
        int p = r->elems[i].parent;
        if (used[i] && p > 0 && (size_t)p <= n) used[p - 1] = true;
    }
    bool *parent_of_used = xcalloc(n + 1, sizeof *parent_of_used);
    for (size_t i = 0; i < n; i++)
        if (used[i] && r->elems[i].parent > 0 && (size_t)r->elems[i].parent <= n) parent_of_used[r->elems[i].parent - 1] = true;
    HPDF_Dict root = HPDF_Dict_New(mm), docel = HPDF_Dict_New(mm);
    HPDF_Array doc_kids = HPDF_Array_New(mm);
    if (!root || HPDF_Xref_Add(pdf->xref, root) != HPDF_OK || !docel || HPDF_Xref_Add(pdf->xref, docel) != HPDF_OK ||
        !doc_kids) {
        free(used);
        free(parent_of_used);
        return 3;
    }
    HPDF_Dict *d = xcalloc(n + 1, sizeof *d);
    for (size_t i = 0; i < n && st == HPDF_OK; i++) {
        if (!used[i]) continue;
        d[i] = HPDF_Dict_New(mm);
        if (!d[i] || HPDF_Xref_Add(pdf->xref, d[i]) != HPDF_OK) st = 1;
    }
    HPDF_Array *child = xcalloc(n + 1, sizeof *child); /* child element arrays, made on demand */
    int next_key = (int)r->n_pages;
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    for (size_t i = 0; i < n && st == HPDF_OK; i++) {
        if (!used[i]) continue;
        const layout_elem *e = &r->elems[i];
        const elem_kids *k = &t->kids[i];
        HPDF_Dict el = d[i];
        int p = e->parent;
        HPDF_Dict parent = p > 0 && (size_t)p <= n && used[p - 1] ? d[p - 1] : docel;
        st |= HPDF_Dict_AddName(el, "S", role_name(e->role));
        st |= HPDF_Dict_Add(el, "P", parent);
        HPDF_Array *siblings = parent == docel ? &doc_kids : &child[p - 1];
        if (!*siblings) *siblings = HPDF_Array_New(mm);
        st |= *siblings ? HPDF_Array_Add(*siblings, el) : 1;
        if (e->alt && utf8) st |= HPDF_Dict_Add(el, "Alt", HPDF_String_New(mm, e->alt, utf8));
        if ((e->role == ROLE_TH || e->role == ROLE_TD) && (e->row_span > 1 || e->col_span > 1)) {
            HPDF_Dict a = HPDF_Dict_New(mm); /* table attributes */
            st |= a ? HPDF_Dict_AddName(a, "O", "Table") : 1;
            if (a && e->row_span > 1) st |= HPDF_Dict_AddNumber(a, "RowSpan", e->row_span);
            if (a && e->col_span > 1) st |= HPDF_Dict_AddNumber(a, "ColSpan", e->col_span);
            st |= a ? HPDF_Dict_Add(el, "A", a) : 1;
        }
        /* the marked content: on one page, /Pg and integers */
        bool one_page = true;
        for (size_t m = 1; m < k->n; m++) one_page = one_page && k->mcrs[m].page == k->mcrs[0].page;
        if (k->n && one_page) st |= HPDF_Dict_Add(el, "Pg", pages[k->mcrs[0].page]);
        bool has_children = parent_of_used[i];
        if (k->n == 1 && one_page && !k->annot && !has_children) {
            st |= HPDF_Dict_AddNumber(el, "K", k->mcrs[0].mcid);
            continue;
        }
        HPDF_Array kids = HPDF_Array_New(mm);
        st |= kids ? HPDF_Dict_Add(el, "K", kids) : 1;
        for (size_t m = 0; m < k->n && kids; m++) {
            if (one_page) {
                st |= HPDF_Array_AddNumber(kids, k->mcrs[m].mcid);
                continue;
            }
            HPDF_Dict ref = HPDF_Dict_New(mm);
            st |= ref ? HPDF_Dict_AddName(ref, "Type", "MCR") : 1;
            st |= ref ? HPDF_Dict_Add(ref, "Pg", pages[k->mcrs[m].page]) : 1;
            st |= ref ? HPDF_Dict_AddNumber(ref, "MCID", k->mcrs[m].mcid) : 1;
            st |= ref ? HPDF_Array_Add(kids, ref) : 1;
        }
        if (k->annot && kids) {
            HPDF_Dict obj = HPDF_Dict_New(mm);
            st |= obj ? HPDF_Dict_AddName(obj, "Type", "OBJR") : 1;
            st |= obj ? HPDF_Dict_Add(obj, "Obj", k->annot) : 1;
            st |= obj ? HPDF_Dict_Add(obj, "Pg", pages[k->annot_page]) : 1;
            st |= obj ? HPDF_Array_Add(kids, obj) : 1;
            st |= HPDF_Dict_AddNumber(k->annot, "StructParent", next_key);
            t->kids[i].annot_key = next_key++;
        }
        if (has_children) { /* the child elements go here, in order */
            child[i] = kids;
        }
    }
    /* the ParentTree: each page's MCIDs → their elements; each annotation → its element */
    HPDF_Dict tree = HPDF_Dict_New(mm);
    HPDF_Array nums = HPDF_Array_New(mm);
    st |= tree && nums ? HPDF_Dict_Add(tree, "Nums", nums) : 1;
    for (size_t pg = 0; pg < r->n_pages && st == HPDF_OK; pg++) {
        st |= HPDF_Dict_AddNumber(pages[pg], "StructParents", (HPDF_INT32)pg);
        HPDF_Array a = HPDF_Array_New(mm);
        st |= a ? HPDF_Array_AddNumber(nums, (HPDF_INT32)pg) : 1;
        st |= a ? HPDF_Array_Add(nums, a) : 1;
        for (size_t m = 0; m < t->page_n[pg] && a; m++) {
            int e = t->page_elems[pg][m];
            st |= d[e - 1] ? HPDF_Array_Add(a, d[e - 1]) : 1;
        }
    }
    for (size_t i = 0; i < n && st == HPDF_OK; i++) {
        if (!used[i] || !t->kids[i].annot) continue;
        st |= HPDF_Array_AddNumber(nums, t->kids[i].annot_key);
        st |= HPDF_Array_Add(nums, d[i]);
    }
    st |= HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
    st |= HPDF_Dict_Add(root, "K", docel);
    st |= HPDF_Dict_Add(root, "ParentTree", tree);
    st |= HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key);
    st |= HPDF_Dict_AddName(docel, "S", "Document");
    st |= HPDF_Dict_Add(docel, "P", root);
    st |= HPDF_Dict_Add(docel, "K", doc_kids);
    HPDF_Dict mark = HPDF_Dict_New(mm);
    st |= mark ? HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE) : 1;
    st |= mark ? HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark) : 1;
    st |= HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
    st |= HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(mm, "zh-CN", NULL));
    free(used);
    free(parent_of_used);
    free(d);
    free(child);
    return st == HPDF_OK ? 0 : 3;
}
