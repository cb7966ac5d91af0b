// Hands the host a page that is not JSON.
#define FIXTURE_ID "malformed-page"
#define FIXTURE_PAGE "{\"networks\": [oops"
#include "fixture.h"
