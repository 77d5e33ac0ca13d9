/* fuzz_csv.c — the CSV reader (csv_parse), the binding of a CSV to its
 * table spec (header, fixed rows by 项目 and 行次, subject codes against the
 * catalogs, amounts through money_parse, computed subtotals) via unit_load,
 * and then what the CLI does with a unit that loads: the rules of gen/check
 * and, when they pass, the facts.
 *
 * Input: byte 0 picks the table (of templates/tables/), the rest is its
 * CSV; the other tables and unit.yaml are those of input/leshan-2024.
 * Invariants: csv_parse either fails with at least one error or gives
 * rows whose cells have positions inside the text; unit_load and
 * facts_build fail exactly when they reported an error; check_unit's count
 * is the number of errors it added.
 */
#include "fuzz.h"
#include "fuzz_util.h"

#include "../../gen/check/check.h"
#include "../../gen/facts/facts.h"
#include "../../gen/input/input.h"

static spec_set specs;
static facts_options options;
static char unit_dir[600], csv_dir[700];

static void free_all(void)
{
    specs_free(&specs);
    facts_options_free(&options);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    diag_list d = {0};
    char path[1024], link[2048];
    snprintf(path, sizeof path, "%s/templates", fuzz_root());
    if (specs_load(path, &specs, &d) != 0 || specs.n_tables == 0 || facts_options_load(path, &options, &d) != 0) {
        diag_print(&d, stderr);
        fprintf(stderr, "fuzz_csv: cannot load %s (run from the project root)\n", path);
        abort();
    }
    diag_list_free(&d);
    atexit(free_all);
    snprintf(unit_dir, sizeof unit_dir, "%s/unit", fuzz_tmpdir());
    snprintf(csv_dir, sizeof csv_dir, "%s/tables", unit_dir);
    if (mkdir(unit_dir, 0700) != 0 || mkdir(csv_dir, 0700) != 0)
        abort();
    snprintf(path, sizeof path, "%s/input/leshan-2024", fuzz_root());
    char *example = realpath(path, NULL);
    if (!example)
        abort();
    snprintf(path, sizeof path, "%s/unit.yaml", example);
    snprintf(link, sizeof link, "%s/unit.yaml", unit_dir);
    if (symlink(path, link) != 0)
        abort();
    free(example);
    return 0;
}

/* tables/ holds the example's CSVs, but the one of `spec` is `text`. */
static void tables_with(const table_spec *spec, const char *text, size_t len)
{
    char path[1024], target[2048];
    for (size_t i = 0; i < specs.n_tables; i++) {
        snprintf(path, sizeof path, "%s/%s", csv_dir, specs.tables[i].file);
        unlink(path);
        if (&specs.tables[i] == spec) {
            fuzz_write(path, (const uint8_t *)text, len);
        } else {
            snprintf(target, sizeof target, "%s/input/leshan-2024/tables/%s", fuzz_root(), specs.tables[i].file);
            char *abs = realpath(target, NULL);
            if (!abs || symlink(abs, path) != 0)
                abort();
            free(abs);
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const table_spec *spec = &specs.tables[data[0] % specs.n_tables];
    const char *text = (const char *)data + 1;
    size_t len = size - 1;

    /* the reader alone, on the exact bytes (no NUL terminator) */
    diag_list d = {0};
    csv_file f;
    int rc = csv_parse(text, len, "f.csv", &f, &d);
    FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
    for (size_t r = 0; rc == 0 && r < f.n_rows; r++)
        for (size_t c = 0; c < f.rows[r].n_cells; c++) {
            const csv_cell *cc = &f.rows[r].cells[c];
            FUZZ_ASSERT(cc->text && cc->line >= 1 && cc->col >= 1);
            FUZZ_ASSERT(strlen(cc->text) <= len);
        }
    csv_free(&f);
    diag_list_free(&d);

    /* bound to its spec, in a unit; then checked, then the facts */
    tables_with(spec, text, len);
    unit u;
    rc = unit_load(unit_dir, &specs, &u, &d);
    FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
    if (rc == 0) {
        FUZZ_ASSERT(u.n_tables == specs.n_tables);
        size_t before = diag_error_count(&d);
        int errors = check_unit(&u, &specs, &d);
        FUZZ_ASSERT(errors >= 0 && (size_t)errors == diag_error_count(&d) - before);
        if (errors == 0) {
            value *facts = facts_build(&u, &specs, &options, &d);
            FUZZ_ASSERT(facts ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
            value_free(facts);
        }
    }
    fuzz_print_diags(&d);
    unit_free(&u);
    diag_list_free(&d);
    return 0;
}
