// The second file that includes header_filter_shared.h.
#include "header_filter_shared.h"

int OtherPinCount() { return SharedPinCount(); }
