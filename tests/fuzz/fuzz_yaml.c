/* fuzz_yaml.c — the YAML reader and everything that reads unit.yaml:
 * yaml_load (value tree + positions), unit_load's metadata (unit: block),
 * the rules of gen/check (the schema of unit.yaml and the figures in it),
 * facts_build (previous:, budget:, reasons:, three_public:, other:, …),
 * and the templates rendered over the facts with the markup escape, then
 * parsed by gen/doc — the path `juesuan markup` takes.
 *
 * Input: the bytes of unit.yaml; the tables are those of input/leshan-2024.
 * Invariants: a reader fails exactly when it reported an error; every node
 * of the tree has a position inside the file; a unit that loads has its
 * required metadata; texts from unit.yaml never turn into markup (the
 * rendered markup parses).
 */
#include "fuzz.h"
#include "fuzz_util.h"

#include "../../gen/check/check.h"
#include "../../gen/doc/doc.h"
#include "../../gen/facts/facts.h"
#include "../../gen/input/input.h"
#include "../../gen/template/template.h"

static spec_set specs;
static facts_options options;
static char unit_dir[600], yaml_path[700];
static char *disclosure;
static char *parts_name[32], *parts_text[32];
static size_t n_parts;

static const char *partial(void *ctx, const char *name)
{
    (void)ctx;
    for (size_t i = 0; i < n_parts; i++)
        if (strcmp(parts_name[i], name) == 0)
            return parts_text[i];
    return NULL;
}

static void load_partials(const char *root)
{
    static const char *names[] = {"change", "cover", "part1", "part2", "part3", "part45", "share_list"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/templates/parts/%s.mustache", root, names[i]);
        char *text = file_read_all(path, NULL);
        if (!text)
            continue;
        size_t n = strlen(text); /* a one-line partial is an inline snippet (as in cli.c) */
        if (n && text[n - 1] == '\n' && !memchr(text, '\n', n - 1))
            text[n - 1] = '\0';
        parts_name[n_parts] = xstrdup(names[i]);
        parts_text[n_parts++] = text;
    }
}

static void free_all(void)
{
    specs_free(&specs);
    facts_options_free(&options);
    free(disclosure);
    for (size_t i = 0; i < n_parts; i++)
        free(parts_name[i]), free(parts_text[i]);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *root = fuzz_root();
    diag_list d = {0};
    char path[1024];
    snprintf(path, sizeof path, "%s/templates", root);
    if (specs_load(path, &specs, &d) != 0 || facts_options_load(path, &options, &d) != 0) {
        diag_print(&d, stderr);
        fprintf(stderr, "fuzz_yaml: cannot load %s (run from the project root)\n", path);
        abort();
    }
    diag_list_free(&d);
    snprintf(path, sizeof path, "%s/templates/disclosure.mustache", root);
    disclosure = file_read_all(path, NULL);
    if (!disclosure)
        abort();
    load_partials(root);
    atexit(free_all);

    snprintf(unit_dir, sizeof unit_dir, "%s/unit", fuzz_tmpdir());
    snprintf(yaml_path, sizeof yaml_path, "%s/unit.yaml", unit_dir);
    if (mkdir(unit_dir, 0700) != 0)
        abort();
    char tables[1024], link[1024];
    snprintf(tables, sizeof tables, "%s/input/leshan-2024/tables", root);
    char *abs = realpath(tables, NULL);
    snprintf(link, sizeof link, "%s/tables", unit_dir);
    if (!abs || symlink(abs, link) != 0)
        abort();
    free(abs);
    return 0;
}

/* Every node of the tree has a position in the file (1 ≤ line ≤ lines). */
static void check_positions(const value *v, const posmap *pos, buf *path, int lines)
{
    srcpos p = posmap_get(pos, buf_cstr(path));
    FUZZ_ASSERT(p.file != NULL);
    FUZZ_ASSERT(p.line >= 0 && p.line <= lines + 1);
    size_t base = path->len;
    for (size_t i = 0; i < value_count(v); i++) {
        path->len = base;
        if (value_get_type(v) == VALUE_MAP)
            buf_printf(path, "%s%s", base ? "." : "", value_key_at(v, i));
        else
            buf_printf(path, "%s%zu", base ? "." : "", i);
        check_positions(value_at(v, i), pos, path, lines);
    }
    path->len = base;
    if (path->data)
        path->data[base] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(yaml_path, data, size);
    int lines = 1; /* YAML line breaks: LF, CR LF, and a lone CR */
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'));

    /* the reader */
    diag_list d = {0};
    value *tree = NULL;
    posmap *pos = NULL;
    int rc = yaml_load(yaml_path, &tree, &pos, &d);
    FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == 0 && tree : diag_error_count(&d) > 0 && !tree);
    if (tree) {
        buf path = {0};
        check_positions(tree, pos, &path, lines);
        buf_free(&path);
        buf json = {0};
        value_write_json(tree, &json);
        buf_free(&json);
    }
    value_free(tree);
    posmap_free(pos);
    diag_list_free(&d);

    /* the unit, its facts, the rendered markup */
    unit u;
    rc = unit_load(unit_dir, &specs, &u, &d);
    FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
    if (rc == 0) {
        FUZZ_ASSERT(u.name && u.short_name && u.kind && u.year && u.money_unit && u.pub_year);
        size_t before = diag_error_count(&d);
        int errors = check_unit(&u, &specs, &d);
        FUZZ_ASSERT(errors >= 0 && (size_t)errors == diag_error_count(&d) - before);
    }
    if (rc == 0 && diag_error_count(&d) == 0) {
        value *facts = facts_build(&u, &specs, &options, &d);
        FUZZ_ASSERT(facts ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
        if (facts) {
            template_options opt = {.strict = true, .partials = partial, .escape = template_escape_markup};
            char *markup = template_render(disclosure, facts, &opt, "disclosure.mustache", &d);
            if (markup) {
                doc document = {0};
                /* whatever unit.yaml says, the markup parses: no stray
                 * directive or heading can come from a text */
                FUZZ_ASSERT(doc_parse(markup, "markup", &document, &d) == 0);
                doc_free(&document);
                free(markup);
            }
            value_free(facts);
        }
    }
    fuzz_print_diags(&d);
    unit_free(&u);
    diag_list_free(&d);
    return 0;
}
