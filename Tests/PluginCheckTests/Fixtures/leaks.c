// validate leaks 32 KiB per call.
#define FIXTURE_LEAK
#include "check_fixture.h"
