#pragma once

namespace eth {
// The MAC engine both variants share.
class DwMacCore {};
}  // namespace eth
