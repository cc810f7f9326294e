// Parsing every dialect into one raw AST shape, and the diagnostics for malformed input.
#include <gtest/gtest.h>

#include "tests/migrate/idl/idl_test_support.h"

namespace {

using fdfkit::idl::raw::Decl;
using fdfkit::idl::raw::Dialect;
using fdfkit::idl::raw::Layout;
using fdfkit::idl::testing::Parse;

const Decl& FindDecl(const fdfkit::idl::raw::File& file, const std::string& name) {
  for (const Decl& d : file.decls) {
    if (d.name == name) return d;
  }
  ADD_FAILURE() << "no declaration " << name;
  static Decl none;
  return none;
}

TEST(Parser, EveryCorpusFileParsesCleanlyInItsDialect) {
  std::map<std::string, Dialect> expected = {
      {"sensor.banjo", Dialect::kBanjoV1},
      {"fan.banjo", Dialect::kBanjoV2},
      {"keypad.fidl", Dialect::kLegacyFidl},
      {"led-impl.fidl", Dialect::kFidl},
      {"thermal-impl.fidl", Dialect::kModernFidl},
  };
  auto files = fdfkit::idl::testing::CorpusFiles();
  ASSERT_GE(files.size(), expected.size());
  for (const auto& path : files) {
    auto r = Parse(fdfkit::idl::testing::ReadFile(path), path.filename().string());
    ASSERT_TRUE(r.file) << path;
    EXPECT_EQ(r.errors(), "") << path;
    auto it = expected.find(path.filename().string());
    if (it != expected.end()) {
      EXPECT_EQ(fdfkit::idl::raw::DialectName(r.file->dialect), fdfkit::idl::raw::DialectName(it->second))
          << path;
    }
  }
}

TEST(Parser, BanjoV1TypesAreNormalised) {
  auto r = Parse(R"(library a.b;
struct S {
    handle<vmo> v;
    handle h;
    array<uint16>:4 a;
    request<P> server;
    T? maybe;
    uint64 @handle;
    vector<Layer?>? layers;
};
)", "x.banjo");
  ASSERT_EQ(r.errors(), "");
  const Layout& s = *FindDecl(*r.file, "S").type->layout;
  ASSERT_EQ(s.members.size(), 7u);
  EXPECT_EQ(s.members[0].type->name, "zx.Handle");
  ASSERT_EQ(s.members[0].type->constraints.size(), 1u);
  EXPECT_EQ(s.members[0].type->constraints[0].text, "VMO");
  EXPECT_EQ(s.members[1].type->name, "zx.Handle");
  EXPECT_TRUE(s.members[1].type->constraints.empty());
  EXPECT_EQ(s.members[2].type->name, "array");
  EXPECT_EQ(s.members[2].type->size_arg->text, "4");
  EXPECT_TRUE(s.members[2].type->constraints.empty());
  EXPECT_EQ(s.members[3].type->name, "server_end");
  EXPECT_EQ(s.members[3].type->constraints[0].text, "P");
  EXPECT_TRUE(s.members[4].type->IsOptional());
  EXPECT_EQ(s.members[5].name, "handle");  // `@handle` escapes the keyword
  EXPECT_EQ(s.members[5].type->name, "uint64");
  EXPECT_TRUE(s.members[6].type->IsOptional());
  EXPECT_TRUE(s.members[6].type->type_args[0].IsOptional());
}

TEST(Parser, LegacyParameterListsBecomeInlineStructs) {
  auto r = Parse(R"(deprecated_syntax;
library a;
protocol P {
    Query(uint32 options, [Buffer] vector<uint8>:MAX buf) -> (zx.status s, Info info);
    Named(Args) -> () error zx.status;
    -> OnEvent(uint32 x);
};
)");
  ASSERT_EQ(r.errors(), "");
  const Decl& p = FindDecl(*r.file, "P");
  ASSERT_EQ(p.methods.size(), 3u);
  const Layout& request = *p.methods[0].request->layout;
  ASSERT_EQ(request.members.size(), 2u);
  EXPECT_EQ(request.members[1].name, "buf");
  EXPECT_NE(request.members[1].attrs.Find("buffer"), nullptr);
  EXPECT_EQ(p.methods[0].response->layout->members[0].type->name, "zx.status");
  EXPECT_EQ(p.methods[1].request->name, "Args");  // a named payload
  EXPECT_FALSE(p.methods[1].response.has_value());
  EXPECT_EQ(p.methods[1].error->name, "zx.status");
  EXPECT_TRUE(p.methods[2].is_event);
  EXPECT_EQ(r.file->dialect, Dialect::kLegacyFidl);
}

TEST(Parser, ModernConstructs) {
  auto r = Parse(R"(@available(added=7)
library a.b;
using zx;
using fuchsia.other as other;
const MASK uint32 = A | B | 0x4;
const NEG int32 = -1;
alias Name = string:32;
type F = flexible resource table { 1: x zx.Handle:<VMO, optional>; 2: reserved; };
type U = strict union { 1: a uint32; };
type E = flexible enum : int8 { A = -1; };
type S = struct { flags @generated_name("Flag") strict bits : uint32 { X = 1; }; b box<S>; };
@discoverable
open protocol P {
    compose other.Base;
    flexible M(struct { a array<uint8, other.MAX>; }) -> (U) error zx.Status;
    strict -> E(struct { c client_end:<P, optional>; });
};
service Svc { p client_end:P; };
)");
  ASSERT_EQ(r.errors(), "");
  EXPECT_EQ(r.file->dialect, Dialect::kModernFidl);
  EXPECT_EQ(r.file->usings[1].alias, "other");
  const Decl& mask = FindDecl(*r.file, "MASK");
  EXPECT_EQ(mask.value->operands.size(), 3u);
  EXPECT_EQ(FindDecl(*r.file, "NEG").value->text, "-1");
  const Layout& f = *FindDecl(*r.file, "F").type->layout;
  EXPECT_EQ(f.modifiers, (std::vector<std::string>{"flexible", "resource"}));
  EXPECT_TRUE(f.members[1].reserved);
  EXPECT_EQ(f.members[0].type->constraints.size(), 2u);
  const Layout& s = *FindDecl(*r.file, "S").type->layout;
  ASSERT_TRUE(s.members[0].type->layout);
  EXPECT_EQ(s.members[0].type->layout->attrs.Find("generated_name")->args[0].value.text, "Flag");
  const Decl& p = FindDecl(*r.file, "P");
  EXPECT_EQ(p.modifiers, std::vector<std::string>{"open"});
  EXPECT_EQ(p.composes[0].name, "other.Base");
  EXPECT_EQ(p.methods[0].request->layout->members[0].type->size_arg->text, "other.MAX");
  EXPECT_EQ(FindDecl(*r.file, "Svc").members[0].type->name, "client_end");
}

TEST(Parser, KeywordsAreValidNames) {
  auto r = Parse(R"(library a;
type S = struct { type uint32; handle uint64; string vector<uint8>; interface client_end:P; register uint8; };
)");
  ASSERT_EQ(r.errors(), "");
  EXPECT_EQ(FindDecl(*r.file, "S").type->layout->members.size(), 5u);
}

TEST(Parser, ErrorsCarryFileLineColumnAndParsingContinues) {
  auto r = Parse("library a;\ntype S = struct { x; };\nconst C uint32 = 0x;\ntype T = struct { y uint8; };\n");
  EXPECT_EQ(r.errors(),
            "test.fidl:2:20: [FDFIDL003] expected identifier, found ';'\n"
            "test.fidl:3:18: [FDFIDL004] invalid number literal '0x'\n");
  ASSERT_TRUE(r.file);
  EXPECT_EQ(r.file->decls.back().name, "T");  // recovered
}

TEST(Parser, MissingLibraryAndEndOfFile) {
  EXPECT_EQ(Parse("type S = struct {};").errors(),
            "test.fidl:1:1: [FDFIDL005] a file must start with its 'library' declaration, found 'type'\n");
  EXPECT_EQ(Parse("library a;\nprotocol P {\n  M();\n").errors(),
            "test.fidl:4:1: [FDFIDL003] expected '}', found end of file\n");
}

TEST(Parser, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string text = "library a;\nalias X = ";
  for (int i = 0; i < 10000; ++i) text += "vector<";
  auto r = Parse(text);
  EXPECT_NE(r.errors().find("[FDFIDL007]"), std::string::npos);
}

TEST(Parser, EveryPrefixOfTheCorpusParsesWithoutCrashing) {
  for (const auto& path : fdfkit::idl::testing::CorpusFiles()) {
    std::string text = fdfkit::idl::testing::ReadFile(path);
    for (size_t n = 0; n <= text.size(); n += 7) Parse(std::string_view(text).substr(0, n));
  }
}

}  // namespace

namespace {

TEST(AttributeNames, CompareAsFidlgenBanjoDoesAfterSnakeCasing) {
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("InOut"), "in_out");
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("in_out"), "in_out");
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("OutOfLineContents"), "out_of_line_contents");
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("PreserveCNames"), "preserve_c_names");
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("HTTPServer"), "http_server");
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("ABC"), "abc");
  EXPECT_EQ(fdfkit::idl::raw::CanonicalAttributeName("Doc"), "doc");
}

}  // namespace
