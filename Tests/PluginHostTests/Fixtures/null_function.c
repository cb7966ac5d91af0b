// Leaves the required validate function NULL.
#define FIXTURE_VALIDATE NULL
#include "fixture.h"
