// Refuses every settings object in create, with a message.
#define FIXTURE_ID "create-fails"
#define FIXTURE_CREATE_FAILS "greeting must not be empty"
#include "fixture.h"
