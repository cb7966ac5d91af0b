// Refuses malformed credentials with 42, a code the v1 contract does not have.
#define FIXTURE_REFUSAL 42
#include "check_fixture.h"
