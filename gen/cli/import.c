/* import.c — juesuan import WORKBOOK.xlsx -o UNIT_DIR: the 13 公开表 of a
 * workbook into UNIT_DIR/tables/NN_….csv.
 *
 * gen/input reads the workbook (workbook_read) and lays each sheet out as
 * its table's CSV (workbook_import); every table is then bound to its spec
 * exactly as `check` binds a CSV (table_bind), so a label, code or amount
 * the CSV would refuse is refused here, at its sheet!cell. Nothing is
 * written unless every table reads. A CSV that already holds figures is
 * not replaced without --force (one with only its header, as `juesuan
 * init` writes it, is). */
#include "internal.h"

#include "../check/check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char IMPORT_USAGE[] =
    "用法：juesuan import WORKBOOK.xlsx -o UNIT_DIR [--money-unit 万元|元] [--force]\n";

/* The CSV text of an imported table. */
static char *csv_text(const csv_file *f)
{
    buf b = {0};
    for (size_t r = 0; r < f->n_rows; r++) {
        const char **cells = xcalloc(f->rows[r].n_cells + 1, sizeof *cells);
        for (size_t i = 0; i < f->rows[r].n_cells; i++) cells[i] = f->rows[r].cells[i].text;
        csv_put_row(&b, cells, f->rows[r].n_cells);
        free(cells);
    }
    return buf_detach(&b);
}

/* The money unit unit.yaml states, 0 when there is none; -1 after an error. */
static int yaml_money_unit(const char *dir, money_unit *mu, diag_list *d)
{
    buf p = {0};
    buf_printf(&p, "%s/unit.yaml", dir);
    int rc = 0;
    if (cli_exists(buf_cstr(&p))) {
        value *v = NULL;
        posmap *pos = NULL;
        if (yaml_load(buf_cstr(&p), &v, &pos, d) != 0) {
            rc = -1;
        } else {
            const char *t = value_get_text(value_get_path(v, "unit.money_unit"));
            if (t && !money_unit_parse(t)) {
                diag_error(d, posmap_get(pos, "unit.money_unit"), "unit.money_unit 应为“元”或“万元”，实为“%s”", t);
                rc = -1;
            } else if (t) {
                *mu = money_unit_parse(t);
            }
        }
        value_free(v);
        posmap_free(pos);
    }
    buf_free(&p);
    return rc;
}

int cmd_import(int argc, char **argv)
{
    const char *book = NULL, *dir = NULL;
    money_unit mu = 0;
    bool force = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "juesuan: 错误: -o 后面应给出单位目录\n%s", IMPORT_USAGE);
                return EXIT_USAGE;
            }
            dir = argv[++i];
        } else if (strcmp(argv[i], "--money-unit") == 0) {
            if (i + 1 >= argc || !money_unit_parse(argv[i + 1])) {
                fprintf(stderr, "juesuan: 错误: --money-unit 后面应是“万元”或“元”\n%s", IMPORT_USAGE);
                return EXIT_USAGE;
            }
            mu = money_unit_parse(argv[++i]);
        } else if (strcmp(argv[i], "--force") == 0) {
            force = true;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "juesuan: 错误: 未知选项 %s\n%s", argv[i], IMPORT_USAGE);
            return EXIT_USAGE;
        } else if (!book) {
            book = argv[i];
        } else {
            fprintf(stderr, "juesuan: 错误: import 只读一个工作簿\n%s", IMPORT_USAGE);
            return EXIT_USAGE;
        }
    }
    if (!book || !dir) {
        fprintf(stderr, "juesuan: 错误: import 需要工作簿和 -o 单位目录\n%s", IMPORT_USAGE);
        return EXIT_USAGE;
    }

    diag_list d = {0};
    int rc = EXIT_OK;
    /* the unit's specs and catalogs: its profile and its own catalog rows */
    char *root = project_root();
    profile prof;
    if (unit_profile(dir, root, &prof, &d) != 0) rc = EXIT_BAD_INPUT;
    spec_set specs;
    if (specs_load_profile(&prof, dir, &specs, &d) != 0) rc = EXIT_BAD_INPUT;
    profile_free(&prof);
    bool from_yaml = false;
    if (rc == EXIT_OK && !mu) {
        if (yaml_money_unit(dir, &mu, &d) != 0) rc = EXIT_BAD_INPUT;
        from_yaml = mu != 0;
    }

    workbook wb = {0};
    size_t n = specs.n_tables;
    csv_file *csv = xcalloc(n ? n : 1, sizeof *csv);
    bool *found = xcalloc(n ? n : 1, sizeof *found);
    if (rc == EXIT_OK && workbook_read(book, &wb, &d) != 0) rc = EXIT_BAD_INPUT;
    if (rc == EXIT_OK && workbook_import(&wb, &specs, &mu, csv, found, &d) != 0) rc = EXIT_BAD_INPUT;

    /* every table as `check` reads a CSV: labels, codes, names, amounts */
    if (rc == EXIT_OK) {
        unit u = {0};
        u.money_unit = mu;
        u.tables = xcalloc(n ? n : 1, sizeof *u.tables);
        u.n_tables = n;
        for (size_t i = 0; i < n; i++) {
            u.tables[i].spec = &specs.tables[i];
            u.tables[i].path = xstrdup(found[i] ? csv[i].path : wb.path);
            if (found[i] && table_bind(&u, &u.tables[i], &specs, &csv[i], &d) != 0) rc = EXIT_BAD_INPUT;
        }
        unit_free(&u);
    }

    /* what would be written, and nothing that holds figures replaced */
    char **paths = xcalloc(n ? n : 1, sizeof *paths), **texts = xcalloc(n ? n : 1, sizeof *texts);
    buf tables_dir = {0};
    buf_printf(&tables_dir, "%s/tables", dir);
    for (size_t i = 0; rc == EXIT_OK && i < n; i++) {
        buf p = {0}, blank = {0};
        buf_printf(&p, "%s/%s", buf_cstr(&tables_dir), specs.tables[i].file);
        paths[i] = buf_detach(&p);
        csv_format_blank(&specs.tables[i], &blank);
        texts[i] = found[i] ? csv_text(&csv[i]) : buf_detach(&blank);
        size_t len = 0;
        char *old = cli_exists(paths[i]) ? file_read_all(paths[i], &len) : NULL;
        bool keep_old = old && !found[i]; /* a table the workbook lacks leaves the CSV as it is */
        if (!found[i] && !old) keep_old = false;
        if (keep_old) {
            free(texts[i]);
            texts[i] = NULL;
        } else if (old && !force && strcmp(old, texts[i]) != 0 && strcmp(old, buf_cstr(&blank)) != 0) {
            diag_error(&d, (srcpos){paths[i], 0, 0}, "已有数据：不覆盖（确要用工作簿的数字替换时加 --force）");
            rc = EXIT_BAD_INPUT;
        }
        free(old);
        buf_free(&blank);
    }
    if (rc == EXIT_OK) rc = cli_mkdirs(buf_cstr(&tables_dir), "无法创建文件夹", &d);
    for (size_t i = 0; rc == EXIT_OK && i < n; i++)
        if (texts[i] && cli_write_file(paths[i], texts[i], strlen(texts[i]), &d) != 0) rc = EXIT_ENVIRONMENT;
    if (rc == EXIT_OK) {
        for (size_t i = 0; i < n; i++)
            if (texts[i]) printf("%s\n", paths[i]);
        fprintf(stderr, "已从 %s 读入各表，金额单位：%s（%s）。请运行 juesuan check %s。\n", book, money_unit_name(mu),
                from_yaml ? "同 unit.yaml" : "工作表的单位", dir);
    }

    diag_print(&d, stderr);
    diag_list_free(&d);
    for (size_t i = 0; i < n; i++) {
        csv_free(&csv[i]);
        free(paths[i]), free(texts[i]);
    }
    free(paths), free(texts), free(csv), free(found);
    buf_free(&tables_dir);
    workbook_free(&wb);
    specs_free(&specs);
    free(root);
    return rc;
}
