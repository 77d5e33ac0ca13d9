/* doc.c — parse the block markup that templates emit (see doc.h). */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

static block *doc_push(doc *d, block_type type, srcpos pos)
{
    if (d->count == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        d->blocks = xrealloc(d->blocks, d->cap * sizeof *d->blocks);
    }
    block *b = &d->blocks[d->count++];
    memset(b, 0, sizeof *b);
    b->type = type;
    b->pos = pos;
    return b;
}

/* Trim ASCII blanks (and a trailing CR) from both ends of [s, s+n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\t')) s++, (*n)--;
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r')) (*n)--;
    return s;
}

static bool starts(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    return n >= w && memcmp(s, word, w) == 0;
}

/* A directive's argument: the text after the word, trimmed; NULL if none. */
static char *directive_arg(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    const char *a = s + w;
    size_t an = n - w;
    a = trim(a, &an);
    return an ? xstrndup(a, an) : NULL;
}

static void cover_add(block *b, cover_line_kind kind, const char *text, size_t n)
{
    b->lines = xrealloc(b->lines, (b->n_lines + 1) * sizeof *b->lines);
    b->lines[b->n_lines].kind = kind;
    b->lines[b->n_lines].text = xstrndup(text, n);
    b->n_lines++;
}

int doc_parse(const char *markup, const char *origin, doc *out, diag_list *diags)
{
    size_t errors_before = diag_error_count(diags);
    buf para = {0};
    srcpos para_pos = {origin, 0, 1};
    block *cover = NULL; /* open cover block, collecting lines */
    bool noindent_next = false, right_next = false, center_next = false, above_next = false;
    int deeper = 0; /* @headings N: the headings that follow are N levels deeper */
    int lineno = 0;
    const char *p = markup;

    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        bool at_end = !nl && n == 0;
        lineno++;
        size_t tn = n;
        const char *t = trim(p, &tn);
        srcpos pos = {origin, lineno, 1};

        bool blank = tn == 0;
        bool special = !blank && (t[0] == '#' || t[0] == '@');
        /* a paragraph ends at a blank line, a heading or a directive */
        if ((blank || special || at_end) && para.len) {
            block *b = doc_push(out, BLOCK_PARAGRAPH, para_pos);
            b->text = buf_detach(&para);
            b->noindent = noindent_next;
            b->right = right_next;
            b->center = center_next;
            b->above = above_next;
            b->noindent = b->noindent || above_next;
            noindent_next = right_next = center_next = above_next = false;
        }
        if (blank) cover = NULL;
        if (at_end) break;

        if (blank) {
            /* nothing */
        } else if (cover) {
            size_t kn;
            const char *kt;
            cover_line_kind kind = 0;
            size_t skip = 0;
            if (starts(t, tn, "title:")) kind = COVER_TITLE, skip = 6;
            else if (starts(t, tn, "sub:")) kind = COVER_SUB, skip = 4;
            else if (starts(t, tn, "date:")) kind = COVER_DATE, skip = 5;
            if (!kind) {
                diag_error(diags, pos, "封面行应以 title:、sub: 或 date: 开头，实为“%.*s”", (int)tn, t);
            } else {
                kn = tn - skip;
                kt = trim(t + skip, &kn);
                cover_add(cover, kind, kt, kn);
            }
        } else if (t[0] == '#') {
            int level = 0;
            while (level < (int)tn && t[level] == '#') level++;
            size_t hn = tn - (size_t)level;
            const char *h = trim(t + level, &hn);
            if (level > 4 || (level < (int)tn && t[level] != ' ' && t[level] != '\t')) {
                diag_error(diags, pos, "标题标记应为 1 至 4 个 # 加空格，实为“%.*s”", (int)tn, t);
            } else if (hn == 0) {
                diag_error(diags, pos, "标题没有文字");
            } else {
                block *b = doc_push(out, BLOCK_HEADING, pos);
                b->level = level + deeper > 4 ? 4 : level + deeper;
                b->text = xstrndup(h, hn);
            }
        } else if (t[0] == '@') {
            if (starts(t, tn, "@cover") && tn == 6) {
                cover = doc_push(out, BLOCK_COVER, pos);
            } else if (starts(t, tn, "@toc") && tn == 4) {
                doc_push(out, BLOCK_TOC, pos);
            } else if (starts(t, tn, "@pagebreak") && tn == 10) {
                doc_push(out, BLOCK_PAGEBREAK, pos);
            } else if (starts(t, tn, "@noindent") && tn == 9) {
                noindent_next = true;
            } else if (starts(t, tn, "@right") && tn == 6) {
                right_next = true;
            } else if (starts(t, tn, "@center") && tn == 7) {
                center_next = true;
            } else if (starts(t, tn, "@above") && tn == 6) {
                above_next = true;
            } else if (starts(t, tn, "@headings ") && tn == 11 && t[10] >= '0' && t[10] <= '3') {
                deeper = t[10] - '0';
            } else if (starts(t, tn, "@table ") || starts(t, tn, "@chart ") || starts(t, tn, "@grid ")) {
                const char *name = t[1] == 't' ? "@table" : t[1] == 'c' ? "@chart" : "@grid";
                char *arg = directive_arg(t, tn, name);
                if (!arg) {
                    diag_error(diags, pos, "%s 缺少名称", name);
                } else {
                    block *b = doc_push(out, t[1] == 'c' ? BLOCK_CHART : BLOCK_TABLE, pos);
                    b->arg = arg;
                    b->from_facts = t[1] == 'g';
                }
            } else {
                diag_error(diags, pos, "未知的指令“%.*s”（可用：@cover @toc @table @chart @grid @pagebreak @noindent @right @center @above @headings）",
                           (int)tn, t);
            }
        } else {
            if (t[0] == '\\' && tn > 1 && (t[1] == '#' || t[1] == '@')) t++, tn--;
            if (!para.len) para_pos = pos;
            buf_append(&para, t, tn);
        }
        if (!nl) {
            /* last line without newline: flush on the next iteration */
            p += n;
            continue;
        }
        p = nl + 1;
    }
    buf_free(&para);
    return diag_error_count(diags) > errors_before ? -1 : 0;
}

void doc_free(doc *d)
{
    for (size_t i = 0; i < d->count; i++) {
        block *b = &d->blocks[i];
        free(b->text);
        free(b->arg);
        for (size_t k = 0; k < b->n_lines; k++) free(b->lines[k].text);
        free(b->lines);
        table_grid_free(b->grid);
        chart_data_free(b->chart);
    }
    free(d->blocks);
    d->blocks = NULL;
    d->count = d->cap = 0;
}
