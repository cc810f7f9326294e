// The JSON5 reader: what CML files use, where each value starts, and located errors.
#include <gtest/gtest.h>

#include "support/json5.h"

namespace fdfkit::support {
namespace {

TEST(Json5, ReadsWhatManifestsAreWrittenWith) {
  Json5Error error;
  constexpr std::string_view kText = R"(// a driver
{
    include: [ 'syslog/client.shard.cml', ],
    program: {
        runner: "driver",  /* the driver runner */
        colocate: "true",
        "quoted key": 'it\'s',
        numbers: [ 0x1F, -3, +4, 2.5, 1e3 ],
        flags: [ true, false, null ],
    },
}
)";
  std::optional<Json5Document> document = ParseJson5(kText, &error);
  ASSERT_TRUE(document) << error.message;
  EXPECT_EQ(document->root.dump(),
            R"({"include":["syslog/client.shard.cml"],"program":{"colocate":"true","flags":[true,false,null],"numbers":[31,-3,4,2.5,1000.0],"quoted key":"it's","runner":"driver"}})");
  EXPECT_EQ(document->OffsetOf("/program/runner"), kText.find("\"driver\""));
  EXPECT_EQ(document->OffsetOf("/include/0"), kText.find("'syslog"));
  EXPECT_EQ(document->OffsetOf("/program/nothing/here"), document->OffsetOf("/program"));
}

TEST(Json5, EscapesIncludingUnicodeAndLineContinuations) {
  Json5Error error;
  std::optional<Json5Document> document =
      ParseJson5("[\"a\\n\\t\\u00e9\\u20ac\", 'b\\\nc', \"x/y\"]", &error);
  ASSERT_TRUE(document) << error.message;
  EXPECT_EQ(document->root[0], "a\n\t\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ(document->root[1], "bc");
  // Past the Basic Multilingual Plane: a UTF-16 surrogate pair is one code point.
  document = ParseJson5("'\\ud83d\\ude00'", &error);
  ASSERT_TRUE(document) << error.message;
  EXPECT_EQ(document->root, "\xf0\x9f\x98\x80");
}

TEST(Json5, ErrorsSayWhatAndWhere) {
  auto failure = [](std::string_view text) {
    Json5Error error;
    EXPECT_FALSE(ParseJson5(text, &error));
    return std::to_string(error.offset) + ": " + error.message;
  };
  EXPECT_EQ(failure("{ a: 1, a: 2 }"), "8: duplicate key 'a'");
  EXPECT_EQ(failure("{ a 1 }"), "4: expected ':' after the key 'a'");
  EXPECT_EQ(failure("{ a: 1 b: 2 }"), "7: expected ',' or '}'");
  EXPECT_EQ(failure("[1, 2"), "5: expected ',' or ']'");
  EXPECT_EQ(failure("{ a: 'open }"), "12: unterminated string");
  EXPECT_EQ(failure("{ a: 1 } /* no end"), "9: unterminated block comment");
  EXPECT_EQ(failure("{ a: 1 } x"), "9: unexpected text after the value");
  EXPECT_EQ(failure("{ a: nope }"), "9: expected a value");
  EXPECT_EQ(failure("0x"), "2: expected hexadecimal digits");
  EXPECT_EQ(failure(""), "0: unexpected end of input; expected a value");
  EXPECT_EQ(failure(std::string(100, '[')), "65: nested deeper than 64 levels");
  // Values must be writable back as JSON: no invalid UTF-8, raw or escaped (found by the fuzzer).
  EXPECT_EQ(failure("{ a: 'ok', b: '\xff' }"), "15: invalid UTF-8");
  EXPECT_EQ(failure("['\xc3']"), "2: invalid UTF-8");
  EXPECT_EQ(failure("'\\ud800'"), "7: unpaired \\u surrogate");
  EXPECT_EQ(failure("'\\ude00'"), "7: unpaired \\u surrogate");
  EXPECT_EQ(failure("'\\ud800\\u0041'"), "13: unpaired \\u surrogate");
  EXPECT_EQ(failure("'\\u12'"), "5: bad \\u escape");
}

}  // namespace
}  // namespace fdfkit::support
