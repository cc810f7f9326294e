#include "migrate/idl/identifiers.h"

#include <cctype>

namespace fdfkit::idl {
namespace {

constexpr const char* kOnes[] = {"zero",    "one",     "two",       "three",    "four",
                                 "five",    "six",     "seven",     "eight",    "nine",
                                 "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                 "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
constexpr const char* kTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                 "eighty", "ninety"};

// "20" → "twenty", "64" → "sixty_four"; longer runs digit by digit ("802" → "eight_zero_two").
std::string NumberInWords(std::string_view digits) {
  if (digits.size() == 1) return kOnes[digits[0] - '0'];
  if (digits.size() == 2 && digits[0] != '0') {
    int value = (digits[0] - '0') * 10 + (digits[1] - '0');
    if (value < 20) return kOnes[value];
    std::string out = kTens[value / 10];
    if (value % 10) out += std::string("_") + kOnes[value % 10];
    return out;
  }
  std::string out;
  for (char d : digits) out += (out.empty() ? "" : "_") + std::string(kOnes[d - '0']);
  return out;
}

}  // namespace

bool StartsWithDigit(std::string_view text) {
  return !text.empty() && std::isdigit(static_cast<unsigned char>(text[0]));
}

std::string FidlIdentifier(std::string_view name) {
  if (!StartsWithDigit(name)) return std::string(name);
  size_t digits = 0;
  while (digits < name.size() && std::isdigit(static_cast<unsigned char>(name[digits]))) ++digits;
  std::string_view rest = name.substr(digits);
  bool upper = true;  // a name without lower-case letters stays upper case
  for (char c : rest) upper = upper && !std::islower(static_cast<unsigned char>(c));
  std::string out = NumberInWords(name.substr(0, digits));
  if (upper) {
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (!rest.empty() && rest[0] != '_') out += '_';
  return out + std::string(rest);
}

std::string FidlCompoundName(std::string_view name) {
  std::string out;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    out += FidlIdentifier(name.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) return out;
    out += '.';
    start = dot + 1;
  }
}

}  // namespace fdfkit::idl
