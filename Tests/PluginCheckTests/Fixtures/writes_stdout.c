// A conforming plugin whose constructor prints to stdout: stdout is the host's, and the checker must say so.
#include "check_fixture.h"

#include <stdio.h>

__attribute__((constructor)) static void chatter(void) {
    printf("hello from the plugin\n");
    fflush(stdout);
}
