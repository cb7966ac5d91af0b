// Keeps sending pages after the sink said stop, and returns OK.
#define FIXTURE_IGNORES_SINK
#define FIXTURE_PAGES 3
#include "check_fixture.h"
