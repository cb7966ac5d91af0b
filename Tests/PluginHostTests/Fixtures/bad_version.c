// Declares a version that is not semver.
#define FIXTURE_VERSION "1.0"
#include "fixture.h"
