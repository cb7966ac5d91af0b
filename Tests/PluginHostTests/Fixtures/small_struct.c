// Declares a descriptor smaller than ABI 1.0's.
#define FIXTURE_SIZE 64
#include "fixture.h"
