// JsonWriter: exact bytes in both styles, escaping through nlohmann, and agreement with nlohmann's
// own serialisation of the same document.
#include "support/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace {

void WriteSample(fdfkit::support::JsonWriter& json) {
  json.BeginObject();
  json.Field("name", "fan");
  json.Field("count", 3);
  json.Field("big", uint64_t{18446744073709551615u});
  json.Field("negative", int64_t{-5});
  json.Field("ok", true);
  json.Key("empty_array");
  json.BeginArray();
  json.EndArray();
  json.Key("empty_object");
  json.BeginObject();
  json.EndObject();
  json.Key("items");
  json.BeginArray();
  json.String("a");
  json.BeginObject();
  json.Field("x", false);
  json.EndObject();
  json.EndArray();
  json.EndObject();
}

TEST(JsonWriter, CompactIsOneLine) {
  std::string out;
  fdfkit::support::JsonWriter json(&out);
  WriteSample(json);
  EXPECT_EQ(out,
            R"({"name":"fan","count":3,"big":18446744073709551615,"negative":-5,"ok":true,)"
            R"("empty_array":[],"empty_object":{},"items":["a",{"x":false}]})");
}

TEST(JsonWriter, PrettyMatchesNlohmannsLayout) {
  std::string out;
  fdfkit::support::JsonWriter json(&out, 2);
  WriteSample(json);
  EXPECT_EQ(out, nlohmann::ordered_json::parse(out).dump(2));
  EXPECT_EQ(out.substr(0, 20), "{\n  \"name\": \"fan\",\n ");
}

TEST(JsonWriter, EscapesQuotesControlBytesAndRepairsUtf8) {
  std::string out;
  fdfkit::support::JsonWriter json(&out);
  json.BeginArray();
  json.String("say \"hi\"\\\n\t\x01");
  json.String("caf\xc3\xa9");  // valid UTF-8 stays as it is
  json.String("caf\xe9");      // a lone Latin-1 byte becomes U+FFFD
  json.EndArray();
  EXPECT_EQ(out, "[\"say \\\"hi\\\"\\\\\\n\\t\\u0001\",\"caf\xc3\xa9\",\"caf\xef\xbf\xbd\"]");
  auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed[0], "say \"hi\"\\\n\t\x01");
}

}  // namespace
