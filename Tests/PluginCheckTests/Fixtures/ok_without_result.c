// validate returns OK but never sets *out_result.
#define FIXTURE_OK_WITHOUT_RESULT
#include "check_fixture.h"
