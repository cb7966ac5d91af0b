// A valid provider whose id the tests choose with -DFIXTURE_ID=\"...\".
#include "fixture.h"
