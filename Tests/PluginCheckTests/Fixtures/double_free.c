// free_buffer frees every buffer twice.
#define FIXTURE_DOUBLE_FREE
#include "check_fixture.h"
