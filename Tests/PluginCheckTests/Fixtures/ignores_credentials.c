// Answers OK whatever the credentials, even none or non-JSON.
#define FIXTURE_IGNORES_CREDENTIALS
#include "check_fixture.h"
