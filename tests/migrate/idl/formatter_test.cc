// The formatter: canonical modern output that re-parses to the same thing and is idempotent.
#include "migrate/idl/formatter.h"

#include <gtest/gtest.h>

#include "tests/migrate/idl/idl_test_support.h"

namespace {

using fdfkit::idl::testing::Parse;

std::string FormatText(std::string_view text, const std::string& name = "test.fidl") {
  auto r = Parse(text, name);
  EXPECT_EQ(r.errors(), "");
  if (!r.file) return "";
  fdfkit::idl::NameKinds kinds;
  fdfkit::idl::CollectNameKinds(*r.file, &kinds);
  return fdfkit::idl::Format(*r.file, kinds);
}

TEST(Formatter, CorpusFormatsIdempotentlyToModernFidl) {
  for (const auto& path : fdfkit::idl::testing::CorpusFiles()) {
    std::string once = FormatText(fdfkit::idl::testing::ReadFile(path), path.filename().string());
    auto reparsed = Parse(once, "formatted.fidl");
    EXPECT_EQ(reparsed.errors(), "") << path << "\n" << once;
    // Only protocols tell modern FIDL from the 2022 syntax; a file of types is both.
    std::string dialect = fdfkit::idl::raw::DialectName(reparsed.file->dialect);
    if (once.find("protocol ") != std::string::npos) {
      EXPECT_EQ(dialect, "fidl-modern") << path;
    } else {
      EXPECT_TRUE(dialect == "fidl-modern" || dialect == "fidl") << path << ": " << dialect;
    }
    EXPECT_EQ(FormatText(once, "formatted.fidl"), once) << path;
  }
}

TEST(Formatter, BanjoV1ToModernExactText) {
  std::string out = FormatText(R"(library a.b;
struct S { uint32 x = 1; };
union U { S s; zx.status st; };
[Layout = "ddk-protocol"]
protocol P {
    /// Doc.
    M(S? s, Ifc ifc, handle<vmo> v) -> (zx.status s);
};
[Layout = "ddk-interface"]
protocol Ifc { Done(); };
)", "a.banjo");
  EXPECT_EQ(out, R"(library a.b;

type S = struct {
    x uint32 = 1;
};

type U = strict union {
    1: s S;
    2: st zx.Status;
};

@banjo_layout("ddk-protocol")
@transport("Banjo")
closed protocol P {
    /// Doc.
    strict M(struct {
        s box<S>;
        ifc client_end:Ifc;
        v zx.Handle:VMO;
    }) -> (struct {
        s zx.Status;
    });
};

@banjo_layout("ddk-interface")
@transport("Banjo")
closed protocol Ifc {
    strict Done();
};
)");
}

TEST(Formatter, ProtocolMembersAreSeparatedByOneBlankLine) {
  EXPECT_EQ(FormatText("library a;\nprotocol P { compose B; M(); -> E(); };\nprotocol Q {};\n"),
            R"(library a;

closed protocol P {
    compose B;

    strict M();

    strict -> E();
};

closed protocol Q {};
)");
}

TEST(Formatter, HugeOrdinalsDoNotThrow) {
  std::string out = FormatText(
      "library a;\ntype U = strict union { 99999999999999999999999: a uint8; b uint8; };\n");
  EXPECT_NE(out.find("99999999999999999999999: a uint8;"), std::string::npos);
}

TEST(Formatter, CanonicalZxNames) {
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("zx.status"), "zx.Status");
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("zx.obj_type"), "zx.ObjType");
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("zx.Handle"), "zx.Handle");
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("other.status"), "other.status");
}

}  // namespace
