// The second file that includes header_filter_shared.h.
#include "header_filter_shared.h"
#include "header_filter_shared_plain.h"

int OtherPinCount() { return SharedPinCount(); }
