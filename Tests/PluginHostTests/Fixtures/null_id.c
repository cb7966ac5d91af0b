// Leaves the required id NULL.
#define FIXTURE_ID NULL
#include "fixture.h"
