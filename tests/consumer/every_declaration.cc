// Includes every generated header of test.fdfkit (both transports) so the consumer's strict
// warning flags apply to all of it, and instantiates a few templates that are only compiled on use.
#include <fidl/test.fdfkit/cpp/driver/wire.h>
#include <fidl/test.fdfkit/cpp/wire.h>

// Referenced from main() so the translation unit is not dropped by the linker.
int EveryDeclarationSize() {
  fidl::Arena arena;
  auto table = test_fdfkit::wire::Sparse::Builder(arena).a(1).Build();
  test_fdfkit::wire::Choice choice = test_fdfkit::wire::Choice::WithS(arena, fidl::StringView("x"));
  return static_cast<int>(sizeof(test_fdfkit::wire::Outer) + sizeof(table) + sizeof(choice));
}
