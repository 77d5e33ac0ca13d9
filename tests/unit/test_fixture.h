/* test_fixture.h — the group setup of the cmocka tests that load unit
 * folders (test_department, test_projects): a scratch folder `tmpdir`, and
 * the default templates' table specs and facts options, loaded once. Include
 * after test_util.h, in one test file each; run from the project root. */
#ifndef JUESUAN_TEST_FIXTURE_H
#define JUESUAN_TEST_FIXTURE_H

#include "test_util.h"

static char tmpdir[64];
static spec_set specs;
static facts_options options;

/* cmocka group setup: make tmpdir, load templates/'s specs and options. */
static int fixture_setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/juesuan-test-XXXXXX");
    if (!mkdtemp(tmpdir)) return -1;
    diag_list d = {0};
    int rc = specs_load("templates", &specs, &d) == 0 && facts_options_load("templates", &options, &d) == 0 ? 0 : -1;
    if (rc) fprintf(stderr, "%s", diags_text(&d));
    diag_list_free(&d);
    return rc;
}

/* cmocka group teardown: free what fixture_setup loaded, remove tmpdir. */
static int fixture_teardown(void **state)
{
    (void)state;
    specs_free(&specs);
    facts_options_free(&options);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
