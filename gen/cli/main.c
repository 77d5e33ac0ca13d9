/* main.c — entry point of juesuan. */
#include "cli.h"

int main(int argc, char **argv)
{
    heap_prefer_huge_pages();
    return cli_run(argc, argv);
}
