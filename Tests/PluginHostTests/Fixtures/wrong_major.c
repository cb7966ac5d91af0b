// Built for a future ABI 2.x: the host must refuse it by its major version.
#define FIXTURE_MAJOR 2
#include "fixture.h"
