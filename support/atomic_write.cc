#include "support/atomic_write.h"

#include <cstdio>
#include <fstream>

namespace fdfkit::support {

bool WriteFileAtomically(const std::string& path, const std::string& text) {
  std::string temp = path + ".fdfkit.tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) {
      std::remove(temp.c_str());
      return false;
    }
  }
  if (std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    return false;
  }
  return true;
}

}  // namespace fdfkit::support
