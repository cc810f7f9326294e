// The 64 KiB check on the clones: a message that can grow past the limit is reported with every
// field to bound, and the suggested bounds are computed together: applying them all at once gives
// messages that fit.
#include "migrate/protocol/message_size.h"

#include <gtest/gtest.h>

#include <regex>

#include "migrate/protocol/migrate_protocol.h"
#include "tests/migrate/idl/idl_test_support.h"

namespace {

using Json = nlohmann::json;

// The size decisions of a migration report.
std::vector<std::string> SizeNotes(const fdfkit::protocol::MigrateResult& result) {
  std::vector<std::string> notes;
  std::istringstream report(result.files[2].text);
  for (std::string line; std::getline(report, line);) {
    if (line.find("-byte message limit") != std::string::npos) notes.push_back(line);
  }
  return notes;
}

// Every `rule protocols["..."].bounds {"K": N}` of the notes, as one rules patch.
Json SuggestedRules(const std::vector<std::string>& notes) {
  Json patch = Json::object();
  std::regex suggestion(R"re(rule (protocols|libraries)\["([^"]+)"\]\.bounds \{"([^"]+)": (\d+)\})re");
  for (const std::string& note : notes) {
    for (std::sregex_iterator it(note.begin(), note.end(), suggestion), end; it != end; ++it) {
      patch[(*it)[1].str()][(*it)[2].str()]["bounds"][(*it)[3].str()] = std::stoull((*it)[4].str());
    }
  }
  return patch;
}

fdfkit::protocol::MigrateResult Migrate(const std::string& text, const Json& patch) {
  fdfkit::protocol::RulesProblem problem;
  auto rules = fdfkit::protocol::LoadRules(patch.empty() ? "" : patch.dump(),
                                           patch.empty() ? "" : "suggested.json", &problem);
  EXPECT_TRUE(rules) << problem.Text();
  auto result = fdfkit::protocol::MigrateSources({{"big.fidl", text}}, {}, {*rules});
  EXPECT_TRUE(result.ok) << result.errors;
  return result;
}

constexpr const char* kBig = R"(library example.big;
using zx;
type Blob = struct {
    name string:MAX;
    bytes vector<uint8>:MAX;
    words vector<uint32>:MAX;
};
@transport("Banjo")
protocol Store {
    Put(struct { key string:MAX; blob Blob; tags vector<string:64>:MAX; }) -> (struct { s zx.Status; });
    Get(struct { key string:MAX; }) -> (struct { s zx.Status; blob Blob; });
    Two(struct { a vector<uint8>:40000; b vector<uint8>:40000; });
};
)";

TEST(MessageSize, SuggestedBoundsAppliedTogetherMakeEveryMessageFit) {
  auto first = Migrate(kBig, {});
  std::vector<std::string> notes = SizeNotes(first);
  ASSERT_EQ(notes.size(), 4u) << first.files[2].text;  // Put, Get's request and response, Two
  // Every field to bound is named, each with a number.
  EXPECT_NE(notes[0].find("Bound 'key'"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("Bound 'blob.bytes'"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("Bound 'tags'"), std::string::npos) << notes[0];
  EXPECT_NE(notes[0].find("apply them all at once"), std::string::npos) << notes[0];
  // Bounded fields that only together are too much are named too.
  EXPECT_NE(notes[3].find("Bound 'a'"), std::string::npos) << notes[3];
  EXPECT_NE(notes[3].find("Bound 'b'"), std::string::npos) << notes[3];
  Json patch = SuggestedRules(notes);
  // Blob's fields serve both Put and Get: one bound each, the smaller of the two suggestions.
  ASSERT_TRUE(patch.contains("libraries")) << patch.dump();
  EXPECT_EQ(patch["libraries"]["example.big"]["bounds"].size(), 3u) << patch.dump();
  auto second = Migrate(kBig, patch);
  EXPECT_EQ(SizeNotes(second), std::vector<std::string>{}) << patch.dump(2) << "\n"
                                                           << second.files[0].text;
}

// A message whose fixed part leaves a growing field no room: no bound helps, so none is suggested.
TEST(MessageSize, NoRoomLeftMeansSplitTheMessage) {
  auto run = Migrate(R"(library example.tight;
@transport("Banjo")
protocol Tight {
    Send(struct { header array<uint8, 65500>; names vector<uint64>:MAX; });
};
)",
                     {});
  std::vector<std::string> notes = SizeNotes(run);
  ASSERT_EQ(notes.size(), 1u) << run.files[2].text;
  EXPECT_NE(notes[0].find("Bound 'names' (`vector<uint64>:MAX`): not one element fits in its share of what the "
                          "rest leaves, so no bound makes the message fit; split it."),
            std::string::npos)
      << notes[0];
  EXPECT_TRUE(SuggestedRules(notes).empty()) << notes[0];
}

// Over the corpus, every library migrated in one run: the suggestions of a run, applied at once,
// leave over the limit only messages that hold vectors whose elements grew without bound (their
// element fields are bounded now, their counts come next); two runs after the first, none.
TEST(MessageSize, CorpusSuggestionsConvergeInTwoMoreRuns) {
  std::vector<std::string> paths;
  for (const auto& f : fdfkit::idl::testing::CorpusFiles()) paths.push_back(f.string());
  std::vector<std::string> include = {fdfkit::idl::testing::CorpusDir().string()};
  auto notes_of = [](const fdfkit::protocol::MigrateResult& run) {
    std::vector<std::string> notes;
    for (size_t i = 2; i < run.files.size(); i += 3) {
      fdfkit::protocol::MigrateResult one;
      one.files = {run.files[i - 2], run.files[i - 1], run.files[i]};
      for (std::string& note : SizeNotes(one)) notes.push_back(std::move(note));
    }
    return notes;
  };
  auto first = fdfkit::protocol::MigrateProtocols(paths, include, fdfkit::protocol::DefaultOptions());
  ASSERT_TRUE(first.ok) << first.errors;
  std::vector<std::string> notes = notes_of(first);
  ASSERT_GE(notes.size(), 15u);
  size_t counts_next = 0;
  for (const std::string& note : notes) {
    EXPECT_EQ(note.find("split it"), std::string::npos) << note;
    counts_next += note.find("run again for its count") != std::string::npos;
  }
  EXPECT_GE(counts_next, 3u);  // display-controller's configs and added displays
  Json patch = Json::object();
  for (int run = 2; run <= 3; ++run) {
    patch.merge_patch(SuggestedRules(notes));
    fdfkit::protocol::RulesProblem problem;
    auto rules = fdfkit::protocol::LoadRules(patch.dump(), "suggested.json", &problem);
    ASSERT_TRUE(rules) << problem.Text();
    auto next = fdfkit::protocol::MigrateProtocols(paths, include, {*rules});
    ASSERT_TRUE(next.ok) << next.errors;
    notes = notes_of(next);
    for (const std::string& note : notes) {
      // What remains after the second run is a count whose elements the first run bounded.
      EXPECT_EQ(run, 2) << note;
      EXPECT_EQ(note.find("grow without bound"), std::string::npos) << note;
    }
  }
}

}  // namespace
