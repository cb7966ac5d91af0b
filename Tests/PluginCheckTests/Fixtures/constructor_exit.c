// A conforming plugin whose constructor ends the process: loading must do nothing, and the checker must say so.
#include "check_fixture.h"

#include <unistd.h>

__attribute__((constructor)) static void leave(void) { _exit(0); }
