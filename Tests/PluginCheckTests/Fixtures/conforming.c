// The well-behaved base: passes every check.
#include "check_fixture.h"
