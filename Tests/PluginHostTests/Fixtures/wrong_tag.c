// Exports the entry symbol but is not a Patchbay provider: the product tag is someone else's.
#define FIXTURE_TAG 0x4f54484552505244ULL
#include "fixture.h"
