#include "support/read_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace fdfkit::support {
namespace {

namespace fs = std::filesystem;

class ReadFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fdfkit-read-file-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
    return (dir_ / name).string();
  }
  fs::path dir_;
};

// An empty file exists: it reads as "", not as a file that is not there (a scan took an empty
// source for a missing one).
TEST_F(ReadFileTest, AnEmptyFileIsReadAsEmpty) {
  EXPECT_EQ(ReadFile(Write("empty", "")), std::optional<std::string>(""));
}

TEST_F(ReadFileTest, BytesComeBackExactlyAndAbsentFilesAndDirectoriesAreNotRead) {
  const std::string bytes("a\0b\r\n\xff", 6);
  EXPECT_EQ(ReadFile(Write("bytes", bytes)), std::optional<std::string>(bytes));
  EXPECT_EQ(ReadFile((dir_ / "absent").string()), std::nullopt);
  EXPECT_EQ(ReadFile(dir_.string()), std::nullopt);
}

}  // namespace
}  // namespace fdfkit::support
