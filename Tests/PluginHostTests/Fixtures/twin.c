// A valid provider with id "twin"; the tests build it twice so the second copy is a duplicate id.
#define FIXTURE_ID "twin"
#include "fixture.h"
