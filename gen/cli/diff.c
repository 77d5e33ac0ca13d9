/* diff.c — juesuan diff OLD_UNIT_DIR NEW_UNIT_DIR [--report DIR] [--date YYYY-MM-DD]:
 * both folders through the one pipeline, compared stage by stage, listed in
 * Chinese; with --report, the 更正说明 as well (diff_report.c). */
#include "diff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char DIFF_USAGE[] =
    "用法：juesuan diff OLD_UNIT_DIR NEW_UNIT_DIR [--report DIR] [--date YYYY-MM-DD] [--json]\n"
    "  列出两个单位文件夹之间改动的输入（数字和文字，各在两边的 文件:行:列），\n"
    "  以及它们在文档中影响到的每一处：正文句子（旧、新 PDF 的页码）、图表数值、PDF 表格单元格、工作簿单元格。\n"
    "  --report DIR        另写更正说明（PDF 和 Markdown）到 DIR\n"
    "  --date YYYY-MM-DD   更正说明的公开时间（默认：新文件夹 unit.yaml 的 unit.published）\n"
    "  --json              以 JSON 输出同样的内容（供程序读取）\n"
    "退出码：0 比较完成（不论有无差别），1 任一文件夹输入有误，2 用法有误，3 内部错误，4 环境错误。\n";

/* Read, check, render and lay out one folder; returns an exit status. */
static int side_load(diff_side *s, const char *dir, diag_list *d)
{
    int rc = unit_prepare(&s->p, dir, &s->b, true, true, NULL, d);
    if (rc != EXIT_OK) return rc;
    s->layouts = xcalloc(s->b.n_docs ? s->b.n_docs : 1, sizeof *s->layouts);
    for (size_t i = 0; i < s->b.n_docs; i++)
        if (layout_document(&s->b.docs[i].blocks, s->p.layout, &s->layouts[i], d) != 0) rc = EXIT_BAD_INPUT;
    return rc;
}

static void side_free(diff_side *s)
{
    for (size_t i = 0; s->layouts && i < s->b.n_docs; i++) layout_result_free(&s->layouts[i]);
    free(s->layouts);
    unit_build_free(&s->b);
    project_free(&s->p);
}

static void print_pos(FILE *out, const char *label, srcpos p)
{
    if (!p.file) return;
    fprintf(out, "%s %s", label, p.file);
    if (p.line > 0) fprintf(out, ":%d", p.line);
    if (p.line > 0 && p.col > 0) fprintf(out, ":%d", p.col);
}

/* "     位置：旧 a.csv:12:5；新 b.csv:12:5" */
static void print_positions(FILE *out, const input_change *c)
{
    fputs("     位置：", out);
    print_pos(out, "旧", c->old_text ? c->old_pos : SRCPOS_NONE);
    if (c->old_text && c->old_pos.file && c->new_text && c->new_pos.file) fputs("；", out);
    print_pos(out, "新", c->new_text ? c->new_pos : SRCPOS_NONE);
    fputc('\n', out);
}

/* Whether the two amounts (input text) print the same at 0.01 万元. */
static bool same_printed(const input_change *c, money_unit ou, money_unit nu)
{
    money_t a, b;
    if (!c->figure || !c->old_text || !c->new_text) return false;
    if (money_parse(c->old_text, ou, &a) != MONEY_OK || money_parse(c->new_text, nu, &b) != MONEY_OK) return false;
    return money_round_wan(a) == money_round_wan(b);
}

static void print_inputs(FILE *out, const diff_result *r, const diff_side *o, const diff_side *n)
{
    size_t figures = 0;
    for (size_t i = 0; i < r->n_inputs; i++) figures += r->inputs[i].figure;
    fprintf(out, "输入的更改：%zu 处（数字 %zu 处，文字 %zu 处）\n", r->n_inputs, figures, r->n_inputs - figures);
    for (size_t i = 0; i < r->n_inputs; i++) {
        const input_change *c = &r->inputs[i];
        const char *kind = c->figure ? "数字" : "文字";
        if (c->figure || (c->old_text && c->new_text && strlen(c->old_text) + strlen(c->new_text) < 60))
            fprintf(out, "  %zu. %s %s：%s → %s", i + 1, kind, c->what, c->old_text ? c->old_text : "（无）",
                    c->new_text ? c->new_text : "（无）");
        else
            fprintf(out, "  %zu. %s %s：\n     旧：%s\n     新：%s", i + 1, kind, c->what,
                    c->old_text ? c->old_text : "（无）", c->new_text ? c->new_text : "（无）");
        if (same_printed(c, o->b.u.money_unit, n->b.u.money_unit)) fputs("（低于印出精度 0.01 万元）", out);
        fputc('\n', out);
        print_positions(out, c);
    }
}

static void print_page(FILE *out, int page)
{
    if (page > 0) fprintf(out, "第%d页", page);
    else fputs("封面", out);
}

static void print_text_change(FILE *out, const doc_change *c, size_t number)
{
    fprintf(out, "    %zu.", number);
    for (size_t i = 0; i < c->n_old; i++) {
        fprintf(out, "%s旧 ", i ? "       " : " ");
        print_page(out, c->olds[i].page);
        fprintf(out, "：%s\n", c->olds[i].text);
    }
    if (!c->n_old) fputs(" 旧 （无）\n", out);
    for (size_t i = 0; i < c->n_new; i++) {
        fputs("       新 ", out);
        print_page(out, c->news[i].page);
        fprintf(out, "：%s\n", c->news[i].text);
    }
    if (!c->n_new) fputs("       新 （删去）\n", out);
}

/* "1,019.89 → 1,029.89（旧第20页，新第20页）" */
static void print_value_change(FILE *out, const doc_change *c)
{
    fprintf(out, "%s → %s（", c->n_old ? c->olds[0].text : "（无）", c->n_new ? c->news[0].text : "（无）");
    if (c->n_old) fputs("旧", out), print_page(out, c->olds[0].page);
    if (c->n_old && c->n_new) fputs("，", out);
    if (c->n_new) fputs("新", out), print_page(out, c->news[0].page);
    fputs("）\n", out);
}

/* The workbook cell of a change (the new one, else the old one), NULL when
 * none; `*old_cell` (when not NULL) gets the old one. */
static const char *change_cell(const doc_change *c, const char **old_cell)
{
    const char *oc = c->n_old ? c->olds[0].cell : NULL, *nc = c->n_new ? c->news[0].cell : NULL;
    if (old_cell) *old_cell = oc;
    return nc ? nc : oc;
}

static void print_docs(FILE *out, const diff_result *r)
{
    fprintf(out, "文档中受影响的位置：%zu 处\n", diff_places(r));
    for (size_t i = 0; i < r->n_docs; i++) {
        const doc_diff *dd = &r->docs[i];
        if (!dd->old_title) {
            fprintf(out, "《%s》（%s）：新文件夹才有这份文档\n", dd->new_title, dd->kind);
            continue;
        }
        if (!dd->new_title) {
            fprintf(out, "《%s》（%s）：新文件夹不再有这份文档\n", dd->old_title, dd->kind);
            continue;
        }
        fprintf(out, "《%s》（%s）", dd->new_title, dd->kind);
        if (strcmp(dd->old_title, dd->new_title) != 0) fprintf(out, "（原《%s》）", dd->old_title);
        if (!dd->n_changes) {
            fputs("：没有变化\n", out);
            continue;
        }
        fputs("\n", out);
        static const char *const heads[] = {NULL, "正文（句子；旧、新 PDF 的页码）", "图表数值", "PDF 表格单元格"};
        for (int kind = PLACE_TEXT; kind <= PLACE_CELL; kind++) {
            size_t count = 0, number = 0;
            for (size_t k = 0; k < dd->n_changes; k++) count += dd->changes[k].kind == (place_kind)kind;
            if (!count) continue;
            fprintf(out, "  %s：%zu 处\n", heads[kind], count);
            for (size_t k = 0; k < dd->n_changes; k++) {
                const doc_change *c = &dd->changes[k];
                if (c->kind != (place_kind)kind) continue;
                if (kind == PLACE_TEXT) {
                    print_text_change(out, c, ++number);
                } else {
                    fprintf(out, "    %zu. %s：", ++number, c->where);
                    print_value_change(out, c);
                }
            }
        }
        size_t cells = 0;
        for (size_t k = 0; k < dd->n_changes; k++) cells += change_cell(&dd->changes[k], NULL) != NULL;
        if (!cells) continue;
        fprintf(out, "  工作簿单元格：%zu 处\n", cells);
        size_t number = 0;
        for (size_t k = 0; k < dd->n_changes; k++) {
            const doc_change *c = &dd->changes[k];
            const char *oc = NULL, *nc = change_cell(c, &oc);
            if (!nc) continue;
            fprintf(out, "    %zu. %s", ++number, nc);
            if (oc && strcmp(oc, nc) != 0) fprintf(out, "（原 %s）", oc);
            if (c->kind == PLACE_CHART) fprintf(out, "（%s）", c->where);
            fprintf(out, "：%s → %s\n", c->n_old ? c->olds[0].text : "（无）", c->n_new ? c->news[0].text : "（无）");
        }
    }
}

/* "file:line:col" (what the listing prints), or null. */
static value *pos_value(srcpos p)
{
    if (!p.file) return value_new_null();
    buf b = {0};
    buf_puts(&b, p.file);
    if (p.line > 0) buf_printf(&b, ":%d", p.line);
    if (p.line > 0 && p.col > 0) buf_printf(&b, ":%d", p.col);
    value *v = value_new_string(buf_cstr(&b));
    buf_free(&b);
    return v;
}

static value *text_value(const char *t)
{
    return t ? value_new_string(t) : value_new_null();
}

static value *printed_list(const printed *p, size_t n)
{
    value *list = value_new_list();
    for (size_t i = 0; i < n; i++) {
        value *m = value_append(list, value_new_map());
        value_set_string(m, "text", p[i].text);
        value_set_int(m, "page", p[i].page);
        value_set(m, "cell", text_value(p[i].cell));
    }
    return list;
}

/* The listing as JSON (--json): the same content, for programs. */
static void print_json(FILE *out, const diff_result *r, const diff_side *o, const diff_side *n)
{
    static const char *const kinds[] = {NULL, "text", "chart", "cell"};
    value *root = value_new_map();
    value_set_string(root, "old", r->old_dir);
    value_set_string(root, "new", r->new_dir);
    size_t places = diff_places(r);
    value_set_bool(root, "changed", r->n_inputs > 0 || places > 0);
    value_set_bool(root, "moves_printed", places > 0);
    value *inputs = value_set(root, "inputs", value_new_list());
    for (size_t i = 0; i < r->n_inputs; i++) {
        const input_change *c = &r->inputs[i];
        value *m = value_append(inputs, value_new_map());
        value_set_string(m, "kind", c->figure ? "figure" : "text");
        value_set_string(m, "what", c->what);
        value_set(m, "old", text_value(c->old_text));
        value_set(m, "new", text_value(c->new_text));
        value_set(m, "old_pos", pos_value(c->old_text ? c->old_pos : SRCPOS_NONE));
        value_set(m, "new_pos", pos_value(c->new_text ? c->new_pos : SRCPOS_NONE));
        value_set_bool(m, "below_precision", same_printed(c, o->b.u.money_unit, n->b.u.money_unit));
    }
    value *docs = value_set(root, "documents", value_new_list());
    for (size_t i = 0; i < r->n_docs; i++) {
        const doc_diff *dd = &r->docs[i];
        value *m = value_append(docs, value_new_map());
        value_set_string(m, "kind", dd->kind);
        value_set(m, "old_title", text_value(dd->old_title));
        value_set(m, "new_title", text_value(dd->new_title));
        value *changes = value_set(m, "changes", value_new_list());
        for (size_t k = 0; k < dd->n_changes; k++) {
            const doc_change *c = &dd->changes[k];
            value *cm = value_append(changes, value_new_map());
            value_set_string(cm, "kind", kinds[c->kind]);
            value_set(cm, "where", text_value(c->where));
            value_set(cm, "old", printed_list(c->olds, c->n_old));
            value_set(cm, "new", printed_list(c->news, c->n_new));
        }
    }
    buf json = {0};
    value_write_json(root, &json);
    fputs(buf_cstr(&json), out);
    buf_free(&json);
    value_free(root);
}

/* The listing in Chinese after its first line. */
static void print_listing(FILE *out, const diff_result *r, const diff_side *o, const diff_side *n, size_t places)
{
    if (r->n_inputs == 0 && places == 0) {
        fputs("两个文件夹的输入和文档都相同：没有任何更改。\n", out);
        return;
    }
    print_inputs(out, r, o, n);
    print_docs(out, r);
    if (places == 0) fputs("以上更改没有改变任何印出的数字或文字（例如低于印出精度 0.01 万元）。\n", out);
}

static bool parse_date(const char *s, int *y, int *m, int *d)
{
    char tail;
    if (sscanf(s, "%4d-%2d-%2d%c", y, m, d, &tail) != 3 || strlen(s) != 10) return false;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return *y >= 1900 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= days[*m - 1] &&
           !(*m == 2 && *d == 29 && !((*y % 4 == 0 && *y % 100 != 0) || *y % 400 == 0));
}

int cmd_diff(int argc, char **argv)
{
    const char *dirs[2] = {NULL, NULL}, *report = NULL, *date = NULL;
    bool json = false;
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if ((strcmp(argv[i], "--report") == 0 || strcmp(argv[i], "--date") == 0) && i + 1 < argc) {
            if (argv[i][2] == 'r') report = argv[++i];
            else date = argv[++i];
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "juesuan: 错误: 未知选项或缺少参数 %s\n%s", argv[i], DIFF_USAGE);
            return EXIT_USAGE;
        } else if (n < 2) {
            dirs[n++] = argv[i];
        } else {
            n++;
        }
    }
    if (n != 2) {
        fprintf(stderr, "juesuan: 错误: diff 需要恰好两个单位目录（旧、新）\n%s", DIFF_USAGE);
        return EXIT_USAGE;
    }
    int y = 0, m = 0, dd = 0;
    if (date && !parse_date(date, &y, &m, &dd)) {
        fprintf(stderr, "juesuan: 错误: --date 应为 YYYY-MM-DD 形式的日期，实为“%s”\n", date);
        return EXIT_USAGE;
    }
    diag_list d = {0};
    diff_side sides[2];
    memset(sides, 0, sizeof sides);
    int rc = EXIT_OK;
    for (int k = 0; k < 2; k++) { /* both folders' problems, in one run */
        project_open(&sides[k].p, true);
        int r = side_load(&sides[k], dirs[k], &d);
        if (r > rc) rc = r;
    }
    if (rc == EXIT_OK && report && !date) {
        const unit *u = &sides[1].b.u;
        if (u->pub_year) y = u->pub_year, m = u->pub_month, dd = u->pub_day;
        else {
            diag_error(&d, unit_pos(u, "unit"),
                       "diff --report 需要更正说明的公开时间：用 --date YYYY-MM-DD 给出，或写在 unit.published");
            rc = EXIT_BAD_INPUT;
        }
    }
    if (rc == EXIT_OK) {
        diff_result r = {dirs[0], dirs[1], NULL, 0, NULL, 0};
        diff_inputs(&sides[0], &sides[1], &r);
        diff_docs(&sides[0], &sides[1], &r);
        size_t places = diff_places(&r);
        if (json) {
            print_json(stdout, &r, &sides[0], &sides[1]);
        } else {
            printf("比较：%s（旧） → %s（新）\n", dirs[0], dirs[1]);
            print_listing(stdout, &r, &sides[0], &sides[1], places);
        }
        fflush(stdout);
        if (report) rc = diff_report(&sides[1], &r, report, y, m, dd, &d);
        diff_result_free(&r);
    }
    side_free(&sides[0]);
    side_free(&sides[1]);
    diag_print(&d, stderr);
    if (rc == EXIT_OK && diag_error_count(&d)) rc = EXIT_BAD_INPUT;
    diag_list_free(&d);
    return rc;
}
