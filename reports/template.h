// A minimal text template: "{{name}}" is replaced by the value given for `name`. Values are
// inserted as given (callers escape them for the output language); a placeholder without a
// value is an error, so a template and its renderer cannot drift apart silently.
#ifndef FDFKIT_REPORTS_TEMPLATE_H_
#define FDFKIT_REPORTS_TEMPLATE_H_

#include <map>
#include <stdexcept>
#include <string>

namespace fdfkit::report {

struct TemplateError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string RenderTemplate(const std::string& text, const std::map<std::string, std::string>& values);

// &, <, >, " and ' as entities: safe inside HTML/SVG text and attribute values.
std::string EscapeHtml(const std::string& text);

}  // namespace fdfkit::report

#endif  // FDFKIT_REPORTS_TEMPLATE_H_
