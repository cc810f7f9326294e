// Compiled programs: the encoding round-trips, and Decode rejects every corruption with a reason
// instead of trusting it (the driver index loads these files).
#include <gtest/gtest.h>

#include "tests/runtime/driver/bind/bind_test_support.h"

namespace fdfkit::bind::testing {
namespace {

Program Sample() {
  Compilation c(R"(composite pair;
using fuchsia.example;
primary node "pdev" {
  fuchsia.example.Mode == fuchsia.example.Mode.SLOW;
  if fuchsia.example.NAME == "x" {
    true;
  } else {
    accept fuchsia.BIND_PROTOCOL { 1, 2 };
  }
}
node "gpio" {
  fuchsia.example.FLAG != false;
}
)", {kExampleLibrary});
  EXPECT_TRUE(c.compiled) << c.diagnostics.Summary();
  return c.compiled ? c.compiled->program : Program{};
}

std::optional<Program> DecodeBytes(const std::vector<uint8_t>& bytes, std::string* error) {
  return Decode(bytes, error);
}

TEST(BindProgram, EncodeThenDecodeGivesTheSameProgram) {
  Program program = Sample();
  std::string error;
  std::optional<Program> decoded = DecodeBytes(Encode(program), &error);
  ASSERT_TRUE(decoded) << error;
  EXPECT_EQ(*decoded, program);
}

TEST(BindProgram, TheEncodingStartsWithItsSignatureAndVersion) {
  std::vector<uint8_t> bytes = Encode(Sample());
  ASSERT_GE(bytes.size(), 12u);
  EXPECT_EQ(std::string(bytes.begin(), bytes.begin() + 8), std::string("FDFBIND\0", 8));
  EXPECT_EQ(bytes[8], kProgramVersion);
}

TEST(BindProgram, EveryTruncationIsRejected) {
  std::vector<uint8_t> bytes = Encode(Sample());
  for (size_t size = 0; size < bytes.size(); ++size) {
    std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(size));
    std::string error;
    EXPECT_FALSE(DecodeBytes(cut, &error)) << "accepted " << size << " of " << bytes.size();
    EXPECT_FALSE(error.empty());
  }
  bytes.push_back(0);
  std::string error;
  EXPECT_FALSE(DecodeBytes(bytes, &error));
  EXPECT_EQ(error.substr(0, 14), "trailing bytes");
}

TEST(BindProgram, CorruptFieldsAreRejectedWithTheReason) {
  Program program = Sample();
  auto rejected = [](Program bad) {
    std::string error;
    EXPECT_FALSE(DecodeBytes(Encode(bad), &error));
    return error.substr(0, error.find(" (at byte"));
  };
  Program backward = program;
  for (Instruction& instruction : backward.nodes[0].code) {
    if (instruction.op == Op::kJumpUnless) instruction.target = 0;
  }
  EXPECT_EQ(rejected(backward), "jump that does not go forward within the node");
  Program bad_symbol = program;
  bad_symbol.nodes[1].code[0].key = 999;
  EXPECT_EQ(rejected(bad_symbol), "condition without a key or values");
  Program two_primaries = program;
  two_primaries.nodes[1].kind = NodeKind::kPrimary;
  EXPECT_EQ(rejected(two_primaries), "a composite needs exactly one primary node, first");
  Program no_verdict = program;
  no_verdict.nodes[1].code.pop_back();
  EXPECT_EQ(rejected(no_verdict), "node code does not end in a verdict");
  Program bad_bool = program;
  bad_bool.nodes[1].code[0].values[0].payload = 2;
  EXPECT_EQ(rejected(bad_bool), "bad bool");
  std::vector<uint8_t> bytes = Encode(program);
  bytes[8] = 9;
  std::string error;
  EXPECT_FALSE(DecodeBytes(bytes, &error));
  EXPECT_EQ(error, "version 9, this reader knows version 2 (at byte 12)");
}

TEST(BindProgram, FlagsRoundTripAndUnknownOnesAreRejected) {
  Program program = Sample();
  program.flags = kProgramDisableAutobind;
  std::string error;
  std::optional<Program> decoded = DecodeBytes(Encode(program), &error);
  ASSERT_TRUE(decoded) << error;
  EXPECT_TRUE(decoded->disable_autobind());
  EXPECT_EQ(Disassemble(*decoded).substr(0, 17), "disable_autobind\n");
  program.flags = 0x80;
  EXPECT_FALSE(DecodeBytes(Encode(program), &error));
  EXPECT_EQ(error, "unknown flags (at byte 16)");
}

TEST(BindProgram, AHostileCountCannotMakeDecodeAllocate) {
  std::vector<uint8_t> bytes = Encode(Sample());
  // The symbol count sits after the signature, the version and the flags.
  bytes[16] = bytes[17] = bytes[18] = bytes[19] = 0xff;
  std::string error;
  EXPECT_FALSE(DecodeBytes(bytes, &error));
  EXPECT_EQ(error, "bad symbol count (at byte 20)");
}

TEST(BindProgram, FlippingAnyByteNeverCrashesDecode) {
  std::vector<uint8_t> bytes = Encode(Sample());
  for (size_t i = 0; i < bytes.size(); ++i) {
    for (uint8_t flip : {0x01, 0x80, 0xff}) {
      std::vector<uint8_t> bad = bytes;
      bad[i] ^= flip;
      std::string error;
      std::optional<Program> decoded = DecodeBytes(bad, &error);
      if (decoded) {
        EXPECT_EQ(Encode(*decoded), bad);  // accepted only if it is a program
      }
    }
  }
}

}  // namespace
}  // namespace fdfkit::bind::testing

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "runtime/driver/bind/commands.h"
#include "support/read_file.h"

namespace fdfkit::bind::testing {
namespace {

TEST(BindProgram, CompileWritesTheProgramAndTheDisableAutobindFlag) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("fdfkit-bindc-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "rules.bind") << "fuchsia.BIND_PROTOCOL == 1;\n";
  BindcOptions options;
  options.rules = (dir / "rules.bind").string();
  options.output = (dir / "rules.bindbc").string();
  options.disable_autobind = true;
  std::ostringstream out, err;
  ASSERT_EQ(RunCompile(options, out, err), 0) << err.str();
  std::string bytes = support::ReadFile(options.output).value_or("");
  std::string error;
  std::optional<Program> program =
      Decode({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()}, &error);
  ASSERT_TRUE(program) << error;
  EXPECT_TRUE(program->disable_autobind());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fdfkit::bind::testing
