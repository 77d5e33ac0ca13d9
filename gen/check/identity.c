/* identity.c — the same quantity in two places (templates/checks/
 * identities.yaml, loaded with the specs): each identity's `a` must equal its
 * `b` to the last digit, or, when `b` lists parts that were rounded
 * separately, their sum within the 尾差 bound (report.c). A difference is
 * an error naming both places — file:line:col and value of each — without
 * saying which one is right. Rows are matched by code, never by catalog
 * membership. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* One place of an identity, evaluated for one row. What only a message
 * needs (pos, desc, computed) is filled by place_resolve, when there is
 * one to write: most rows agree. */
typedef struct place {
    bool ok;          /* the table is loaded and has the column */
    bool present;     /* a non-blank cell or a unit.yaml amount */
    bool no_row;      /* a fixed table has no row for this 类 */
    money_t v;        /* 0 when blank or absent */
    srcpos pos;
    char *desc;       /* “…”行“…”列, with the table label */
    const char *file; /* the file, also when the row is absent */
    bool computed;    /* a subtotal juesuan added */
    /* where the value came from, for place_resolve */
    const identity_term *term;
    const table *tb;
    const char *key; /* the row key asked for (NULL: the term's own) */
    int col;
    bool class_row;  /* the fixed table's row is "exp_" + key */
} place;

static bool is_class_key(const char *k)
{
    return strncmp(k, "exp_", 4) == 0 && strlen(k) == 7 && k[4] >= '0' && k[4] <= '9';
}

static void place_free(place *p)
{
    free(p->desc);
    memset(p, 0, sizeof *p);
}

/* Evaluate `t` at row `key` (NULL: the term names its row). */
static void place_get(const cctx *c, const identity *e, const identity_term *t, const char *key, place *p)
{
    memset(p, 0, sizeof *p);
    p->term = t;
    p->key = key;
    if (t->yaml) {
        p->ok = true;
        p->present = ymoney(c, t->yaml, &p->v);
        p->file = c->u->yaml_path;
        return;
    }
    const table *tb = unit_table(c->u, t->table);
    int col = tcol(tb, t->column, t->side);
    if (!tb || col < 0 || (tb->n_rows == 0 && tb->spec->kind == TABLE_FIXED)) return;
    p->ok = true;
    p->file = tb->path;
    p->tb = tb;
    p->col = col;
    char fixed_key[32];
    const char *k = t->row ? t->row : key;
    if (!t->row && e->rows == IDENTITY_ROWS_CLASSES && tb->spec->kind == TABLE_FIXED) {
        snprintf(fixed_key, sizeof fixed_key, "exp_%s", key);
        k = fixed_key;
        p->no_row = table_spec_row(tb->spec, k) < 0;
        p->class_row = true;
    }
    const cell *x = tcell(tb, k, col);
    p->present = x && x->present;
    p->v = p->present ? x->amount : 0;
}

/* Fill in what a message about `p` says: its position, whether juesuan
 * computed its row, its description. */
static void place_resolve(const cctx *c, place *p)
{
    const identity_term *t = p->term;
    if (!p->ok || p->desc) return;
    if (t->yaml) {
        p->pos = unit_pos(c->u, t->yaml);
        buf b = {0};
        buf_printf(&b, "unit.yaml %s ", t->yaml);
        p->desc = buf_detach(&b);
        return;
    }
    const table *tb = p->tb;
    char fixed_key[32];
    const char *k = t->row ? t->row : p->key;
    if (p->class_row) {
        snprintf(fixed_key, sizeof fixed_key, "exp_%s", p->key);
        k = fixed_key;
    }
    p->pos = tpos(tb, k, p->col);
    const table_row *r = table_find_row(tb, k);
    p->computed = r && r->computed;
    if (p->no_row) {
        buf b = {0};
        buf_printf(&b, "%s“%s”类", tb->spec->label, p->key);
        p->desc = buf_detach(&b);
    } else {
        p->desc = tdesc_str(c, tb, k, p->col, true);
    }
}

/* "（path:line:col）", or what stands for it when the cell has no line. */
static void place_where(buf *b, const place *p)
{
    if (p->pos.line > 0) buf_printf(b, "（%s:%d:%d）", p->pos.file, p->pos.line, p->pos.col);
    else if (p->computed) buf_printf(b, "（%s，由其下各行合计）", p->file);
    else if (p->file) buf_printf(b, "（%s，无此行）", p->file);
}

/* "desc为 v（where）" */
static void place_text(const cctx *c, buf *b, const place *p)
{
    char v[48];
    buf_printf(b, "%s为 %s", p->desc, check_money(c, p->v, v));
    place_where(b, p);
}

/* Where to report: the first place with a line, else the first place. */
static srcpos report_pos(const place *a, const place *parts, size_t n)
{
    if (a->pos.line > 0) return a->pos;
    for (size_t i = 0; i < n; i++)
        if (parts[i].pos.line > 0) return parts[i].pos;
    return a->pos.file ? a->pos : (srcpos){a->file, 0, 0};
}

static void report(cctx *c, const identity *e, srcpos pos, diag_severity sev, const buf *m)
{
    diag_add(c->d, sev, e->id, pos, "%s", buf_cstr(m));
    if (sev == DIAG_ERROR) c->errors++;
}

/* One row of an identity: a at key_a against the parts at key_b. */
static void eval_row(cctx *c, const identity *e, const char *key_a, const char *key_b)
{
    place a, *parts = xcalloc(e->n_b, sizeof *parts);
    place_get(c, e, &e->a, key_a, &a);
    bool ok = a.ok, any_yaml_part = false, any_yaml_present = false;
    for (size_t i = 0; i < e->n_b; i++) {
        place_get(c, e, &e->b[i], key_b, &parts[i]);
        ok = ok && parts[i].ok;
        if (e->b[i].yaml) any_yaml_part = true, any_yaml_present |= parts[i].present;
    }
    /* unit.yaml amounts that are not given are not compared */
    if ((e->a.yaml && !a.present) || (any_yaml_part && !any_yaml_present)) ok = false;
    if (!ok) goto done;

    sum s = {0};
    size_t nonzero = 0, last = 0;
    for (size_t i = 0; i < e->n_b; i++) {
        sum_add(&s, parts[i].v, parts[i].present, NULL);
        if (parts[i].v) nonzero++, last = i;
    }
    bool equal = !s.overflow && s.value == a.v;
    /* a 类 with an amount where a fixed table has no row for it */
    const place *norow = a.no_row ? &a : NULL;
    for (size_t i = 0; i < e->n_b && !norow; i++)
        if (parts[i].no_row) norow = &parts[i];
    if ((norow && (a.v || s.value)) || !equal) { /* a message: where and what each place is */
        place_resolve(c, &a);
        for (size_t i = 0; i < e->n_b; i++) place_resolve(c, &parts[i]);
    }
    if (norow && (a.v || s.value)) {
        const place *other = norow == &a ? &parts[last] : &a;
        buf m = {0};
        place_text(c, &m, other);
        buf_printf(&m, "，但%s没有这一类支出的行，这一数字在两处不能一致", norow->desc);
        report(c, e, other->pos.line ? other->pos : (srcpos){other->file, 0, 0}, DIAG_ERROR, &m);
        buf_free(&m);
    } else if (!equal) {
        buf m = {0};
        char z[48];
        if (s.overflow) {
            place_text(c, &m, &a);
            buf_puts(&m, "，而与之相同的各项之和超出了可以表示的范围");
            report(c, e, report_pos(&a, parts, e->n_b), DIAG_ERROR, &m);
        } else if (nonzero <= 1) {
            /* the same figure in two places */
            const place *b = &parts[nonzero ? last : 0];
            place_text(c, &m, &a);
            buf_puts(&m, "，");
            place_text(c, &m, b);
            buf_printf(&m, "，相差 %s；两处是同一个数字，应当一致", check_diff(c, a.v, s.value, z));
            report(c, e, report_pos(&a, parts, e->n_b), DIAG_ERROR, &m);
        } else {
            /* a figure and the parts it is the sum of */
            buf p = {0};
            for (size_t i = 0, k = 0; i < e->n_b; i++) {
                if (!parts[i].v) continue;
                if (k++) buf_puts(&p, "、");
                place_text(c, &p, &parts[i]);
            }
            place_text(c, &m, &a);
            char x[48];
            buf_printf(&m, "，与之相同的%s之和为 %s，相差 %s", buf_cstr(&p), check_money(c, s.value, x),
                       check_diff(c, a.v, s.value, z));
            if (check_tail(c, a.v, &s)) {
                buf w = {0};
                buf_printf(&w, "尾差：%s", buf_cstr(&m));
                check_tail_text(c, &w, a.v, &s);
                report(c, e, report_pos(&a, parts, e->n_b), DIAG_WARNING, &w);
                buf_free(&w);
            } else {
                report(c, e, report_pos(&a, parts, e->n_b), DIAG_ERROR, &m);
            }
            buf_free(&p);
        }
        buf_free(&m);
    }
    sum_free(&s);
done:
    place_free(&a);
    for (size_t i = 0; i < e->n_b; i++) place_free(&parts[i]);
    free(parts);
}

/* True when every when_zero cell is blank or 0. */
static bool applies(const cctx *c, const identity *e)
{
    for (size_t i = 0; i < e->n_zero; i++) {
        place p;
        place_get(c, e, &e->zero[i], NULL, &p);
        bool zero = p.v == 0;
        place_free(&p);
        if (!zero) return false;
    }
    return true;
}

static int key_cmp(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The row keys of an EVERY or CLASSES identity: the union over its subject
 * tables (and, for CLASSES, the 类 rows of its fixed tables), sorted,
 * without repeats. The strings are borrowed. */
static const char **row_keys(const cctx *c, const identity *e, size_t *n)
{
    size_t cap = 16, count = 0;
    const char **keys = xmalloc(cap * sizeof *keys);
    for (size_t i = 0; i <= e->n_b; i++) {
        const identity_term *t = i == 0 ? &e->a : &e->b[i - 1];
        const table *tb = t->table && !t->row ? unit_table(c->u, t->table) : NULL;
        if (!tb) continue;
        bool fixed = tb->spec->kind == TABLE_FIXED;
        size_t rows = fixed ? tb->spec->n_rows : tb->n_rows;
        for (size_t r = 0; r < rows; r++) {
            const char *k = fixed ? tb->spec->rows[r].key : tb->rows[r].key;
            if (e->rows == IDENTITY_ROWS_CLASSES) {
                if (fixed && !is_class_key(k)) continue;
                if (fixed) k += 4;
                else if (strlen(k) != 3 || strcmp(k, "total") == 0) continue;
            } else if (fixed) {
                continue;
            }
            if (count == cap) keys = xrealloc(keys, (cap *= 2) * sizeof *keys);
            keys[count++] = k;
        }
    }
    qsort(keys, count, sizeof *keys, key_cmp);
    size_t out = 0;
    for (size_t i = 0; i < count; i++)
        if (!out || strcmp(keys[out - 1], keys[i]) != 0) keys[out++] = keys[i];
    *n = out;
    return keys;
}

void check_identities(cctx *c)
{
    for (size_t i = 0; i < c->specs->n_identities; i++) {
        const identity *e = &c->specs->identities[i];
        if (!applies(c, e)) continue;
        switch (e->rows) {
        case IDENTITY_ROWS_GIVEN:
            eval_row(c, e, NULL, NULL);
            break;
        case IDENTITY_ROWS_LIST:
            for (size_t r = 0; r < e->n_rows; r++) eval_row(c, e, e->row_a[r], e->row_b[r]);
            break;
        case IDENTITY_ROWS_EVERY:
        case IDENTITY_ROWS_CLASSES: {
            size_t n;
            const char **keys = row_keys(c, e, &n);
            for (size_t r = 0; r < n; r++) eval_row(c, e, keys[r], keys[r]);
            free(keys);
            break;
        }
        }
    }
}

void check_identities_print(FILE *out, const spec_set *specs)
{
    fputs("| ID | 恒等式（两处必须分毫不差） | 条件 |\n|---|---|---|\n", out);
    for (size_t i = 0; i < specs->n_identities; i++) {
        const identity *e = &specs->identities[i];
        fprintf(out, "| %s | %s | %s |\n", e->id, e->what, e->when ? e->when : "总是");
    }
}
