// Library resolution: names across files and imports, the built-in zx library, types and
// constraints, constants, synthesized payloads, and the exact diagnostics for invalid input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <llvm/Support/FormatVariadic.h>

#include "tests/migrate/idl/idl_test_support.h"

namespace {

namespace flat = fdfkit::idl::flat;
using fdfkit::idl::testing::Compile;

TEST(Resolver, EveryCorpusLibraryResolvesCleanly) {
  auto libraries = fdfkit::idl::testing::CorpusLibraries();
  ASSERT_GE(libraries.size(), 30u);
  for (const auto& files : libraries) {
    auto c = fdfkit::idl::testing::CompileCorpusLibrary(files);
    EXPECT_TRUE(c.ok) << files.front() << "\n" << c.errors();
  }
}

TEST(Resolver, SeveralFilesMakeOneLibraryAndImportsUseFullNamesOrAliases) {
  auto c = Compile({
      {"dep.fidl", "library example.dep;\ntype Point = struct { x int32; y int32; };\n"
                   "const MAX_POINTS uint32 = 3;\n"},
      {"a.fidl", "library example.app;\nusing example.dep;\n"
                 "type Shape = struct { points vector<example.dep.Point>:example.dep.MAX_POINTS; };\n"},
      {"b.fidl", "library example.app;\nusing example.dep as d;\n"
                 "type Pair = struct { first d.Point; shape Shape; };\n"},
  });
  ASSERT_TRUE(c.ok) << c.errors();
  auto* shape = c.decl<flat::Struct>("example.app", "Shape");
  ASSERT_NE(shape, nullptr);
  const flat::Type& points = shape->members[0].type;
  EXPECT_EQ(points.kind, flat::Type::Kind::kVector);
  EXPECT_TRUE(points.bounded);
  EXPECT_EQ(points.element_count, 3u);
  EXPECT_EQ(points.element->decl->name.Full(), "example.dep/Point");
  auto* pair = c.decl<flat::Struct>("example.app", "Pair");
  EXPECT_EQ(pair->members[0].type.decl->name.Full(), "example.dep/Point");
  EXPECT_EQ(pair->members[1].type.decl, shape);  // declared in the other file of the library
  ASSERT_EQ(c.library("example.app").dependencies.size(), 1u);
  EXPECT_EQ(c.library("example.app").dependencies[0]->name, "example.dep");
}

TEST(Resolver, ZxSpellingsAndHandleForms) {
  auto c = Compile(R"(library example.zx;
using zx;
type Handles = resource struct {
    a zx.Handle;
    b zx.Handle:VMO;
    c zx.handle:EVENT;
    d zx.Handle:<CHANNEL, zx.Rights.READ | zx.Rights.WRITE, optional>;
    e zx.Handle:<INTERRUPT, zx.RIGHTS_BASIC>;
};
type Times = struct {
    s zx.Status; t zx.time; d zx.Duration; k zx.koid; o zx.Off; p zx.Paddr; v zx.vaddr;
};
)");
  ASSERT_TRUE(c.ok) << c.errors();
  auto* h = c.decl<flat::Struct>("example.zx", "Handles");
  ASSERT_EQ(h->members.size(), 5u);
  EXPECT_EQ(h->members[0].type.kind, flat::Type::Kind::kHandle);
  EXPECT_EQ(h->members[0].type.handle_subtype, "");
  EXPECT_EQ(h->members[1].type.handle_subtype, "VMO");
  EXPECT_EQ(h->members[1].type.handle_object_type, 3u);
  EXPECT_EQ(h->members[2].type.handle_subtype, "EVENT");
  EXPECT_EQ(h->members[2].type.handle_object_type, 5u);
  EXPECT_EQ(h->members[3].type.handle_object_type, 4u);
  EXPECT_EQ(h->members[3].type.handle_rights, std::optional<uint32_t>(0x4 | 0x8));
  EXPECT_TRUE(h->members[3].type.nullable);
  EXPECT_EQ(h->members[4].type.handle_rights, std::optional<uint32_t>(0x2 | 0x1 | 0x4000 | 0x8000));
  auto* t = c.decl<flat::Struct>("example.zx", "Times");
  std::vector<flat::PrimitiveKind> expected = {
      flat::PrimitiveKind::kInt32, flat::PrimitiveKind::kInt64, flat::PrimitiveKind::kInt64,
      flat::PrimitiveKind::kUint64, flat::PrimitiveKind::kUint64, flat::PrimitiveKind::kUint64,
      flat::PrimitiveKind::kUint64};
  ASSERT_EQ(t->members.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(t->members[i].type.kind, flat::Type::Kind::kPrimitive) << i;
    EXPECT_EQ(t->members[i].type.primitive, expected[i]) << t->members[i].name;
  }
}

// Every object type Zircon defines is a handle subtype with Zircon's number; the names older
// banjo used stand for today's.
TEST(Resolver, EveryZirconObjectTypeIsAHandleSubtype) {
  const std::vector<std::pair<std::string, uint32_t>> kTypes = {
      {"PROCESS", 1}, {"THREAD", 2}, {"VMO", 3}, {"CHANNEL", 4}, {"EVENT", 5}, {"PORT", 6},
      {"INTERRUPT", 9}, {"PCI_DEVICE", 11}, {"LOG", 12}, {"SOCKET", 14}, {"RESOURCE", 15},
      {"EVENTPAIR", 16}, {"JOB", 17}, {"VMAR", 18}, {"FIFO", 19}, {"GUEST", 20}, {"VCPU", 21},
      {"TIMER", 22}, {"IOMMU", 23}, {"BTI", 24}, {"PROFILE", 25}, {"PMT", 26},
      {"SUSPEND_TOKEN", 27}, {"PAGER", 28}, {"EXCEPTION", 29}, {"CLOCK", 30}, {"STREAM", 31},
      {"MSI", 32}, {"IOB", 33}, {"COUNTER", 34},
      // Older names: the subtype written back is today's.
      {"MSI_ALLOCATION", 32}, {"MSI_INTERRUPT", 32}, {"DEBUGLOG", 12}};
  std::string text = "library e;\nusing zx;\ntype S = resource struct {\n";
  for (size_t i = 0; i < kTypes.size(); ++i) {
    text += "    h" + std::to_string(i) + " zx.Handle:" + kTypes[i].first + ";\n";
  }
  auto c = Compile(text + "};\n");
  ASSERT_TRUE(c.ok) << c.errors();
  const auto* s = c.decl<flat::Struct>("e", "S");
  for (size_t i = 0; i < kTypes.size(); ++i) {
    EXPECT_EQ(s->members[i].type.handle_object_type, kTypes[i].second) << kTypes[i].first;
  }
  EXPECT_EQ(s->members[30].type.handle_subtype, "MSI");
  EXPECT_EQ(s->members[32].type.handle_subtype, "LOG");
  // Banjo v1 spells them `handle<msi_allocation>`.
  auto v1 = Compile({{"v1.banjo", "library e;\nstruct S { handle<msi_allocation> m; };\n"}});
  ASSERT_TRUE(v1.ok) << v1.errors();
  EXPECT_EQ(v1.decl<flat::Struct>("e", "S")->members[0].type.handle_object_type, 32u);
}

// Old FIDL's built-in `bytes` is a vector of uint8, bounds and optionality included; a library
// that declares its own `bytes` keeps it.
TEST(Resolver, OldSyntaxBytesIsAVectorOfUint8) {
  auto c = Compile(
      "deprecated_syntax;\nlibrary e;\nstruct S { bytes a; bytes:16 b; bytes? c; };\n");
  ASSERT_TRUE(c.ok) << c.errors();
  const auto* s = c.decl<flat::Struct>("e", "S");
  for (const auto& m : s->members) {
    EXPECT_EQ(m.type.kind, flat::Type::Kind::kVector) << m.name;
    EXPECT_EQ(m.type.element->primitive, flat::PrimitiveKind::kUint8) << m.name;
  }
  EXPECT_TRUE(s->members[1].type.bounded);
  EXPECT_EQ(s->members[1].type.element_count, 16u);
  EXPECT_TRUE(s->members[2].type.nullable);
  auto own = Compile("library e;\ntype bytes = struct { x uint8; };\ntype S = struct { b bytes; };\n");
  ASSERT_TRUE(own.ok) << own.errors();
  EXPECT_EQ(own.decl<flat::Struct>("e", "S")->members[0].type.kind, flat::Type::Kind::kIdentifier);
}

// Names banjo escaped with `@` or started with a digit parse in the banjo dialects and old FIDL,
// keep their written names in the model, and are an error in the new syntax.
TEST(Resolver, EscapedAndDigitNamesInBanjo) {
  auto c = Compile({{"a.banjo",
                     "library e;\nenum F : uint32 { @8BIT = 2; @handle = 4; };\n"
                     "enum B : uint8 { 2ghz = 0; 5ghz = 1; };\n"}});
  ASSERT_TRUE(c.ok) << c.errors();
  const auto* f = c.decl<flat::Enum>("e", "F");
  EXPECT_EQ(f->members[0].name, "8BIT");
  EXPECT_EQ(f->members[1].name, "handle");
  EXPECT_EQ(c.decl<flat::Enum>("e", "B")->members[1].name, "5ghz");
  auto modern = Compile("library e;\ntype B = strict enum : uint8 { 2ghz = 0; };\n");
  EXPECT_EQ(modern.errors(),
            "test.fidl:2:32: [FDFIDL063] '2ghz' starts with a digit, which only banjo and old "
            "FIDL syntax allowed; name it 'two_ghz' instead\n");
}

// What modern FIDL output spells differently must not land on a name its scope already has:
// a member or method whose leading digit becomes words, an enum alias that becomes a library
// constant.
TEST(Resolver, ModernSpellingsMustNotCollide) {
  auto member = Compile({{"a.banjo", "library e;\nenum D : uint8 { EIGHT_BIT = 1; 8BIT = 2; };\n"}});
  EXPECT_FALSE(member.ok);
  EXPECT_NE(member.errors().find("a.banjo:2:33: [FDFIDL068] 'D.8BIT' is written 'EIGHT_BIT' in "
                                 "modern FIDL, which is already the name of 'D.EIGHT_BIT' at a.banjo:2:18; "
                                 "rename one of them\n"),
            std::string::npos)
      << member.errors();
  auto aliases = Compile({{"b.banjo", "library e;\nconst uint8 DEFAULT = 3;\n"
                                      "enum A : uint8 { X = 1; DEFAULT = 1; };\n"
                                      "enum B : uint8 { Y = 1; DEFAULT = 1; };\n"}});
  EXPECT_FALSE(aliases.ok);
  EXPECT_NE(aliases.errors().find("b.banjo:3:25: [FDFIDL068] enum alias 'A.DEFAULT' (a constant) is "
                                  "written 'DEFAULT' in modern FIDL, which is already the name of 'DEFAULT' "
                                  "at b.banjo:2:13; rename one of them\n"),
            std::string::npos)
      << aliases.errors();
  EXPECT_NE(aliases.errors().find("b.banjo:4:25: [FDFIDL068] enum alias 'B.DEFAULT'"), std::string::npos)
      << aliases.errors();
  auto apart = Compile({{"c.banjo", "library e;\nenum A : uint8 { X = 1; A_X = 1; };\n"
                                    "enum B : uint8 { Y = 1; B_Y = 1; 8BIT = 2; };\n"}});
  EXPECT_TRUE(apart.ok) << apart.errors();
}

// Banjo let two enum (or bits) members share a value (a warning, in banjo and old FIDL syntax);
// the new syntax, which fidlc parsed, never did (an error).
TEST(Resolver, RepeatedEnumValuesWarnInBanjoAndFailInModernFidl) {
  auto banjo = Compile({{"pci.banjo", "library e;\nenum Cfg : uint8 { A = 9; B = 9; };\n"}});
  EXPECT_TRUE(banjo.ok);
  EXPECT_EQ(banjo.errors(), "pci.banjo:2:31: warning: [FDFIDL030] enum member 'B' repeats the "
                            "value of 'A' (9): an alias, which banjo allowed and FIDL does not\n");
  EXPECT_EQ(banjo.decl<flat::Enum>("e", "Cfg")->aliases.at("B"), "A");
  auto old = Compile("deprecated_syntax;\nlibrary e;\nbits B : uint8 { X = 1; Y = 1; };\n");
  EXPECT_TRUE(old.ok);
  EXPECT_EQ(old.errors(), "test.fidl:3:29: warning: [FDFIDL030] bits member 'Y' repeats the "
                          "value of 'X' (1): an alias, which banjo allowed and FIDL does not\n");
  auto types_only = Compile("library e;\ntype Cfg = strict enum : uint8 { A = 9; B = 9; };\n");
  EXPECT_FALSE(types_only.ok);
  auto modern = Compile(
      "library e;\ntype Cfg = strict enum : uint8 { A = 9; B = 9; };\n"
      "closed protocol P { strict M(); };\n");
  EXPECT_FALSE(modern.ok);
  EXPECT_EQ(modern.errors(), "test.fidl:2:45: [FDFIDL029] enum member 'B' repeats the value of "
                             "'A' (9)\n");
}

TEST(Resolver, BanjoFormsBecomeModernTypes) {
  auto c = Compile({{"legacy.banjo", R"(library example.banjo;
struct Data { uint32 x; };
[Layout = "ddk-interface"]
protocol Callback { Done(Data? data) -> (); };
[Layout = "ddk-protocol"]
protocol Device {
    Start(Callback cb, request<Callback> server, handle<vmo> vmo) -> (zx.status s);
    Map(vector<voidptr> pages, usize size) -> ();
};
)"}});
  ASSERT_TRUE(c.ok) << c.errors();
  auto* done = c.decl<flat::Struct>("example.banjo", "CallbackDoneRequest");
  ASSERT_NE(done, nullptr);
  EXPECT_TRUE(done->anonymous);
  EXPECT_EQ(done->members[0].type.kind, flat::Type::Kind::kBox);  // `Data?` of a struct
  auto* start = c.decl<flat::Struct>("example.banjo", "DeviceStartRequest");
  ASSERT_EQ(start->members.size(), 3u);
  EXPECT_EQ(start->members[0].type.kind, flat::Type::Kind::kClientEnd);  // a bare protocol
  EXPECT_EQ(start->members[0].type.decl->name.name, "Callback");
  EXPECT_EQ(start->members[1].type.kind, flat::Type::Kind::kServerEnd);
  EXPECT_EQ(start->members[2].type.handle_subtype, "VMO");
  EXPECT_TRUE(start->resource);  // inferred: banjo never says `resource`
  auto* map = c.decl<flat::Struct>("example.banjo", "DeviceMapRequest");
  EXPECT_EQ(map->members[0].type.element->primitive, flat::PrimitiveKind::kVoidptr);
  EXPECT_EQ(map->members[1].type.primitive, flat::PrimitiveKind::kUsize);
}

TEST(Resolver, ConstantsLiteralsAndBitsExpressions) {
  auto c = Compile(R"(library example.consts;
const HEX uint32 = 0xff;
const BIN uint8 = 0b101;
const NEG int8 = -128;
const FLOAT float64 = 2.5;
const NAME string:8 = "sensor";
const ALIAS_OF uint32 = HEX;
type Flags = strict bits : uint16 { A = 1; B = 0x2; C = 0b100; };
const BOTH Flags = Flags.A | Flags.C;
type Mode = flexible enum : int8 { LOW = -1; HIGH = 1; };
type WithDefaults = struct { f float32 = 1.5; m Mode = Mode.HIGH; n uint32 = HEX; };
type Empty = strict enum {};
)");
  ASSERT_TRUE(c.ok) << c.errors();
  auto value = [&](const std::string& name) {
    return c.decl<flat::Const>("example.consts", name)->value.ToString();
  };
  EXPECT_EQ(value("HEX"), "255");
  EXPECT_EQ(value("BIN"), "5");
  EXPECT_EQ(value("NEG"), "-128");
  EXPECT_EQ(value("FLOAT"), "2.5");
  EXPECT_EQ(value("NAME"), "sensor");
  EXPECT_EQ(value("ALIAS_OF"), "255");
  EXPECT_EQ(value("BOTH"), "5");
  auto* flags = c.decl<flat::Enum>("example.consts", "Flags");
  EXPECT_EQ(flags->mask, 7u);
  EXPECT_EQ(flags->subtype, flat::PrimitiveKind::kUint16);
  auto* mode = c.decl<flat::Enum>("example.consts", "Mode");
  EXPECT_FALSE(mode->strict);
  EXPECT_EQ(mode->members[0].value.ToString(), "-1");
  auto* defaults = c.decl<flat::Struct>("example.consts", "WithDefaults");
  EXPECT_EQ(defaults->members[0].default_value->ToString(), "1.5");
  EXPECT_EQ(defaults->members[1].default_value->ToString(), "1");
  EXPECT_EQ(defaults->members[2].default_value->ToString(), "255");
  EXPECT_TRUE(c.decl<flat::Enum>("example.consts", "Empty")->members.empty());
}

TEST(Resolver, MethodsOrdinalsPayloadsAndResultUnions) {
  auto c = Compile(R"(library test.error;
open protocol Example {
    strict foo() -> (struct { v uint32; }) error int32;
    flexible Bar(struct { x uint8; }) -> ();
    flexible OneWay();
    -> OnEvent(struct { e uint8; });
    @selector("fuchsia.io/Node.Close") strict Close() -> ();
};
closed protocol Base { strict Ping() -> (); };
closed protocol Derived { compose Base; strict Pong(); };
)");
  ASSERT_TRUE(c.ok) << c.errors();
  auto* p = c.decl<flat::Protocol>("test.error", "Example");
  ASSERT_EQ(p->methods.size(), 5u);
  const flat::Method& foo = p->methods[0];
  EXPECT_EQ(foo.selector, "test.error/Example.foo");
  EXPECT_EQ(foo.ordinal, 0x0f5f1179dc411e44u);  // the value fidlc records for this selector
  EXPECT_EQ(p->methods[4].ordinal, 0x5ac5d459ad7f657eu);  // @selector with a full path
  ASSERT_TRUE(foo.response && foo.success && foo.error);
  EXPECT_EQ(foo.response->decl->name.name, "ExampleFooResult");
  EXPECT_EQ(foo.success->decl->name.name, "ExampleFooResponse");
  auto* result = c.decl<flat::Union>("test.error", "ExampleFooResult");
  ASSERT_EQ(result->members.size(), 2u);  // strict: no framework_err
  EXPECT_EQ(result->members[1].name, "err");
  const flat::Method& bar = p->methods[1];  // flexible two-way: result union with framework_err
  auto* bar_result = static_cast<const flat::Union*>(bar.response->decl);
  ASSERT_EQ(bar_result->members.size(), 3u);
  EXPECT_FALSE(bar_result->members[1].type.has_value());  // reserved `err`
  EXPECT_EQ(bar_result->members[2].type->decl->name.Full(), "fidl/FrameworkErr");
  EXPECT_EQ(bar.success->decl->name.name, "ExampleBarResponse");  // synthesized empty struct
  EXPECT_FALSE(p->methods[2].has_response);
  EXPECT_TRUE(p->methods[3].is_event);
  EXPECT_EQ(p->methods[3].response->decl->name.name, "ExampleOnEventRequest");
  auto* derived = c.decl<flat::Protocol>("test.error", "Derived");
  ASSERT_EQ(derived->all_methods.size(), 2u);
  EXPECT_EQ(derived->all_methods[0]->name, "Ping");
  EXPECT_EQ(derived->all_methods[0]->selector, "test.error/Base.Ping");  // keeps its ordinal
}

TEST(Resolver, ServicesHoldClientEnds) {
  auto c = Compile(R"(library example.service;
closed protocol Gpio { strict Read() -> (struct { v uint8; }); };
closed protocol Power {};
service Device {
    gpio client_end:Gpio;
    power Power;
};
)");
  ASSERT_TRUE(c.ok) << c.errors();
  auto* service = c.decl<flat::Service>("example.service", "Device");
  ASSERT_EQ(service->members.size(), 2u);
  EXPECT_EQ(service->members[0].type.kind, flat::Type::Kind::kClientEnd);
  EXPECT_EQ(service->members[1].type.kind, flat::Type::Kind::kClientEnd);  // bare protocol
  EXPECT_EQ(service->members[1].type.decl->name.name, "Power");
  auto bad = Compile("library e;\nservice S {\n  count uint32;\n};\n");
  EXPECT_EQ(bad.errors(),
            "test.fidl:3:9: [FDFIDL045] service member 'count' must be a client_end of a protocol\n");
}

TEST(Resolver, OpennessRules) {
  auto c = Compile(R"(library e;
ajar protocol A { flexible M() -> (); flexible N(); };
closed protocol C { compose A; };
)");
  EXPECT_EQ(c.errors(),
            "test.fidl:2:28: [FDFIDL057] ajar protocol 'A' cannot have flexible two-way method 'M'\n"
            "test.fidl:3:21: [FDFIDL058] closed protocol 'C' cannot compose ajar protocol 'A'\n");
}

TEST(Resolver, InlineLayoutsAreNamedFromMembersOrGeneratedName) {
  auto c = Compile(R"(library example.inline;
type Outer = struct {
    inner_config struct { a uint8; };
    flags @generated_name("OuterFlags") strict bits { X = 1; };
    items vector<table { 1: id uint32; }>;
};
)");
  ASSERT_TRUE(c.ok) << c.errors();
  EXPECT_NE(c.decl("example.inline", "InnerConfig"), nullptr);
  EXPECT_NE(c.decl("example.inline", "OuterFlags"), nullptr);
  EXPECT_NE(c.decl("example.inline", "Items"), nullptr);
}

TEST(Resolver, SearchPathsFindLibraryFoldersAndScannedFiles) {
  auto root = std::filesystem::temp_directory_path() /
              ("fdf-idl-search-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "example.folder");
  std::filesystem::create_directories(root / "deep" / "elsewhere");
  std::ofstream(root / "example.folder" / "a.fidl") << "library example.folder;\ntype A = struct {};\n";
  std::ofstream(root / "deep" / "elsewhere" / "x.banjo")
      << "// comment first\nlibrary example.scanned;\nstruct B { uint8 b; };\n";
  auto c = Compile({{"user.fidl", "library example.user;\nusing example.folder;\n"
                                  "using example.scanned as s;\n"
                                  "type C = struct { a example.folder.A; b s.B; };\n"}},
                   {root.string()});
  EXPECT_TRUE(c.ok) << c.errors();
  EXPECT_EQ(c.library("example.scanned").files.size(), 1u);
  auto missing = Compile({{"user.fidl", "library example.user;\nusing example.nowhere;\n"}},
                         {root.string()});
  EXPECT_EQ(missing.errors(),
            "user.fidl:2:1: [FDFIDL015] library 'example.nowhere' not found; pass its files or -I "
            "a directory that holds it\n");
  std::filesystem::remove_all(root);
}

// A banjo library in a tree of per-library folders and its clone in a flat folder of clones go by
// one name: the first -I directory holding either decides which an import means.
TEST(Resolver, SearchPathOrderPicksBetweenSameNamedLibraries) {
  auto root = std::filesystem::temp_directory_path() /
              ("fdf-idl-order-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / "tree" / "example.dep");
  std::filesystem::create_directories(root / "clones");
  std::ofstream(root / "tree" / "example.dep" / "dep.fidl")
      << "library example.dep;\ntype InTree = struct {};\n";
  std::ofstream(root / "clones" / "example.dep.fidl")
      << "library example.dep;\ntype Cloned = struct {};\n";
  const std::vector<std::pair<std::string, std::string>> user = {
      {"user.fidl", "library example.user;\nusing example.dep;\n"}};
  auto clones_first = Compile(user, {(root / "clones").string(), (root / "tree").string()});
  ASSERT_TRUE(clones_first.ok) << clones_first.errors();
  EXPECT_NE(clones_first.decl("example.dep", "Cloned"), nullptr);
  EXPECT_EQ(clones_first.decl("example.dep", "InTree"), nullptr);
  auto tree_first = Compile(user, {(root / "tree").string(), (root / "clones").string()});
  ASSERT_TRUE(tree_first.ok) << tree_first.errors();
  EXPECT_NE(tree_first.decl("example.dep", "InTree"), nullptr);
  EXPECT_EQ(tree_first.decl("example.dep", "Cloned"), nullptr);
  std::filesystem::remove_all(root);
}

// Each case: source, then the exact diagnostics.
struct ErrorCase {
  const char* name;
  const char* source;
  const char* diagnostics;
};

class ResolverErrors : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ResolverErrors, ReportExactDiagnostics) {
  auto c = Compile(GetParam().source);
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.errors(), GetParam().diagnostics);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ResolverErrors,
    ::testing::Values(
        ErrorCase{"Undefined", "library e;\ntype S = struct { a Missing; };\n",
                  "test.fidl:2:21: [FDFIDL013] 'Missing' is not defined\n"},
        ErrorCase{"UndefinedImport", "library e;\ntype S = struct { a other.T; };\n",
                  "test.fidl:2:21: [FDFIDL032] 'other.T' is not defined (is a 'using' missing?)\n"},
        ErrorCase{"DuplicateDecl", "library e;\ntype S = struct {};\nconst S uint8 = 1;\n",
                  "test.fidl:3:7: [FDFIDL010] 'S' is already declared at test.fidl:2:6\n"},
        ErrorCase{"DuplicateMember", "library e;\ntype S = struct {\n  a uint8;\n  a uint16;\n};\n",
                  "test.fidl:4:3: [FDFIDL011] 'S' already has a member 'a' at test.fidl:3:3\n"},
        ErrorCase{"DuplicateOrdinal",
                  "library e;\ntype U = strict union {\n  1: a uint8;\n  1: b uint16;\n};\n",
                  "test.fidl:4:6: [FDFIDL012] ordinal 1 of 'b' is already used by 'a' at "
                  "test.fidl:3:6\n"},
        ErrorCase{"DuplicateMethod",
                  "library e;\nclosed protocol P {\n  strict M();\n  strict M();\n};\n",
                  "test.fidl:4:10: [FDFIDL028] protocol 'P' already has a method 'M' at "
                  "test.fidl:3:10\n"},
        ErrorCase{"IncludeCycle",
                  "library e;\ntype A = struct { b B; };\ntype B = struct { a A; };\n",
                  "test.fidl:2:6: [FDFIDL016] 'A' contains itself without indirection, so it has "
                  "no finite size; use box<A>, a vector or an optional union\n"},
        ErrorCase{"BitsNotPowerOfTwo", "library e;\ntype B = strict bits {\n  A = 3;\n};\n",
                  "test.fidl:3:7: [FDFIDL018] bits member 'A' has value 3, which is not a power of "
                  "two\n"},
        ErrorCase{"EnumOutOfRange", "library e;\ntype E = strict enum : uint8 {\n  A = 256;\n};\n",
                  "test.fidl:3:7: [FDFIDL019] value 256 is out of range for uint8 (0 to 255)\n"},
        ErrorCase{"ConstOutOfRange", "library e;\nconst C int8 = -129;\n",
                  "test.fidl:2:16: [FDFIDL019] value -129 is out of range for int8 (-128 to 127)\n"},
        ErrorCase{"OptionalTable", "library e;\ntype T = table {};\ntype S = struct { t T:optional; };\n",
                  "test.fidl:3:23: [FDFIDL034] a table cannot be optional\n"},
        ErrorCase{"BoundOnPrimitive", "library e;\ntype S = struct { a uint8:4; };\n",
                  "test.fidl:2:27: [FDFIDL017] '4' is not a constraint a primitive can take\n"},
        ErrorCase{"ClosedFlexible", "library e;\nclosed protocol P {\n  flexible M();\n};\n",
                  "test.fidl:3:12: [FDFIDL023] closed protocol 'P' cannot have flexible method "
                  "'M'\n"},
        ErrorCase{"ModernNeedsResource",
                  "library e;\nusing zx;\ntype S = struct { h zx.Handle; };\n",
                  "test.fidl:3:6: [FDFIDL021] 'S' holds handles, so it must be declared "
                  "'resource'\n"},
        ErrorCase{"ImportCycleIsAnError", "library e;\nusing e;\n",
                  "test.fidl:2:1: [FDFIDL056] library 'e' imports itself\n"},
        ErrorCase{"ConstCycle", "library e;\nconst A uint8 = B;\nconst B uint8 = A;\n",
                  "test.fidl:2:7: [FDFIDL033] 'A' refers to itself through its own definition\n"},
        ErrorCase{"BadErrorType",
                  "library e;\nclosed protocol P {\n  strict M() -> () error string;\n};\n",
                  "test.fidl:3:26: [FDFIDL024] error type of 'M' must be int32, uint32 or an enum "
                  "of them\n"},
        ErrorCase{"SeveralErrorsInOneRun",
                  "library e;\ntype S = struct { a Nope; b AlsoNope; };\n",
                  "test.fidl:2:21: [FDFIDL013] 'Nope' is not defined\n"
                  "test.fidl:2:29: [FDFIDL013] 'AlsoNope' is not defined\n"}),
    [](const ::testing::TestParamInfo<ErrorCase>& info) { return info.param.name; });

// Chains of definitions deeper than the limit are a diagnostic, not a stack overflow; within it
// they resolve. Resource inference along a long chain stays linear.
TEST(Resolver, LongDefinitionChainsAreBounded) {
  auto chain = [](int length, const char* link, const char* last) {
    std::string text = "library e;\nusing zx;\n";
    for (int i = 0; i < length; ++i) text += llvm::formatv(link, i, i + 1).str();
    return text + llvm::formatv(last, length).str();
  };
  const char* struct_link = "struct S{0} {{ S{1} next; };\n";
  const char* struct_last = "struct S{0} {{ handle h; };\n";
  auto fine = Compile({{"chain.fidl", chain(100, struct_link, struct_last)}});
  EXPECT_TRUE(fine.ok) << fine.errors();
  EXPECT_TRUE(fine.decl<flat::Struct>("e", "S0")->resource);  // inferred from S100's handle
  EXPECT_EQ(fine.decl<flat::Struct>("e", "S0")->shape.max_handles, 1u);

  auto structs = Compile({{"chain.fidl", chain(20000, struct_link, struct_last)}});
  EXPECT_FALSE(structs.ok);
  EXPECT_EQ(structs.errors(),
            "chain.fidl:131:8: [FDFIDL026] 'S128' nests more than 128 layouts deep; its shape is not "
            "computed\n");
  auto consts = Compile({{"chain.fidl", chain(20000, "const uint32 C{0} = C{1};\n",
                                              "const uint32 C{0} = 1;\n")}});
  EXPECT_FALSE(consts.ok);
  EXPECT_EQ(consts.errors(),
            "chain.fidl:131:14: [FDFIDL025] 'C128' is reached through more than 128 nested "
            "definitions; resolution stops here\n");
}

TEST(Resolver, AmbiguousNameIsReported) {
  // `a.b.C` can be the declaration C of library a.b, or member C of enum b in library a.
  auto c = Compile({
      {"ab.fidl", "library a.b;\ntype C = struct {};\n"},
      {"a.fidl", "library a;\ntype b = strict enum { C = 1; };\n"},
      {"user.fidl", "library user;\nusing a;\nusing a.b;\nconst X uint32 = a.b.C;\n"},
  });
  EXPECT_FALSE(c.ok);
  EXPECT_EQ(c.errors(),
            "user.fidl:4:18: [FDFIDL014] 'a.b.C' is ambiguous: it names library 'a' and library "
            "'a.b'\n");
}

}  // namespace
