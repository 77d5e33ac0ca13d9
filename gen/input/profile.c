/* profile.c — which profile a unit uses: `profile:` in its unit.yaml. */
#include "input.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int unit_profile(const char *unit_dir, const char *project_root, profile *out, diag_list *diags)
{
    buf b = {0};
    buf_printf(&b, "%s/templates", project_root);
    profile_init(out, buf_cstr(&b));
    b.len = 0;
    buf_printf(&b, "%s/unit.yaml", unit_dir);
    value *root = NULL;
    posmap *pos = NULL;
    diag_list quiet = {0}; /* unit_load reports a unit.yaml it cannot read */
    int rc = 0;
    if (yaml_load(buf_cstr(&b), &root, &pos, &quiet) == 0) {
        const value *v = value_get(root, "profile");
        if (v && value_get_type(v) == VALUE_NULL) v = NULL; /* empty = absent, as everywhere in unit.yaml */
        const char *name = v ? value_get_text(v) : NULL;
        if (v && (value_get_type(v) != VALUE_STRING || !name[0])) {
            diag_error(diags, posmap_get(pos, "profile"), "profile 应是模板配置（profile）的名称或文件夹路径");
            rc = -1;
        } else if (name) {
            buf dir = {0};
            bool path = strchr(name, '/') != NULL;
            if (!path && (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)) {
                diag_error(diags, posmap_get(pos, "profile"), "profile 名称“%s”不可用", name);
                rc = -1;
            } else {
                if (path && name[0] == '/') buf_puts(&dir, name);
                else if (path) buf_printf(&dir, "%s/%s", unit_dir, strncmp(name, "./", 2) == 0 ? name + 2 : name);
                else buf_printf(&dir, "%s/profiles/%s", project_root, name);
                if (!is_dir(buf_cstr(&dir))) {
                    diag_error(diags, posmap_get(pos, "profile"), "找不到模板配置“%s”（应是文件夹 %s）", name,
                               buf_cstr(&dir));
                    rc = -1;
                } else {
                    profile_add(out, buf_cstr(&dir));
                }
            }
            buf_free(&dir);
        }
    }
    value_free(root);
    posmap_free(pos);
    diag_list_free(&quiet);
    buf_free(&b);
    return rc;
}
