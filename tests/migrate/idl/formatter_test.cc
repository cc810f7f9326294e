// The formatter: canonical modern output that re-parses to the same thing and is idempotent.
#include "migrate/idl/formatter.h"

#include <gtest/gtest.h>

#include <set>

#include "migrate/idl/lexer.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace fs = std::filesystem;
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

// The plain comments of `text`, as the lexer sees them, and its doc comment lines: what the
// formatter must give back.
struct CommentSets {
  std::multiset<std::string> plain, doc;
};
CommentSets CommentsOf(std::string_view text) {
  fdfkit::idl::SourceFiles files;
  fdfkit::idl::Reporter reporter(&files);
  std::vector<fdfkit::idl::Comment> comments;
  CommentSets sets;
  for (const auto& token : fdfkit::idl::Lex(text, &reporter, &comments)) {
    if (token.kind == fdfkit::idl::TokenKind::kDocComment) sets.doc.insert(std::string(token.text));
  }
  for (const auto& c : comments) sets.plain.insert(std::string(c.text));
  return sets;
}

// The corpus and the real-world-shaped samples (tests/migrate/idl/samples: copyright headers,
// comments between attributes, inside parameter lists, after the last member, block comments).
std::vector<fs::path> FilesWithComments() {
  std::vector<fs::path> files = fdfkit::idl::testing::CorpusFiles();
  for (const auto& entry : fs::directory_iterator(fs::path(FDFKIT_SOURCE_DIR) / "tests/migrate/idl/samples")) {
    files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Formats one file as `fdf-idl format` does (resolved, so `resource` and enum aliases are known),
// compiled with the other files of its folder: a corpus library may span several.
std::string FormatResolved(const fs::path& path) {
  std::vector<fs::path> library = {path};
  for (const auto& entry : fs::directory_iterator(path.parent_path())) {
    bool idl = entry.path().extension() == ".fidl" || entry.path().extension() == ".banjo";
    if (idl && entry.path() != path && path.parent_path().filename() != "samples") {
      library.push_back(entry.path());
    }
  }
  auto c = fdfkit::idl::testing::CompileCorpusLibrary(library);
  EXPECT_TRUE(c.ok) << path << "\n" << c.errors();
  const auto& raw = *c.compiler->raw_files().front();
  fdfkit::idl::NameKinds kinds;
  fdfkit::idl::CollectNameKinds(raw, &kinds);
  return fdfkit::idl::Format(raw, kinds, fdfkit::idl::HintsFrom(c.library(raw.library)));
}

TEST(Formatter, EveryCommentComesBack) {
  std::vector<fs::path> files = FilesWithComments();
  ASSERT_GE(files.size(), 36u);
  size_t comments = 0;
  for (const fs::path& path : files) {
    std::string text = fdfkit::idl::testing::ReadFile(path);
    std::string formatted = FormatResolved(path);
    CommentSets before = CommentsOf(text), after = CommentsOf(formatted);
    EXPECT_EQ(after.plain, before.plain) << path << "\n" << formatted;
    EXPECT_TRUE(std::includes(after.doc.begin(), after.doc.end(), before.doc.begin(),
                              before.doc.end()))
        << path << "\n" << formatted;
    comments += before.plain.size();
    // The output is itself clean input that formats to itself.
    auto again = Parse(formatted, "formatted.fidl");
    EXPECT_EQ(again.errors(), "") << path << "\n" << formatted;
    EXPECT_EQ(FormatText(formatted, "formatted.fidl"), formatted) << path;
  }
  EXPECT_GE(comments, 60u);  // the test sees comments to keep
}

TEST(Formatter, CommentsStayWhereTheyWere) {
  std::string out = FormatText(R"(// Copyright 2024 The Authors.

// About the library.
library a; // on the library line

using zx; // on a using line

// Above a struct.
type S = struct {
    a uint32; // after a member
    // above a member
    b uint8;
    // after the last member
};

@transport("Banjo")
// between the attributes and the protocol
protocol P {
    // above a method
    M(struct { x uint32; /* inside */ }) -> (); // after a method
    // before the closing brace
};
// at the end of the file
)");
  EXPECT_EQ(out, R"(// Copyright 2024 The Authors.

// About the library.
library a; // on the library line

using zx; // on a using line

// Above a struct.
type S = struct {
    a uint32; // after a member
    // above a member
    b uint8;
    // after the last member
};

// between the attributes and the protocol
@transport("Banjo")
closed protocol P {
    // above a method
    strict M(struct {
        x uint32; /* inside */
    }) -> (); // after a method
    // before the closing brace
};

// at the end of the file
)");
}

TEST(Formatter, BanjoNamesThatModernFidlRejectsAreRespelled) {
  auto c = fdfkit::idl::testing::Compile({{"audio.banjo", R"(library a;
enum Format : uint32 { @8BIT = 0x2; @20BIT_PACKED = 0x8; };
enum Band : uint8 { 2ghz = 0; 5ghz = 1; };
enum Cfg : uint8 { CLASS_CODE = 0x09; CLASS_CODE_INTR = 0x09; };
struct S { bytes data; bytes:8 small; handle:msi_allocation msi; };
)"}});
  ASSERT_TRUE(c.ok) << c.errors();
  EXPECT_EQ(c.errors(),
            "audio.banjo:2:25: warning: [FDFIDL065] '8BIT' starts with a digit: modern FIDL output "
            "(the formatter, migrate-protocol's clones) names it 'EIGHT_BIT'\n"
            "audio.banjo:2:38: warning: [FDFIDL065] '20BIT_PACKED' starts with a digit: modern "
            "FIDL output (the formatter, migrate-protocol's clones) names it 'TWENTY_BIT_PACKED'\n"
            "audio.banjo:3:21: warning: [FDFIDL065] '2ghz' starts with a digit: modern FIDL output "
            "(the formatter, migrate-protocol's clones) names it 'two_ghz'\n"
            "audio.banjo:3:31: warning: [FDFIDL065] '5ghz' starts with a digit: modern FIDL output "
            "(the formatter, migrate-protocol's clones) names it 'five_ghz'\n"
            "audio.banjo:4:57: warning: [FDFIDL030] enum member 'CLASS_CODE_INTR' repeats the value "
            "of 'CLASS_CODE' (9): an alias, which banjo allowed and FIDL does not\n");
  const auto& raw = *c.compiler->raw_files().front();
  fdfkit::idl::NameKinds kinds;
  fdfkit::idl::CollectNameKinds(raw, &kinds);
  std::string out = fdfkit::idl::Format(raw, kinds, fdfkit::idl::HintsFrom(c.library("a")));
  EXPECT_EQ(out, R"(library a;

type Format = strict enum : uint32 {
    EIGHT_BIT = 0x2;
    TWENTY_BIT_PACKED = 0x8;
};

type Band = strict enum : uint8 {
    two_ghz = 0;
    five_ghz = 1;
};

type Cfg = strict enum : uint8 {
    CLASS_CODE = 0x09;
};

const CLASS_CODE_INTR Cfg = Cfg.CLASS_CODE;

type S = resource struct {
    data vector<uint8>;
    small vector<uint8>:8;
    msi zx.Handle:MSI;
};
)");
  auto modern = fdfkit::idl::testing::Compile({{"modern.fidl", out}});
  EXPECT_TRUE(modern.ok) << modern.errors();
  EXPECT_EQ(modern.errors(), "");  // nothing left to warn about
}

TEST(Formatter, CanonicalZxNames) {
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("zx.status"), "zx.Status");
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("zx.obj_type"), "zx.ObjType");
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("zx.Handle"), "zx.Handle");
  EXPECT_EQ(fdfkit::idl::CanonicalZxName("other.status"), "other.status");
}

}  // namespace
