// Exports its descriptor under another name, so the entry symbol is missing.
#define FIXTURE_ENTRY fixture_not_the_entry
#include "fixture.h"
