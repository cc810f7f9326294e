#include "reports/plan/host_diagram.h"

#include <algorithm>
#include <sstream>

#include "reports/template.h"

namespace fdfkit::report {
namespace {

constexpr int kBoxWidth = 180, kBoxHeight = 46, kGapX = 30, kLayerHeight = 96, kMargin = 16;

std::string ShortProtocol(const std::string& id) {
  const std::string prefix = "fuchsia.hardware.";
  return id.rfind(prefix, 0) == 0 ? id.substr(prefix.size()) : id;
}

}  // namespace

std::string HostDiagramSvg(const HostView& host) {
  size_t n = host.drivers.size();
  // Layer = longest chain of servers above a driver; cycles (not expected) stop at n layers.
  std::vector<int> layer(n, 0);
  for (size_t round = 0; round < n; ++round) {
    bool changed = false;
    for (const EdgeView& e : host.edges) {
      size_t from = static_cast<size_t>(e.from), to = static_cast<size_t>(e.to);
      if (from != to && layer[to] < layer[from] + 1 && layer[from] + 1 < static_cast<int>(n)) {
        layer[to] = layer[from] + 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  int layers = n == 0 ? 0 : *std::max_element(layer.begin(), layer.end()) + 1;
  std::vector<int> column(n, 0), per_layer(static_cast<size_t>(layers), 0);
  for (size_t i = 0; i < n; ++i) column[i] = per_layer[static_cast<size_t>(layer[i])]++;
  int widest = per_layer.empty() ? 1 : *std::max_element(per_layer.begin(), per_layer.end());
  int width = 2 * kMargin + widest * kBoxWidth + (widest - 1) * kGapX;
  int height = 2 * kMargin + layers * kLayerHeight - (kLayerHeight - kBoxHeight);
  auto x_of = [&](size_t i) {
    int count = per_layer[static_cast<size_t>(layer[i])];
    int row_width = count * kBoxWidth + (count - 1) * kGapX;
    return (width - row_width) / 2 + column[i] * (kBoxWidth + kGapX);
  };
  auto y_of = [&](size_t i) { return kMargin + layer[i] * kLayerHeight; };

  std::ostringstream svg;
  svg << "<svg class=\"host-diagram\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << " " << height << "\">"
      << "<title>" << EscapeHtml(host.id) << "</title>";
  for (const EdgeView& e : host.edges) {
    size_t from = static_cast<size_t>(e.from), to = static_cast<size_t>(e.to);
    int x1 = x_of(from) + kBoxWidth / 2, y1 = y_of(from) + kBoxHeight;
    int x2 = x_of(to) + kBoxWidth / 2, y2 = y_of(to);
    if (layer[to] <= layer[from]) y2 = y_of(to) + kBoxHeight / 2;  // same layer: side to side
    const char* state = EdgeStateName(e.state);
    svg << "<g class=\"edge edge-" << state << "\" data-protocol=\"" << EscapeHtml(e.protocol) << "\">"
        << "<title>" << EscapeHtml(e.protocol) << ": " << state << "</title>"
        << "<line x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\"" << x2 << "\" y2=\"" << y2
        << "\" marker-end=\"url(#arrow-" << state << ")\"/>"
        << "<text x=\"" << (x1 + x2) / 2 + 4 << "\" y=\"" << (y1 + y2) / 2 << "\">" << EscapeHtml(ShortProtocol(e.protocol))
        << "</text></g>";
  }
  // Service edges within the host (FIDL: nothing to migrate), dotted; across hosts they are listed
  // beside the diagram.
  for (const ServiceEdgeView& e : host.service_edges) {
    if (e.from_local < 0 || e.to_local < 0) continue;
    size_t from = static_cast<size_t>(e.from_local), to = static_cast<size_t>(e.to_local);
    int x1 = x_of(from) + kBoxWidth / 2 + 12, y1 = y_of(from) + kBoxHeight;
    int x2 = x_of(to) + kBoxWidth / 2 + 12, y2 = y_of(to);
    if (layer[to] <= layer[from]) y2 = y_of(to) + kBoxHeight / 2;
    svg << "<g class=\"edge service-edge service-" << EscapeHtml(e.transport) << "\" data-service=\""
        << EscapeHtml(e.service) << "\"><title>" << EscapeHtml(e.service) << ": FIDL service, " << EscapeHtml(e.transport)
        << "</title><line x1=\"" << x1 << "\" y1=\"" << y1 << "\" x2=\"" << x2 << "\" y2=\"" << y2
        << "\" marker-end=\"url(#arrow-channel)\"/></g>";
  }
  for (size_t i = 0; i < n; ++i) {
    const DriverView& d = host.drivers[i];
    std::string detail = d.status;
    if (d.port_wave > 0) detail += " · port w" + std::to_string(d.port_wave);
    if (d.dual_binary) detail += " · dual binary";
    svg << "<g class=\"driver driver-" << d.status << "\" data-driver=\"" << EscapeHtml(d.id) << "\">"
        << "<rect x=\"" << x_of(i) << "\" y=\"" << y_of(i) << "\" width=\"" << kBoxWidth << "\" height=\""
        << kBoxHeight << "\" rx=\"6\"/>"
        << "<text class=\"name\" x=\"" << x_of(i) + kBoxWidth / 2 << "\" y=\"" << y_of(i) + 19 << "\">"
        << EscapeHtml(d.id) << "</text>"
        << "<text class=\"detail\" x=\"" << x_of(i) + kBoxWidth / 2 << "\" y=\"" << y_of(i) + 36 << "\">"
        << EscapeHtml(detail) << "</text></g>";
  }
  svg << "</svg>";
  return svg.str();
}

}  // namespace fdfkit::report
