/* cli.c — argument parsing and the build / check / facts commands. */
#include "internal.h"

#include "../check/check.h"
#include "../pdf/pdf.h"
#include "../template/template.h"
#include "../xlsx/xlsx.h"
#include "batch.h"
#include "manifest.h"
#include "output.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef JUESUAN_VERSION
#define JUESUAN_VERSION "0.0.0"
#endif

/* The PDF/A OutputIntent's ICC profile gen/pdf reads (its meta.h, private
 * to gen/pdf, has the same default and the same build-time override):
 * recorded in the build manifest like the fonts. */
#ifndef JUESUAN_ICC_PATH
#define JUESUAN_ICC_PATH "/usr/share/color/icc/sRGB.icc"
#endif

static const char USAGE[] =
    "用法：\n"
    "  juesuan build UNIT_DIR... [-o OUT_DIR] [--doc NAME] [--no-pdfa] [-j N] [--force]\n"
    "                                          生成单位文件夹中的每份文档（决算公开 PDF 和附表 XLSX、\n"
    "                                          绩效自评报告 PDF），默认输出到 output/<单位文件夹名>/；\n"
    "                                          UNIT_DIR 也可以是装着多个单位文件夹的文件夹：多个单位\n"
    "                                          同时构建（-j N 个进程，默认为 CPU 核数），最后列出汇总表；\n"
    "                                          输入、模板、字体、程序和输出都未变的单位跳过（--force 重新生成）\n"
    "  juesuan manifest merge OUT_DIR... [-o FILE]\n"
    "                                          合并各输出文件夹中的构建清单，并核对每个输出文件\n"
    "  juesuan check UNIT_DIR... [--doc NAME]  只读取并检查数据，不写文件\n"
    "  juesuan facts UNIT_DIR                  以 JSON 输出由数据计算出的全部数字和措辞\n"
    "  juesuan markup UNIT_DIR [--doc NAME]    输出模板渲染后的文档标记（排版之前的全文；\n"
    "                                          不给 --doc 时为第一份文档）\n"
    "  juesuan init UNIT_DIR                   新建单位文件夹：带说明的 unit.yaml、13 张表的 CSV 表头、README\n"
    "  juesuan import BOOK.xlsx -o UNIT_DIR    从工作簿读入 13 张公开表，写成 UNIT_DIR/tables/*.csv\n"
    "  juesuan diff OLD_DIR NEW_DIR [--report DIR] [--date YYYY-MM-DD]\n"
    "                                          列出两个单位文件夹间改动的输入及其在文档中影响的每一处；\n"
    "                                          --report 另写更正说明（PDF 和 Markdown）\n"
    "  juesuan --help                          显示本帮助\n"
    "  juesuan --version                       显示版本\n"
    "\n"
    "UNIT_DIR 是一个单位的文件夹：unit.yaml，加 tables/ 下各附表的 CSV（决算公开）\n"
    "和/或 performance/department.yaml（部门整体支出绩效自评报告）等。\n"
    "--no-pdfa 生成的 PDF 不按 PDF/A-2b（不嵌入 sRGB 色彩配置文件；默认按 PDF/A-2b）。\n"
    "--doc NAME 只处理一种文档：disclosure（决算公开）、department（部门整体支出绩效自评报告）、project_reports（项目支出绩效自评报告）。\n"
    "退出码：0 成功，1 输入有误，2 用法有误，3 内部错误，4 环境错误（磁盘空间不足、没有写入权限等）。\n";

/* ---- the project folder (templates/, fonts/) ----------------------------- */

static bool is_project(const char *dir)
{
    buf p = {0};
    buf_printf(&p, "%s/templates/tables", dir);
    struct stat st;
    bool yes = stat(buf_cstr(&p), &st) == 0 && S_ISDIR(st.st_mode);
    buf_free(&p);
    return yes;
}

char *project_root(void)
{
    const char *env = getenv("JUESUAN_HOME");
    if (env && *env) return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        for (int up = 0; up < 4; up++) {
            char *slash = strrchr(exe, '/');
            if (!slash || slash == exe) break;
            *slash = '\0';
            if (is_project(exe)) return xstrdup(exe);
        }
    }
    return xstrdup(".");
}

/* ---- one unit: load → facts → render → doc ------------------------------- */

static const char *partial_lookup(void *ctx, const char *name)
{
    project *p = ctx;
    for (size_t i = 0; i < p->n_partials; i++)
        if (strcmp(p->partial_names[i], name) == 0) return p->partial_texts[i];
    /* a plain name is a file of templates/parts/; a name with '/' a path
     * under templates/ ({{> performance/department/sichuan/part1}}) */
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-' ||
              (*c == '/' && c > name && c[-1] != '/' && c[1])))
            return NULL;
    buf rel = {0};
    buf_printf(&rel, "%s%s.mustache", strchr(name, '/') ? "" : "parts/", name);
    char *path = profile_find(&p->prof, buf_cstr(&rel));
    buf_free(&rel);
    char *text = path ? file_read_all(path, NULL) : NULL;
    free(path);
    if (!text) return NULL;
    /* a one-line partial is an inline snippet ({{>change}} inside a
     * sentence): its final newline is the file's, not the snippet's */
    size_t n = strlen(text);
    if (n && text[n - 1] == '\n' && !memchr(text, '\n', n - 1)) text[n - 1] = '\0';
    p->partial_names = xrealloc(p->partial_names, (p->n_partials + 1) * sizeof *p->partial_names);
    p->partial_texts = xrealloc(p->partial_texts, (p->n_partials + 1) * sizeof *p->partial_texts);
    p->partial_names[p->n_partials] = xstrdup(name);
    p->partial_texts[p->n_partials] = text;
    p->n_partials++;
    return text;
}

/* Drop what one unit's profile loaded. */
static void project_unload(project *p)
{
    if (p->specs_loaded) specs_free(&p->specs);
    p->specs_loaded = false;
    facts_options_free(&p->options);
    layout_config_free(p->layout);
    p->layout = NULL;
    for (size_t i = 0; i < p->n_partials; i++) free(p->partial_names[i]), free(p->partial_texts[i]);
    free(p->partial_names);
    free(p->partial_texts);
    p->partial_names = p->partial_texts = NULL;
    p->n_partials = 0;
    profile_free(&p->prof);
    p->reusable = false;
}

/* Drop the profile kept for the next unit. */
static void project_next_drop(project *p)
{
    if (p->next_dir) profile_free(&p->next);
    free(p->next_dir);
    p->next_dir = NULL;
}

void project_free(project *p)
{
    project_unload(p);
    project_next_drop(p);
    free(p->root);
}

void project_open(project *p, bool need_layout)
{
    memset(p, 0, sizeof *p);
    p->root = project_root();
    p->need_layout = need_layout;
}

static bool has_catalog(const char *dir)
{
    buf c = {0};
    buf_printf(&c, "%s/catalog", dir);
    bool yes = cli_exists(buf_cstr(&c));
    buf_free(&c);
    return yes;
}

static bool profile_same(const profile *a, const profile *b)
{
    if (a->n != b->n) return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->dirs[i], b->dirs[i]) != 0) return false;
    return true;
}

/* The style (through the profile) and the fonts (fonts/fonts.yaml). */
static layout_config *project_layout(project *p, diag_list *d)
{
    buf fonts = {0};
    char *style = profile_find(&p->prof, "style.yaml");
    if (!style) style = profile_base_path(&p->prof, "style.yaml");
    buf_printf(&fonts, "%s/fonts/fonts.yaml", p->root);
    layout_config *cfg = layout_config_load(style, buf_cstr(&fonts), p->root, d);
    free(style);
    buf_free(&fonts);
    return cfg;
}

/* Load what the unit in `dir` needs from its profile (templates/ overlaid by
 * unit.yaml's `profile:`); returns an exit status. What is loaded already
 * for the same profile is kept (loaded once per process: batch builds load
 * the default profile before their workers start, project_preload). */
int project_load(project *p, const char *dir, diag_list *d)
{
    profile prof;
    int rc = 0;
    if (p->next_dir && strcmp(p->next_dir, dir) == 0) { /* read already, without a problem */
        prof = p->next;
        free(p->next_dir);
        p->next_dir = NULL;
    } else {
        project_next_drop(p);
        rc = unit_profile(dir, p->root, &prof, d);
    }
    if (rc == 0 && p->reusable && profile_same(&prof, &p->prof) && !has_catalog(dir)) {
        profile_free(&prof);
        return EXIT_OK;
    }
    project_unload(p);
    p->prof = prof;
    size_t before = d->count + d->hidden_errors;
    if (specs_load_profile(&p->prof, dir, &p->specs, d) != 0) rc = -1;
    p->specs_loaded = true;
    if (facts_options_load_profile(&p->prof, &p->options, d) != 0) rc = -1;
    if (rc != 0) return EXIT_BAD_INPUT;
    if (p->need_layout && !(p->layout = project_layout(p, d))) return EXIT_BAD_INPUT;
    p->reusable = d->count + d->hidden_errors == before && !has_catalog(dir);
    return EXIT_OK;
}

/* Load the default profile (templates/ alone) before any unit, so that the
 * units that use it share it: forked workers inherit it. A problem is left
 * for the units to report. */
static void project_preload(project *p)
{
    project_unload(p);
    diag_list quiet = {0};
    buf b = {0};
    buf_printf(&b, "%s/templates", p->root);
    profile_init(&p->prof, buf_cstr(&b));
    buf_free(&b);
    int rc = specs_load_profile(&p->prof, NULL, &p->specs, &quiet);
    p->specs_loaded = true;
    if (facts_options_load_profile(&p->prof, &p->options, &quiet) != 0) rc = -1;
    if (rc == 0 && p->need_layout && !(p->layout = project_layout(p, &quiet))) rc = -1;
    if (rc == 0 && quiet.count == 0 && quiet.hidden_errors == 0) p->reusable = true;
    else project_unload(p);
    diag_list_free(&quiet);
}

void unit_build_free(unit_build *b)
{
    unit_free(&b->u);
    value_free(b->facts);
    documents_free(b->docs, b->n_docs);
}

/* Check every text of unit.yaml against the fonts, so that a character no
 * font has is reported where it was typed (not in the rendered document). */
static int check_yaml_glyphs(const layout_config *cfg, const unit *u, const value *v, buf *path, diag_list *d)
{
    if (value_get_type(v) == VALUE_STRING)
        return layout_check_text(cfg, value_get_text(v), unit_pos(u, buf_cstr(path)), d);
    int errors = 0;
    size_t base = path->len;
    for (size_t i = 0; i < value_count(v); i++) {
        path->len = base;
        if (value_get_type(v) == VALUE_MAP) buf_printf(path, "%s%s", base ? "." : "", value_key_at(v, i));
        else buf_printf(path, "%s%zu", base ? "." : "", i);
        errors += check_yaml_glyphs(cfg, u, value_at(v, i), path, d);
    }
    path->len = base;
    if (path->data) path->data[base] = '\0';
    return errors;
}

/* Render one document's root template and parse the markup; returns an exit status. */
int document_render(project *p, const unit_build *b, document *dm, diag_list *d)
{
    buf origin = {0};
    buf_printf(&origin, "templates/%s", dm->root);
    char *path = profile_find(&p->prof, dm->root);
    char *tmpl = path ? file_read_all(path, NULL) : NULL;
    if (!tmpl) {
        int err = path ? errno : ENOENT;
        if (!path) path = profile_base_path(&p->prof, dm->root);
        diag_error(d, (srcpos){path, 0, 0}, "无法读取模板：%s", strerror(err));
        free(path);
        buf_free(&origin);
        return EXIT_BAD_INPUT;
    }
    template_options opt = {0};
    opt.strict = true;
    opt.partials = partial_lookup;
    opt.partials_ctx = p;
    opt.escape = template_escape_markup; /* a text from unit.yaml stays text: no heading or @directive */
    opt.item = dm->item;
    dm->markup = template_render(tmpl, b->facts, &opt, path, d);
    free(tmpl);
    free(path);
    int rc = dm->markup ? 0 : -1;
    if (rc == 0) {
        buf_puts(&origin, "（渲染结果）");
        rc = doc_parse(dm->markup, buf_cstr(&origin), &dm->blocks, d);
    }
    buf_free(&origin);
    if (rc == 0) rc = doc_resolve_tables(&dm->blocks, &b->u, b->facts, d);
    if (rc == 0) rc = doc_resolve_charts(&dm->blocks, b->facts, d);
    return rc == 0 ? EXIT_OK : EXIT_BAD_INPUT;
}

/* Read a unit (and check it: build and check do) and turn it into its
 * documents (only those of kind `only` when not NULL); returns an exit
 * status. A unit with a check error goes no further: its warnings and
 * errors are printed together at the end. */
int unit_prepare(project *p, const char *dir, unit_build *b, bool check, bool render, const char *only,
                 diag_list *d)
{
    memset(b, 0, sizeof *b);
    int lr = project_load(p, dir, d);
    if (lr != EXIT_OK) return lr;
    if (unit_load(dir, &p->specs, &b->u, d) != 0) {
        if (check && b->u.yaml) check_missing(&b->u, d); /* everything still missing, in one run */
        return EXIT_BAD_INPUT;
    }
    if (check && check_unit(&b->u, &p->specs, d) > 0) return EXIT_BAD_INPUT;
    if (p->layout) { /* building: every character must be in the fonts */
        buf path = {0};
        int missing = check_yaml_glyphs(p->layout, &b->u, b->u.yaml, &path, d);
        buf_free(&path);
        if (missing) return EXIT_BAD_INPUT;
    }
    b->facts = facts_build(&b->u, &p->specs, &p->options, d);
    if (!b->facts) return EXIT_BAD_INPUT;
    if (!render) return EXIT_OK;
    if (documents_list(b->facts, only, &b->docs, &b->n_docs, d) != 0) return EXIT_BAD_INPUT;
    if (b->n_docs == 0) {
        char *sources = document_sources();
        if (only)
            diag_error(d, (srcpos){b->u.dir, 0, 0}, "单位文件夹中没有 %s 文档（可有：%s）", only, sources);
        else
            diag_error(d, (srcpos){b->u.dir, 0, 0}, "单位文件夹中没有可生成的文档：应有 %s 之一", sources);
        free(sources);
        return EXIT_BAD_INPUT;
    }
    int rc = EXIT_OK;
    for (size_t i = 0; i < b->n_docs; i++) {
        int r = document_render(p, b, &b->docs[i], d);
        if (r > rc) rc = r;
    }
    return rc;
}

/* ---- output files --------------------------------------------------------- */

/* A file name from a title: '/' and control characters become '_'. A name
 * longer than NAME_MAX bytes is cut at a character boundary and ends with
 * "…" and 8 hex digits of a hash of the whole title, so it stays the same
 * for the same title and different for different ones. */
char *safe_name(const char *title, const char *ext)
{
    buf b = {0};
    for (const char *c = title; *c; c++) {
        unsigned char ch = (unsigned char)*c;
        buf_putc(&b, (ch < 0x20 || ch == '/' || ch == '\\' || ch == 0x7F) ? '_' : *c);
    }
    if (b.len == 0 || strcmp(buf_cstr(&b), ".") == 0 || strcmp(buf_cstr(&b), "..") == 0) buf_puts(&b, "_");
    size_t room = NAME_MAX - strlen(ext);
    if (b.len > room) {
        uint32_t h = 2166136261u; /* FNV-1a */
        for (const char *c = title; *c; c++) h = (h ^ (unsigned char)*c) * 16777619u;
        char tail[32];
        snprintf(tail, sizeof tail, "…%08x", (unsigned)h);
        size_t cut = room - strlen(tail);
        while (cut > 0 && ((unsigned char)b.data[cut] & 0xC0) == 0x80) cut--; /* not inside a character */
        b.len = cut;
        b.data[cut] = '\0';
        buf_puts(&b, tail);
    }
    buf_puts(&b, ext);
    return buf_detach(&b);
}

/* What `juesuan build` builds with, shared by every unit of the run. */
typedef struct build_run {
    project p;
    const char *only, *out_root;
    bool force;         /* build even when the manifest says nothing changed */
    bool print;         /* print each file (one unit); a batch prints its summary */
    manifest_env *env;  /* the program's and the fonts' hashes */
} build_run;

/* The manifest's inputs for the unit in `dir` (NULL when the folder cannot
 * be read: the build says why). */
static char *unit_inputs(build_run *r, const char *dir, const char *id)
{
    profile prof;
    diag_list quiet = {0}; /* the build reports a unit.yaml it cannot read */
    char *inputs = NULL;
    buf sel = {0}; /* the options that change the outputs */
    buf_printf(&sel, "%s%s", r->only ? r->only : "all", r->p.no_pdfa ? " --no-pdfa" : "");
    project_next_drop(&r->p);
    if (unit_profile(dir, r->p.root, &prof, &quiet) == 0) {
        inputs = manifest_inputs(r->env, dir, id, &prof, buf_cstr(&sel));
        r->p.next = prof; /* project_load takes it when the unit is built */
        r->p.next_dir = xstrdup(dir);
    } else {
        profile_free(&prof);
    }
    buf_free(&sel);
    diag_list_free(&quiet);
    return inputs;
}

/* Build every document of a unit: all files are written to temporary names
 * first and renamed into place together only when every one of them is
 * complete (gen/cli/output.c), so a failure or a signal leaves the previous
 * outputs as they were. The manifest (gen/cli/manifest.h) goes with them;
 * when it shows that nothing changed, nothing is built (o->skipped). With
 * r->print, prints each file. A batch_build_fn. */
static int build_unit(void *ctx, const char *dir, unit_outcome *o, diag_list *d)
{
    build_run *r = ctx;
    project *p = &r->p;
    size_t len = strlen(dir);
    while (len > 1 && dir[len - 1] == '/') len--;
    char *clean = xstrndup(dir, len);
    const char *slash = strrchr(clean, '/');
    buf ob = {0}; /* the unit's output folder */
    buf_printf(&ob, "%s/%s", r->out_root, slash ? slash + 1 : clean);
    const char *id = slash ? slash + 1 : clean;
    bool named = *id && strcmp(id, ".") != 0 && strcmp(id, "..") != 0; /* else unit_load refuses it */
    char *inputs = named ? unit_inputs(r, dir, id) : NULL;
    free(clean);
    char **files = NULL;
    size_t n_files = 0;
    if (inputs && !r->force && manifest_current(r->env, buf_cstr(&ob), inputs, &files, &n_files)) {
        for (size_t i = 0; i < n_files; i++) {
            if (r->print) printf("%s\n", files[i]);
            free(files[i]);
        }
        free(files);
        free(inputs);
        buf_free(&ob);
        project_next_drop(p);
        o->skipped = true;
        return EXIT_OK;
    }

    unit_build b;
    int rc = unit_prepare(p, dir, &b, true, true, r->only, d);
    output_folder *out = NULL;
    buf man = {0};
    if (rc == EXIT_OK && !b.u.pub_year) { /* check and facts do without it; the files carry it */
        diag_error(d, unit_pos(&b.u, "unit"), "build 需要 unit.published（公开时间，YYYY-MM-DD）：它印在封面上，也是文件的创建日期");
        rc = EXIT_BAD_INPUT;
    }
    if (rc != EXIT_OK) goto done;

    rc = output_open(&out, buf_cstr(&ob), d); /* creates, locks, sweeps old temporaries */
    if (inputs) buf_puts(&man, inputs);
    for (size_t i = 0; i < b.n_docs && rc == EXIT_OK; i++) {
        const document *dm = &b.docs[i];
        for (int book = 0; book < 2 && rc == EXIT_OK; book++) {
            if (book && !dm->kind->workbook) break;
            buf name = {0};
            buf_printf(&name, "%s%s", dm->file_name, book ? "附表" : "");
            char *file = safe_name(buf_cstr(&name), book ? ".xlsx" : ".pdf");
            buf_free(&name);
            const char *tmp = output_add(out, file, d);
            if (!tmp) {
                free(file);
                rc = EXIT_ENVIRONMENT;
                break;
            }
            if (book) {
                rc = dm->kind->workbook(&b.u, b.facts, p->layout, tmp, d);
            } else {
                pdf_meta meta = {0};
                meta.title = dm->file_name;
                meta.author = b.u.name;
                meta.subject = dm->subject;
                meta.year = b.u.pub_year, meta.month = b.u.pub_month, meta.day = b.u.pub_day;
                meta.no_pdfa = p->no_pdfa;
                rc = pdf_write(&dm->blocks, p->layout, &meta, tmp, d);
            }
            int pages = 0;
            if (rc == EXIT_OK && manifest_add_output(&man, tmp, file, &pages) != 0)
                rc = diag_env_error(d, tmp, errno, "无法读回刚写出的输出文件");
            o->pages += (unsigned)pages;
            buf final = {0};
            buf_printf(&final, "%s/%s", buf_cstr(&ob), file);
            files = xrealloc(files, (n_files + 1) * sizeof *files);
            files[n_files++] = buf_detach(&final);
            free(file);
        }
        if (rc == EXIT_OK) o->docs++;
    }
    if (rc == EXIT_OK && inputs) { /* the manifest: committed with the files it lists */
        const char *tmp = output_add(out, MANIFEST_NAME, d);
        if (!tmp) rc = EXIT_ENVIRONMENT;
        else if (file_write_all(tmp, man.data, man.len) != 0) rc = diag_env_error(d, tmp, errno, "无法写入构建清单");
    }
    if (rc == EXIT_OK) rc = output_commit(out, d); /* every file of the unit together */
    if (rc == EXIT_OK && r->print)
        for (size_t i = 0; i < n_files; i++) printf("%s\n", files[i]);
done:
    if (rc != EXIT_OK) o->docs = o->pages = 0;
    output_close(out); /* removes the temporary files not committed */
    unit_build_free(&b);
    for (size_t i = 0; i < n_files; i++) free(files[i]);
    free(files);
    free(inputs);
    buf_free(&man);
    buf_free(&ob);
    return rc;
}

/* ---- commands ----------------------------------------------------------- */

/* `--doc NAME` at argv[*i]: sets *only and advances; returns an exit status. */
static int doc_option(int argc, char **argv, int *i, const char **only)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "juesuan: 错误: --doc 后面应给出文档名\n%s", USAGE);
        return EXIT_USAGE;
    }
    *only = argv[++*i];
    if (!document_kind_find(*only)) {
        size_t n;
        const document_kind *k = document_kinds(&n);
        fprintf(stderr, "juesuan: 错误: 未知的文档名 %s（可用：", *only);
        for (size_t j = 0; j < n; j++) fprintf(stderr, "%s%s", j ? "、" : "", k[j].name);
        fprintf(stderr, "）\n");
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static int finish(diag_list *d, int rc)
{
    diag_print(d, stderr);
    if (rc == EXIT_OK && diag_error_count(d)) rc = EXIT_BAD_INPUT;
    diag_list_free(d);
    return rc;
}

/* The number of processes a batch runs at once (-j N). */
static int jobs_option(const char *arg, int *jobs)
{
    char *end;
    errno = 0;
    long n = strtol(arg, &end, 10);
    if (errno || *end || n < 1 || n > 1024) {
        fprintf(stderr, "juesuan: 错误: -j 后面应是 1 到 1024 之间的进程数，实为“%s”\n", arg);
        return EXIT_USAGE;
    }
    *jobs = (int)n;
    return EXIT_OK;
}

static int cmd_build(int argc, char **argv)
{
    const char *out = "output", *only = NULL;
    bool no_pdfa = false;
    char **units = xcalloc((size_t)argc + 1, sizeof *units);
    size_t n = 0;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int jobs = cores > 0 ? (int)cores : 1;
    bool force = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--doc") == 0) {
            if (doc_option(argc, argv, &i, &only) != EXIT_OK) {
                free(units);
                return EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--no-pdfa") == 0) {
            no_pdfa = true;
        } else if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "juesuan: 错误: -o 后面应给出输出目录\n");
                free(units);
                return EXIT_USAGE;
            }
            out = argv[++i];
        } else if (strncmp(argv[i], "-j", 2) == 0 || strcmp(argv[i], "--jobs") == 0) { /* -j N, -jN, --jobs N */
            const char *arg = argv[i][1] == 'j' && argv[i][2] ? argv[i] + 2 : i + 1 < argc ? argv[++i] : "";
            if (jobs_option(arg, &jobs) != EXIT_OK) {
                free(units);
                return EXIT_USAGE;
            }
        } else if (strcmp(argv[i], "--force") == 0) {
            force = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "juesuan: 错误: 未知选项 %s\n%s", argv[i], USAGE);
            free(units);
            return EXIT_USAGE;
        } else {
            units[n++] = argv[i];
        }
    }
    if (n == 0) {
        fprintf(stderr, "juesuan: 错误: build 需要至少一个单位目录\n%s", USAGE);
        free(units);
        return EXIT_USAGE;
    }
    size_t n_dirs;
    bool many;
    char **dirs = batch_expand(units, n, &n_dirs, &many);
    free(units);
    diag_list d = {0};
    build_run r = {0};
    r.only = only, r.out_root = out, r.force = force, r.print = !many;
    project_open(&r.p, true);
    r.p.no_pdfa = no_pdfa;
    /* a batch loads what units share once: forked workers inherit it; one
     * unit loads it when it is built (not when the manifest skips it) */
    if (many) project_preload(&r.p);
    buf fy = {0};
    buf_printf(&fy, "%s/fonts/fonts.yaml", r.p.root);
    const char *fonts[2 + FACE_COUNT] = {buf_cstr(&fy), JUESUAN_ICC_PATH};
    char *font_paths[FACE_COUNT] = {0};
    size_t n_fonts = 2;
    if (!r.p.layout && layout_font_paths(buf_cstr(&fy), r.p.root, font_paths) == 0)
        for (int f = 0; f < FACE_COUNT && font_paths[f]; f++) fonts[n_fonts++] = font_paths[f];
    for (int f = 0; f < FACE_COUNT && r.p.layout; f++) fonts[n_fonts++] = layout_config_font_path(r.p.layout, (font_face)f);
    r.env = manifest_env_new(fonts, n_fonts);
    for (int f = 0; f < FACE_COUNT; f++) free(font_paths[f]);
    buf_free(&fy);
    int rc = EXIT_OK;
    bool child = false;
    if (many) {
        pdf_fonts_keep_open(true); /* the workers build unit after unit */
        rc = batch_run(dirs, n_dirs, jobs, build_unit, &r, &child);
    } else {
        unit_outcome o = {0};
        rc = build_unit(&r, dirs[0], &o, &d);
    }
    if (!child) manifest_env_save(r.env);
    manifest_env_free(r.env);
    project_free(&r.p);
    batch_free(dirs, n_dirs);
    return finish(&d, rc);
}

/* What check-like commands print after reading a unit. */
typedef enum check_mode { MODE_CHECK, MODE_FACTS, MODE_MARKUP } check_mode;

static int cmd_check(int argc, char **argv, check_mode mode)
{
    const char *only = NULL;
    char **units = xcalloc((size_t)argc + 1, sizeof *units);
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--doc") == 0 && mode != MODE_FACTS) {
            if (doc_option(argc, argv, &i, &only) != EXIT_OK) {
                free(units);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "juesuan: 错误: 未知选项 %s\n%s", argv[i], USAGE);
            free(units);
            return EXIT_USAGE;
        } else {
            units[n++] = argv[i];
        }
    }
    argc = n, argv = units;
    if (argc == 0 || (mode != MODE_CHECK && argc != 1)) {
        fprintf(stderr, "juesuan: 错误: %s\n%s",
                mode == MODE_CHECK ? "check 需要至少一个单位目录" : "facts/markup 需要恰好一个单位目录", USAGE);
        free(units);
        return EXIT_USAGE;
    }
    diag_list d = {0};
    project p;
    project_open(&p, mode == MODE_CHECK); /* check also tries every character against the fonts */
    int rc = EXIT_OK;
    /* every unit is checked: one unit's bad input does not hide the others' */
    for (int i = 0; i < argc; i++) {
        unit_build b;
        int r = unit_prepare(&p, argv[i], &b, mode == MODE_CHECK, mode != MODE_FACTS, only, &d);
        if (r == EXIT_OK && mode == MODE_FACTS) {
            buf json = {0};
            value_write_json(b.facts, &json);
            fputs(buf_cstr(&json), stdout);
            buf_free(&json);
        } else if (r == EXIT_OK && mode == MODE_MARKUP) {
            /* the documents of the kind --doc names (several for a kind made per
             * item), else the first document */
            for (size_t k = 0; k < b.n_docs && (only || k == 0); k++) fputs(b.docs[k].markup, stdout);
        }
        unit_build_free(&b);
        if (r > rc) rc = r;
    }
    project_free(&p);
    free(units);
    return finish(&d, rc);
}

int cli_run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("juesuan %s\n", JUESUAN_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "build") == 0) return cmd_build(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0) return cmd_check(argc - 2, argv + 2, MODE_CHECK);
    if (strcmp(cmd, "facts") == 0) return cmd_check(argc - 2, argv + 2, MODE_FACTS);
    if (strcmp(cmd, "markup") == 0) return cmd_check(argc - 2, argv + 2, MODE_MARKUP);
    if (strcmp(cmd, "init") == 0) return cmd_init(argc - 2, argv + 2);
    if (strcmp(cmd, "import") == 0) return cmd_import(argc - 2, argv + 2);
    if (strcmp(cmd, "diff") == 0) return cmd_diff(argc - 2, argv + 2);
    if (strcmp(cmd, "manifest") == 0) return cmd_manifest(argc - 2, argv + 2);
    fprintf(stderr, "juesuan: 错误: 未知命令 %s\n%s", cmd, USAGE);
    return EXIT_USAGE;
}
