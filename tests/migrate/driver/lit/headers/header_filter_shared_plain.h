// A header both given files include, with nothing of banjo in it: nothing to rewrite or say.
#pragma once
inline int PlainPinCount() { return 3; }
