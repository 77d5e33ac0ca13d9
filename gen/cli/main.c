/* main.c — entry point of juesuan. */
#include "cli.h"

int main(int argc, char **argv)
{
    return cli_run(argc, argv);
}
