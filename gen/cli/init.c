/* init.c — juesuan init UNIT_DIR: a new unit folder to fill in.
 *
 *   UNIT_DIR/unit.yaml        every key of the schema, commented, required ones marked
 *   UNIT_DIR/tables/NN_….csv  the header row of each table spec (fixed tables:
 *                             their 项目 and 行次 too, amounts blank)
 *   UNIT_DIR/README.md        a stub for where the figures come from
 *
 * Nothing that exists is overwritten: if any of these files is there, the
 * command names each and writes nothing (exit 1). */
#include "internal.h"

#include "../check/check.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct planned {
    char *path;
    char *text;
} planned;

static void plan(planned *files, size_t *n, char *path, char *text)
{
    files[*n].path = path;
    files[*n].text = text;
    (*n)++;
}

static char *path_join(const char *dir, const char *name)
{
    buf b = {0};
    buf_printf(&b, "%s/%s", dir, name);
    return buf_detach(&b);
}

static char *readme_stub(const char *id, const spec_set *specs)
{
    buf b = {0};
    buf_printf(&b,
               "# %s：数字从哪里来\n"
               "\n"
               "本文件夹由 `juesuan init` 生成。请在下表写明每个文件的数字取自哪里（决算报表系统的哪张表、\n"
               "哪份批复、哪本台账），哪些数字是手工填写的，以及与已公开文本的差异。审计或更正时，\n"
               "按这里的说明找回数字的出处。\n"
               "\n"
               "| 文件 | 内容 | 数字来自 |\n"
               "|---|---|---|\n"
               "| `unit.yaml` | 单位信息、职责和机构、上年数、年初预算、变动原因、“三公”明细、其他重要事项 | （待填写） |\n",
               id);
    for (size_t i = 0; i < specs->n_tables; i++)
        buf_printf(&b, "| `tables/%s` | %s %s | （待填写） |\n", specs->tables[i].file, specs->tables[i].label,
                   specs->tables[i].title);
    buf_puts(&b, "\n"
                 "填写次序：先填 unit.yaml 中标【必填】的键和 tables/ 下各表（也可以用\n"
                 "`juesuan import 决算报表.xlsx -o 本文件夹` 从工作簿读入各表），然后运行\n"
                 "`juesuan check 本文件夹`，按它列出的问题逐条补齐；没有错误后运行 `juesuan build 本文件夹`。\n"
                 "check 留下的每条警告，请在这里写明为什么保留。\n");
    return buf_detach(&b);
}

int cmd_init(int argc, char **argv)
{
    if (argc != 1 || (argv[0][0] == '-' && argv[0][1])) {
        if (argc >= 1 && argv[0][0] == '-' && argv[0][1])
            fprintf(stderr, "juesuan: 错误: 未知选项 %s\n", argv[0]);
        else
            fprintf(stderr, "juesuan: 错误: init 需要恰好一个单位目录（如 juesuan init input/my-unit-2024）\n");
        return EXIT_USAGE;
    }
    size_t len = strlen(argv[0]);
    while (len > 1 && argv[0][len - 1] == '/') len--;
    char *dir = xstrndup(argv[0], len);
    const char *slash = strrchr(dir, '/');
    const char *id = slash ? slash + 1 : dir;
    diag_list d = {0};
    int rc = EXIT_OK;
    if (!id[0] || strcmp(id, ".") == 0 || strcmp(id, "..") == 0) {
        diag_error(&d, (srcpos){dir, 0, 0}, "单位目录名“%s”不可用（应是一个具体的文件夹名，如 input/my-unit-2024）", id);
        diag_print(&d, stderr);
        diag_list_free(&d);
        free(dir);
        return EXIT_BAD_INPUT;
    }

    char *root = project_root();
    buf t = {0};
    buf_printf(&t, "%s/templates", root);
    spec_set specs;
    if (specs_load(buf_cstr(&t), &specs, &d) != 0) rc = EXIT_BAD_INPUT;
    buf_free(&t);

    planned *files = xcalloc(specs.n_tables + 2, sizeof *files);
    size_t n = 0;
    char *tables_dir = path_join(dir, "tables");
    if (rc == EXIT_OK) {
        plan(files, &n, path_join(dir, "unit.yaml"), check_yaml_skeleton());
        for (size_t i = 0; i < specs.n_tables; i++) {
            buf csv = {0};
            csv_format_blank(&specs.tables[i], &csv);
            plan(files, &n, path_join(tables_dir, specs.tables[i].file), buf_detach(&csv));
        }
        plan(files, &n, path_join(dir, "README.md"), readme_stub(id, &specs));
        /* nothing is overwritten: every file in the way is named */
        for (size_t i = 0; i < n; i++)
            if (cli_exists(files[i].path)) {
                diag_error(&d, (srcpos){files[i].path, 0, 0}, "已经存在：juesuan init 不覆盖已有的文件（请换一个新文件夹，或先移走它）");
                rc = EXIT_BAD_INPUT;
            }
    }
    if (rc == EXIT_OK) rc = cli_mkdirs(tables_dir, "无法创建文件夹", &d);
    for (size_t i = 0; rc == EXIT_OK && i < n; i++)
        if (cli_write_file(files[i].path, files[i].text, strlen(files[i].text), &d) != 0) rc = EXIT_ENVIRONMENT;
    if (rc == EXIT_OK) {
        for (size_t i = 0; i < n; i++) printf("%s\n", files[i].path);
        fprintf(stderr, "已生成单位文件夹 %s：填写 unit.yaml 中标【必填】的键和 tables/ 下各表，"
                        "然后运行 juesuan check %s。\n", dir, dir);
    }
    diag_print(&d, stderr);
    diag_list_free(&d);
    for (size_t i = 0; i < n; i++) free(files[i].path), free(files[i].text);
    free(files);
    free(tables_dir);
    specs_free(&specs);
    free(root);
    free(dir);
    return rc;
}
