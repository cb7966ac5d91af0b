// Hands the host a page that is not JSON.
#define FIXTURE_PAGE "{\"networks\": [oops"
#include "check_fixture.h"
