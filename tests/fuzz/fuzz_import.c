/* fuzz_import.c — the workbook reader (workbook_read: minizip and expat over
 * an XLSX) and the layout analysis of juesuan import (workbook_import:
 * which table a sheet is, its header block, its columns, code/name cells,
 * amounts from stored text in the sheet's unit), then the binding of each
 * table read to its spec (table_bind), as `juesuan import` does.
 *
 * Input: the XML of xl/sharedStrings.xml, a NUL byte, the XML of one
 * worksheet (without a NUL: no shared strings, the whole input is the
 * sheet). The harness wraps them in an XLSX with minizip (workbook.xml
 * naming the one sheet, its relationship) so that the mutations reach the
 * XML rather than the ZIP's checksums.
 * Invariants: each step fails exactly when it reported an error; the cells
 * of a table read carry sheet positions (row, column >= 1) and the sheet's
 * position name; the money unit chosen is 元 or 万元.
 */
#include "fuzz.h"
#include "fuzz_util.h"

#include "../../gen/input/input.h"

#include <zip.h>

static spec_set specs;
static char book[600];

static void free_all(void)
{
    specs_free(&specs);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    diag_list d = {0};
    char path[1024];
    snprintf(path, sizeof path, "%s/templates", fuzz_root());
    if (specs_load(path, &specs, &d) != 0 || specs.n_tables == 0) {
        diag_print(&d, stderr);
        fprintf(stderr, "fuzz_import: cannot load %s (run from the project root)\n", path);
        abort();
    }
    diag_list_free(&d);
    atexit(free_all);
    (void)fuzz_write; /* the input goes into a ZIP instead */
    snprintf(book, sizeof book, "%s/book.xlsx", fuzz_tmpdir());
    return 0;
}

static void zip_part(zipFile z, const char *name, const void *data, size_t len)
{
    zip_fileinfo info = {0};
    if (zipOpenNewFileInZip(z, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, Z_DEFAULT_COMPRESSION) != ZIP_OK ||
        zipWriteInFileInZip(z, data, (unsigned)len) != ZIP_OK || zipCloseFileInZip(z) != ZIP_OK)
        abort();
}

static const char WORKBOOK[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/></Relationships>";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    const uint8_t *sheet = nul ? nul + 1 : data;
    size_t sheet_len = nul ? size - (size_t)(nul + 1 - data) : size;
    zipFile z = zipOpen64(book, APPEND_STATUS_CREATE);
    if (!z)
        abort();
    zip_part(z, "xl/workbook.xml", WORKBOOK, sizeof WORKBOOK - 1);
    zip_part(z, "xl/_rels/workbook.xml.rels", RELS, sizeof RELS - 1);
    if (nul)
        zip_part(z, "xl/sharedStrings.xml", data, (size_t)(nul - data));
    zip_part(z, "xl/worksheets/sheet1.xml", sheet, sheet_len);
    if (zipClose(z, NULL) != ZIP_OK)
        abort();

    diag_list d = {0};
    workbook wb;
    int rc = workbook_read(book, &wb, &d);
    FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == 0 : diag_error_count(&d) > 0);
    for (size_t s = 0; s < wb.n_sheets; s++)
        for (size_t i = 0; i < wb.sheets[s].n_cells; i++) {
            const wb_cell *c = &wb.sheets[s].cells[i];
            FUZZ_ASSERT(c->row >= 1 && c->col >= 1 && c->text);
            FUZZ_ASSERT(c->row <= wb.sheets[s].rows && c->col <= wb.sheets[s].cols);
        }
    if (rc == 0) {
        csv_file *csv = calloc(specs.n_tables, sizeof *csv);
        bool *found = calloc(specs.n_tables, sizeof *found);
        if (!csv || !found)
            abort();
        money_unit mu = 0;
        size_t before = diag_error_count(&d);
        rc = workbook_import(&wb, &specs, &mu, csv, found, &d);
        FUZZ_ASSERT(rc == 0 ? diag_error_count(&d) == before : diag_error_count(&d) > before);
        FUZZ_ASSERT(mu == MONEY_YUAN || mu == MONEY_WANYUAN);
        unit u = {0};
        u.money_unit = mu;
        u.tables = calloc(specs.n_tables, sizeof *u.tables);
        if (!u.tables)
            abort();
        u.n_tables = specs.n_tables;
        for (size_t i = 0; i < specs.n_tables; i++) {
            u.tables[i].spec = &specs.tables[i];
            u.tables[i].path = strdup(found[i] && csv[i].path ? csv[i].path : book);
            if (!found[i] || !csv[i].path)
                continue;
            FUZZ_ASSERT(strcmp(csv[i].path, wb.sheets[0].where) == 0);
            for (size_t r = 0; r < csv[i].n_rows; r++) {
                FUZZ_ASSERT(csv[i].rows[r].n_cells == specs.tables[i].n_columns);
                for (size_t c = 0; c < csv[i].rows[r].n_cells; c++)
                    FUZZ_ASSERT(csv[i].rows[r].cells[c].text && csv[i].rows[r].cells[c].line >= 1 &&
                                csv[i].rows[r].cells[c].col >= 1);
            }
            if (rc == 0) {
                before = diag_error_count(&d);
                int br = table_bind(&u, &u.tables[i], &specs, &csv[i], &d);
                FUZZ_ASSERT(br == 0 ? diag_error_count(&d) == before : diag_error_count(&d) > before);
            }
        }
        unit_free(&u);
        for (size_t i = 0; i < specs.n_tables; i++)
            csv_free(&csv[i]);
        free(csv);
        free(found);
    }
    fuzz_print_diags(&d);
    workbook_free(&wb);
    diag_list_free(&d);
    unlink(book);
    return 0;
}
